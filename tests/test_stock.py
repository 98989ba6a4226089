"""Consumables: stock never below zero on any day; printing supplies only with the supervisor's approval."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_rules import lines

STOCK_IN = """\
- id: RK-2026-0001
  date: 2026-03-02
  item: paper-a4
  quantity: 10
  unit_price: "23.50"
  origin: 采购
  acceptor: 李主任
"""
STOCK_OUT = """\
- id: CK-2026-0001
  date: 2026-03-04
  item: paper-a4
  quantity: 4
  receiver: 张老师
  purpose: 试卷印刷
  issued_by: 李主任
  approvals:
  - {role: supervisor, by: 刘副校长, on: 2026-03-04}
"""


def test_clean_stock(ledger_dir: Callable[..., Path]) -> None:
    assert lines(ledger_dir({"2026/stock-in.yaml": STOCK_IN, "2026/stock-out.yaml": STOCK_OUT})) == []


STOCK_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "STK001 more than in stock",
        {"2026/stock-in.yaml": STOCK_IN, "2026/stock-out.yaml": STOCK_OUT.replace("quantity: 4", "quantity: 12")},
        ["2026/stock-out.yaml:1: error[STK001] CK-2026-0001 领用 paper-a4 12，但 2026-03-04 库存只有 10：库存不能为负"],
    ),
    (
        "STK001 issued before it arrived",
        {"2026/stock-in.yaml": STOCK_IN.replace("2026-03-02", "2026-03-05"), "2026/stock-out.yaml": STOCK_OUT},
        ["2026/stock-out.yaml:1: error[STK001] CK-2026-0001 领用 paper-a4 4，但 2026-03-04 库存只有 0：库存不能为负"],
    ),
    (
        "STK002 paper without the supervisor",
        {"2026/stock-in.yaml": STOCK_IN, "2026/stock-out.yaml": STOCK_OUT.split("  approvals:")[0]},
        ["2026/stock-out.yaml:1: error[STK002] CK-2026-0001 领用印刷耗材 A4复印纸 未经主管领导审批"],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), STOCK_CASES, ids=[c[0] for c in STOCK_CASES])
def test_stock_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


def test_balance_at_moving_average_cost(ledger_dir: Callable[..., Path]) -> None:
    import datetime as dt
    from decimal import Decimal

    from houqin.ledger.load import load_ledger
    from houqin.reports.stock import stock_balance

    second = STOCK_IN.replace("RK-2026-0001", "RK-2026-0002").replace('"23.50"', '"25.50"')
    root = ledger_dir({"2026/stock-in.yaml": STOCK_IN + second, "2026/stock-out.yaml": STOCK_OUT})
    ledger = load_ledger(root).ledger
    (row,) = stock_balance(ledger, dt.date(2026, 3, 31))
    assert (row.item, row.quantity, row.value) == ("paper-a4", Decimal(16), Decimal("392.00"))  # 490 − 4 × 24.50
    (before,) = stock_balance(ledger, dt.date(2026, 3, 3))
    assert (before.quantity, before.value) == (Decimal(20), Decimal("490.00"))


def test_receive_and_issue_end_to_end(git_ledger: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from tests.conftest import git

    root = git_ledger()
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run(
        "stock",
        "in",
        "paper-a4",
        "-q",
        "10",
        "--price",
        "23.5",
        "--acceptor",
        "李主任",
        "--witness",
        "张老师",
        "--date",
        "2026-03-02",
    )
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "stock in RK-2026-0001 paper-a4 ×10 @ 23.50\n"
    base = [
        "stock",
        "out",
        "paper-a4",
        "--to",
        "张老师",
        "--purpose",
        "试卷印刷",
        "--issued-by",
        "李主任",
        "--date",
        "2026-03-04",
    ]
    code, out = run(*base, "-q", "4")
    assert code == 1 and "error[STK002] CK-2026-0001 领用印刷耗材 A4复印纸 未经主管领导审批" in out
    code, out = run(*base, "-q", "12", "--approved-by", "刘副校长")
    assert code == 1 and "error[STK001]" in out and "库存只有 10" in out
    assert run(*base, "-q", "-2", "--approved-by", "刘副校长")[0] == 2
    code, out = run(*base, "-q", "2.5", "--approved-by", "刘副校长")
    assert code == 0, out
    assert '  quantity: "2.5"\n' in (root / "2026/stock-out.yaml").read_text()
    code, out = run("--lang", "en", "stock", "balance", "--at", "2026-03-31")
    assert "7.5 包" in out and "176.25" in out  # 10 × 23.50 − 2.5 × 23.50
    assert run("check") == (0, "")

"""Consumables: stock never below zero on any day; printing supplies only with the supervisor's approval."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE
from tests.test_rules import lines

STOCK_IN = """\
- id: RK-2026-0001
  date: 2026-03-02
  item: paper-a4
  quantity: 10
  unit_price: "23.50"
  origin: 期初结存
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
    (
        "STK003 no clear source",
        {"2026/stock-in.yaml": STOCK_IN.replace("origin: 期初结存", "origin: 采购")},
        [
            "2026/stock-in.yaml:1: error[STK003] RK-2026-0001 入库来源 采购 不清楚：应为请购单号（CG-…）、"
            "盘点单号（PD-…）或 捐赠、调入、期初结存"
        ],
    ),
    (
        "STK004 above the department's quota",
        {
            "houqin.yaml": BASE["houqin.yaml"].rstrip(" ")
            + "        policy:\n          quotas:\n          - {department: 语文组, item: paper-a4, quantity: 3}\n",
            "2026/stock-in.yaml": STOCK_IN,
            "2026/stock-out.yaml": STOCK_OUT,
        },
        [
            "2026/stock-out.yaml:1: warning[STK004] 语文组 本学期（2025-2026-2）已领 A4复印纸 4，超过定额 3（CK-2026-0001）"
        ],
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
        "--origin",
        "捐赠",
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


def test_monthly_movement_by_category(ledger_dir: Callable[..., Path]) -> None:
    """按月分类审核: opening, in, out at average cost, closing — the month before and the month itself."""
    from decimal import Decimal

    from houqin.ledger.load import load_ledger
    from houqin.reports.stock import monthly_movement

    april_in = STOCK_IN.replace("RK-2026-0001", "RK-2026-0002").replace("2026-03-02", "2026-04-01")
    april_in = april_in.replace('"23.50"', '"25.50"')
    april_out = STOCK_OUT.replace("CK-2026-0001", "CK-2026-0002").replace("2026-03-04", "2026-04-02")
    root = ledger_dir({"2026/stock-in.yaml": STOCK_IN + april_in, "2026/stock-out.yaml": STOCK_OUT + april_out})
    ledger = load_ledger(root).ledger
    (march,) = monthly_movement(ledger, "2026-03")
    assert (march.category, march.opening, march.received, march.issued, march.closing) == (
        "印刷耗材",
        Decimal("0.00"),
        Decimal("235.00"),
        Decimal("94.00"),
        Decimal("141.00"),
    )
    (april,) = monthly_movement(ledger, "2026-04")
    # 6 left at 23.50 + 10 at 25.50 = 396.00 for 16, average 24.75; 4 issued = 99.00.
    assert (april.opening, april.received, april.issued, april.closing) == (
        Decimal("141.00"),
        Decimal("255.00"),
        Decimal("99.00"),
        Decimal("297.00"),
    )
    assert (april.receipts, april.issues) == (1, 1)


def test_stock_balance_month_cli(ledger_dir: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    root = ledger_dir({"2026/stock-in.yaml": STOCK_IN, "2026/stock-out.yaml": STOCK_OUT})
    runner = CliRunner()
    out = runner.invoke(app, ["--ledger", str(root), "--lang", "en", "stock", "balance", "--month", "2026-03"])
    assert out.exit_code == 0, out.output
    assert "Consumables by category, 2026-03" in out.output and "235.00" in out.output and "141.00" in out.output
    bad = runner.invoke(app, ["--ledger", str(root), "stock", "balance", "--month", "2026-3"])
    assert bad.exit_code == 2 and "YYYY-MM" in bad.output


def test_stock_import_all_or_nothing(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    """An opening balance from a GB18030 spreadsheet: items by id or by name, the bad row named with its
    row number, nothing written until every row is good; then one commit of every receipt."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.load import load_ledger
    from houqin.models.records import StockIn
    from tests.conftest import git

    root = git_ledger()
    sheet = tmp_path / "期初库存.csv"
    sheet.write_bytes(
        "物品名称,数量,单价,日期,验收人\nA4复印纸,30,23.50,2026-02-20,周保管\npaper-a4,-2,23.50,2026年2月20日,周保管\n".encode(
            "gb18030"
        )
    )
    runner = CliRunner()
    refused = runner.invoke(app, ["--ledger", str(root), "stock", "import", str(sheet)])
    assert refused.exit_code == 2  # a cell that is not what its column says is bad input
    assert "期初库存.csv:3" in refused.output and "第 3 行：数量(quantity) 无效：数量必须大于零" in refused.output
    assert git(root, "status", "--porcelain") == ""
    sheet.write_bytes(sheet.read_bytes().replace(b",-2,", b",12,"))
    done = runner.invoke(app, ["--ledger", str(root), "stock", "import", str(sheet)])
    assert done.exit_code == 0, done.output
    assert git(root, "log", "-1", "--format=%s") == "stock-in import 2 records from 期初库存.csv\n"
    receipts = load_ledger(root).ledger.records(StockIn)
    assert [(r.id, r.item, r.quantity, r.origin) for r in receipts if isinstance(r, StockIn)] == [
        ("RK-2026-0001", "paper-a4", 30, "期初结存"),
        ("RK-2026-0002", "paper-a4", 12, "期初结存"),
    ]


def test_stock_import_takes_the_value_of_an_opening_balance(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    """期初结存 as sheets give it, quantity and value (数量, 金额): the unit price is 金额 ÷ 数量 when it is
    whole cents; with both 单价 and 金额 they must agree; otherwise the row is named, nothing written."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.load import load_ledger
    from houqin.models.records import StockIn
    from tests.conftest import git

    root = git_ledger()
    runner = CliRunner()
    sheet = tmp_path / "期初库存.csv"

    def attempt(body: str) -> tuple[int, str]:
        sheet.write_bytes(("物品名称,数量,单价（元）,金额（元）,日期,验收人\n" + body).encode("gb18030"))
        result = runner.invoke(app, ["--ledger", str(root), "stock", "import", str(sheet)])
        return result.exit_code, result.output

    code, out = attempt("A4复印纸,30,23.50,750.00,2026-02-20,周保管\n")
    assert code == 2 and "第 2 行：数量 30 × 单价 23.50 = 705.00，与金额 750.00 不符" in out
    code, out = attempt("A4复印纸,3,,100.00,2026-02-20,周保管\n")
    assert code == 2 and "第 2 行：金额 100.00 ÷ 数量 3 不是整分的单价：加一列单价" in out
    code, out = attempt("A4复印纸,,,,2026-02-20,周保管\n")
    assert code == 2 and "缺少" in out
    assert git(root, "status", "--porcelain") == ""
    code, out = attempt("A4复印纸,40,,940.00,2026-02-20,周保管\nA4复印纸,2,23.50,47.00,2026-02-20,周保管\n")
    assert code == 0, out
    assert "已导入 2 条入库记录。" in out
    receipts = [r for r in load_ledger(root).ledger.records(StockIn) if isinstance(r, StockIn)]
    assert [(r.quantity, str(r.unit_price)) for r in receipts] == [(40, "23.50"), (2, "23.50")]

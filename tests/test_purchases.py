"""Purchasing (R5-R8): the chain by amount, three quotes, the collective decision, acceptance before
stock, register and payment; and the purchase commands end to end in a real git repository."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import BASE, GOOD_EXPENSE, git
from tests.test_rules import lines

UNAPPROVED = """\
- id: CG-2026-0001
  date: 2026-03-01
  department: 语文组
  requester: 张老师
  budget_line: "30201"
  purpose: 作文纸
  lines:
  - {item: paper-a4, quantity: 10, estimate: "23.50"}
  approvals:
  - {role: department_head, by: 李主任, on: 2026-03-01}
  - {role: supervisor, by: 刘副校长, on: 2026-03-01}
  accepted: {on: 2026-03-02, acceptor: 周保管, witness: 李主任}
"""
PRINCIPAL = "  - {role: principal, by: 王校长, on: 2026-03-01}\n"
PURCHASE = UNAPPROVED.replace("  accepted:", PRINCIPAL + "  accepted:")  # 一支笔: the principal approves every one
QUOTES = """\
  quotes:
  - {supplier: 甲, amount: "5875.00", on: 2026-03-01}
  - {supplier: 乙, amount: "5990.00", on: 2026-03-01}
  - {supplier: 丙, amount: "6100.00", on: 2026-03-01}
"""
STOCK_IN = """\
- id: RK-2026-0001
  date: 2026-03-02
  item: paper-a4
  quantity: 10
  unit_price: "23.50"
  origin: CG-2026-0001
  acceptor: 周保管
"""
CLAIM = GOOD_EXPENSE.replace("  purpose: 办公用品\n", "  purpose: 办公用品\n  purchase: CG-2026-0001\n")


def big(quantity: int, quotes: str = "", meeting: str = "") -> str:
    """The purchase with a larger quantity, the principal's approval, and quotes / a meeting."""
    text = UNAPPROVED.replace("quantity: 10", f"quantity: {quantity}")
    text = text.replace("  approvals:\n", quotes + meeting + "  approvals:\n")
    return text.replace("  accepted:", PRINCIPAL + "  accepted:")


MEETING = """\
  meeting:
    on: 2026-03-01
    attendees: [王校长, 刘副校长, 李主任]
    decision: 同意采购
"""


def test_clean_purchase_flow(ledger_dir: Callable[..., Path]) -> None:
    files = {"2026/purchases.yaml": PURCHASE, "2026/stock-in.yaml": STOCK_IN, "2026/expenses.yaml": CLAIM}
    assert lines(ledger_dir(files)) == []
    assert lines(ledger_dir({"2026/purchases.yaml": big(2200, QUOTES, MEETING)}, name="big")) == []


PURCHASE_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "PUR001 the principal approves every purchase (一支笔, no tier by default)",
        {"2026/purchases.yaml": UNAPPROVED},
        ["2026/purchases.yaml:1: error[PUR001] 请购单 CG-2026-0001 估价 235.00 元，验收前缺少校长(principal)审批"],
    ),
    (
        "PUR001 principal missing above a tier the school wrote down",
        {
            "houqin.yaml": BASE["houqin.yaml"].rstrip(" ")
            + '        policy:\n          principal_threshold: "1000.00"\n',
            "2026/purchases.yaml": UNAPPROVED.replace("quantity: 10", "quantity: 100"),
        },
        ["2026/purchases.yaml:1: error[PUR001] 请购单 CG-2026-0001 估价 2350.00 元，验收前缺少校长(principal)审批"],
    ),
    (
        "PUR002 approved after acceptance",
        {
            "2026/purchases.yaml": UNAPPROVED.replace(
                "supervisor, by: 刘副校长, on: 2026-03-01", "supervisor, by: 刘副校长, on: 2026-03-03"
            )
        },
        [
            "2026/purchases.yaml:1: error[PUR001] 请购单 CG-2026-0001 估价 235.00 元，验收前缺少校长(principal)审批",
            "2026/purchases.yaml:11: error[PUR002] 请购单 CG-2026-0001 的主管领导(supervisor)审批日期 2026-03-03 "
            "晚于验收日期 2026-03-02",
        ],
    ),
    (
        "PUR003 two quotes",
        {"2026/purchases.yaml": big(250, "\n".join(QUOTES.splitlines()[:3]) + "\n")},
        [
            "2026/purchases.yaml:1: error[PUR003] 请购单 CG-2026-0001 估价 5875.00 元，达到 5000.00 元须三家报价"
            "（货比三家），校长审批前只有 2 家"
        ],
    ),
    (
        "PUR004 no meeting",
        {"2026/purchases.yaml": big(2200, QUOTES)},
        [
            "2026/purchases.yaml:1: error[PUR004] 请购单 CG-2026-0001 估价 51700.00 元，达到 50000.00 元须三重一大"
            "集体决策，缺少会议记录"
        ],
    ),
    (
        "PUR005 no quorum",
        {"2026/purchases.yaml": big(2200, QUOTES, MEETING.replace("[王校长, 刘副校长, 李主任]", "[王校长, 李主任]"))},
        ["2026/purchases.yaml:1: error[PUR005] 请购单 CG-2026-0001 的集体决策会议出席领导 1 人，不足应到 2 人的 2/3"],
    ),
    (
        "PUR006 meeting after the principal",
        {"2026/purchases.yaml": big(2200, QUOTES, MEETING.replace("on: 2026-03-01", "on: 2026-03-02"))},
        [
            "2026/purchases.yaml:1: error[PUR006] 请购单 CG-2026-0001 的集体决策会议（2026-03-02）晚于校长审批"
            "（2026-03-01）"
        ],
    ),
    (
        "PUR007 acceptor witnesses",
        {"2026/purchases.yaml": PURCHASE.replace("witness: 李主任}", "witness: 周保管}")},
        ["2026/purchases.yaml:1: error[PUR007] 请购单 CG-2026-0001 的验收人和证明人是同一人 周保管"],
    ),
    (
        "PUR008 stock in before acceptance",
        {"2026/purchases.yaml": PURCHASE.split("  accepted:")[0], "2026/stock-in.yaml": STOCK_IN},
        [
            "2026/stock-in.yaml:1: error[PUR008] RK-2026-0001 于 2026-03-02 按请购单 CG-2026-0001 入账，但该请购单此前没有验收"
        ],
    ),
    (
        "PUR009 claim for goods never accepted",
        {"2026/purchases.yaml": PURCHASE.split("  accepted:")[0], "2026/expenses.yaml": CLAIM},
        [
            "2026/expenses.yaml:1: error[PUR009] 报销单 BX-2026-0001（2026-03-05）报销请购单 CG-2026-0001 的物品，"
            "但物品此前没有验收"
        ],
    ),
    (
        "PUR010 item not on the request",
        {
            "catalog.yaml": BASE["catalog.yaml"].replace(
                "          - {id: paper-a4, name: A4复印纸, unit: 包, category: 印刷耗材}\n",
                "          - {id: paper-a4, name: A4复印纸, unit: 包, category: 印刷耗材}\n"
                "          - {id: chalk, name: 粉笔, unit: 盒, category: 教学用品}\n",
            ),
            "2026/purchases.yaml": PURCHASE,
            "2026/stock-in.yaml": STOCK_IN.replace("item: paper-a4", "item: chalk"),
        },
        ["2026/stock-in.yaml:1: error[PUR010] RK-2026-0001 按请购单 CG-2026-0001 入库 chalk，但请购单中没有该物品"],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), PURCHASE_CASES, ids=[c[0] for c in PURCHASE_CASES])
def test_purchase_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


def test_request_approve_quote_accept_end_to_end(git_ledger: Callable[..., Path]) -> None:
    """A request above the quote threshold with a new asset: approved, three quotes, accepted — which
    writes the purchase, a stock-in and an asset card in one commit that passes every check."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.load import load_ledger
    from houqin.models.records import Asset, Purchase, StockIn

    root = git_ledger()
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        assert result.exit_code == 0, result.output
        return result.output

    run(
        "purchase", "request", "--department", "语文组", "--requester", "张老师", "--budget-line", "30201",
        "--purpose", "录播教室设备", "--item", "paper-a4:20:23.50", "--asset", "录播摄像机:A02109900:1:5200",
        "--date", "2026-03-01",
    )  # fmt: skip
    # 货比三家 before the principal decides: the other order is refused (PUR003).
    for supplier, amount in (("甲公司", "5670.00"), ("乙公司", "5800.00"), ("丙公司", "5900.00")):
        run("purchase", "quote", "CG-2026-0001", "--supplier", supplier, "--amount", amount, "--on", "2026-03-02")
    for step, by in (("department_head", "李主任"), ("supervisor", "刘副校长"), ("principal", "王校长")):
        run("purchase", "approve", "CG-2026-0001", "--as", step, "--by", by, "--on", "2026-03-03")
    out = run(
        "purchase", "accept", "CG-2026-0001", "--acceptor", "周保管", "--witness", "李主任", "--supplier", "甲公司",
        "--got", "1=20@23.00", "--place", "SY-301", "--keeper", "李主任", "--date", "2026-03-10",
    )  # fmt: skip
    assert "RK-2026-0001, ZC-2026-0001" in out
    assert git(root, "log", "-1", "--format=%s") == "purchase accept CG-2026-0001: RK-2026-0001, ZC-2026-0001\n"
    assert git(root, "status", "--porcelain") == ""
    ledger = load_ledger(root).ledger
    (p,) = ledger.records(Purchase)
    (stock,) = ledger.records(StockIn)
    (asset,) = ledger.records(Asset)
    assert isinstance(p, Purchase) and p.accepted is not None and len(p.quotes) == 3
    assert isinstance(stock, StockIn) and (stock.origin, str(stock.unit_price)) == ("CG-2026-0001", "23.00")
    assert isinstance(asset, Asset) and (asset.purchase, asset.place, str(asset.unit_price)) == (
        "CG-2026-0001",
        "SY-301",
        "5200.00",
    )
    # A second acceptance is refused, and so is an approval after it.
    again = runner.invoke(
        app,
        ["--ledger", str(root), "purchase", "accept", "CG-2026-0001", "--acceptor", "周保管", "--witness", "李主任"],
    )
    assert again.exit_code == 2 and "已验收" in again.output
    listed = run("purchase", "list")
    assert "CG-2026-0001" in listed and "2026-03-10 已验收" in listed


def test_accepting_an_asset_needs_a_place(git_ledger: Callable[..., Path]) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    root = git_ledger(
        {
            "2026/purchases.yaml": big(1)
            .replace(
                '{item: paper-a4, quantity: 1, estimate: "23.50"}',
                '{asset: 实物展台, category: A02109900, quantity: 1, estimate: "1200.00"}',
            )
            .split("  accepted:")[0]
        }
    )
    result = CliRunner().invoke(
        app,
        ["--ledger", str(root), "purchase", "accept", "CG-2026-0001", "--acceptor", "周保管", "--witness", "李主任"],
    )
    assert result.exit_code == 2
    assert "须用 --place 和 --keeper" in result.output


def test_a_config_written_before_purchases_existed_still_checks_them(ledger_dir: Callable[..., Path]) -> None:
    """A school's houqin.yaml lists only the chains it had; the kinds it does not name keep the default."""
    config = BASE["houqin.yaml"].rstrip(" ") + (
        "        policy:\n          signatures:\n            chains:\n              expenses: [handler, witness, principal]\n"
    )
    files = {"houqin.yaml": config, "2026/purchases.yaml": UNAPPROVED.replace("quantity: 10", "quantity: 100")}
    assert lines(ledger_dir(files)) == [
        "2026/purchases.yaml:1: error[PUR001] 请购单 CG-2026-0001 估价 2350.00 元，验收前缺少校长(principal)审批"
    ]

"""Assets from registration to scrap: moves, loans, disposals, handovers, depreciation; each rule
with a ledger that breaks it and the exact diagnostic, and the commands end to end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest
from typer.testing import CliRunner

from houqin.checks.loans import check_loans
from houqin.cli.app import app
from houqin.ledger.load import load_ledger
from houqin.models.depreciation import book_value
from tests.conftest import BASE, GOOD_ASSET, git
from tests.test_rules import lines

LOT = """\
- id: ZC-2026-0002
  date: 2026-01-05
  name: 学生课桌椅
  category: A02010105
  unit: 套
  quantity: 45
  unit_price: "320.00"
  place: JX-101
  keeper: 张老师
  funding: 财政拨款
  below_threshold_reason: 大批同类物资
"""
ASSETS = GOOD_ASSET + LOT
MOVE = """\
- id: DB-2026-0001
  date: 2026-03-09
  asset: ZC-2026-0002
  quantity: 5
  to_place: SY-301
  to_keeper: 李主任
  approvals:
  - {role: giver, by: 张老师, on: 2026-03-09}
  - {role: receiver, by: 李主任, on: 2026-03-09}
"""
SCRAP = """\
- id: CZ-2026-0001
  date: 2026-04-01
  asset: ZC-2026-0001
  type: scrap
  reason: 主板损坏
  approvals:
  - {role: keeper, by: 周保管, on: 2026-04-01}
  - {role: director, by: 李主任, on: 2026-04-02}
  - {role: principal, by: 王校长, on: 2026-04-03}
"""
LOAN = """\
- id: JY-2026-0001
  date: 2026-03-02
  asset: ZC-2026-0001
  borrower: 张老师
  due: 2099-03-09
  approvals:
  - {role: keeper, by: 李主任, on: 2026-03-02}
"""


def test_clean_asset_life(ledger_dir: Callable[..., Path]) -> None:
    returned = (
        LOAN.replace("due: 2099-03-09", "due: 2026-03-09") + "  returned: {on: 2026-03-08, received_by: 李主任}\n"
    )
    root = ledger_dir(
        {"2026/assets.yaml": ASSETS, "2026/moves.yaml": MOVE, "2026/loans.yaml": returned, "2026/disposals.yaml": SCRAP}
    )
    assert lines(root) == []


ASSET_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "AST001 event after scrap",
        {
            "2026/assets.yaml": ASSETS,
            "2026/disposals.yaml": SCRAP,
            "2026/loans.yaml": LOAN.replace("2026-03-02", "2026-05-02"),
        },
        ["2026/loans.yaml:1: error[AST001] ZC-2026-0001 已全部报废/转让/报损，JY-2026-0001 不能再对它登记"],
    ),
    (
        "AST002 more than the lot",
        {"2026/assets.yaml": ASSETS, "2026/moves.yaml": MOVE.replace("quantity: 5", "quantity: 50")},
        ["2026/moves.yaml:1: error[AST002] DB-2026-0001 要动用 ZC-2026-0002 的 50 件，但JX-101处只有 45 件可用"],
    ),
    (
        "AST003 which place",
        {
            "2026/assets.yaml": ASSETS,
            "2026/moves.yaml": MOVE
            + MOVE.replace("DB-2026-0001", "DB-2026-0002")
            .replace("2026-03-09", "2026-03-10")
            .replace("to_place: SY-301", "to_place: JX-101"),
        },
        [
            "2026/moves.yaml:10: error[AST003] ZC-2026-0002 分放在多个地点（JX-101、SY-301），DB-2026-0002 须写明调出地点(from_place)"
        ],
    ),
    (
        "AST004 moved while on loan",
        {
            "2026/assets.yaml": ASSETS,
            "2026/loans.yaml": LOAN,
            "2026/moves.yaml": MOVE.replace("ZC-2026-0002", "ZC-2026-0001")
            .replace("  quantity: 5\n", "")
            .replace("张老师", "李主任"),
        },
        ["2026/moves.yaml:1: error[AST004] ZC-2026-0001 有 1 件借出未还，DB-2026-0001 要动用 1 件，只有 0 件在库"],
    ),
    (
        "AST005 wrong giver",
        {"2026/assets.yaml": ASSETS, "2026/moves.yaml": MOVE.replace("giver, by: 张老师", "giver, by: 王校长")},
        ["2026/moves.yaml:1: error[AST005] DB-2026-0001 的 移交人(giver) 签字人是 王校长，应为 张老师"],
    ),
    (
        "AST006 big disposal without authority",
        {"2026/assets.yaml": ASSETS.replace('"4999.00"', '"250000.00"'), "2026/disposals.yaml": SCRAP},
        [
            "2026/disposals.yaml:1: error[AST006] CZ-2026-0001 处置价值 250000.00 元，超过 200000.00 元，须有主管部门批复文号(authority)"
        ],
    ),
    (
        "AST007 place keeper left",
        {
            "places.yaml": "- {id: JX-101, name: 一年级(1)班, kind: classroom, keeper: 陈老师}\n"
            "- {id: SY-301, name: 计算机教室, kind: function, keeper: 李主任}\n"
        },
        ["places.yaml:1: error[AST007] 地点 JX-101 的保管人 陈老师 已于 2026-03-01 离校"],
    ),
    (
        "DEP001 left with assets",
        {"2026/assets.yaml": LOT.replace("keeper: 张老师", "keeper: 陈老师")},
        ["people.yaml:6: error[DEP001] 陈老师 于 2026-03-01 离校，但仍保管或借用 1 项资产：ZC-2026-0002"],
    ),
    (
        "LOAN002 returned before lent",
        {"2026/assets.yaml": ASSETS, "2026/loans.yaml": LOAN + "  returned: {on: 2026-03-01, received_by: 李主任}\n"},
        ["2026/loans.yaml:1: error[LOAN002] JY-2026-0001 的归还日期 2026-03-01 早于借出日期 2026-03-02"],
    ),
    (
        "LOAN003 due before lent",
        {
            "2026/assets.yaml": ASSETS,
            "2026/loans.yaml": LOAN.replace("2099-03-09", "2026-03-01")
            + "  returned: {on: 2026-03-05, received_by: 李主任}\n",
        },
        ["2026/loans.yaml:1: error[LOAN003] JY-2026-0001 的应还日期 2026-03-01 早于借出日期 2026-03-02"],
    ),
    (
        "APR007 move without receiver",
        {
            "2026/assets.yaml": ASSETS,
            "2026/moves.yaml": MOVE.replace("  - {role: receiver, by: 李主任, on: 2026-03-09}\n", ""),
        },
        ["2026/moves.yaml:1: error[APR007] DB-2026-0001 缺少 接收人(receiver) 签字（需 移交人 → 接收人）"],
    ),
    (
        "AST008 a class, not a leaf",
        {"catalog.yaml": BASE["catalog.yaml"].replace("A02010105, name: 台式计算机", "A02010100, name: 计算机")},
        [
            "catalog.yaml:4: warning[AST008] 资产分类 A02010100 计算机 在 GB/T 14885-2022 中是一个大类，下面还有末级分类"
            "（如 A02010104 服务器、A02010105 台式计算机、A02010108 便携式计算机）：资产应登记到末级分类"
        ],
    ),
    (
        "AST009 a code that moved",
        {
            "catalog.yaml": BASE["catalog.yaml"].replace("A02010105, name: 台式计算机", "A02010104, name: 台式计算机"),
            "2026/assets.yaml": GOOD_ASSET.replace("A02010105", "A02010104"),
        },
        [
            "catalog.yaml:4: warning[AST009] 资产分类 A02010104 写作 台式计算机，但 GB/T 14885-2022 中 A02010104 是 服务器；"
            "台式计算机 在该版中的代码是 A02010105"
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), ASSET_CASES, ids=[c[0] for c in ASSET_CASES])
def test_asset_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


@pytest.mark.parametrize(("name", "files"), [(c[0], c[1]) for c in ASSET_CASES] + [("bundled", None)])
def test_replaying_the_cards_events_name_finds_what_replaying_every_card_does(
    ledger_dir: Callable[..., Path], name: str, files: dict[str, str] | None
) -> None:
    """The asset check replays only the cards a move, loan or disposal names (replay(named=True)): its
    problems are those of replaying every card, whole and file by file, on every asset rule's ledger."""
    from houqin.checks.registry import EVENTS
    from houqin.models.asset_state import replay
    from houqin.models.records import Asset
    from tests.conftest import BUNDLED

    ledger = load_ledger(BUNDLED if files is None else ledger_dir(files)).ledger
    files_of_cards = sorted({a.source.file for a in ledger.records(Asset)})
    views = [ledger, *(ledger.file_view(f, "assets", frozenset({"assets"}), EVENTS, "x") for f in files_of_cards)]
    for view in views:
        assert replay(view, named=True)[1] == replay(view)[1]
    if name[:6] in {"AST001", "AST002", "AST003", "AST004", "AST005"}:
        assert replay(ledger, named=True)[1]  # a comparison of nothing proves nothing


def test_overdue_loan_is_a_warning(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": ASSETS, "2026/loans.yaml": LOAN.replace("2099-03-09", "2026-03-09")})
    ledger = load_ledger(root).ledger
    found = list(check_loans(ledger, ledger.config.policy, today=dt.date(2026, 3, 20)))
    assert [f"{d.location()}: {d.severity}[{d.code}] {d.message('zh')}" for d in found] == [
        "2026/loans.yaml:1: warning[LOAN001] JY-2026-0001：张老师 借用逾期 11 天（应于 2026-03-09 归还；遇节假日顺延，节假日不计）"
    ]
    assert list(check_loans(ledger, ledger.config.policy, today=dt.date(2026, 3, 9))) == []


def test_pending_disposal_takes_no_effect(ledger_dir: Callable[..., Path]) -> None:
    """A scrap still awaiting the principal leaves the asset in the books; moving it is fine."""
    pending = SCRAP.replace("  - {role: principal, by: 王校长, on: 2026-04-03}\n", "")
    later = LOAN.replace("2026-03-02", "2026-05-02") + "  returned: {on: 2026-05-03, received_by: 李主任}\n"
    assert (
        lines(ledger_dir({"2026/assets.yaml": ASSETS, "2026/disposals.yaml": pending, "2026/loans.yaml": later})) == []
    )


@pytest.mark.parametrize(
    ("cost", "acquired", "at", "life", "accumulated", "months"),
    [
        ("4350.00", dt.date(2022, 7, 1), dt.date(2026, 11, 24), 6, "3202.08", 53),  # July 2022 to November 2026
        ("4350.00", dt.date(2022, 7, 31), dt.date(2022, 7, 31), 6, "60.42", 1),  # 当月增加，当月开始计提
        ("4350.00", dt.date(2022, 7, 1), dt.date(2022, 8, 1), 6, "120.83", 2),
        ("4350.00", dt.date(2022, 7, 1), dt.date(2022, 6, 30), 6, "0.00", 0),  # not yet bought
        ("7200.00", dt.date(2020, 1, 15), dt.date(2031, 1, 1), 6, "7200.00", 72),  # never below zero
        ("28.50", dt.date(2016, 10, 12), dt.date(2026, 11, 24), 0, "0.00", 0),  # books: not depreciated
    ],
)
def test_depreciation(cost: str, acquired: dt.date, at: dt.date, life: int, accumulated: str, months: int) -> None:
    value = book_value(Decimal(cost), acquired, at, life, "same_month")
    assert (value.accumulated, value.months) == (Decimal(accumulated), months)
    assert value.net == Decimal(cost) - Decimal(accumulated)


@pytest.mark.parametrize(
    ("start", "held", "disposed"),
    [
        # 当月增加当月计提、当月减少当月不提: July to October charged for a part disposed of in November.
        ("same_month", 5, 4),
        # 当月增加下月计提、当月减少当月照提: August to November, the same count.
        ("next_month", 4, 4),
    ],
)
def test_the_start_month_is_policy_and_a_disposal_is_charged_the_same_either_way(
    start: Literal["same_month", "next_month"], held: int, disposed: int
) -> None:
    bought, november = dt.date(2026, 7, 20), dt.date(2026, 11, 5)
    assert book_value(Decimal("7200.00"), bought, november, 6, start).months == held
    assert book_value(Decimal("7200.00"), bought, november, 6, start, disposed=True).months == disposed
    assert book_value(Decimal("7200.00"), bought, bought, 6, start, disposed=True).months == 0


runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def test_move_part_of_a_lot_then_list_and_show(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": ASSETS})
    code, out = run(
        root,
        "asset",
        "move",
        "ZC-2026-0002",
        "-q",
        "5",
        "--to-place",
        "SY-301",
        "--to-keeper",
        "李主任",
        "--date",
        "2026-03-09",
    )
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "asset move DB-2026-0001 ZC-2026-0002 → SY-301 李主任\n"
    assert "  - {role: giver, by: 张老师, on: 2026-03-09}" in (root / "2026/moves.yaml").read_text()
    code, out = run(root, "asset", "list", "--place", "JX-101", "--at", "2026-03-10")
    assert "│ ZC-2026-0002 │ 学生课桌椅 │" in out and "│ 40 套 │" in out
    code, out = run(root, "--lang", "en", "asset", "show", "houqin:zc-2026-0002", "--at", "2026-03-10")  # scanned
    assert "JX-101 张老师 ×40；SY-301 李主任 ×5" in out
    code, out = run(
        root, "asset", "move", "ZC-2026-0002", "--to-place", "JX-101", "--to-keeper", "张老师", "--date", "2026-03-10"
    )
    assert code == 2 and "JX-101、SY-301" in out


def test_loan_return_and_overdue_list(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": ASSETS})
    code, out = run(
        root,
        "asset",
        "loan",
        "ZC-2026-0001",
        "--to",
        "张老师",
        "--due",
        "2026-03-09",
        "--approved-by",
        "李主任",
        "--date",
        "2026-03-02",
    )
    assert code == 0, out
    code, out = run(
        root,
        "asset",
        "loan",
        "ZC-2026-0001",
        "--to",
        "孙老师",
        "--due",
        "2026-03-19",
        "--approved-by",
        "李主任",
        "--date",
        "2026-03-04",
    )
    assert code == 1 and "error[AST004]" in out
    code, out = run(root, "asset", "list", "--overdue", "--at", "2026-03-20")
    assert "JY-2026-0001" in out and "│ 11 " in out
    code, out = run(
        root, "asset", "return", "ZC-2026-0001", "--received-by", "李主任", "--on", "2026-03-20", "--condition", "完好"
    )
    assert code == 0, out
    assert (
        "  returned: {on: 2026-03-20, received_by: 李主任, condition: 完好}" in (root / "2026/loans.yaml").read_text()
    )
    code, out = run(root, "asset", "return", "ZC-2026-0001", "--received-by", "李主任")
    assert code == 2 and "没有未归还的借用" in out


def test_scrap_takes_effect_when_fully_signed(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": ASSETS})
    code, out = run(root, "asset", "scrap", "ZC-2026-0001", "--reason", "主板损坏", "--date", "2026-04-01")
    assert code == 0, out
    for step, by, day in (("keeper", "周保管", "2026-04-01"), ("director", "李主任", "2026-04-02")):
        assert run(root, "sign", "CZ-2026-0001", "--as", step, "--by", by, "--on", day)[0] == 0
    code, out = run(root, "sign", "CZ-2026-0001", "--as", "principal", "--by", "张老师", "--on", "2026-04-03")
    assert code == 1 and "error[SIG001]" in out
    code, out = run(root, "asset", "list", "--at", "2026-04-05")
    assert "ZC-2026-0001" in out  # not effective yet
    assert run(root, "sign", "CZ-2026-0001", "--as", "principal", "--by", "王校长", "--on", "2026-04-03")[0] == 0
    code, out = run(root, "asset", "list", "--at", "2026-04-05")
    assert "ZC-2026-0001" not in out
    code, out = run(root, "asset", "list", "--status", "disposed", "--at", "2026-04-05")
    assert "ZC-2026-0001" in out
    code, out = run(
        root, "asset", "move", "ZC-2026-0001", "--to-place", "JX-101", "--to-keeper", "张老师", "--date", "2026-05-01"
    )
    assert code == 2 and "ZC-2026-0001" in out  # nowhere left to take it from
    assert run(root, "check")[0] == 0


def test_transfer_needs_a_recipient(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": ASSETS})
    code, out = run(
        root,
        "asset",
        "transfer",
        "ZC-2026-0002",
        "--to",
        "青禾县第二小学",
        "--reason",
        "支援兄弟学校",
        "-q",
        "10",
        "--date",
        "2026-04-01",
    )
    assert code == 0, out
    assert "  recipient: 青禾县第二小学" in (root / "2026/disposals.yaml").read_text()
    for step, by in (("keeper", "周保管"), ("director", "李主任"), ("principal", "王校长")):
        assert run(root, "sign", "CZ-2026-0001", "--as", step, "--by", by, "--on", "2026-04-02")[0] == 0
    code, out = run(root, "asset", "show", "ZC-2026-0002", "--at", "2026-04-05")
    assert "35 / 45 套" in out and "JX-101 张老师 ×35" in out  # exactly 10 of the lot left the books
    assert run(root, "check") == (0, "")


def test_handover_list_for_a_leaving_teacher(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": ASSETS})
    code, out = run(root, "asset", "list", "--keeper", "张老师", "--at", "2026-03-01")
    assert code == 0 and "张老师 保管的资产" in out and "ZC-2026-0002" in out and "ZC-2026-0001" not in out
    assert "保管人签字" in out


def test_handover_before_leaving_is_clean_and_a_loan_is_not(ledger_dir: Callable[..., Path]) -> None:
    """陈老师 leaves on 2026-03-01: moving the desks away the day before clears them; a loan still out does not."""
    kept = LOT.replace("keeper: 张老师", "keeper: 陈老师")
    handed = (
        MOVE.replace("2026-03-09", "2026-02-28")
        .replace("giver, by: 张老师", "giver, by: 陈老师")
        .replace("  quantity: 5\n", "")
    )
    assert lines(ledger_dir({"2026/assets.yaml": kept, "2026/moves.yaml": handed}, name="a")) == []
    borrowed = (
        LOAN.replace("borrower: 张老师", "borrower: 陈老师")
        .replace("2026-03-02", "2026-02-20")
        .replace("ZC-2026-0001", "ZC-2026-0002")
    )
    root = ledger_dir({"2026/assets.yaml": ASSETS, "2026/loans.yaml": borrowed}, name="b")
    assert lines(root) == [
        "people.yaml:6: error[DEP001] 陈老师 于 2026-03-01 离校，但仍保管或借用 1 项资产：JY-2026-0001"
    ]


def test_the_code_table_knows_its_classes_moved_codes_and_units() -> None:
    from houqin.ledger.asset_codes import code_table

    table = code_table()
    assert (table.edition, table.compiled) == ("GB/T 14885-2022", "2026-12-02")
    assert table.names["A02010105"] == "台式计算机" and table.moved["A02010104"] == ("台式计算机", "A02010105")
    assert table.is_class("A02010100") and table.is_class("A05010000") and table.is_class("A02021000")
    assert not table.is_class("A02010105") and not table.is_class("A02110000")  # a leaf; a code it does not know
    assert table.under("A05010500") == ["A05010501", "A05010502"]
    units = {
        c: table.unit_of(c) for c in ("A02010105", "A05010203", "A05010301", "A05010501", "A04010000", "A05040403")
    }
    assert units == {"A02010105": "台", "A05010203": "张", "A05010301": "把", "A05010501": "个", "A04010000": "册",
                     "A05040403": "件"}  # fmt: skip


def test_an_asset_added_without_a_unit_is_counted_in_its_categorys(git_ledger: Callable[..., Path]) -> None:
    from tests.conftest import BASE

    catalog = BASE["catalog.yaml"].replace(
        "asset_categories:\n", "asset_categories:\n          - {code: A05010501, name: 书柜, life_years: 15}\n"
    )
    root = git_ledger({"catalog.yaml": catalog})
    code, out = run(root, "asset", "add", "--name", "图书角书柜", "--category", "A05010501", "--price", "1050",
                    "--place", "JX-101", "--keeper", "张老师", "--date", "2026-03-02")  # fmt: skip
    assert code == 0, out
    assert "unit: 个" in (root / "2026/assets.yaml").read_text(encoding="utf-8")

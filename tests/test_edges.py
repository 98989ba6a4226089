"""Issue #13: every rule holds at its edges. Each test reproduces a fault a new school found."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import GOOD_ASSET, GOOD_EXPENSE
from tests.test_cli import ASSET_ARGS, snapshot
from tests.test_rules import lines

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


ADJUSTMENT = (
    '- id: TZ-2026-0001\n  date: 2026-03-08\n  budget_line: "30201"\n  year: 2026\n  amount: "{amount}"\n'
    "  reason: 压缩开支\n  approvals:\n  - {{role: principal, by: 王校长, on: 2026-03-08}}\n"
)

FEES = """\
- id: GS-2026-0001
  date: 2026-02-21
  term: 2099-1
  items:
  - {id: exercise, name: 作业本费, amount: "20.00"}
  published: 2026-02-21
  where: 校务公开栏
  approvals:
  - {role: principal, by: 王校长, on: 2026-02-21}
"""

# Item 5 (money above zero) and item 10 (one strict way to write a number in a ledger file).
EDGE_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "DAT001 dated after today",
        {"2026/assets.yaml": GOOD_ASSET.replace("2026-03-02", "2026-12-20")},
        ["2026/assets.yaml:1: warning[DAT001] ZC-2026-0001 的日期 2026-12-20 晚于今天（2026-11-24）"],
    ),
    (
        "REF011 fee notice for an unknown term",
        {"2026/fee-notices.yaml": FEES},
        ["2026/fee-notices.yaml:1: error[REF011] GS-2026-0001 的学期 2099-1 不在 houqin.yaml 的 terms 中"],
    ),
    (
        "SCH001 negative claim",
        {"2026/expenses.yaml": GOOD_EXPENSE.replace('amount: "1299.50"\n  budget', 'amount: "-300.00"\n  budget')},
        ["2026/expenses.yaml:4: error[SCH001] 字段 金额(amount) 无效：金额必须大于零：-300.00"],
    ),
    (
        "SCH001 zero asset price",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', '"0.00"')},
        ["2026/assets.yaml:5: error[SCH001] 字段 单价(unit_price) 无效：金额必须大于零：0.00"],
    ),
    (
        "SCH001 thousands separator",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', '"4,999.00"')},
        [
            "2026/assets.yaml:5: error[SCH001] 字段 单价(unit_price) 无效：不是金额：4,999.00"
            '（账本中金额只写半角数字和小数点，如 "1200.00"，不带千分位、全角数字或 e/0x 写法）'
        ],
    ),
    (
        "SCH001 full-width digits",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', '"４９９９.00"')},
        [
            "2026/assets.yaml:5: error[SCH001] 字段 单价(unit_price) 无效：不是金额：４９９９.00"
            '（账本中金额只写半角数字和小数点，如 "1200.00"，不带千分位、全角数字或 e/0x 写法）'
        ],
    ),
    (
        "SCH001 hex money",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', "0x4f1")},
        ['2026/assets.yaml:5: error[SCH001] 字段 单价(unit_price) 无效：金额须写成带引号的文字，如 "1200.00"'],
    ),
    (
        "SCH001 exponent money",
        {"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', "1e20")},
        ['2026/assets.yaml:5: error[SCH001] 字段 单价(unit_price) 无效：金额须写成带引号的文字，如 "1299.50"'],
    ),
    (
        "SCH001 quantity with an exponent",
        {
            "2026/stock-in.yaml": "- id: RK-2026-0001\n  date: 2026-03-02\n  item: paper-a4\n"
            '  quantity: "1E+2"\n  unit_price: "20.00"\n  origin: 捐赠\n  acceptor: 李主任\n'
        },
        ["2026/stock-in.yaml:4: error[SCH001] 字段 数量(quantity) 无效：不是数量：1E+2"],
    ),
    (
        "BUD003 budget cut below zero",
        {"2026/budget-adjustments.yaml": ADJUSTMENT.format(amount="-60000.00")},
        [
            "2026/budget-adjustments.yaml:1: error[BUD003] 预算调整 TZ-2026-0001 使预算科目 30201 办公费 2026 年预算降为 "
            "-10000.00 元：预算不能为负"
        ],
    ),
    (
        "BUD004 budget cut below what was spent",
        {"2026/budget-adjustments.yaml": ADJUSTMENT.format(amount="-49000.00"), "2026/expenses.yaml": GOOD_EXPENSE},
        [
            "2026/budget-adjustments.yaml:1: error[BUD004] 预算调整 TZ-2026-0001 使预算科目 30201 办公费 2026 年预算降为 "
            "1000.00 元，低于当日已支出的 1299.50 元",
            "2026/expenses.yaml:1: error[BUD001] 报销单 BX-2026-0001 使预算科目 30201 办公费 2026 年支出达 1299.50 元，"
            "超过预算 1000.00 元",
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), EDGE_CASES, ids=[c[0] for c in EDGE_CASES])
def test_edge_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


def test_a_cut_within_what_is_left_is_clean(ledger_dir: Callable[..., Path]) -> None:
    files = {"2026/budget-adjustments.yaml": ADJUSTMENT.format(amount="-48000.00"), "2026/expenses.yaml": GOOD_EXPENSE}
    assert lines(ledger_dir(files)) == []


def _with(args: list[str], option: str, value: str) -> list[str]:
    at = args.index(option)
    return [*args[: at + 1], value, *args[at + 2 :]]


@pytest.mark.parametrize(
    ("option", "value", "needle"),
    [
        ("--price", "-4000", "金额须大于零"),
        ("--price", "0", "金额须大于零"),
        ("--price", "4,200", "半角数字"),
        ("--price", "４２００", "半角数字"),
        ("--price", "1e3", "半角数字"),
    ],
)
def test_cli_refuses_money_that_is_not_positive_or_not_plain(
    git_ledger: Callable[..., Path], option: str, value: str, needle: str
) -> None:
    root = git_ledger()
    before = snapshot(root)
    code, out = run("--ledger", str(root), *_with(ASSET_ARGS, option, value), "--reason", "x")
    assert code == 2, out
    assert needle in out
    assert snapshot(root) == before


@pytest.mark.parametrize("quantity", ["1E+2", "-3", "0", "１０", "2.5000"])
def test_cli_refuses_quantities_not_written_plainly(git_ledger: Callable[..., Path], quantity: str) -> None:
    root = git_ledger()
    before = snapshot(root)
    args = ["stock", "in", "paper-a4", "--quantity", quantity, "--price", "20", "--acceptor", "李主任"]
    code, out = run("--ledger", str(root), *args, "--origin", "捐赠", "--date", "2026-03-02")
    assert code == 2, out
    assert "数量" in out
    assert snapshot(root) == before


def test_budget_cut_below_spent_is_refused_and_a_raise_written(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    before = snapshot(root)
    cut = ["budget", "adjust", "30201", "--reason", "压缩", "--approved-by", "王校长", "--date", "2026-03-08"]
    code, out = run("--ledger", str(root), *cut, "--amount", "-99999")
    assert code == 1, out
    assert "BUD003" in out
    code, out = run("--ledger", str(root), *cut, "--amount", "-49000")
    assert code == 1, out
    assert "BUD004" in out and "1299.50" in out
    assert snapshot(root) == before
    code, out = run("--ledger", str(root), *cut, "--amount", "-1000")
    assert code == 0, out
    assert 'amount: "-1000.00"' in (root / "2026/budget-adjustments.yaml").read_text()


@pytest.mark.parametrize("typed", ["BX-2026-0001x", "BX-2026-00012", "XBX-2026-0001", "BX-2026-0001-2"])
def test_an_id_argument_matches_exactly(git_ledger: Callable[..., Path], typed: str) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE.split("  approvals:")[0]})
    before = snapshot(root)
    code, out = run("--ledger", str(root), "sign", typed, "--as", "handler", "--by", "张老师", "--on", "2026-03-05")
    assert code == 2, out
    assert typed in out
    assert snapshot(root) == before


def test_an_id_as_a_scanner_types_it_still_resolves() -> None:
    from houqin.services.lookup import resolve_id

    assert resolve_id(" houqin:zc-2026-0002\r\n") == "ZC-2026-0002"
    assert resolve_id("ZC-2026-0002x") == "ZC-2026-0002X"


PURCHASE = """\
- id: CG-2026-0001
  date: 2026-03-01
  requester: 张老师
  department: 语文组
  budget_line: "30201"
  purpose: 教学用书
  lines:
  - {item: paper-a4, quantity: 10, estimate: "20.00"}
"""
NAMING_A_PURCHASE = {
    "2026/repairs.yaml": "- id: WX-2026-0001\n  date: 2026-03-02\n  asset: CG-2026-0001\n  reporter: 张老师\n  fault: 坏了\n",
    "2026/loans.yaml": "- id: JY-2026-0001\n  date: 2026-03-02\n  asset: CG-2026-0001\n  borrower: 张老师\n"
    "  due: 2026-03-09\n  returned: {on: 2026-03-05, received_by: 李主任}\n",
    "2026/moves.yaml": "- id: DB-2026-0001\n  date: 2026-03-02\n  asset: CG-2026-0001\n  to_place: JX-101\n"
    "  to_keeper: 张老师\n",
    "2026/disposals.yaml": "- id: CZ-2026-0001\n  date: 2026-03-02\n  asset: CG-2026-0001\n  type: scrap\n"
    "  reason: 坏了\n",
    "2026/damages.yaml": "- id: PC-2026-0001\n  date: 2026-03-02\n  asset: CG-2026-0001\n"
    "  responsible: {type: staff, name: 张老师}\n  description: 摔坏\n",
}


@pytest.mark.parametrize("path", sorted(NAMING_A_PURCHASE))
def test_an_asset_field_holding_a_purchase_id_is_ref009_not_a_crash(ledger_dir: Callable[..., Path], path: str) -> None:
    root = ledger_dir({"2026/purchases.yaml": PURCHASE, path: NAMING_A_PURCHASE[path]})
    found = [line for line in lines(root) if "REF009" in line]
    assert found == [f"{path}:1: error[REF009] 引用的资产/asset CG-2026-0001 不存在"]
    code, out = run("--ledger", str(root), "check")
    assert code == 1 and "REF009" in out


def test_repair_open_on_a_purchase_id_is_refused_cleanly(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/purchases.yaml": PURCHASE})
    before = snapshot(root)
    args = ["repair", "open", "--asset", "CG-2026-0001", "--reporter", "张老师", "--fault", "坏了"]
    code, out = run("--ledger", str(root), *args, "--date", "2026-03-02")
    assert code in (1, 2), out
    assert "CG-2026-0001" in out
    assert snapshot(root) == before


HOSTILE_TEXT = '=HYPERLINK("http://x","点我")'


def _cells(path: Path) -> list[tuple[str, object]]:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [(c.data_type, c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row]


def test_every_spreadsheet_output_keeps_formulas_as_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 18: an asset, a payee and a place named like a formula, through every xlsx and csv houqin writes."""
    import csv
    import io
    import shutil

    from tests.conftest import BUNDLED

    root = tmp_path / "ledger"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    for rel, old in (("places.yaml", "name: "), ("2026/expenses.yaml", "payee: "), ("2026/assets.yaml", "name: ")):
        text = (root / rel).read_text(encoding="utf-8")
        at = text.index(old) + len(old)
        end = text.index("\n", at) if text[at] != "{" else at
        end = min(e for e in (text.find(",", at), text.find("}", at), text.find("\n", at)) if e > 0)
        (root / rel).write_text(text[:at] + '"' + HOSTILE_TEXT.replace('"', '\\"') + '"' + text[end:], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        ["asset", "list", "--status", "all", "--format", "xlsx", "--out", str(out / "register.xlsx")],
        ["export", "xlsx", "--out", str(out / "books.xlsx")],
        ["export", "csv", "--out", str(out / "books.csv")],
        ["finance", "report", "2026-10", "--format", "xlsx", "--out", str(out / "report.xlsx")],
        ["inventory", "sheet", "--term", "2026-2027-1", "--format", "xlsx", "--out", str(out / "sheet.xlsx")],
        ["inventory", "sheet", "--term", "2026-2027-1", "--format", "csv", "--out", str(out / "sheet.csv")],
        ["audit", "pack", "--term", "2025-2026-2", "--out", str(out / "pack")],
    ]
    for argv in runs:
        code, output = run("--ledger", str(root), *argv)
        assert code in (0, 1), (argv, output)
    reconcile = ["inventory", "reconcile", str(out / "sheet.xlsx"), "--term", "2026-2027-1"]
    code, output = run("--ledger", str(root), *reconcile, "--report", str(out / "reconcile.xlsx"))
    assert code in (0, 1), output
    books = sorted(out.rglob("*.xlsx"))
    assert len(books) == 6
    reached: set[str] = set()
    for book in books:
        for kind, value in _cells(book):
            assert kind != "f", (book.name, value)
            assert not (isinstance(value, str) and value.startswith(("=", "+", "@"))), (book.name, value)
            if value == "'" + HOSTILE_TEXT:
                reached.add(book.name)
    for sheet in sorted(out.glob("*.csv")):
        rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
        assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row), sheet.name
        if any(cell == "'" + HOSTILE_TEXT for row in rows for cell in row):
            reached.add(sheet.name)
    # the hostile names did reach the outputs, kept as text
    assert {"register.xlsx", "books.xlsx", "books.csv"} <= reached, reached


def _count_sheet(path: Path, paper: str) -> Path:
    """A storeroom's count: every item counted at its book quantity, A4 paper as given ('' = left empty)."""
    from houqin.ledger.load import load_ledger
    from houqin.reports.stock import stock_balance
    from tests.conftest import BUNDLED

    ledger = load_ledger(BUNDLED).ledger
    lines = ["地点,编号,名称,实盘数量"]
    for row in stock_balance(ledger, __import__("datetime").date(2026, 11, 24)):
        counted = paper if row.item == "paper-a4" else str(row.quantity)
        lines.append(f"CK-001,{row.item},{row.name},{counted}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_empty_count_cell_is_not_counted_not_zero(tmp_path: Path) -> None:
    """Item 1: the A4 paper line left empty is listed as uncounted; it does not write the stock to zero."""
    import datetime as dt

    from houqin.inputs.counts import read_counts
    from houqin.ledger.load import load_ledger
    from houqin.reports.inventory import reconcile
    from tests.conftest import BUNDLED

    ledger = load_ledger(BUNDLED).ledger
    rows = read_counts(_count_sheet(tmp_path / "count.csv", ""))
    day = dt.date(2026, 11, 24)
    result = reconcile(ledger, rows, day)
    assert [(r.id, r.row) for r in result.uncounted] == [("paper-a4", 2)]
    assert [d for d in result.differences if not d.asset] == []
    assert result.blank_sheets == []
    missing = reconcile(ledger, rows, day, uncounted_as_missing=True)
    (paper,) = [d for d in missing.differences if not d.asset]
    assert (paper.id, paper.kind, paper.book, paper.counted) == ("paper-a4", "short", 696, 0)


def test_a_whole_blank_sheet_is_a_warning(tmp_path: Path) -> None:
    import datetime as dt

    from houqin.inputs.counts import read_counts
    from houqin.ledger.load import load_ledger
    from houqin.reports.inventory import reconcile
    from tests.conftest import BUNDLED

    sheet = tmp_path / "blank.csv"
    sheet.write_text(
        "地点,编号,名称,实盘数量\nCK-001,paper-a4,A4复印纸,\nCK-001,paper-a3,A3复印纸,\n", encoding="utf-8"
    )
    result = reconcile(load_ledger(BUNDLED).ledger, read_counts(sheet), dt.date(2026, 11, 24))
    assert result.blank_sheets == [f"{sheet}: CK-001"]
    code, out = run("--ledger", str(BUNDLED), "inventory", "reconcile", str(sheet), "--term", "2026-2027-1")
    assert code == 0, out
    assert f"警告：{sheet}: CK-001 整张表都没有填实盘数量" in out.replace("\n", "")


def test_record_is_refused_while_lines_are_uncounted(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import BUNDLED

    root = tmp_path / "ledger"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    before = snapshot(root)
    sheet = _count_sheet(tmp_path / "count.csv", "")
    args = ["inventory", "reconcile", str(sheet), "--term", "2026-2027-1", "--on", "2026-11-24"]
    args += ["--record", "--counter", "周强", "--director", "赵建华", "--no-commit"]
    code, out = run("--ledger", str(root), *args)
    assert code == 2, out
    assert "有 1 行未填实盘数量" in out and "--uncounted-as-missing" in out
    assert snapshot(root) == before


def test_the_written_off_list_shows_what_left_the_books(ledger_dir: Callable[..., Path]) -> None:
    """Item 7: a lot scrapped in part and an asset scrapped whole, each with the quantity and the
    original value written off, the disposal's id and its date (报废资产清单)."""
    import datetime as dt

    from houqin.ledger.load import load_ledger
    from houqin.reports.assets import register
    from tests.test_assets import ASSETS, SCRAP

    part = (
        SCRAP.replace("CZ-2026-0001", "CZ-2026-0002")
        .replace("ZC-2026-0001", "ZC-2026-0002\n  quantity: 3")
        .replace("周保管", "张老师")
    )
    root = ledger_dir({"2026/assets.yaml": ASSETS, "2026/disposals.yaml": SCRAP + part})
    ledger = load_ledger(root).ledger
    day = dt.date(2026, 11, 24)
    gone = register(ledger, day, status="disposed")
    got = [(r.id, r.quantity, r.value.cost, r.disposal, r.disposed_on) for r in gone.rows]
    assert got == [
        ("ZC-2026-0001", 1, Decimal("4999.00"), "CZ-2026-0001", dt.date(2026, 4, 1)),
        ("ZC-2026-0002", 3, Decimal("960.00"), "CZ-2026-0002", dt.date(2026, 4, 1)),
    ]
    assert (gone.quantity, gone.cost) == (4, Decimal("5959.00"))
    in_use = register(ledger, day)
    assert [(r.id, r.quantity) for r in in_use.rows] == [("ZC-2026-0002", 42)]
    assert len(register(ledger, day, status="all").rows) == 3
    code, out = run("--ledger", str(root), "asset", "list", "--status", "disposed", "--at", "2026-11-24")
    assert code == 0, out
    assert "报废资产清单" in out and "报废 CZ-2026-0002（2026-04-01）" in out and "0 台" not in out


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("91350100M000100Y43", True),  # 统一社会信用代码, published examples
        ("911100007109288314", True),
        ("91110108551385082Q", True),
        ("91110108551385082R", False),  # one check character off
        ("91110108551385O82Q", False),  # the letter O is not used
        ("11010519491231002X", True),  # GB 11643's own example
        ("11010519491231002x", True),
        ("110105194912310021", False),
        ("110105194913310028", False),  # no 13th month
        ("123", False),
        ("", False),
    ],
)
def test_supplier_numbers_are_checked_to_their_last_character(number: str, ok: bool) -> None:
    from houqin.models.identifiers import supplier_id_ok

    assert supplier_id_ok(number) is ok


def test_shop_refuses_goods_expired_on_arrival_and_a_made_up_supplier_number(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    before = snapshot(root)
    base = ["shop", "in", "纯牛奶250ml", "-q", "24", "--cost", "2.10", "--price", "2.50", "--shelf-life", "7"]
    base += ["--supplier", "青禾县副食品批发部", "--acceptor", "周保管", "--date", "2026-03-20"]
    code, out = run("--ledger", str(root), *base, "--produced", "2026-03-01", "--supplier-id", "91360721MA35XXXX1C")
    assert code == 1 and "error[SHP004]" in out, out
    code, out = run("--ledger", str(root), *base, "--produced", "2026-03-18", "--supplier-id", "123")
    assert code == 1 and "error[SHP005]" in out, out
    assert snapshot(root) == before


def test_a_write_never_appends_an_id_the_ledger_holds(git_ledger: Callable[..., Path]) -> None:
    """Found while fixing item 2: an appended record with an existing id passed the write's own check
    (it saw the new record in place of the old) and was committed."""
    from houqin.errors import InputError
    from houqin.services.writes import write_record

    root = git_ledger({"2026/assets.yaml": GOOD_ASSET})
    before = snapshot(root)
    with pytest.raises(InputError) as refused:
        write_record(root, lambda ledger: ledger.record_by_id["ZC-2026-0001"], lambda r: f"again {r.id}")
    assert refused.value.key == "record_exists"
    assert snapshot(root) == before


def test_a_refused_field_is_said_in_the_readers_language(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/loans.yaml": NAMING_A_PURCHASE["2026/loans.yaml"].split("  returned:")[0]})
    args = ["asset", "return", "JY-2026-0001", "--received-by", " ", "--on", "2026-03-05"]
    code, out = run("--ledger", str(root), *args)
    assert (code, out.strip()) == (2, "houqin: 输入无效：接收人(received_by)：不能为空")
    code, out = run("--ledger", str(root), "--lang", "en", *args)
    assert (code, out.strip()) == (2, "houqin: Invalid input: received_by: must not be empty")


def test_a_write_shows_the_warnings_it_brings(git_ledger: Callable[..., Path]) -> None:
    """Item 6: a record dated after today is written (a warning, not a refusal) and the clerk sees why."""
    root = git_ledger()
    code, out = run("--ledger", str(root), *_with(ASSET_ARGS, "--date", "2026-12-20"))
    assert code == 0, out
    assert "warning[DAT001] ZC-2026-0001 的日期 2026-12-20 晚于今天（2026-11-24）" in out

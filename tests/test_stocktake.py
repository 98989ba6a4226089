"""The term's stocktake (R29, R30): counts on record, adjustments from the true book quantity and
approved per policy; count sheets, the reconciliation of a realistic count, the report and the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import BASE, BUNDLED, GOOD_ASSET, git
from tests.test_rules import lines

START, END = BASE["2026/stocktakes.yaml"].split("        - id: PD-2026-0002\n")
END = "        - id: PD-2026-0002\n" + END
STOCK_IN = """\
- id: RK-2026-0001
  date: 2026-03-02
  item: paper-a4
  quantity: 100
  unit_price: "23.50"
  origin: 期初结存
  acceptor: 李主任
"""
ACKNOWLEDGED = "          - {role: principal, by: 王校长, on: 2026-07-09}\n"  # 校长确认盘点报告 (PD007)
ADJUSTED = (
    START
    + END.split("          approvals:")[0]
    + """\
          adjustments:
          - {item: paper-a4, book: 100, counted: 90, unit_cost: "23.50"}
          approvals:
          - {role: director, by: 李主任, on: 2026-07-08}
"""
    + ACKNOWLEDGED
)
NOT_ACKNOWLEDGED = (
    "2026/stocktakes.yaml:9: warning[PD007] 盘点 PD-2026-0002（学期 2025-2026-2 的期末盘点）已 129 天，"
    "校长尚未确认盘点报告（期限 15 天，节假日不计；书面上报校长室）"
)


def test_adjustment_moves_the_books(ledger_dir: Callable[..., Path]) -> None:
    from houqin.ledger.load import load_ledger
    from houqin.reports.stock import stock_balance

    root = ledger_dir({"2026/stock-in.yaml": STOCK_IN, "2026/stocktakes.yaml": ADJUSTED})
    assert lines(root) == []
    ledger = load_ledger(root).ledger
    (row,) = stock_balance(ledger, dt.date(2026, 7, 8))
    assert (row.quantity, row.value) == (Decimal(90), Decimal("2115.00"))


STOCKTAKE_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "PD001 term ended without a count",
        {"2026/stocktakes.yaml": START},
        ["houqin.yaml: warning[PD001] 学期 2025-2026-2 已于 2026-07-10 结束，没有期末盘点记录"],
    ),
    (
        "PD002 term began without a count",
        {"2026/stocktakes.yaml": END},
        ["houqin.yaml: warning[PD002] 学期 2025-2026-2 已于 2026-02-20 开始，没有期初清点记录"],
    ),
    (
        "PD003 adjustment from a wrong book quantity",
        {
            "2026/stock-in.yaml": STOCK_IN,
            "2026/stocktakes.yaml": ADJUSTED.replace("book: 100, counted: 90", "book: 95, counted: 90"),
        },
        ["2026/stocktakes.yaml:15: error[PD003] 盘点 PD-2026-0002 调整 paper-a4 账面数 95，但 2026-07-08 账面为 100"],
    ),
    (
        "PD004 large difference without the principal",
        {
            "2026/stock-in.yaml": STOCK_IN,
            "2026/stocktakes.yaml": ADJUSTED.replace("counted: 90", "counted: 70").replace(ACKNOWLEDGED, ""),
        },
        [
            "2026/stocktakes.yaml:9: error[PD004] 盘点 PD-2026-0002 调整账面 705.00 元，缺少校长(principal)审批",
            NOT_ACKNOWLEDGED,
        ],
    ),
    (
        "PD004 adjustment without any approval",
        {"2026/stock-in.yaml": STOCK_IN, "2026/stocktakes.yaml": ADJUSTED.rsplit("          approvals:", 1)[0]},
        [
            "2026/stocktakes.yaml:9: error[PD004] 盘点 PD-2026-0002 调整账面 235.00 元，缺少总务主任(director)审批",
            NOT_ACKNOWLEDGED,
        ],
    ),
    (
        "REF011 unknown term of a stocktake",
        {"2026/stocktakes.yaml": START + END.replace("term: 2025-2026-2", "term: 2030-2031-1")},
        [
            "2026/stocktakes.yaml:9: error[REF011] PD-2026-0002 的学期 2030-2031-1 不在 houqin.yaml 的 terms 中",
            "houqin.yaml: warning[PD001] 学期 2025-2026-2 已于 2026-07-10 结束，没有期末盘点记录",
        ],
    ),
    (
        "PD006 the same count recorded twice",
        {"2026/stocktakes.yaml": START + END.rstrip(" ") + END.replace("PD-2026-0002", "PD-2026-0003")},
        [
            "2026/stocktakes.yaml:16: error[PD006] 盘点 PD-2026-0003 与 PD-2026-0002 重复："
            "学期 2025-2026-2 的期末盘点已清点过 SY-301"
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), STOCKTAKE_CASES, ids=[c[0] for c in STOCKTAKE_CASES])
def test_stocktake_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


def test_terms_before_the_books_began_are_not_warned(ledger_dir: Callable[..., Path]) -> None:
    config = BASE["houqin.yaml"].replace("        terms:", "        started: 2026-08-01\n        terms:")
    found = lines(ledger_dir({"houqin.yaml": config, "2026/stocktakes.yaml": None}))
    assert [line for line in found if "[PD" in line] == []


# --- a realistic count of the bundled ledger: every place, several hundred lines, every kind of difference

DAY = dt.date(2026, 11, 20)


def bundled_count() -> list[object]:
    """The sheets the office prints for every place, filled in as the counters found things."""
    from houqin.ledger.load import load_ledger
    from houqin.models.counting import CountRow
    from houqin.reports.inventory import count_sheets

    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    changes: dict[tuple[str, str], tuple[Decimal | None, str, str]] = {
        ("JX-101", "ZC-2016-0001"): (Decimal(35), "", ""),  # three chairs short (of 38: two written off in July)
        ("JX-101", "ZC-2016-0002"): (Decimal(0), "", ""),  # the platform is gone
        ("JX-302", "ZC-2016-0003"): (Decimal(46), "", ""),  # one chair too many
        ("XZ-204", "ZC-2020-0005"): (Decimal(0), "", ""),  # the computer is next door …
        ("SY-301", "ZC-2022-0013"): (Decimal(1), "报废", "主板烧毁"),
        ("CK-001", "paper-a4"): (Decimal(-5), "", ""),  # relative: five packs short
        ("CK-001", "chalk-white"): (Decimal(3), "", ""),  # relative: three boxes over
    }
    keepers = {("XZ-203", "ZC-2020-0004"): "冯刚"}
    rows = []
    for sheet in count_sheets(ledger, DAY):
        for n, line in enumerate(sheet.lines, start=4):
            counted, condition, note = changes.get((sheet.place, line.id), (None, "完好", ""))
            if counted is None:
                counted = line.book
            elif not line.asset:
                counted = line.book + counted
            keeper = keepers.get((sheet.place, line.id), "")
            rows.append(CountRow("盘点表.xlsx", n, sheet.place, line.id, line.name, counted, condition, keeper, note))
    rows.append(CountRow("扫码.txt", 1, "XZ-203", "HQ:ZC-2020-0005", "", None))  # … scanned from its QR label
    rows.append(CountRow("盘点表.xlsx", 99, "XZ-101", "", "饮水机", Decimal(1), "完好", "", "账外"))
    return rows


def test_reconcile_a_realistic_count() -> None:
    from houqin.ledger.load import load_ledger
    from houqin.reports.inventory import reconcile

    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    rows = bundled_count()
    assert len(rows) > 300
    result = reconcile(ledger, rows, DAY)  # type: ignore[arg-type]
    found = sorted(
        (
            d.kind,
            d.place,
            d.id,
            d.name if not d.id else "",
            d.counted - d.book if d.book is not None and d.counted is not None else None,
            d.value,
            d.action,
        )
        for d in result.differences
    )
    assert found == sorted(
        [
            ("short", "JX-101", "ZC-2016-0001", "", Decimal(-3), Decimal("-960.00"), "find"),
            ("missing", "JX-101", "ZC-2016-0002", "", Decimal(-1), Decimal("-1200.00"), "find"),
            ("over", "JX-302", "ZC-2016-0003", "", Decimal(1), Decimal("320.00"), "register"),
            ("wrong_keeper", "XZ-203", "ZC-2020-0004", "", None, Decimal(0), "move"),
            ("wrong_place", "XZ-203", "ZC-2020-0005", "", Decimal(1), Decimal(0), "move"),
            ("condition", "SY-301", "ZC-2022-0013", "", None, Decimal(0), "scrap"),
            ("surplus", "XZ-101", "", "饮水机", None, Decimal(0), "register"),
            ("short", "CK-001", "paper-a4", "", Decimal(-5), Decimal("-117.50"), "adjust"),
            ("over", "CK-001", "chalk-white", "", Decimal(3), Decimal("19.50"), "adjust"),
        ]
    )
    assert (result.loss, result.gain) == (Decimal("-2277.50"), Decimal("339.50"))
    assert len(result.places) == 29 and result.lines_counted == len(rows)
    (condition,) = result.of_kind("condition")
    assert condition.detail == "报废：主板烧毁"
    (moved,) = result.of_kind("wrong_place")
    assert moved.detail == "账面地点 XZ-204"


def test_sheet_fill_reconcile_record_through_the_cli(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    """Print the xlsx sheets, fill one in as a counter would, reconcile with a report, record it."""
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.load import load_ledger
    from houqin.models.records import Stocktake

    lot = GOOD_ASSET.replace("ZC-2026-0001", "ZC-2026-0002").replace("unit_price:", "quantity: 30\n  unit_price:")
    stock = STOCK_IN.replace("100", "40")
    root = git_ledger(
        {"2026/assets.yaml": GOOD_ASSET + lot, "2026/stock-in.yaml": stock, "2026/stocktakes.yaml": START}
    )
    (root / "places.yaml").write_text(
        BASE["places.yaml"].replace("        ", "") + "- {id: CK-1, name: 库房, kind: storeroom, keeper: 周保管}\n",
        encoding="utf-8",
    )
    git(root, "commit", "-qam", "a store")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        assert result.exit_code == 0, result.output
        return result.output

    sheets = tmp_path / "盘点表.xlsx"
    run("inventory", "sheet", "--term", "2025-2026-2", "--on", "2026-07-06", "--out", str(sheets))
    book = load_workbook(sheets)
    assert book.sheetnames == ["CK-1", "SY-301"]
    ws = book["SY-301"]
    header = [c.value for c in ws[3]]
    counted, condition = header.index("实盘数量") + 1, header.index("状况") + 1
    for row in range(4, ws.max_row + 1):
        if ws.cell(row, 2).value == "ZC-2026-0001":
            ws.cell(row, counted, 1)
            ws.cell(row, condition, "损坏")
        elif ws.cell(row, 2).value == "ZC-2026-0002":
            ws.cell(row, counted, 28)
    store = book["CK-1"]
    store.cell(4, counted, 39)
    book.save(sheets)

    report = tmp_path / "盘点报告.md"
    out = run(
        "inventory", "reconcile", str(sheets), "--term", "2025-2026-2", "--on", "2026-07-06", "--report", str(report),
        "--record", "--counter", "周保管", "--counter", "张老师", "--director", "李主任",
    )  # fmt: skip
    assert "数量盘亏" in out and "状况异常" in out
    text = report.read_text(encoding="utf-8")
    assert "测试小学 2025-2026-2 学期财产清查报告" in text
    assert "| 数量盘亏 | SY-301 | ZC-2026-0002 | 台式电脑 | 30 | 28 | -9,998.00 | 查找 |  |" in text
    assert git(root, "log", "-1", "--format=%s").startswith("inventory reconcile PD-2026-0002 2025-2026-2")
    ledger = load_ledger(root).ledger
    record = ledger.record_by_id["PD-2026-0002"]
    assert isinstance(record, Stocktake)
    assert [(a.item, a.book, a.counted) for a in record.adjustments] == [("paper-a4", 40, 39)]
    assert sorted(f.kind for f in record.findings) == ["condition", "short"]
    run("sign", "PD-2026-0002", "--as", "principal", "--by", "王校长", "--on", "2026-07-07")  # 书面上报校长室
    found = run("check")  # what the count found is still to be followed up (PD008)
    assert [line.split(" ")[1] for line in found.splitlines() if "warning[" in line] == ["warning[PD008]"] * 2
    run(
        "repair",
        "open",
        "--asset",
        "ZC-2026-0001",
        "--reporter",
        "李主任",
        "--fault",
        "盘点发现损坏",
        "--date",
        "2026-07-08",
    )
    run("inventory", "resolve", "PD-2026-0002", "--asset", "ZC-2026-0002", "--by", "李主任", "--place", "SY-301", "--detail", "两台在库房找到", "--date", "2026-07-08")  # fmt: skip
    assert "PD008" not in run("check")


def test_reconcile_reads_yaml_and_a_scanner_list(ledger_dir: Callable[..., Path], tmp_path: Path) -> None:
    from houqin.inputs.counts import read_counts

    counts = tmp_path / "counts.yaml"
    counts.write_text("- {place: SY-301, id: ZC-2026-0001, counted: 1, condition: 完好}\n", encoding="utf-8")
    (row,) = read_counts(counts)
    assert (row.place, row.id, row.counted, row.row) == ("SY-301", "ZC-2026-0001", Decimal(1), 1)
    scans = tmp_path / "scans.txt"
    scans.write_text("HQ:ZC-2026-0001\n\nZC-2026-0002\n", encoding="utf-8")
    rows = read_counts(scans, place="SY-301")
    assert [(r.id, r.counted, r.row) for r in rows] == [("HQ:ZC-2026-0001", None, 1), ("ZC-2026-0002", None, 3)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("地点,编号,实盘数量\nSY-301,ZC-2026-0001,-1\n", "第 2 行的实盘数量 -1 不是有效数量"),
        ("地点,编号,实盘数量\nSY-301,ZC-2026-0001,很多\n", "第 2 行的实盘数量 很多 不是有效数量"),
        ("编号,名称,实盘数量\nZC-2026-0001,台式电脑,1\n", "第 2 行没有地点"),
    ],
)
def test_bad_count_sheets_are_refused_with_the_row(
    ledger_dir: Callable[..., Path], tmp_path: Path, text: str, message: str
) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET})
    sheet = tmp_path / "count.csv"
    sheet.write_bytes(text.encode("gb18030"))
    result = CliRunner().invoke(
        app, ["--ledger", str(root), "inventory", "reconcile", str(sheet), "--term", "2025-2026-2"]
    )
    assert result.exit_code == 2
    assert message in result.output and "count.csv" in result.output


def test_the_example_count_sheet_reconciles_through_a_subprocess(tmp_path: Path) -> None:
    """examples/count-sheet-SY-301.csv against the bundled ledger, run as a clerk runs it."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    report = tmp_path / "report.html"
    env = {**os.environ, "HOUQIN_LANG": "en", "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-m", "houqin", "--ledger", str(BUNDLED), "inventory", "reconcile",
         str(ROOT / "examples/count-sheet-SY-301.csv"), "--term", "2026-2027-1", "--on", "2026-11-20",
         "--report", str(report)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    for line in (
        "missing",
        "ZC-2022-0015",
        "-4,350.00",
        "wrong keeper",
        "唐小军 → 钱红",
        "损坏：屏幕碎裂",
        "not on the books",
    ):
        assert line in proc.stdout
    html = report.read_text(encoding="utf-8")
    assert "stocktake report, term 2026-2027-1" in html and "<td>ZC-2022-0017</td>" in html

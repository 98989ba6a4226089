"""Write examples/asset-register.xlsx from examples/asset-register.csv: the school's existing Excel
register (Chinese headers, a title row, money as numbers and text, one bad row), as later imports
will meet it. Deterministic: run `python scripts/make_examples.py` after changing the CSV."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def main() -> None:
    with (EXAMPLES / "asset-register.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "固定资产登记表"
    ws.append(["青禾县实验小学固定资产登记表（2025年清查）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(rows[0])
    for row in rows[1:]:
        cells: list[object] = list(row)
        price = row[4].replace(",", "")
        if price.replace(".", "", 1).isdigit():
            cells[4] = float(price)  # Excel keeps prices as numbers; the importer must cope
        if row[5].isdigit():
            cells[5] = int(row[5])
        with contextlib.suppress(ValueError):
            cells[7] = dt.datetime.strptime(row[7], "%Y-%m-%d")
        ws.append(cells)
    wb.properties.created = dt.datetime(2025, 12, 1)
    wb.properties.modified = dt.datetime(2025, 12, 1)
    wb.save(EXAMPLES / "asset-register.xlsx")


def count_sheet() -> None:
    """examples/count-sheet-SY-301.csv: the count sheet houqin prints for the computer room on
    2026-11-20, filled in as the counters did — one computer not found, one with a broken screen, one
    used by another teacher, and a machine without a label (not on the books)."""
    from houqin.ledger.load import load_ledger
    from houqin.render.inventory import sheets_csv
    from houqin.reports.inventory import count_sheets

    ledger = load_ledger(EXAMPLES.parent / "ledgers", use_cache=False).ledger
    text = sheets_csv(count_sheets(ledger, dt.date(2026, 11, 20), ["SY-301"]), "zh", True).decode("utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    header, body = rows[0], rows[1:]
    book, counted, condition, keeper, note = (
        header.index(h) for h in ("账面数量", "实盘数量", "状况", "实际保管人", "备注")
    )
    filled = {
        "ZC-2022-0015": ("0", "", "", "未找到"),
        "ZC-2022-0016": ("1", "损坏", "", "屏幕碎裂"),
        "ZC-2022-0017": ("1", "完好", "钱红", "借给教务处使用"),
    }
    for row in body:
        row[counted], row[condition], row[keeper], row[note] = filled.get(row[1], (row[book], "完好", "", ""))
    body.append(["SY-301", "", "学生计算机（无标签）", "", "台", "", "", "1", "完好", "", "盘盈"])
    with (EXAMPLES / "count-sheet-SY-301.csv").open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([header, *body])


if __name__ == "__main__":
    main()
    count_sheet()

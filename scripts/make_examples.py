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


if __name__ == "__main__":
    main()

"""The one writer of every spreadsheet houqin makes (xlsx and csv): no cell ever runs as a formula.

Text in a ledger is typed by people and by imports; an asset named `=HYPERLINK(…)` must reach the
accountant's Excel as that text, never as a live link or a formula. houqin writes no formula of its
own, so every text cell that starts like one (= + - @, a tab or a carriage return) is kept as text
with a leading apostrophe, the spreadsheet convention for "this is text". Workbooks are saved whole
or not at all (atomic_write)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from houqin.ledger.save import atomic_write

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def empty_workbook() -> Workbook:
    """A workbook with no sheet yet (openpyxl starts one with a sheet named "Sheet")."""
    from openpyxl import Workbook

    wb = Workbook()
    for sheet in list(wb.worksheets):
        wb.remove(sheet)
    return wb


def titled_workbook(title: str) -> tuple[Workbook, Worksheet]:
    """A workbook of one sheet, named `title`, and that sheet."""
    wb = empty_workbook()
    sheet: Worksheet = wb.create_sheet(title)
    return wb, sheet


def neutral(value: str) -> str:
    """A text that starts like a formula, kept as text."""
    return "'" + value if value.startswith(FORMULA_START) else value


def neutral_row(values: Iterable[object]) -> list[object]:
    return [neutral(v) if isinstance(v, str) else v for v in values]


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 with a BOM (so Excel opens Chinese text), CRLF line ends, every text cell neutral."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(neutral_row(header))
    writer.writerows([_csv_cell(v) for v in row] for row in rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _csv_cell(value: object) -> str:
    """Text neutral; numbers as written (a negative amount stays a number); nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return neutral(value) if isinstance(value, str) else str(value)


def neutralise(wb: Workbook) -> None:
    """Every text cell of every sheet that would be read as a formula becomes text."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.value = neutral(cell.value)
                    cell.data_type = "s"


def save_workbook(wb: Workbook, path: Path) -> None:
    """Neutralise, then write the workbook to `path` all or nothing."""
    neutralise(wb)
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(path, buf.getvalue())

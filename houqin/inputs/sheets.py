"""Read a spreadsheet the office already keeps: .xlsx, .xls or .ods (any sheet, title and info rows
above the headers, merged cells filled down), or .csv/.txt in UTF-8 (with or without BOM), GB18030 or
UTF-16 (Excel's "Unicode text"), comma, tab or semicolon separated.

Returns the header row and the data rows with their row numbers as a person sees them in Excel,
so every message can say "row 7"."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from houqin.errors import InputError

MAX_ROWS = 200_000
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
HEADER_ROWS = 20  # title, school, "填表日期" and unit rows sit above the header in real registers


@dataclass(frozen=True)
class Sheet:
    path: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]  # (row number, cells)


def read_sheet(path: Path, known_headers: Iterable[str], sheet: str | None = None) -> Sheet:
    if not path.is_file():
        raise InputError("input_missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix in WORKBOOKS:
        raw = _book_rows(path, sheet)
    elif suffix in (".csv", ".txt", ".tsv"):
        raw = _csv_rows(path)
    else:
        raise InputError("input_format", path=str(path))
    return _with_headers(str(path), raw, set(known_headers))


def read_sheets(path: Path, known_headers: Iterable[str]) -> list[Sheet]:
    """Every worksheet of a workbook that has the known headers (a count sheet per place), or the one
    table of a csv; a workbook without any is refused like a single sheet would be."""
    if path.suffix.lower() not in WORKBOOKS:
        return [read_sheet(path, known_headers)]
    known = set(known_headers)
    found = []
    for name in sheet_names(path):
        try:
            found.append(_with_headers(f"{path}[{name}]", _book_rows(path, name), known))
        except InputError:
            continue
    if not found:
        raise InputError("input_no_headers", path=str(path), known="、".join(sorted(known)[:8]))
    return found


def sheet_names(path: Path) -> list[str]:
    book = _open_book(path)
    names = list(book.sheet_names)
    book.close()
    return names


def _open_book(path: Path) -> Any:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError

    with path.open("rb") as f:
        magic = f.read(8)
    if path.suffix.lower() in (".xlsx", ".xlsm") and magic == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise InputError("input_encrypted", path=str(path))  # Excel wraps a password-protected xlsx in OLE
    try:
        return CalamineWorkbook.from_path(str(path))
    except PasswordError:
        raise InputError("input_encrypted", path=str(path)) from None
    except (CalamineError, OSError, ValueError) as exc:
        problem = str(exc).split("\n")[0][:80] or type(exc).__name__
        raise InputError("input_unreadable", path=str(path), problem=problem) from None


def read_lines(path: Path) -> list[tuple[int, str]]:
    """A plain list, one value per line (what a QR scanner types into a text file), with line numbers."""
    return [(n, str(cells[0]).strip()) for n, cells in _csv_rows(path) if cells and str(cells[0]).strip()]


def _book_rows(path: Path, sheet: str | None) -> list[tuple[int, tuple[Any, ...]]]:
    """The sheet's rows numbered as Excel numbers them, each merged range's value filled down its first
    column (a 存放地点 merged over five rows is the place of all five)."""
    from python_calamine import CalamineError

    book = _open_book(path)
    try:
        ws = book.get_sheet_by_name(sheet) if sheet else book.get_sheet_by_index(0)
    except (CalamineError, IndexError, ValueError):  # no such sheet
        names = "、".join(book.sheet_names)
        book.close()
        raise InputError("input_no_sheet", path=str(path), sheet=sheet or "", sheets=names) from None
    try:
        cells = ws.to_python(skip_empty_area=False)  # from A1, so row numbers are Excel's
        merged = ws.merged_cell_ranges or (_ods_spans(path, sheet) if path.suffix.lower() == ".ods" else ())
    except (CalamineError, OSError, ValueError) as exc:  # a corrupt part of the workbook
        raise InputError("input_unreadable", path=str(path), problem=str(exc)[:80]) from None
    finally:
        book.close()
    if len(cells) > MAX_ROWS:
        raise InputError("input_too_big", path=str(path), rows=MAX_ROWS)
    grid = [list(row) for row in cells]
    for (top, col), (bottom, _right) in merged:
        if top >= len(grid) or col >= len(grid[top]):
            continue
        for r in range(top + 1, min(bottom + 1, len(grid))):
            grid[r].extend([""] * (col + 1 - len(grid[r])))
            if grid[r][col] in ("", None):
                grid[r][col] = grid[top][col]
    return [(number, tuple(row)) for number, row in enumerate(grid, start=1)]


def _csv_rows(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    data = path.read_bytes()
    encodings = ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            if any(ord(c) < 32 and c not in "\t\r\n" for c in text[:4096]) or (
                encoding == "utf-16" and "\n" not in text
            ):
                continue  # bytes that decode, but to control characters or to no lines: not this encoding
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("input_encoding", path=str(path))
    delimiter = _delimiter(text)
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if number > MAX_ROWS:
            raise InputError("input_too_big", path=str(path), rows=MAX_ROWS)
        rows.append((number, tuple(cells)))
    return rows


def _delimiter(text: str) -> str:
    """The separator the header row uses most: title rows above it hold none, so csv.Sniffer, which
    wants every line alike, is not asked."""
    lines = text.splitlines()[: HEADER_ROWS + 10]
    return max(("\t", ",", ";"), key=lambda d: max((line.count(d) for line in lines), default=0))


def _ods_spans(path: Path, sheet: str | None) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The merged ranges of an .ods sheet (calamine reports those of .xlsx and .xls only): each cell
    with table:number-rows-spanned, as ((top, col), (bottom, col)), counted from A1 = (0, 0)."""
    import xml.etree.ElementTree as ET

    ns = {
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    }
    t = f"{{{ns['table']}}}"
    try:
        with zipfile.ZipFile(path) as z:
            root = ET.fromstring(z.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, ET.ParseError):
        return []
    tables = root.findall(".//table:table", ns)
    chosen = next((x for x in tables if x.get(t + "name") == sheet or not sheet), None)
    spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
    if chosen is None:
        return spans
    r = 0
    for row in chosen.iter(t + "table-row"):
        c = 0
        for cell in row:
            if cell.tag not in (t + "table-cell", t + "covered-table-cell"):
                continue
            down = int(cell.get(t + "number-rows-spanned", "1"))
            if down > 1:
                spans.append(((r, c), (r + down - 1, c)))
            c += int(cell.get(t + "number-columns-repeated", "1"))
        r += int(row.get(t + "number-rows-repeated", "1"))
    return spans


def _clean_header(value: Any) -> str:
    """单价（元） and 单 价(元) are one header: NFKC (full-width brackets to ASCII), no spaces."""
    return "".join(unicodedata.normalize("NFKC", str(value or "")).split())


def _with_headers(path: str, raw: Sequence[tuple[int, tuple[Any, ...]]], known: set[str]) -> Sheet:
    """The header row is the first of the first 20 rows that holds at least two known column names
    (registers start with a title, the school's name, a 填表日期 row …)."""
    known = {_clean_header(k) for k in known}
    for index, (_number, cells) in enumerate(raw[:HEADER_ROWS]):
        names = [_clean_header(c) for c in cells]
        if sum(1 for n in names if n in known) >= 2:
            body = tuple((n, c) for n, c in raw[index + 1 :] if any(str(x or "").strip() for x in c))
            return Sheet(path, tuple(names), body)
    raise InputError("input_no_headers", path=path, known="、".join(sorted(known)[:8]))


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%Y-%m-%d")
    return unicodedata.normalize("NFKC", str(value)).strip()

"""Read a spreadsheet the office already keeps: .xlsx (any sheet, a title row above the headers),
or .csv in UTF-8 (with or without BOM) or GB18030, comma, tab or semicolon separated.

Returns the header row and the data rows with their row numbers as a person sees them in Excel,
so every message can say "row 7"."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from houqin.errors import InputError

MAX_ROWS = 200_000


@dataclass(frozen=True)
class Sheet:
    path: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]  # (row number, cells)


def read_sheet(path: Path, known_headers: Iterable[str], sheet: str | None = None) -> Sheet:
    if not path.is_file():
        raise InputError("input_missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(path, sheet)
    elif suffix in (".csv", ".txt", ".tsv"):
        raw = _csv_rows(path)
    else:
        raise InputError("input_format", path=str(path))
    return _with_headers(str(path), raw, set(known_headers))


def read_sheets(path: Path, known_headers: Iterable[str]) -> list[Sheet]:
    """Every worksheet of a workbook that has the known headers (a count sheet per place), or the one
    table of a csv; a workbook without any is refused like a single sheet would be."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return [read_sheet(path, known_headers)]
    known = set(known_headers)
    found = []
    for name in sheet_names(path):
        try:
            found.append(_with_headers(f"{path}[{name}]", _xlsx_rows(path, name), known))
        except InputError:
            continue
    if not found:
        raise InputError("input_no_headers", path=str(path), known="、".join(sorted(known)[:8]))
    return found


def sheet_names(path: Path) -> list[str]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError("input_unreadable", path=str(path), problem=type(exc).__name__) from None
    names = list(book.sheetnames)
    book.close()
    return names


def read_lines(path: Path) -> list[tuple[int, str]]:
    """A plain list, one value per line (what a QR scanner types into a text file), with line numbers."""
    return [(n, str(cells[0]).strip()) for n, cells in _csv_rows(path) if cells and str(cells[0]).strip()]


def _xlsx_rows(path: Path, sheet: str | None) -> list[tuple[int, tuple[Any, ...]]]:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError("input_unreadable", path=str(path), problem=type(exc).__name__) from None
    try:
        ws = book[sheet] if sheet else book.worksheets[0]
    except KeyError:
        raise InputError(
            "input_no_sheet", path=str(path), sheet=sheet or "", sheets="、".join(book.sheetnames)
        ) from None
    rows = []
    for number, cells in enumerate(ws.iter_rows(values_only=True), start=1):
        if number > MAX_ROWS:
            raise InputError("input_too_big", path=str(path), rows=MAX_ROWS)
        rows.append((number, tuple(cells)))
    book.close()
    return rows


def _csv_rows(path: Path) -> list[tuple[int, tuple[Any, ...]]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError("input_encoding", path=str(path))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    rows = []
    for number, cells in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), start=1):
        if number > MAX_ROWS:
            raise InputError("input_too_big", path=str(path), rows=MAX_ROWS)
        rows.append((number, tuple(cells)))
    return rows


def _clean_header(value: Any) -> str:
    return "".join(str(value or "").split())


def _with_headers(path: str, raw: Sequence[tuple[int, tuple[Any, ...]]], known: set[str]) -> Sheet:
    """The header row is the first of the first 10 rows that holds at least two known column names
    (registers often start with a title row)."""
    for index, (_number, cells) in enumerate(raw[:10]):
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
    return str(value).strip()

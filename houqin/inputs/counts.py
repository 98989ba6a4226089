"""Read what the counters brought back: filled count sheets (xlsx with a sheet per place, or csv), a
YAML list, or a QR scanner's plain list of ids (one per line, the place given on the command line)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from houqin.errors import InputError
from houqin.inputs.sheets import Sheet, cell_text, read_lines, read_sheets
from houqin.models.counting import CountRow

# Column names on houqin's own sheets and on sheets offices make themselves.
HEADERS: Mapping[str, str] = {
    "地点": "place",
    "存放地点": "place",
    "盘点地点": "place",
    "place": "place",
    "编号": "id",
    "资产编号": "id",
    "物品编号": "id",
    "id": "id",
    "名称": "name",
    "资产名称": "name",
    "物品名称": "name",
    "name": "name",
    "实盘数量": "counted",
    "实盘数": "counted",
    "盘点数量": "counted",
    "counted": "counted",
    "状况": "condition",
    "使用状况": "condition",
    "condition": "condition",
    "实际保管人": "keeper",
    "actual_keeper": "keeper",
    "备注": "note",
    "note": "note",
}


def read_counts(path: Path, place: str | None = None) -> list[CountRow]:
    """The rows of one file of counts. A row without a place takes `place`; none at all is an error."""
    if not path.is_file():
        raise InputError("input_missing", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return _yaml_rows(path, place)
    try:
        sheets = read_sheets(path, HEADERS)
    except InputError as exc:
        if exc.key != "input_no_headers":
            raise
        return [_row(str(path), n, {"id": text}, place) for n, text in read_lines(path)]
    rows = []
    for sheet in sheets:
        rows.extend(_sheet_rows(sheet, place))
    return rows


def _sheet_rows(sheet: Sheet, place: str | None) -> list[CountRow]:
    fields = [HEADERS.get(h, "") for h in sheet.headers]
    if "id" not in fields and "name" not in fields:
        raise InputError("counts_no_id", path=sheet.path)
    out = []
    has_count = "counted" in fields
    for number, cells in sheet.rows:
        values = {f: cell_text(c) for f, c in zip(fields, cells, strict=False) if f}
        if not values.get("id") and not values.get("name"):
            continue  # a signature line or a note under the table, not a counted line
        if not has_count:
            values.pop("counted", None)
        out.append(_row(sheet.path, number, values, place, has_count=has_count))
    return out


def _yaml_rows(path: Path, place: str | None) -> list[CountRow]:
    from houqin.ledger.yamlio import parse

    data, problem = parse(path.read_bytes())
    if problem is not None:
        raise InputError("counts_yaml", path=str(path), line=problem.line, problem=problem.code)
    if not isinstance(data, list):
        raise InputError("counts_yaml", path=str(path), line=1, problem="a list of counted lines")
    out = []
    for n, item in enumerate(data, start=1):
        line = getattr(item, "line", n)
        if not isinstance(item, dict):
            raise InputError("counts_yaml", path=str(path), line=line, problem="each line is a map: {id:, counted:}")
        values = {str(k): _text(v) for k, v in item.items()}
        out.append(_row(str(path), line, values, place, has_count="counted" in values))
    return out


def _text(value: Any) -> str:
    if isinstance(value, float):
        raise InputError("counts_float", value=str(value))
    return cell_text(value)


def _row(
    file: str,
    number: int,
    values: Mapping[str, str],
    place: str | None,
    has_count: bool = False,
) -> CountRow:
    """One counted line. Where the file has a count column, an empty cell means "not counted" (never
    zero: a blank taken as zero once wrote a storeroom's paper down to nothing)."""
    where = values.get("place") or place
    if not where:
        raise InputError("counts_no_place", path=file, row=number)
    counted = _count(values.get("counted", ""), file, number)
    return CountRow(
        file,
        number,
        where,
        values.get("id", ""),
        values.get("name", ""),
        counted,
        values.get("condition", ""),
        values.get("keeper", ""),
        values.get("note", ""),
        uncounted=counted is None and has_count,
    )


def _count(text: str, file: str, row: int) -> Decimal | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise InputError("counts_bad_number", path=file, row=row, value=text) from None
    if not value.is_finite() or value < 0 or value > 10**9:
        raise InputError("counts_bad_number", path=file, row=row, value=text)
    return value

"""houqin asset import: the school's existing register into the ledger, every row checked first.

Pure: it takes the rows a reader found and the ledger, and returns the records it would add and the
rows it cannot take (with their row number and the reason), so nothing is written unless every row
is good (or the clerk chose to skip the bad ones)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from pydantic import ValidationError

from houqin.checks.capitalisation import threshold_for
from houqin.checks.engine import run_checks
from houqin.dates import NotADay, parse_day
from houqin.diagnostics import Diagnostic, Severity, diag
from houqin.errors import UsageError
from houqin.inputs.sheets import Sheet, cell_text
from houqin.ledger.load import LoadResult
from houqin.ledger.store import next_id
from houqin.models.base import Record, Source
from houqin.models.kinds import KIND_BY_NAME, kind_of
from houqin.models.ledger import Ledger
from houqin.models.records import Asset
from houqin.money import lenient_money

# Column names as school registers write them (资产卡片 / 固定资产登记表), and houqin's own.
HEADERS: Mapping[str, str] = {
    "资产名称": "name",
    "名称": "name",
    "name": "name",
    "分类代码": "category",
    "资产分类": "category",
    "分类": "category",
    "category": "category",
    "规格型号": "model",
    "型号": "model",
    "model": "model",
    "单价": "unit_price",
    "单价（元）": "unit_price",
    "单价(元)": "unit_price",
    "unit_price": "unit_price",
    "数量": "quantity",
    "quantity": "quantity",
    "计量单位": "unit",
    "单位": "unit",
    "unit": "unit",
    "取得日期": "date",
    "购置日期": "date",
    "入账日期": "date",
    "date": "date",
    "存放地点": "place",
    "地点": "place",
    "place": "place",
    "保管人": "keeper",
    "使用人": "keeper",
    "keeper": "keeper",
    "经费来源": "funding",
    "funding": "funding",
    "供应商": "supplier",
    "supplier": "supplier",
    "备注": "note",
    "note": "note",
    "资产编号": "old_id",
    "原资产编号": "old_id",
}
FIELDS = (
    "name",
    "category",
    "model",
    "unit_price",
    "quantity",
    "unit",
    "date",
    "place",
    "keeper",
    "funding",
    "supplier",
    "note",
    "old_id",
)
REQUIRED = ("name", "category", "unit_price", "date", "place", "keeper")


class RowTrouble(ValueError):
    """Why a row's values make no record: a kind of houqin.messages.IMPORT_REASONS with its parameters
    (shown in the reader's language when printed)."""

    def __init__(self, kind: str, **params: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.params = params


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported: unreadable (a kind of reason and its parameters), or breaking a
    rule (the rule's diagnostic)."""

    row: int
    reason: str = ""
    params: tuple[tuple[str, str], ...] = ()
    diagnostic: Diagnostic | None = None


def day_of(values: Mapping[str, str], field: str = "date") -> dt.date:
    """The row's day, read as the command line reads one."""
    try:
        return parse_day(values[field])
    except NotADay as err:
        raise RowTrouble(
            "day_" + err.why if err.why == "format" else err.why, field=field, value=values[field]
        ) from None


def money_of(values: Mapping[str, str], field: str = "unit_price") -> Decimal:
    try:
        return lenient_money(values[field])
    except ValueError:
        raise RowTrouble("money_format", field=field, value=values[field]) from None


def trouble_of(exc: ValidationError) -> RowTrouble:
    """The first thing a record's model refused, as a row's reason."""
    err = exc.errors(include_url=False)[0]
    field = ".".join(str(p) for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    ctx = err.get("ctx") or {}
    value = ctx.get("value", err.get("input") if not isinstance(err.get("input"), (dict, list)) else "")
    return RowTrouble("invalid_field", field=field or "-", schema=err["type"], value=str(value), detail=err["msg"])


@dataclass(frozen=True)
class ImportPlan:
    mapping: Mapping[str, str]  # header -> field
    records: tuple[tuple[int, Record], ...]  # (row, record)
    problems: tuple[RowProblem, ...]


Draft = Callable[[Ledger, Mapping[str, str], Callable[[int], str]], Record]


@dataclass(frozen=True)
class Spec:
    """What one kind of import reads: its column names, fields, required fields, and how a row's values
    become a record (raising RowTrouble, or ValidationError, for a row it cannot take)."""

    kind: str
    headers: Mapping[str, str]
    fields: tuple[str, ...]
    required: tuple[str, ...]
    draft: Draft


def column_mapping(headers: Sequence[str], overrides: Mapping[str, str], spec: Spec | None = None) -> dict[int, str]:
    spec = spec or ASSETS
    for header, field in overrides.items():
        if field not in spec.fields and field != "-":
            raise UsageError("unknown_field", field=field, fields="、".join(spec.fields))
        if header not in headers:
            raise UsageError("unknown_column", column=header, columns="、".join(h for h in headers if h))
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        chosen = overrides.get(header) or spec.headers.get(header) or spec.headers.get(header.lower())
        if chosen and chosen != "-" and chosen not in mapping.values():
            mapping[index] = chosen
    missing = [f for f in spec.required if f not in mapping.values()]
    if missing:
        raise UsageError("missing_columns", fields="、".join(missing))
    return mapping


def _draft(ledger: Ledger, values: Mapping[str, str], seq: Callable[[int], str]) -> Asset:
    price = money_of(values)
    if not (values.get("quantity") or "1").isdigit():
        raise RowTrouble("whole_quantity", field="quantity", value=values["quantity"])
    quantity = int(values.get("quantity") or "1")
    day = day_of(values)
    note = values.get("note") or None
    reason = None
    threshold = threshold_for(ledger, ledger.config.policy, values["category"])
    if price < threshold:
        if not note:
            raise RowTrouble("below_threshold", price=str(price), threshold=str(threshold))
        reason = note
    old = values.get("old_id")
    return Asset(
        id=seq(day.year),
        date=day,
        name=values["name"],
        category=values["category"],
        model=values.get("model") or None,
        unit=values.get("unit") or "台",
        quantity=quantity,
        unit_price=price,
        place=values["place"],
        keeper=values["keeper"],
        funding=values.get("funding") or "财政拨款",
        supplier=values.get("supplier") or None,
        below_threshold_reason=reason,
        note=(f"原编号 {old}" + (f"；{note}" if note and not reason else ""))
        if old
        else (note if not reason else None),
    )


ASSETS = Spec("assets", HEADERS, FIELDS, REQUIRED, _draft)


def plan_import(
    loaded: LoadResult,
    sheet: Sheet,
    overrides: Mapping[str, str],
    progress: Callable[[int], None] | None = None,
    spec: Spec = ASSETS,
) -> ImportPlan:
    ledger = loaded.ledger
    mapping = column_mapping(sheet.headers, overrides, spec)
    kind = KIND_BY_NAME[spec.kind]
    taken: dict[int, int] = {}

    def seq(year: int) -> str:
        base = int(next_id(ledger, kind, year).rsplit("-", 1)[1])
        taken[year] = taken.get(year, base - 1) + 1
        return f"{kind.prefix}-{year}-{taken[year]:04d}"

    records: list[tuple[int, Record]] = []
    problems: list[RowProblem] = []
    for count, (row, cells) in enumerate(sheet.rows, start=1):
        values = {field: cell_text(cells[i]) if i < len(cells) else "" for i, field in mapping.items()}
        empty = [f for f in spec.required if not values.get(f)]
        try:
            if empty:
                raise RowTrouble("missing", fields=",".join(empty))
            try:
                records.append((row, spec.draft(ledger, values, seq)))
            except ValidationError as exc:
                raise trouble_of(exc) from None
            except RowTrouble:
                raise
            except ValueError as exc:
                raise RowTrouble("not_understood", detail=str(exc)) from None
        except RowTrouble as trouble:
            problems.append(RowProblem(row, trouble.kind, tuple(trouble.params.items())))
        if progress is not None:
            progress(count)
    problems += _rule_problems(loaded, records)
    bad = {p.row for p in problems}
    return ImportPlan(
        mapping={sheet.headers[i]: f for i, f in mapping.items()},
        records=tuple((row, r) for row, r in records if row not in bad),
        problems=tuple(sorted(problems, key=lambda p: p.row)),
    )


def _rule_problems(loaded: LoadResult, records: Sequence[tuple[int, Record]]) -> list[RowProblem]:
    """Run the checks on the ledger with every row added; an error about a row's record is that row's."""
    after = loaded.ledger
    row_of = {}
    for row, r in records:
        file = f"{r.date.year}/{kind_of(r).filename}"
        after = after.with_record(r.model_copy(update={"source": Source(file, 0)}))
        row_of[r.id] = row
    out = []
    for d in run_checks(LoadResult(after, loaded.diagnostics)):
        if d.severity is Severity.ERROR and d.record in row_of:
            out.append(RowProblem(row_of[d.record], diagnostic=d))
    return out


def problems_as_diagnostics(sheet: Sheet, problems: Sequence[RowProblem]) -> list[Diagnostic]:
    """Row problems as diagnostics at FILE:ROW, so they print (and jump) like any other."""
    return [
        replace(p.diagnostic, file=sheet.path, line=p.row)
        if p.diagnostic is not None
        else _row_diagnostic(sheet.path, p)
        for p in problems
    ]


def _row_diagnostic(path: str, p: RowProblem) -> Diagnostic:
    found = diag("IMP001", path, p.row, row=p.row, kind=p.reason)
    return replace(found, params=(*found.params, *p.params))


def total_value(plan: ImportPlan) -> Decimal:
    return sum((getattr(r, "value", Decimal(0)) for _, r in plan.records), Decimal("0.00"))

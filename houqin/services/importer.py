"""houqin asset import: the school's existing register into the ledger, every row checked first.

Pure: it takes the rows a reader found and the ledger, and returns the records it would add and the
rows it cannot take (with their row number and the reason), so nothing is written unless every row
is good (or the clerk chose to skip the bad ones)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from pydantic import ValidationError

from houqin.checks.capitalisation import threshold_for
from houqin.checks.engine import run_checks
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
from houqin.services.inputs import first_error

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
DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported: unreadable (reason), or breaking a rule (the rule's diagnostic)."""

    row: int
    reason: str = ""
    diagnostic: Diagnostic | None = None


@dataclass(frozen=True)
class ImportPlan:
    mapping: Mapping[str, str]  # header -> field
    records: tuple[tuple[int, Record], ...]  # (row, record)
    problems: tuple[RowProblem, ...]


Draft = Callable[[Ledger, Mapping[str, str], Callable[[int], str]], Record]


@dataclass(frozen=True)
class Spec:
    """What one kind of import reads: its column names, fields, required fields, and how a row's values
    become a record (raising ValueError or ValidationError for a row it cannot take)."""

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


def parse_day(text: str) -> dt.date:
    m = DATE.match(text)
    if not m:
        raise ValueError(text)
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def _draft(ledger: Ledger, values: Mapping[str, str], seq: Callable[[int], str]) -> Asset:
    price = lenient_money(values["unit_price"])
    quantity = int(values.get("quantity") or "1")
    day = parse_day(values["date"])
    note = values.get("note") or None
    reason = None
    if price < threshold_for(ledger, ledger.config.policy, values["category"]):
        if not note:
            raise ValueError(
                f"单价 {price} 低于固定资产标准，须在备注中说明理由 / below the threshold: give a reason in 备注"
            )
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
        if empty:
            problems.append(RowProblem(row, "缺少 / missing: " + "、".join(empty)))
        else:
            try:
                records.append((row, spec.draft(ledger, values, seq)))
            except ValidationError as exc:
                problems.append(RowProblem(row, first_error(exc)))
            except ValueError as exc:
                problems.append(RowProblem(row, f"无法识别 / not understood: {exc}"))
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
        else diag("IMP001", sheet.path, p.row, row=p.row, reason=p.reason)
        for p in problems
    ]


def total_value(plan: ImportPlan) -> Decimal:
    return sum((getattr(r, "value", Decimal(0)) for _, r in plan.records), Decimal("0.00"))

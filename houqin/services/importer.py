"""houqin asset import: the school's existing register into the ledger, every row checked first.

Pure: it takes the rows a reader found and the ledger, and returns the records it would add and the
rows it cannot take (with their row number and the reason), so nothing is written unless every row
is good (or the clerk chose to skip the bad ones)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import partial

from pydantic import ValidationError

from houqin.checks.capitalisation import threshold_for
from houqin.checks.engine import run_checks
from houqin.clock import today
from houqin.dates import NotADay, parse_sheet_day
from houqin.diagnostics import Diagnostic, Severity, diag
from houqin.errors import UsageError
from houqin.inputs.sheets import Sheet, cell_text
from houqin.ledger.load import LoadResult
from houqin.ledger.store import next_id
from houqin.models.asset_state import AssetState
from houqin.models.base import Approval, Record, Source
from houqin.models.depreciation import BookValue, book_value
from houqin.models.directory import Person, Place, RoleSpan, category_code_ok
from houqin.models.kinds import KIND_BY_MODEL, KIND_BY_NAME, kind_of
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Move
from houqin.money import lenient_money
from houqin.services.assets import unit_of
from houqin.services.matching import Resolver, map_columns, normal

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
    "原编号": "old_id",
    "资产编码": "old_id",
    "序号": "-",
    "金额": "amount",
    "金额(元)": "amount",
    "总价": "amount",
    "原值": "amount",
    "原值(元)": "amount",
    "累计折旧": "accumulated",
    "累计折旧(元)": "accumulated",
    "净值": "net",
    "净值(元)": "net",
    "账面净值": "net",
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
    "amount",
    "accumulated",
    "net",
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
    """The row's day, in any of the ways a register writes one (houqin.dates.parse_sheet_day)."""
    try:
        return parse_sheet_day(values[field])
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
class Lacking:
    """A person, place or funding source the register names and the ledger lacks, with the rows that
    need it (and, for a place, the keeper most of those rows name)."""

    sort: str  # person | place | funding
    name: str
    rows: tuple[int, ...]
    keeper: str = ""


@dataclass(frozen=True)
class Change:
    """A row whose 原编号 the books already hold, and what differs (place, keeper, quantity)."""

    row: int
    asset: str
    old_id: str
    differences: tuple[tuple[str, str, str], ...]  # (field, books, register)
    place: str = ""  # the register's place and keeper, as the ledger's ids and names
    keeper: str = ""
    from_place: str | None = None  # where the books hold it, when at one place

    @property
    def moves(self) -> bool:
        return any(f in ("place", "keeper") for f, _b, _r in self.differences)


@dataclass(frozen=True)
class ImportPlan:
    mapping: Mapping[str, str]  # header -> field
    records: tuple[tuple[int, Record], ...]  # (row, record)
    problems: tuple[RowProblem, ...]
    lacking: tuple[Lacking, ...] = ()
    matched: tuple[Change, ...] = ()  # rows already in the books (empty differences: unchanged)
    warnings: tuple[Diagnostic, ...] = ()  # totals rows that disagree with the rows above them
    totals_rows: tuple[int, ...] = ()
    added: Additions | None = None  # what --add-missing registers with the rows
    book: tuple[Decimal, Decimal] = (Decimal("0.00"), Decimal("0.00"))  # accumulated depreciation, net today


@dataclass(frozen=True)
class Additions:
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    funding: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.people) + len(self.places) + len(self.funding)


def additions_for(ledger: Ledger, lacking: Sequence[Lacking]) -> Additions:
    """People with the role staff, places of kind other kept by the keeper the register names for
    them (ids QT-001 …, the 其他 class), funding sources as written: for the clerk to review."""
    used = set(ledger.place_by_id)
    ids = (f"QT-{n:03d}" for n in range(1, 10_000) if f"QT-{n:03d}" not in used)
    return Additions(
        people=tuple(Person(name=x.name, roles=(RoleSpan(role="staff"),)) for x in lacking if x.sort == "person"),
        places=tuple(
            Place(id=next(ids), name=x.name, kind="other", keeper=x.keeper) for x in lacking if x.sort == "place"
        ),
        funding=tuple(x.name for x in lacking if x.sort == "funding"),
    )


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
    resolve: Callable[[Resolver, dict[str, str], Callable[[str, str], None]], None] | None = None


def column_mapping(headers: Sequence[str], overrides: Mapping[str, str], spec: Spec | None = None) -> dict[int, str]:
    """Column index → field; two columns that both mean one field are refused (say which with --map)."""
    spec = spec or ASSETS
    known = {normal(k): v for k, v in spec.headers.items()}
    for header, field in overrides.items():
        if field not in spec.fields and field != "-":
            raise UsageError("unknown_field", field=field, fields="、".join(spec.fields))
        if header not in headers:
            raise UsageError("unknown_column", column=header, columns="、".join(h for h in headers if h))
    return map_columns(
        headers, lambda h: overrides.get(h) or known.get(normal(h)) or known.get(normal(h).lower()), spec.required
    )


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
        unit=values.get("unit") or unit_of(ledger, values["category"]),
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


def _resolve(names: Resolver, values: dict[str, str], lacking: Callable[[str, str], None]) -> None:
    """The register's names as the ledger's: a place named 三年级（2）班 is its id, a category named
    台式计算机 its code; a person, place or funding source the ledger lacks is noted, once per name."""
    for field, find, sort in (
        ("place", names.place, "place"),
        ("keeper", names.person, "person"),
        ("funding", names.funding_source, "funding"),
    ):
        text = values.get(field)
        if text:
            found = find(text)
            if found is None:
                lacking(sort, text)
            else:
                values[field] = found
    category = values.get("category")
    if category:
        code = names.category(category)
        if code is not None:
            values["category"] = code
        elif not category_code_ok(category):
            raise RowTrouble("unknown_category", value=category)


ASSETS = Spec("assets", HEADERS, FIELDS, REQUIRED, _draft, _resolve)


TOTALS = ("合计", "小计", "总计")


def totals_row(cells: Sequence[object]) -> str | None:
    """合计/小计/总计 when a cell of the row says so (合计, 合 计, 合计：, 本页小计), else None."""
    for cell in cells[:4]:
        text = normal(cell_text(cell)).rstrip(":：")
        for word in TOTALS:
            if text == word or (text.endswith(word) and len(text) <= 4):
                return word
    return None


def plan_import(
    loaded: LoadResult,
    sheet: Sheet,
    overrides: Mapping[str, str],
    progress: Callable[[int], None] | None = None,
    spec: Spec = ASSETS,
    add_missing: bool = False,
) -> ImportPlan:
    """Every row planned; with `add_missing`, planned again against the ledger with what it lacks
    added, so the rows name the new places by their new ids."""
    plan = _plan(loaded, sheet, overrides, progress, spec)
    if not add_missing or not plan.lacking:
        return plan
    added = additions_for(loaded.ledger, plan.lacking)
    ledger = loaded.ledger
    catalog = ledger.catalog.model_copy(update={"funding_sources": (*ledger.catalog.funding_sources, *added.funding)})
    wider = replace(
        ledger, people=(*ledger.people, *added.people), places=(*ledger.places, *added.places), catalog=catalog
    )
    again = _plan(LoadResult(wider, loaded.diagnostics, loaded.digests), sheet, overrides, None, spec)
    return replace(again, lacking=plan.lacking, added=added)


def _plan(
    loaded: LoadResult,
    sheet: Sheet,
    overrides: Mapping[str, str],
    progress: Callable[[int], None] | None,
    spec: Spec,
) -> ImportPlan:
    ledger = loaded.ledger
    mapping = column_mapping(sheet.headers, overrides, spec)
    kind = KIND_BY_NAME[spec.kind]
    taken: dict[int, int] = {}
    names = Resolver.of(ledger)
    books = _by_old_id(ledger) if spec.kind == "assets" else {}
    lacking: dict[tuple[str, str], list[int]] = {}
    keepers: dict[str, list[str]] = {}

    def seq(year: int) -> str:
        if year not in taken:
            taken[year] = int(next_id(ledger, kind, year).rsplit("-", 1)[1]) - 1
        taken[year] += 1
        return f"{kind.prefix}-{year}-{taken[year]:04d}"

    records: list[tuple[int, Record]] = []
    problems: list[RowProblem] = []
    matched: list[Change] = []
    warnings: list[Diagnostic] = []
    book = [Decimal("0.00"), Decimal("0.00")]
    on = today()
    totals = _Totals(sheet.path)
    for count, (row, cells) in enumerate(sheet.rows, start=1):
        if progress is not None:
            progress(count)
        values = {field: cell_text(cells[i]) if i < len(cells) else "" for i, field in mapping.items()}
        word = totals_row(cells)
        if word is not None:
            totals.check(row, word, values)
            continue
        if not any(values.values()):
            continue  # a blank row, or one with only its 序号
        empty = [f for f in spec.required if not values.get(f)]
        try:
            if empty:
                raise RowTrouble("missing", fields=",".join(empty))
            if spec.resolve is not None:
                spec.resolve(names, values, partial(_note, lacking, row))
                if values.get("place") and values.get("keeper"):
                    keepers.setdefault(values["place"], []).append(values["keeper"])
            old = values.get("old_id", "")
            if old and old in books:
                matched.append(_compare(row, books[old], old, values))
                quantity = Decimal(values.get("quantity") or "1")
                totals.add(quantity, money_of(values) * quantity if values.get("unit_price") else Decimal(0))
                continue
            try:
                record = spec.draft(ledger, values, seq)
            except ValidationError as exc:
                raise trouble_of(exc) from None
            except RowTrouble:
                raise
            except ValueError as exc:
                raise RowTrouble("not_understood", detail=str(exc)) from None
            records.append((row, record))
            if isinstance(record, Asset):
                value = _book_value(ledger, record, on)
                book[0] += value.accumulated
                book[1] += value.net
                warnings += _book_differences(sheet.path, row, values, value)
            totals.add(Decimal(getattr(record, "quantity", 0)), Decimal(getattr(record, "value", 0)))
        except RowTrouble as trouble:
            problems.append(RowProblem(row, trouble.kind, tuple(trouble.params.items())))
    missing = {name for _sort, name in lacking}
    problems += [p for p in _rule_problems(loaded, records) if not _about(p, missing)]
    bad = {p.row for p in problems}
    return ImportPlan(
        mapping={sheet.headers[i]: f for i, f in mapping.items()},
        records=tuple((row, r) for row, r in records if row not in bad),
        problems=tuple(sorted(problems, key=lambda p: p.row)),
        lacking=tuple(
            Lacking(sort, name, tuple(rows), _most(keepers.get(name, [])) if sort == "place" else "")
            for (sort, name), rows in sorted(lacking.items(), key=lambda kv: (_SORTS.index(kv[0][0]), kv[0][1]))
        ),
        matched=tuple(matched),
        warnings=tuple([*totals.warnings, *warnings]),
        totals_rows=tuple(totals.rows),
        book=(book[0], book[1]),
    )


_SORTS = ("person", "place", "funding")


def _note(lacking: dict[tuple[str, str], list[int]], row: int, sort: str, name: str) -> None:
    lacking.setdefault((sort, name), []).append(row)


def _shown(field: str, amount: Decimal) -> str:
    return f"{amount.normalize():f}" if field == "quantity" else f"{amount:,.2f}"


def _most(names: Sequence[str]) -> str:
    return max(dict.fromkeys(names), key=names.count) if names else ""


def _about(problem: RowProblem, missing: set[str]) -> bool:
    """A rule error that only repeats a name already in the summary of what the ledger lacks."""
    d = problem.diagnostic
    return d is not None and d.code.startswith("REF") and any(v in missing for _k, v in d.params)


def _by_old_id(ledger: Ledger) -> dict[str, AssetState]:
    """The books' assets as they stand today, by the register's id an earlier import kept in their note
    (原编号 X)."""
    from houqin.clock import today
    from houqin.models.asset_state import replay

    olds = {}
    for a in ledger.records(Asset):
        note = getattr(a, "note", None) or ""
        if note.startswith("原编号 "):
            olds[a.id] = note.removeprefix("原编号 ").split("；", 1)[0].strip()
    if not olds:
        return {}
    states, _ = replay(ledger, until=today())
    return {old: states[rid] for rid, old in olds.items() if rid in states}


def _compare(row: int, state: AssetState, old: str, values: Mapping[str, str]) -> Change:
    books = {
        "place": "、".join(state.places),
        "keeper": "、".join(state.keepers),
        "quantity": str(state.in_books),
    }
    register = {"place": values["place"], "keeper": values["keeper"], "quantity": values.get("quantity") or "1"}
    diffs = tuple((f, books[f], register[f]) for f in ("place", "keeper", "quantity") if books[f] != register[f])
    places = state.places
    return Change(
        row, state.asset.id, old, diffs, register["place"], register["keeper"], places[0] if len(places) == 1 else None
    )


def moves_for(ledger: Ledger, plan: ImportPlan, day: dt.date) -> list[Move]:
    """--update: each matched row whose place or keeper differs, as a move (调拨) signed by the keeper who
    gives and the one who receives, dated `day`. An asset the books hold at several places is left
    for houqin asset move (which place it leaves is the clerk's to say)."""
    kind = KIND_BY_MODEL[Move]
    first = int(next_id(ledger, kind, day.year).rsplit("-", 1)[1])
    out: list[Move] = []
    for change in plan.matched:
        if not change.moves or change.from_place is None:
            continue
        giver = _giver(change)
        out.append(
            Move(
                id=f"{kind.prefix}-{day.year}-{first + len(out):04d}",
                date=day,
                asset=change.asset,
                to_place=change.place,
                to_keeper=change.keeper,
                reason=f"按登记表更正（原编号 {change.old_id}）",
                approvals=(
                    Approval(role="giver", by=giver, on=day),
                    Approval(role="receiver", by=change.keeper, on=day),
                ),
            )
        )
    return out


def _giver(change: Change) -> str:
    books = dict((f, b) for f, b, _r in change.differences)
    return books.get("keeper", change.keeper)


def _book_value(ledger: Ledger, asset: Asset, on: dt.date) -> BookValue:
    """The asset's depreciation as of the import, from its class's life (catalog.yaml life_years): an
    asset bought years ago comes in with the depreciation it has had, so its net value is right on day one."""
    category = ledger.category_by_code.get(asset.category)
    life = category.life_years if category is not None else 0
    return book_value(asset.value, asset.date, on, life, ledger.config.policy.depreciation.start)


def _book_differences(path: str, row: int, values: Mapping[str, str], value: BookValue) -> list[Diagnostic]:
    """A register's 累计折旧 or 净值 that differs from houqin's, as warnings naming both."""
    out = []
    for field, ours in (("accumulated", value.accumulated), ("net", value.net)):
        text = values.get(field, "")
        if not text:
            continue
        try:
            theirs = lenient_money(text)
        except ValueError:
            continue
        if theirs != ours:
            out.append(
                diag(
                    "IMP003",
                    path,
                    row,
                    row=row,
                    field=field,
                    theirs=f"{theirs:,.2f}",
                    ours=f"{ours:,.2f}",
                    months=str(value.months),
                    life=str(value.life_months // 12),
                )
            )
    return out


class _Totals:
    """合计/小计 rows checked against the rows imported above them: 小计 covers the rows since the last
    小计, 合计/总计 all rows; a figure that disagrees is a warning naming both."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.all = [Decimal(0), Decimal(0)]
        self.part = [Decimal(0), Decimal(0)]
        self.warnings: list[Diagnostic] = []
        self.rows: list[int] = []

    def add(self, quantity: Decimal, value: Decimal) -> None:
        for acc in (self.all, self.part):
            acc[0] += quantity
            acc[1] += value

    def check(self, row: int, word: str, values: Mapping[str, str]) -> None:
        self.rows.append(row)
        quantity, value = self.part if word == "小计" else self.all
        for field, ours in (("quantity", quantity), ("amount", value)):
            text = values.get(field, "")
            if not text:
                continue
            try:
                theirs = lenient_money(text)
            except ValueError:
                continue
            if theirs != ours.quantize(Decimal("0.01")):
                self.warnings.append(
                    diag(
                        "IMP002",
                        self.path,
                        row,
                        row=row,
                        word=word,
                        field=field,
                        theirs=_shown(field, theirs),
                        ours=_shown(field, ours),
                    )
                )
        if word == "小计":
            self.part = [Decimal(0), Decimal(0)]


def _rule_problems(loaded: LoadResult, records: Sequence[tuple[int, Record]]) -> list[RowProblem]:
    """Run the checks on the ledger with every row added; an error about a row's record is that row's."""
    placed = [r.model_copy(update={"source": Source(f"{r.date.year}/{kind_of(r).filename}", 0)}) for _, r in records]
    after = loaded.ledger.with_records(placed)
    row_of = {r.id: row for row, r in records}
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

"""盘点核对: the comparison of what was counted with the books, and the use case around it — the
reconciliation shown (and its written report made) and, with --record, the stocktake record written,
all from one ledger loaded under the ledger's lock when a record may follow, as every write is.

The comparison takes the rows a reader found (a filled sheet, a QR scanner's list) and returns every
difference with its value, the facts the written report to the principal (书面上报校长室) and the
stocktake record are made of."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from houqin.checks.stock import books_at
from houqin.checks.stocktake import approvals_needed
from houqin.errors import UsageError
from houqin.ledger.load import open_ledger
from houqin.models.asset_state import AssetState, replay
from houqin.models.counting import CountRow, Difference, Reconciliation, stock_place
from houqin.models.ledger import Ledger
from houqin.models.records import Stocktake
from houqin.money import CENT
from houqin.services.lookup import resolve_id, resolve_unit
from houqin.services.signing import KeySigner, by_key
from houqin.services.stocktake import adjustment_value, stocktake_record, term_dates
from houqin.services.writes import WriteOutcome, write_record

ZERO = Decimal(0)
# Conditions a counter writes for an asset in working order; anything else is a condition finding.
GOOD = frozenset({"", "完好", "正常", "良好", "好", "good", "ok", "OK", "在用"})
SCRAP_WORDS = ("报废", "无法使用", "不能用", "scrap", "broken beyond repair")


@dataclass(frozen=True)
class Recording:
    """What --record adds to a reconciliation: who counted and approves, and how the record is written."""

    at: str
    counted_by: tuple[str, ...]
    director: str | None = None
    principal: str | None = None
    signer: KeySigner | None = None
    commit: bool = True


@dataclass(frozen=True)
class Reconciled:
    """A reconciliation, with the stocktake record when one was written, and the consumable
    differences' value and the approvals it still needs when the record did not adjust the books."""

    result: Reconciliation
    written: WriteOutcome | None = None
    pending: tuple[Decimal, tuple[str, ...]] | None = None


def _quiet(total: int) -> AbstractContextManager[Callable[[int], None]]:
    return nullcontext(lambda done: None)


def reconcile_count(
    root: Path,
    counts: Callable[[], Sequence[CountRow]],
    day: dt.date,
    term: str,
    *,
    places: Iterable[str] | None = None,
    uncounted_as_missing: bool = False,
    progress: Callable[[int], AbstractContextManager[Callable[[int], None]]] = _quiet,
    shown: Callable[[Ledger, Reconciliation], None] = lambda ledger, result: None,
    recording: Recording | None = None,
) -> Reconciled:
    """Compare the count (the rows `counts` reads, once the term is known) with the books on `day` and
    hand the reconciliation to `shown` (the person sees it, and its written report is made, even when
    the record is then refused); with `recording`, write the stocktake record from the very ledger
    compared, loaded under the ledger's lock. A record is refused while a line was left uncounted: the
    books would be adjusted from a guess. `progress` is given the number of rows to compare."""
    if recording is not None and not recording.counted_by:
        raise UsageError("counters_needed")
    wanted = tuple(places) if places else None

    def compared(ledger: Ledger) -> Reconciliation:
        term_dates(ledger, term)
        rows = counts()
        with progress(len(rows)) as advance:
            result = reconcile(ledger, rows, day, wanted, advance, uncounted_as_missing)
        shown(ledger, result)
        return result

    if recording is None:
        return Reconciled(compared(open_ledger(root)))
    done: list[tuple[Reconciliation, Ledger]] = []

    def build(ledger: Ledger) -> Stocktake:
        result = compared(ledger)
        done.append((result, ledger))
        _refuse_uncounted(result)
        record, _ = stocktake_record(
            ledger,
            result,
            term=term,
            at=recording.at,
            counted_by=recording.counted_by,
            director=recording.director,
            principal=recording.principal,
        )
        return by_key(ledger, record, recording.signer)

    outcome = write_record(
        root,
        build,
        lambda r: f"inventory reconcile {r.id} {term} ({len(done[0][0].differences)} differences)",
        commit=recording.commit,
    )
    result, ledger = done[0]
    pending = None
    if result.consumables and not getattr(outcome.record, "adjustments", ()):
        value = adjustment_value(result)
        pending = (value, approvals_needed(value, ledger.config.policy))
    return Reconciled(result, outcome, pending)


def _refuse_uncounted(result: Reconciliation) -> None:
    if result.uncounted:
        where = "、".join(f"{r.file}:{r.row}" for r in result.uncounted[:5]) + (
            "…" if len(result.uncounted) > 5 else ""
        )
        raise UsageError("rec.uncounted_refused", count=len(result.uncounted), rows=where)


def reconcile(
    ledger: Ledger,
    rows: Sequence[CountRow],
    day: dt.date,
    places: Iterable[str] | None = None,
    advance: Callable[[int], None] = lambda done: None,
    uncounted_as_missing: bool = False,
) -> Reconciliation:
    """Compare the count with the books on `day`, for the places counted (those the rows name, or
    `places`). A lot counted short is 盘亏 of so many; a single asset not found is missing; an asset
    found at another place than the books say is in the wrong place (and not missing twice).
    A row whose count was left empty is not counted: it is listed, and what it names is neither found
    nor missing — unless `uncounted_as_missing`, when it counts as none found."""
    counted_places = tuple(sorted(set(places) if places else {r.place for r in rows if r.place}))
    result = Reconciliation(day, counted_places, lines_counted=len(rows))
    result.blank_sheets = _blank_sheets(rows)
    if uncounted_as_missing:
        rows = [replace(r, counted=ZERO, uncounted=False) if r.uncounted else r for r in rows]
    else:
        result.uncounted = [r for r in rows if r.uncounted]
    not_counted = {resolve_id(r.id) if r.id else "" for r in result.uncounted} | {r.id for r in result.uncounted}
    rows = [r for r in rows if not r.uncounted]
    states, _ = replay(ledger, until=day)
    items = ledger.item_by_id
    found: dict[str, dict[str, Decimal]] = {}  # asset → place → counted
    seen_rows: dict[str, list[str]] = {}
    condition: dict[str, tuple[str, str, str]] = {}
    keepers: dict[tuple[str, str], str] = {}
    stock_counts: dict[str, Decimal] = {}
    units_seen: set[str] = set()  # a unit's label counts its unit once, however often it is scanned
    for n, r in enumerate(rows, start=1):
        where = f"{r.file}:{r.row}"
        rid, unit = resolve_unit(r.id) if r.id else ("", None)
        qty = Decimal(1) if r.counted is None else r.counted
        if unit is not None and rid in states:
            label = f"{rid}-{unit}"
            if label in units_seen:
                continue
            units_seen.add(label)
        if r.id in items or rid in items:
            key = r.id if r.id in items else rid
            stock_counts[key] = stock_counts.get(key, ZERO) + qty
            seen_rows.setdefault(key, []).append(where)
        elif rid in states:
            found.setdefault(rid, {})
            found[rid][r.place] = found[rid].get(r.place, ZERO) + qty
            seen_rows.setdefault(rid, []).append(where)
            if r.condition.strip() not in GOOD and qty:
                what = "：".join(x for x in (r.condition.strip(), r.note.strip()) if x)
                condition[rid] = (r.place, what, where)
            if r.keeper:
                keepers[(rid, r.place)] = r.keeper
        elif qty:
            result.differences.append(_surplus(ledger, r, rid, qty, where))
        if n % 200 == 0:
            advance(n)
    advance(len(rows))
    for rid, state in sorted(states.items()):
        here = found.get(rid, {})
        if rid in not_counted and not here:
            continue  # its line was left blank: neither found nor missing
        if state.in_books == 0:
            if any(here.values()):  # scrapped, transferred or lost on the books, yet on the shelf
                place = next(p for p, q in sorted(here.items()) if q)
                row = CountRow("", 0, place, rid, state.asset.name, sum(here.values(), ZERO))
                result.differences.append(_surplus(ledger, row, rid, row.counted or ZERO, ",".join(seen_rows[rid])))
            continue
        result.differences.extend(_compare_asset(state, here, counted_places, keepers, seen_rows.get(rid, []), result))
    for rid, (place, what, where) in sorted(condition.items()):  # what: the condition and the note
        a = states[rid].asset
        scrap = any(word in what for word in SCRAP_WORDS)
        result.differences.append(
            Difference(
                "condition", place, rid, a.name, detail=what, action="scrap" if scrap else "repair", rows=(where,)
            )
        )
    store = stock_place(ledger)
    if store is not None and (store in counted_places or stock_counts):
        skipped = {i for i in not_counted if i in items and i not in stock_counts}
        result.differences.extend(_compare_stock(ledger, day, stock_counts, store, seen_rows, skipped))
    return result


def _blank_sheets(rows: Sequence[CountRow]) -> list[str]:
    """The sheets (file and place) that carry lines to count and where none was counted."""
    lines: dict[str, list[CountRow]] = {}
    for r in rows:
        lines.setdefault(f"{r.file}: {r.place}", []).append(r)
    return [where for where, group in lines.items() if all(r.uncounted for r in group)]


def _surplus(ledger: Ledger, r: CountRow, rid: str, qty: Decimal, where: str) -> Difference:
    record = ledger.record_by_id.get(rid) if rid else None
    detail = r.note or ""
    if record is not None and not r.file:
        detail = "已处置" + (f"；{detail}" if detail else "")
    return Difference(
        "surplus",
        r.place,
        rid if record is not None else (r.id or ""),
        r.name or rid,
        counted=qty,
        detail=detail,
        action="register",
        rows=(where,),
    )


def _compare_asset(
    state: AssetState,
    found: dict[str, Decimal],
    counted_places: tuple[str, ...],
    keepers: dict[tuple[str, str], str],
    rows: list[str],
    result: Reconciliation,
) -> list[Difference]:
    a = state.asset
    out: list[Difference] = []
    book: dict[str, Decimal] = {}
    book_keeper: dict[str, str] = {}
    for (held_at, held_by), held in state.holdings.items():
        if held:
            book[held_at] = book.get(held_at, ZERO) + held
            book_keeper.setdefault(held_at, held_by)
    expected_here = {p: q for p, q in book.items() if p in counted_places}
    if not expected_here and not found:
        return out
    result.assets_expected += 1 if expected_here else 0
    result.assets_found += 1 if found else 0
    # Found where the books do not have it: moved without a record (调拨未登记).
    elsewhere = {p: q for p, q in found.items() if p not in book}
    shortfall = {p: q - found.get(p, ZERO) for p, q in expected_here.items() if q > found.get(p, ZERO)}
    lot = a.quantity > 1
    for place, got in sorted(elsewhere.items()):
        source = next(iter(sorted(shortfall)), None) or next(iter(sorted(book)), "")
        moved = min(got, shortfall.get(source, got)) if source else got
        if source in shortfall:
            shortfall[source] -= moved
            if shortfall[source] <= 0:
                del shortfall[source]
        out.append(
            Difference(
                "wrong_place",
                place,
                a.id,
                a.name,
                book=ZERO,
                counted=got,
                detail=f"账面地点 {source}",
                action="move",
                rows=tuple(rows),
            )
        )
        if got > moved:  # more found there than could have come from anywhere: a gain
            out.append(_gain(a.id, a.name, place, got - moved, a.unit_price, rows))
    for place, missing in sorted(shortfall.items()):
        on_loan = min(Decimal(state.lent), missing)
        missing -= on_loan
        if missing <= 0:
            continue
        kind = "short" if lot else "missing"
        loan = f"另有 {on_loan} 借出" if on_loan else ""
        out.append(
            Difference(
                kind,
                place,
                a.id,
                a.name,
                book=expected_here[place],
                counted=found.get(place, ZERO),
                value=-(missing * a.unit_price).quantize(CENT),
                unit_cost=a.unit_price,
                detail=loan,
                action="find",
                rows=tuple(rows),
            )
        )
    for place, got in sorted(found.items()):
        if place in book and got > book[place]:
            out.append(_gain(a.id, a.name, place, got - book[place], a.unit_price, rows, book[place], got))
        keeper = keepers.get((a.id, place))
        if place in book and keeper and keeper != book_keeper.get(place):
            out.append(
                Difference(
                    "wrong_keeper",
                    place,
                    a.id,
                    a.name,
                    detail=f"{book_keeper.get(place)} → {keeper}",
                    action="move",
                    rows=tuple(rows),
                )
            )
    return out


def _gain(
    rid: str,
    name: str,
    place: str,
    extra: Decimal,
    unit_price: Decimal,
    rows: list[str],
    book: Decimal | None = None,
    counted: Decimal | None = None,
) -> Difference:
    return Difference(
        "over",
        place,
        rid,
        name,
        book=book,
        counted=counted if counted is not None else extra,
        value=(extra * unit_price).quantize(CENT),
        unit_cost=unit_price,
        action="register",
        rows=tuple(rows),
    )


def _compare_stock(
    ledger: Ledger,
    day: dt.date,
    counts: dict[str, Decimal],
    store: str,
    rows: dict[str, list[str]],
    skipped: Collection[str] = (),
) -> list[Difference]:
    """Every catalog item is expected in the store: one not written on the sheet was counted as none;
    one written with its count left empty (`skipped`) was not counted, and has no difference."""
    books = books_at(ledger, day)
    out = []
    for item in ledger.catalog.items:
        if item.id in skipped:
            continue
        book = books.quantity.get(item.id, ZERO)
        counted = counts.get(item.id, ZERO)
        if counted == book:
            continue
        average = books.average(item.id).quantize(CENT)
        out.append(
            Difference(
                "short" if counted < book else "over",
                store,
                item.id,
                item.name,
                book=book,
                counted=counted,
                value=((counted - book) * average).quantize(CENT),
                unit_cost=average,
                asset=False,
                action="adjust",
                rows=tuple(rows.get(item.id, [])),
            )
        )
    return out

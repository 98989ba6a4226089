"""盘点: the count sheets of a term's stocktake, and the comparison of what was counted with the books.

Pure: the sheets are what the books expect at each place on the count day; the reconciliation takes the
rows a reader found (a filled sheet, a QR scanner's list) and returns every difference with its value,
the facts the written report to the principal (书面上报校长室) and the stocktake record are made of."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from houqin.checks.stock import books_at
from houqin.errors import UsageError
from houqin.models.asset_state import replay
from houqin.models.counting import stock_place
from houqin.models.ledger import Ledger
from houqin.services.reconcile import reconcile as reconcile  # the comparison: the stocktake's service needs it
from houqin.services.stocktake import term_dates

ZERO = Decimal(0)


@dataclass(frozen=True)
class SheetLine:
    id: str
    name: str
    model: str
    unit: str
    keeper: str
    book: Decimal
    asset: bool


@dataclass(frozen=True)
class CountSheet:
    """盘点表 of one place: what the books expect there on the count day."""

    place: str
    place_name: str
    keeper: str
    day: dt.date
    lines: tuple[SheetLine, ...]


def term_sheets(ledger: Ledger, term: str, day: dt.date, places: Sequence[str] | None = None) -> list[CountSheet]:
    """The sheets of a term's count on `day` (all places, or those named): an unknown term or place is
    refused, naming it."""
    term_dates(ledger, term)
    unknown = [p for p in places or () if p not in ledger.place_by_id]
    if unknown:
        raise UsageError("unknown_place", place=unknown[0])
    return count_sheets(ledger, day, places or None)


def count_sheets(ledger: Ledger, day: dt.date, places: Iterable[str] | None = None) -> list[CountSheet]:
    states, _ = replay(ledger, until=day)
    wanted = set(places) if places else None
    by_place: dict[str, list[SheetLine]] = {}
    for state in sorted(states.values(), key=lambda s: s.asset.id):
        a = state.asset
        for (place, keeper), qty in sorted(state.holdings.items()):
            if qty and (wanted is None or place in wanted):
                line = SheetLine(a.id, a.name, a.model or "", a.unit, keeper, Decimal(qty), True)
                by_place.setdefault(place, []).append(line)
    store = stock_place(ledger)
    if store is not None and (wanted is None or store in wanted):
        books = books_at(ledger, day)
        keeper = ledger.place_by_id[store].keeper if store in ledger.place_by_id else ""
        for item in ledger.catalog.items:
            on_hand = books.quantity.get(item.id, ZERO)
            line = SheetLine(item.id, item.name, item.category, item.unit, keeper, on_hand, False)
            by_place.setdefault(store, []).append(line)
    sheets = []
    for place_id in sorted(by_place):
        known = ledger.place_by_id.get(place_id)
        sheets.append(
            CountSheet(
                place_id,
                known.name if known else place_id,
                known.keeper if known else "",
                day,
                tuple(by_place[place_id]),
            )
        )
    return sheets

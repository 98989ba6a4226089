"""stock: 易耗品进出库 — an item's quantity on hand never goes below zero on any day (R18); paper, toner
and other printing consumables are issued only with the supervisor's approval (主管审批复印和油印, R20;
the categories are policy); every receipt has a clear source (来源去向清楚, R17: a purchase, a
stocktake, or an origin policy lists; an issue's receiver and purpose are required fields); and a
department drawing more than its term quota is warned (按需、定额发放, R19)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Record
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Purchase, StockIn, StockOut, Stocktake
from houqin.models.year_close import OpeningHead
from houqin.money import CENT


@dataclass(frozen=True, slots=True)
class Movement:
    """One change of an item's quantity: a receipt (+, at its price), an issue (−), or an approved count
    difference (±, at the average cost of the day)."""

    record: Record | OpeningHead  # the year opening's stock names its head (no register built)
    item: str
    delta: Decimal
    unit_price: Decimal | None = None
    value: Decimal | None = None  # the value moved, when given whole (the stock a year opened with)
    on: dt.date | None = None  # its day, when not the record's (a year's opening: the closed year's end)

    @property
    def date(self) -> dt.date:
        return self.on or self.record.date


ZERO = Decimal(0)

_ORDER: dict[type[Record | OpeningHead], int] = {OpeningHead: -1, StockIn: 0, StockOut: 1, Stocktake: 2}


def stock_moves(ledger: Ledger) -> list[Movement]:
    """Every stock movement in date order; on one day receipts come first, then issues, then the count."""
    moves: list[Movement] = []
    opening = ledger.opened
    if opening is not None:  # the stock on hand the year opened with, at its cost
        end = dt.date(opening.closed, 12, 31)
        moves.extend(Movement(opening, s.item, s.quantity, value=s.value, on=end) for s in opening.stock if s.quantity)
    for r in ledger.records(StockIn):
        moves.append(Movement(r, r.item, r.quantity, r.unit_price))
    for o in ledger.records(StockOut):
        moves.append(Movement(o, o.item, -o.quantity))
    for s in ledger.records(Stocktake):
        moves.extend(Movement(s, a.item, a.difference) for a in s.adjustments if a.difference)
    if opening is not None:
        first = dt.date(opening.year, 1, 1)
        moves = [m for m in moves if m.record is opening or m.record.date >= first]
    moves.sort(key=lambda m: (m.date, _ORDER[type(m.record)], m.record.id))
    return moves


class Books:
    """Quantity and value per item, moved forward one movement at a time (moving average cost:
    each receipt re-averages the unit cost; issues and count differences leave it unchanged)."""

    def __init__(self) -> None:
        self.quantity: dict[str, Decimal] = {}
        self.value: dict[str, Decimal] = {}

    def average(self, item: str) -> Decimal:
        q = self.quantity.get(item, ZERO)
        return self.value.get(item, ZERO) / q if q > 0 else ZERO

    def apply(self, m: Movement) -> Decimal:
        q, v = self.quantity.get(m.item, ZERO), self.value.get(m.item, ZERO)
        if m.value is not None:
            change = m.value
        elif m.unit_price is not None:
            change = m.delta * m.unit_price
        elif q + m.delta <= 0:
            change = -v
        else:
            change = (self.average(m.item) * m.delta).quantize(CENT, rounding=ROUND_HALF_UP)
        self.quantity[m.item], self.value[m.item] = q + m.delta, v + change
        return change


def books_at(ledger: Ledger, day: dt.date) -> Books:
    books = Books()
    for m in stock_moves(ledger):
        if m.date > day:
            break
        books.apply(m)
    return books


def check_stock(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    on_hand: dict[str, Decimal] = {}
    origins = set(policy.stock_origins)
    for m in stock_moves(ledger):
        r = m.record
        have = on_hand.get(m.item, Decimal(0))
        on_hand[m.item] = have + m.delta
        if isinstance(r, StockIn) and not _clear_origin(r.origin, origins):
            allowed = "、".join(policy.stock_origins) or "—"
            yield diag("STK003", r.source.file, r.source.line, record=r.id, id=r.id, origin=r.origin, allowed=allowed)
        if not isinstance(r, StockOut):
            continue
        if have + m.delta < 0:
            yield diag(
                "STK001",
                r.source.file,
                r.source.line,
                record=r.id,
                id=r.id,
                item=r.item,
                quantity=r.quantity,
                have=have,
                date=r.date,
            )
        item = ledger.item_by_id.get(r.item)
        if item is not None and item.category in policy.supervised_categories and r.approval("supervisor") is None:
            yield diag(
                "STK002", r.source.file, r.source.line, record=r.id, id=r.id, item=item.name, category=item.category
            )
    if policy.quotas:
        yield from _quotas(ledger, policy)


def _clear_origin(origin: str, allowed: set[str]) -> bool:
    return origin in allowed or origin.startswith((f"{Purchase.prefix}-", f"{Stocktake.prefix}-"))


def department_of(ledger: Ledger, r: StockOut) -> str | None:
    if r.department:
        return r.department
    person = ledger.person_by_name.get(r.receiver)
    return person.department if person else None


def _quotas(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    quota = {(q.department, q.item): q.quantity for q in policy.quotas}
    drawn: dict[tuple[str, str, str], Decimal] = {}
    for r in sorted(ledger.records(StockOut), key=lambda r: r.sort_key):
        department = department_of(ledger, r)
        term = ledger.config.term_of(r.date)
        limit = quota.get((department or "", r.item))
        if department is None or term is None or limit is None:
            continue
        key = (department, r.item, term.id)
        before = drawn.get(key, Decimal(0))
        drawn[key] = before + r.quantity
        if before <= limit < drawn[key]:  # warned once, on the issue that crosses the quota
            name = ledger.item_by_id[r.item].name if r.item in ledger.item_by_id else r.item
            yield diag(
                "STK004",
                r.source.file,
                r.source.line,
                record=r.id,
                id=r.id,
                department=department,
                term=term.id,
                item=name,
                issued=drawn[key],
                quota=limit,
            )

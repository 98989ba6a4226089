"""库存: what is on hand on a day, valued at moving average cost, with items below their reorder level;
and the month's movement by category (按月分类实行财产审核, R21), the table the monthly close includes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from houqin.checks.stock import Books, books_at, stock_moves
from houqin.models.closing import month_bounds
from houqin.models.ledger import Ledger
from houqin.models.records import StockIn, StockOut
from houqin.money import CENT

ZERO = Decimal(0)


@dataclass(frozen=True)
class StockRow:
    item: str
    name: str
    category: str
    unit: str
    quantity: Decimal
    value: Decimal
    reorder_level: int

    @property
    def low(self) -> bool:
        return self.quantity < self.reorder_level


def stock_balance(ledger: Ledger, at: dt.date, category: str | None = None) -> list[StockRow]:
    books = books_at(ledger, at)
    rows = []
    for item in ledger.catalog.items:
        if category and item.category != category:
            continue
        rows.append(
            StockRow(
                item.id,
                item.name,
                item.category,
                item.unit,
                books.quantity.get(item.id, ZERO),
                books.value.get(item.id, ZERO).quantize(CENT),
                item.reorder_level,
            )
        )
    return rows


@dataclass(frozen=True)
class CategoryMonth:
    """按月分类审核: one category's opening, in, out and closing value in a month (and the counts)."""

    category: str
    opening: Decimal
    received: Decimal
    issued: Decimal
    adjusted: Decimal
    closing: Decimal
    receipts: int
    issues: int


def monthly_movement(ledger: Ledger, month: str) -> list[CategoryMonth]:
    """Opening and closing value per category, with what came in (receipts at their price), went out
    (issues at average cost) and was adjusted by an approved count, in one pass over the movements."""
    first, last = month_bounds(month)
    category = {i.id: i.category for i in ledger.catalog.items}
    books = Books()
    opening: dict[str, Decimal] | None = None
    sums: dict[str, list[Decimal]] = {}
    counts: dict[str, list[int]] = {}
    for m in stock_moves(ledger):
        if m.date > last:
            break
        if m.date >= first and opening is None:
            opening = _by_category(books.value, category)
        change = books.apply(m)
        if m.date < first:
            continue
        cat = category.get(m.item, "—")
        kind = 0 if isinstance(m.record, StockIn) else 1 if isinstance(m.record, StockOut) else 2
        sums.setdefault(cat, [ZERO, ZERO, ZERO])[kind] += -change if kind == 1 else change
        if kind < 2:
            counts.setdefault(cat, [0, 0])[kind] += 1
    if opening is None:
        opening = _by_category(books.value, category)
    closing = _by_category(books.value, category)
    rows = []
    for cat in sorted({*opening, *closing, *sums} | {i.category for i in ledger.catalog.items}):
        received, issued, adjusted = sums.get(cat, [ZERO, ZERO, ZERO])
        receipts, issues = counts.get(cat, [0, 0])
        rows.append(
            CategoryMonth(
                cat,
                opening.get(cat, ZERO),
                received.quantize(CENT),
                issued.quantize(CENT),
                adjusted.quantize(CENT),
                closing.get(cat, ZERO),
                receipts,
                issues,
            )
        )
    return rows


def _by_category(values: dict[str, Decimal], category: dict[str, str]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for item, value in values.items():
        cat = category.get(item, "—")
        out[cat] = out.get(cat, ZERO) + value
    return {k: v.quantize(CENT) for k, v in out.items()}


def totals(rows: Iterable[CategoryMonth]) -> CategoryMonth:
    rows = list(rows)
    return CategoryMonth(
        "合计",
        sum((r.opening for r in rows), ZERO),
        sum((r.received for r in rows), ZERO),
        sum((r.issued for r in rows), ZERO),
        sum((r.adjusted for r in rows), ZERO),
        sum((r.closing for r in rows), ZERO),
        sum(r.receipts for r in rows),
        sum(r.issues for r in rows),
    )

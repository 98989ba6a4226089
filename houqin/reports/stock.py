"""库存: what is on hand on a day, valued at moving average cost, with items below their reorder level."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from houqin.checks.stock import stock_moves
from houqin.models.ledger import Ledger
from houqin.models.records import StockIn
from houqin.money import CENT


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
    """Moving average cost: each receipt re-averages the unit cost; issues leave it unchanged."""
    quantity: dict[str, Decimal] = {}
    value: dict[str, Decimal] = {}
    for r in stock_moves(ledger):
        if r.date > at:
            break
        q, v = quantity.get(r.item, Decimal(0)), value.get(r.item, Decimal(0))
        if isinstance(r, StockIn):
            quantity[r.item], value[r.item] = q + r.quantity, v + r.quantity * r.unit_price
        else:
            average = v / q if q > 0 else Decimal(0)
            quantity[r.item] = q - r.quantity
            value[r.item] = (
                (v - average * r.quantity).quantize(CENT, rounding=ROUND_HALF_UP) if q > r.quantity else Decimal(0)
            )
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
                quantity.get(item.id, Decimal(0)),
                value.get(item.id, Decimal(0)).quantize(CENT),
                item.reorder_level,
            )
        )
    return rows

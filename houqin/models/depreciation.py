"""Depreciation (政府会计准则第3号): straight-line by month, no residual value, starting the month
after acquisition, over the life of the asset's class (catalog.yaml `life_years`; 0 = none, as for
books, relics and land). Pure arithmetic on exact decimals."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from houqin.money import CENT


@dataclass(frozen=True)
class BookValue:
    cost: Decimal
    accumulated: Decimal
    months: int
    life_months: int

    @property
    def net(self) -> Decimal:
        return self.cost - self.accumulated


def months_depreciated(acquired: dt.date, at: dt.date, life_months: int) -> int:
    """Whole months charged by the end of `at`'s month: the first is the month after acquisition."""
    elapsed = (at.year - acquired.year) * 12 + (at.month - acquired.month)
    return max(0, min(elapsed, life_months))


def book_value(cost: Decimal, acquired: dt.date, at: dt.date, life_years: int) -> BookValue:
    life_months = life_years * 12
    if life_months <= 0:
        return BookValue(cost, Decimal("0.00"), 0, 0)
    months = months_depreciated(acquired, at, life_months)
    accumulated = (cost * months / life_months).quantize(CENT, rounding=ROUND_HALF_UP)
    return BookValue(cost, accumulated, months, life_months)

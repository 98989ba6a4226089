"""Depreciation (政府会计准则第3号): straight-line by month, no residual value, over the life of the
asset's class (catalog.yaml `life_years`; 0 = none, as for books, relics and land). Pure arithmetic on
exact decimals.

Which months are charged is policy (`policy.depreciation.start`, docs/assets.md): `same_month`, the
standard's rule (当月增加的固定资产，当月开始计提折旧；当月减少的固定资产，当月不再计提折旧; docs/assets.md
cites it and says what of its text was checked), or `next_month`, the enterprise rule some schools' old books follow (当月增加的当月不提，从下月起计提；
当月减少的当月照提，从下月起停提). Either way an asset disposed of in a month has been charged for
the months between its acquisition and its disposal: the same count, so a disposal's figures do not
depend on the choice; only an asset still held has one month more under `same_month`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from houqin.money import CENT

DepreciationStart = Literal["same_month", "next_month"]


@dataclass(frozen=True)
class BookValue:
    cost: Decimal
    accumulated: Decimal
    months: int
    life_months: int

    @property
    def net(self) -> Decimal:
        return self.cost - self.accumulated


def months_depreciated(
    acquired: dt.date, at: dt.date, life_months: int, start: DepreciationStart, *, disposed: bool = False
) -> int:
    """Whole months charged by the end of `at`'s month — or, for a part `disposed` of on `at`, up to its
    disposal (its month not charged under `same_month`, charged under `next_month`)."""
    elapsed = (at.year - acquired.year) * 12 + (at.month - acquired.month)
    if start == "same_month" and not disposed:
        elapsed += 1
    return max(0, min(elapsed, life_months))


def book_value(
    cost: Decimal,
    acquired: dt.date,
    at: dt.date,
    life_years: int,
    start: DepreciationStart,
    *,
    disposed: bool = False,
) -> BookValue:
    life_months = life_years * 12
    if life_months <= 0:
        return BookValue(cost, Decimal("0.00"), 0, 0)
    months = months_depreciated(acquired, at, life_months, start, disposed=disposed)
    accumulated = (cost * months / life_months).quantize(CENT, rounding=ROUND_HALF_UP)
    return BookValue(cost, accumulated, months, life_months)

"""The canteen's month (食堂): food received, student-meals served, the food cost per student-meal, and
how many meals were sampled and accompanied by a leader."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

from houqin.models.closing import month_bounds
from houqin.models.ledger import Ledger
from houqin.models.records import FoodReceipt, Meal
from houqin.money import CENT


@dataclass(frozen=True)
class CanteenMonth:
    month: str
    receipts: int
    food_cost: Decimal
    meals: int
    student_meals: int
    per_student_meal: Decimal | None
    accompanied: int

    def as_dict(self) -> dict[str, object]:
        return {k: (str(v) if isinstance(v, Decimal) else v) for k, v in asdict(self).items()}


def canteen_month(ledger: Ledger, month: str) -> CanteenMonth:
    first, last = month_bounds(month)
    receipts = [r for r in ledger.records(FoodReceipt) if first <= r.date <= last]
    meals = [m for m in ledger.records(Meal) if first <= m.date <= last]
    cost = sum((r.total for r in receipts), Decimal("0.00"))
    served = sum(m.served for m in meals)
    policy = ledger.config.policy
    accompanied = sum(
        1
        for m in meals
        if any(any(ledger.holds(p, role, m.date) for role in policy.meal_companions) for p in m.accompanied_by)
    )
    per = (cost / served).quantize(CENT) if served else None
    return CanteenMonth(month, len(receipts), cost, len(meals), served, per, accompanied)

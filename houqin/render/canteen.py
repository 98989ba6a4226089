"""The canteen's month, as a few lines or JSON."""

from __future__ import annotations

import json

from rich.console import Console

from houqin.i18n import t
from houqin.money import fmt_yuan
from houqin.render.json_out import document
from houqin.reports.canteen import CanteenMonth


def print_canteen_month(out: Console, m: CanteenMonth, lang: str) -> None:
    per = fmt_yuan(m.per_student_meal) if m.per_student_meal is not None else "—"
    out.print(
        t(
            "canteen.month",
            lang,
            month=m.month,
            receipts=m.receipts,
            cost=fmt_yuan(m.food_cost),
            meals=m.meals,
            served=m.student_meals,
            per=per,
            accompanied=m.accompanied,
        )
    )


def canteen_json(m: CanteenMonth) -> str:
    return json.dumps(document("canteen report", m.as_dict()), ensure_ascii=False, indent=2) + "\n"

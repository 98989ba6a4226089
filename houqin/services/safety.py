"""The safety registers as use-cases: a round of the fire equipment (消防设施检查). Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from houqin.errors import UsageError
from houqin.ledger.store import next_id
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import FireCheck, FireCheckItem
from houqin.services.inputs import validated


def record_fire_check(
    ledger: Ledger, inspector: str, items: Sequence[tuple[str, str, str | None]], places: Sequence[str], day: dt.date
) -> FireCheck:
    """Each item as found (id, ok|fault, what); every piece of equipment at `places` not named is in order."""
    known = {e.id: e for e in ledger.catalog.fire_equipment}
    for place in places:
        if not any(e.place == place for e in known.values()):
            raise UsageError("no_fire_equipment_at", place=place)
    named = {i for i, _, _ in items}
    for equipment, _, _ in items:
        if equipment not in known:
            raise UsageError("unknown_fire_equipment", id=equipment, known="、".join(known) or "-")
    rows = [validated(FireCheckItem, equipment=i, result=r, detail=d) for i, r, d in items]
    rows += [
        validated(FireCheckItem, equipment=e.id)
        for e in ledger.catalog.fire_equipment
        if e.place in places and e.id not in named
    ]
    if not rows:
        raise UsageError("fire_items_needed")
    return validated(
        FireCheck,
        id=next_id(ledger, KIND_BY_MODEL[FireCheck], day.year),
        date=day,
        inspector=inspector,
        items=tuple(rows),
    )

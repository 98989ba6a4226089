"""The safety registers as reports: the fire equipment with its last inspection, next due day and expiry;
the utilities with their responsible person (the same rules the safety check applies)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from houqin.checks.safety import UTILITY_NAMES, last_inspections
from houqin.models.ledger import Ledger


@dataclass(frozen=True)
class FireRow:
    id: str
    kind: str
    place: str
    expires: dt.date | None
    last: dt.date | None
    result: str | None  # ok | fault, at the last inspection
    due: dt.date | None
    overdue: bool
    expired: bool


def fire_register(ledger: Ledger, today: dt.date) -> list[FireRow]:
    last = last_inspections(ledger)
    every = dt.timedelta(days=ledger.config.policy.fire_check_days)
    rows = []
    for e in ledger.catalog.fire_equipment:
        check = last.get(e.id)
        item = next((i for i in check.items if i.equipment == e.id), None) if check else None
        since = check.date if check else ledger.config.started
        due = since + every if since else None
        rows.append(
            FireRow(
                e.id,
                e.kind,
                e.place,
                e.expires,
                check.date if check else None,
                item.result if item else None,
                due,
                due is not None and due < today,
                e.expires is not None and e.expires < today,
            )
        )
    return rows


@dataclass(frozen=True)
class UtilityRow:
    kind: str
    name: str
    responsible: str | None
    place: str | None
    on_staff: bool


def utilities(ledger: Ledger, today: dt.date) -> list[UtilityRow]:
    kinds = dict.fromkeys([*ledger.config.policy.utilities, *(u.kind for u in ledger.catalog.utilities)])
    listed = {u.kind: u for u in ledger.catalog.utilities}
    rows = []
    for kind in kinds:
        u = listed.get(kind)  # type: ignore[call-overload]
        person = ledger.person_by_name.get(u.responsible) if u and u.responsible else None
        on_staff = person is not None and (person.left is None or person.left > today)
        rows.append(
            UtilityRow(
                kind,
                UTILITY_NAMES.get(kind, (kind, kind))[0],
                u.responsible if u else None,
                u.place if u else None,
                on_staff,
            )
        )
    return rows


def as_json(rows: list[FireRow] | list[UtilityRow]) -> list[dict[str, object]]:
    return [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(r).items()} for r in rows]

"""报修单 and 公物损坏赔偿: open and close repair tickets; report, assess and settle damage cases."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Assessment, Damage, DamageSettlement, Repair, RepairDone, Responsible
from houqin.services.inputs import validated
from houqin.services.lookup import find_record, resolve_id


def open_repair(
    ledger: Ledger, reporter: str, fault: str, day: dt.date, asset: str | None = None, place: str | None = None
) -> Repair:
    if asset is None and place is None:
        raise UsageError("repair_needs_target")
    return validated(
        Repair,
        id=next_id(ledger, KIND_BY_MODEL[Repair], day.year),
        date=day,
        reporter=reporter,
        fault=fault,
        asset=resolve_id(asset) if asset else None,
        place=place,
    )


def close_repair(
    ledger: Ledger,
    ticket: str,
    work: str,
    accepted_by: str,
    day: dt.date,
    cost: Decimal | None = None,
    expense: str | None = None,
    repairer: str | None = None,
) -> Repair:
    """维修完毕: the work done, its cost and the reporter's acceptance signature (checked: REP001)."""
    repair = find_record(ledger, ticket, Repair, RecordName("repair"))
    if repair.done is not None:
        raise UsageError("already_closed", id=repair.id)
    done = validated(
        RepairDone, on=day, work=work, cost=cost, expense=resolve_id(expense) if expense else None, repairer=repairer
    )
    return repair.model_copy(
        update={"done": done, "approvals": (*repair.approvals, Approval(role="acceptor", by=accepted_by, on=day))}
    )


def report_damage(
    ledger: Ledger,
    asset: str,
    who: Literal["staff", "student", "other"],
    name: str,
    description: str,
    day: dt.date,
    class_: str | None = None,
    guardian: str | None = None,
) -> Damage:
    if who == "student" and not (class_ and guardian):
        raise UsageError("student_needs_class")
    responsible = validated(Responsible, type=who, name=name, class_=class_, guardian=guardian)
    return validated(
        Damage,
        id=next_id(ledger, KIND_BY_MODEL[Damage], day.year),
        date=day,
        asset=resolve_id(asset),
        responsible=responsible,
        description=description,
    )


def assess_damage(
    ledger: Ledger, case: str, amount: Decimal, by: str, day: dt.date, reason: str | None = None
) -> Damage:
    damage = find_record(ledger, case, Damage, RecordName("damage"))
    if damage.settled is not None:
        raise UsageError("already_closed", id=damage.id)
    return damage.model_copy(update={"assessed": Assessment(on=day, by=by, amount=amount, reason=reason)})


def settle_damage(
    ledger: Ledger,
    case: str,
    how: Literal["paid", "waived"],
    day: dt.date,
    receipt: str | None = None,
    income: str | None = None,
) -> Damage:
    """Paid (with its receipt or income record) or waived (the principal signs: houqin sign)."""
    damage = find_record(ledger, case, Damage, RecordName("damage"))
    if damage.settled is not None:
        raise UsageError("already_closed", id=damage.id)
    amount = damage.assessed.amount if damage.assessed and how == "paid" else None
    settled = DamageSettlement(on=day, type=how, amount=amount, receipt=receipt, income=income)
    return damage.model_copy(update={"settled": settled})

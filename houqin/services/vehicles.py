"""公车 and 公务接待 as use-cases: a trip (approved before it set out), a vehicle's cost, a reception.
Pure: each returns the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Reception, Trip, VehicleCost
from houqin.services.inputs import validated
from houqin.services.lookup import find_record


def _vehicle(ledger: Ledger, vehicle: str) -> str:
    known = [v.id for v in ledger.catalog.vehicles]
    if vehicle not in known:
        raise UsageError("unknown_vehicle", vehicle=vehicle, known="、".join(known) or "-")
    return vehicle


def log_trip(
    ledger: Ledger,
    vehicle: str,
    driver: str,
    purpose: str,
    destination: str,
    start: int | None,
    end: int | None,
    approved_by: str | None,
    approved_on: dt.date | None,
    day: dt.date,
) -> Trip:
    """A trip logged (both readings), or requested ahead of its day (neither: houqin vehicle return
    logs them); with `approved_by`, the supervisor's approval given on paper beforehand."""
    if end is not None and start is None:
        raise UsageError("trip_start_needed")
    approvals = (Approval(role="supervisor", by=approved_by, on=approved_on or day),) if approved_by else ()
    return validated(
        Trip,
        id=next_id(ledger, KIND_BY_MODEL[Trip], day.year),
        date=day,
        vehicle=_vehicle(ledger, vehicle),
        driver=driver,
        purpose=purpose,
        destination=destination,
        odometer_start=None if start is None else Decimal(start),
        odometer_end=None if end is None else Decimal(end),
        approvals=approvals,
    )


def return_trip(ledger: Ledger, trip: str, start: int | None, end: int, day: dt.date) -> Trip:
    """回车登记: the odometer out (unless logged at departure) and back, recorded after the trip's day
    or on it; recorded outside what the supervisor signed (models/statements.py LATER)."""
    record = find_record(ledger, trip, Trip, RecordName("trip"))
    if record.odometer_end is not None:
        raise UsageError("trip_returned_already", id=record.id, end=record.odometer_end)
    if day < record.date:
        raise UsageError("trip_not_yet", id=record.id, date=record.date)
    first = record.odometer_start if start is None else Decimal(start)
    if first is None:
        raise UsageError("trip_start_needed")
    return record.model_copy(update={"odometer_start": first, "odometer_end": Decimal(end)})


def reception_claim(ledger: Ledger, reception: str, expense: str) -> Reception:
    """The claim that paid a reception approved beforehand (checked for its amount, VEH005)."""
    record = find_record(ledger, reception, Reception, RecordName("reception"))
    if record.expense is not None:
        raise UsageError("reception_claimed_already", id=record.id, expense=record.expense)
    return record.model_copy(update={"expense": expense})


def vehicle_cost(
    ledger: Ledger,
    vehicle: str,
    kind: str,
    amount: Decimal,
    expense: str,
    odometer: int,
    litres: Decimal | None,
    day: dt.date,
) -> VehicleCost:
    return validated(
        VehicleCost,
        id=next_id(ledger, KIND_BY_MODEL[VehicleCost], day.year),
        date=day,
        vehicle=_vehicle(ledger, vehicle),
        type=kind,
        amount=amount,
        expense=expense,
        odometer=Decimal(odometer),
        litres=litres,
    )


def add_reception(
    ledger: Ledger,
    unit: str,
    letter: str | None,
    guests: Sequence[str],
    staff: Sequence[str],
    amount: Decimal,
    expense: str | None,
    approved_by: str | None,
    approved_on: dt.date | None,
    day: dt.date,
) -> Reception:
    approvals = (Approval(role="principal", by=approved_by, on=approved_on or day),) if approved_by else ()
    return validated(
        Reception,
        id=next_id(ledger, KIND_BY_MODEL[Reception], day.year),
        date=day,
        guest_unit=unit,
        letter=letter,
        guests=tuple(guests),
        staff=tuple(staff),
        amount=amount,
        expense=expense,
        approvals=approvals,
    )

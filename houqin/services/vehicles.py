"""公车 and 公务接待 as use-cases: a trip (approved before it set out), a vehicle's cost, a reception.
Pure: each returns the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from houqin.errors import UsageError
from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_NAME
from houqin.models.ledger import Ledger
from houqin.models.records import Reception, Trip, VehicleCost
from houqin.services.inputs import validated


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
    start: int,
    end: int,
    approved_by: str | None,
    approved_on: dt.date | None,
    day: dt.date,
) -> Trip:
    approvals = (Approval(role="supervisor", by=approved_by, on=approved_on or day),) if approved_by else ()
    return validated(
        Trip,
        id=next_id(ledger, KIND_BY_NAME["trips"], day.year),
        date=day,
        vehicle=_vehicle(ledger, vehicle),
        driver=driver,
        purpose=purpose,
        destination=destination,
        odometer_start=Decimal(start),
        odometer_end=Decimal(end),
        approvals=approvals,
    )


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
        id=next_id(ledger, KIND_BY_NAME["vehicle-costs"], day.year),
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
        id=next_id(ledger, KIND_BY_NAME["receptions"], day.year),
        date=day,
        guest_unit=unit,
        letter=letter,
        guests=tuple(guests),
        staff=tuple(staff),
        amount=amount,
        expense=expense,
        approvals=approvals,
    )

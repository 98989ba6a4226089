"""vehicles: 公车 and 公务接待 (R43) — every trip of a registered vehicle approved before it set out (a
request not yet approved is fine until its day), logged back with its odometer once its day is past, its
odometer continuous from the trip before (a gap is driving nobody logged); fuel no more than the logged
kilometres explain, and each cost paid by the claim it names, for the same amount; a reception with its
official letter (公函), its guest list, the principal's approval before the day, within the policy's
limit per head and the number of staff allowed at table (接待对象10人以内陪餐不超过3人，超过10人的不超过
三分之一)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Signed
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Reception, Reimbursement, Trip, VehicleCost


def trips_by_vehicle(ledger: Ledger) -> dict[str, list[Trip]]:
    """Each vehicle's trips logged back (both odometer readings), in odometer order."""
    out: dict[str, list[Trip]] = {}
    for r in ledger.records(Trip):
        if r.logged:
            out.setdefault(r.vehicle, []).append(r)
    for rows in out.values():
        rows.sort(key=lambda t: (t.odometer_start or 0, t.sort_key))
    return out


def approved_late(r: Signed, step: str, today: dt.date) -> bool:
    """A record approved beforehand (a trip, a reception) whose approval came after its day, or that
    has none and whose day is past: before its day an unsigned request is only awaiting approval."""
    approved = r.approval(step)
    return r.date < today if approved is None else approved.on > r.date


def check_trips(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    known = {v.id for v in ledger.catalog.vehicles}
    for t in ledger.records(Trip):
        file, line = t.source
        if t.vehicle not in known:
            yield diag("VEH001", file, line, record=t.id, id=t.id, vehicle=t.vehicle)
        if approved_late(t, "supervisor", today):
            yield diag("VEH002", file, line, record=t.id, id=t.id, vehicle=t.vehicle, date=t.date)
        if not t.logged and t.date < today:
            yield diag("VEH007", file, line, record=t.id, id=t.id, vehicle=t.vehicle, date=t.date)
    for vehicle, trips in sorted(trips_by_vehicle(ledger).items()):
        previous: Trip | None = None
        for t in trips:
            file, line = t.source
            if t.km < 0:
                yield diag("VEH003", file, line, record=t.id, id=t.id, start=t.odometer_start, end=t.odometer_end)
            elif previous is not None and t.odometer_start != previous.odometer_end:
                yield diag(
                    "VEH004", file, line, record=t.id, id=t.id, vehicle=vehicle, start=t.odometer_start,
                    other=previous.id, end=previous.odometer_end,
                )  # fmt: skip
            previous = t


def check_costs(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    known = {v.id for v in ledger.catalog.vehicles}
    trips = trips_by_vehicle(ledger)
    costs = sorted((r for r in ledger.records(VehicleCost)), key=lambda r: r.sort_key)
    last_fuel: dict[str, VehicleCost] = {}
    for c in costs:
        file, line = c.source
        if c.vehicle not in known:
            yield diag("VEH001", file, line, record=c.id, id=c.id, vehicle=c.vehicle)
        claim = ledger.find(c.expense, Reimbursement)
        if claim is None or claim.amount != c.amount:
            yield diag("VEH005", file, line, record=c.id, id=c.id, expense=c.expense, amount=c.amount)
        logged = [t for t in trips.get(c.vehicle, []) if (t.odometer_end or 0) <= c.odometer]
        if logged and c.odometer < (logged[-1].odometer_end or 0):
            yield diag("VEH003", file, line, record=c.id, id=c.id, start=logged[-1].odometer_end, end=c.odometer)
        if c.type != "fuel" or c.litres is None:
            continue
        before = last_fuel.get(c.vehicle)
        last_fuel[c.vehicle] = c
        if before is None:
            continue
        km = sum(
            (
                t.km
                for t in trips.get(c.vehicle, [])
                if before.odometer <= (t.odometer_start or 0) and (t.odometer_end or 0) <= c.odometer
            ),
            Decimal(0),
        )
        explained = km * policy.fuel_per_100km / 100
        if c.litres > explained:
            yield diag(
                "VEH006", file, line, record=c.id, id=c.id, vehicle=c.vehicle, litres=c.litres, km=km,
                limit=policy.fuel_per_100km,
            )  # fmt: skip


def staff_allowed(guests: int) -> int:
    """接待对象在10人以内的，陪餐人数不得超过3人；超过10人的，不得超过接待对象人数的三分之一."""
    return 3 if guests <= 10 else guests // 3


def check_receptions(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    for r in ledger.records(Reception):
        file, line = r.source
        if not r.letter:
            yield diag("RCP001", file, line, record=r.id, id=r.id, unit=r.guest_unit)
        if not r.guests:
            yield diag("RCP002", file, line, record=r.id, id=r.id)
        if approved_late(r, "principal", today):
            yield diag("RCP003", file, line, record=r.id, id=r.id, date=r.date)
        heads = len(r.guests) + len(r.staff)
        if heads and r.amount / heads > policy.reception_per_head:
            per = (r.amount / heads).quantize(Decimal("0.01"))
            yield diag(
                "RCP004", file, line, record=r.id, id=r.id, per=per, limit=policy.reception_per_head, heads=heads
            )
        if r.guests and len(r.staff) > staff_allowed(len(r.guests)):
            yield diag(
                "RCP005", file, line, record=r.id, id=r.id, staff=len(r.staff), guests=len(r.guests),
                allowed=staff_allowed(len(r.guests)),
            )  # fmt: skip
        if r.expense is not None:
            claim = ledger.find(r.expense, Reimbursement)
            if claim is None or claim.amount != r.amount:
                yield diag("VEH005", file, line, record=r.id, id=r.id, expense=r.expense, amount=r.amount)

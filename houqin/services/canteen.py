"""Canteen food safety as use-cases (食堂): food accepted with its licence and certificates, a meal with
its samples, leaders and staff, the samples' discarding, a health certificate. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from houqin import clock
from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Discard, FoodLine, FoodReceipt, HealthCertificate, Meal, Sample
from houqin.services.inputs import validated
from houqin.services.lookup import find_record


def receive_food(
    ledger: Ledger,
    supplier: str,
    licence: str | None,
    lines: Sequence[tuple[str, Decimal, str, Decimal, str | None]],
    acceptor: str,
    day: dt.date,
) -> FoodReceipt:
    if not lines:
        raise UsageError("food_items_needed")
    return validated(
        FoodReceipt,
        id=next_id(ledger, KIND_BY_MODEL[FoodReceipt], day.year),
        date=day,
        supplier=supplier,
        licence=licence,
        lines=tuple(
            validated(FoodLine, name=n, quantity=q, unit=u, amount=a, certificate=c) for n, q, u, a, c in lines
        ),
        acceptor=acceptor,
    )


def record_meal(
    ledger: Ledger,
    meal: str,
    served: int,
    samples: Sequence[tuple[str, Decimal]],
    at: str,
    keeper: str,
    accompanied_by: Sequence[str],
    staff: Sequence[str],
    day: dt.date,
) -> Meal:
    if not samples:
        raise UsageError("samples_needed")
    return validated(
        Meal,
        id=next_id(ledger, KIND_BY_MODEL[Meal], day.year),
        date=day,
        meal=meal,
        served=served,
        samples=tuple(validated(Sample, dish=d, grams=g) for d, g in samples),
        sampled_at=at,
        sample_keeper=keeper,
        accompanied_by=tuple(accompanied_by),
        staff=tuple(staff),
    )


def discard_samples(ledger: Ledger, meal: str, on: dt.date, at: str, by: str) -> Meal:
    record = find_record(ledger, meal, Meal, RecordName("meal"))
    if record.discarded is not None:
        raise UsageError("already_discarded", id=record.id, on=record.discarded.on)
    if (on, at) < (record.date, record.sampled_at):
        raise UsageError("discard_before_sample", id=record.id, sampled=f"{record.date} {record.sampled_at}")
    if on > clock.today():
        raise UsageError("discard_in_future", id=record.id, on=on, today=clock.today())
    return record.model_copy(update={"discarded": validated(Discard, on=on, at=at, by=by)})


def record_certificate(ledger: Ledger, person: str, number: str, until: dt.date, day: dt.date) -> HealthCertificate:
    return validated(
        HealthCertificate,
        id=next_id(ledger, KIND_BY_MODEL[HealthCertificate], day.year),
        date=day,
        person=person,
        number=number,
        until=until,
    )

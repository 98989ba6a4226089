"""The rest of the office as use-cases: reading a meter, logging the day's round (a finding can open a
repair ticket in the same commit), a print job from request to done. Pure: each returns the records."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.base import Record
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import (
    MeterReading,
    MilkDelivery,
    MilkOrder,
    Patrol,
    PatrolFinding,
    PrintJob,
    ShopBatch,
    ShopSale,
)
from houqin.services.inputs import validated
from houqin.services.lookup import find_record
from houqin.services.repairs import open_repair, report_damage


def read_meter(
    ledger: Ledger, meter: str, reading: Decimal, reader: str, day: dt.date, replaced: bool, reason: str | None
) -> MeterReading:
    if meter not in {m.id for m in ledger.catalog.meters}:
        raise UsageError("unknown_meter", meter=meter, meters="、".join(m.id for m in ledger.catalog.meters) or "-")
    return validated(
        MeterReading,
        id=next_id(ledger, KIND_BY_MODEL[MeterReading], day.year),
        date=day,
        meter=meter,
        reading=reading,
        reader=reader,
        replaced=replaced,
        reason=reason,
    )


@dataclass(frozen=True)
class Seen:
    """A finding as typed: place, kind, what; `repair` opens a repair ticket for it at once, `damage` (an
    asset id) a damage case whose responsible person is still to be found (待查)."""

    place: str
    kind: str
    text: str
    repair: bool = False
    damage: str | None = None


def log_patrol(
    ledger: Ledger, inspector: str, places: Sequence[str], seen: Sequence[Seen], day: dt.date
) -> list[Record]:
    """每日巡视: the round, and a repair ticket (reported by the inspector) for each finding that asks."""
    out: list[Record] = []
    running = ledger
    findings = []
    for s in seen:
        ticket = case = None
        if s.repair:
            repair = open_repair(running, inspector, f"巡视发现：{s.text}", day, place=s.place)
            running = running.with_record(repair)
            out.append(repair)
            ticket = repair.id
        if s.damage:
            damage = report_damage(running, s.damage, "other", "待查", f"巡视发现：{s.text}", day)
            running = running.with_record(damage)
            out.append(damage)
            case = damage.id
        findings.append(validated(PatrolFinding, place=s.place, kind=s.kind, text=s.text, repair=ticket, damage=case))
    patrol = validated(
        Patrol,
        id=next_id(ledger, KIND_BY_MODEL[Patrol], day.year),
        date=day,
        inspector=inspector,
        places=tuple(dict.fromkeys([*places, *(s.place for s in seen)])),
        findings=tuple(findings),
    )
    return [patrol, *out]


def resolve_finding(ledger: Ledger, text: str, place: str, day: dt.date) -> Patrol:
    patrol = find_record(ledger, text, Patrol, RecordName("round"))
    changed = False
    findings = []
    for f in patrol.findings:
        if f.place == place and f.resolved is None and not changed:
            f, changed = f.model_copy(update={"resolved": day}), True
        findings.append(f)
    if not changed:
        raise UsageError("no_open_finding", id=patrol.id, place=place)
    return patrol.model_copy(update={"findings": tuple(findings)})


def request_print(
    ledger: Ledger, requester: str, department: str, pages: int, copies: int, paper: str, purpose: str, day: dt.date
) -> PrintJob:
    return validated(
        PrintJob,
        id=next_id(ledger, KIND_BY_MODEL[PrintJob], day.year),
        date=day,
        requester=requester,
        department=department,
        pages=pages,
        copies=copies,
        paper=paper,
        purpose=purpose,
    )


def print_done(ledger: Ledger, text: str, day: dt.date) -> PrintJob:
    job = find_record(ledger, text, PrintJob, RecordName("print_job"))
    if job.done is not None:
        raise UsageError("already_closed", id=job.id)
    return job.model_copy(update={"done": day})


def receive_shop_batch(ledger: Ledger, day: dt.date, **fields: object) -> ShopBatch:
    """进货: a batch from a supplier named in full, with both prices and its shelf life."""
    return validated(ShopBatch, id=next_id(ledger, KIND_BY_MODEL[ShopBatch], day.year), date=day, **fields)


def sell(ledger: Ledger, batch: str, quantity: Decimal, seller: str, day: dt.date, removed: bool = False) -> ShopSale:
    found = find_record(ledger, batch, ShopBatch, RecordName("shop_batch"))
    return validated(
        ShopSale, id=next_id(ledger, KIND_BY_MODEL[ShopSale], day.year), date=day, batch=found.id,
        quantity=quantity, seller=seller, removed=removed,
    )  # fmt: skip


def order_milk(
    ledger: Ledger, term: str, klass: str, students: int, cartons: int, fee_item: str, day: dt.date
) -> MilkOrder:
    return validated(
        MilkOrder, id=next_id(ledger, KIND_BY_MODEL[MilkOrder], day.year), date=day, term=term, class_=klass,
        students=students, cartons=cartons, fee_item=fee_item,
    )  # fmt: skip


def deliver_milk(ledger: Ledger, klass: str, cartons: int, received_by: str, day: dt.date) -> MilkDelivery:
    return validated(
        MilkDelivery, id=next_id(ledger, KIND_BY_MODEL[MilkDelivery], day.year), date=day, class_=klass,
        cartons=cartons, received_by=received_by,
    )  # fmt: skip

"""meters, patrols, printing: the registers of the rest of the office — 水电表要每期一查 (R33): a meter
never runs backwards without a reason, a period far above the usual is warned, every meter is read each
term; 每日巡视 (R34): school days without a round are counted (the calendar's working days: no national
holiday, make-up days included), findings do not stay open; 主管审批复印和
油印 (R20): a print job is done only after the supervisor approved it (its paper, a catalog item, is
refs' to check)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from decimal import Decimal

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.layout import CONFIG_FILE
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import MeterReading, Patrol, PrintJob, Repair


def readings_by_meter(ledger: Ledger) -> dict[str, list[MeterReading]]:
    out: dict[str, list[MeterReading]] = {}
    for r in ledger.records(MeterReading):
        out.setdefault(r.meter, []).append(r)
    for rows in out.values():
        rows.sort(key=lambda r: r.sort_key)
    return out


def usage(previous: MeterReading, current: MeterReading) -> Decimal:
    """What was used between two readings (after a meter was replaced, the new meter's reading)."""
    return current.reading if current.replaced else current.reading - previous.reading


def check_meters(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    meters = {m.id: m for m in ledger.catalog.meters}
    by_meter = readings_by_meter(ledger)
    for meter_id, rows in sorted(by_meter.items()):
        if meter_id not in meters:
            for r in rows:
                yield diag("MTR004", r.source.file, r.source.line, record=r.id, id=r.id, meter=meter_id)
            continue
        daily: list[Decimal] = []
        for before, r in itertools.pairwise(rows):
            if r.reading < before.reading and not (r.replaced or r.reason):
                yield diag(
                    "MTR001",
                    r.source.file,
                    r.source.line,
                    record=r.id,
                    id=r.id,
                    meter=meters[meter_id].name,
                    reading=r.reading,
                    previous=before.reading,
                    date=before.date,
                )
                continue
            days = (r.date - before.date).days
            if days <= 0:
                continue
            per_day = usage(before, r) / days
            if len(daily) >= 2:
                usual = sum(daily, Decimal(0)) / len(daily)
                if usual > 0 and per_day > usual * policy.meter_spike:
                    yield diag(
                        "MTR002",
                        r.source.file,
                        r.source.line,
                        record=r.id,
                        id=r.id,
                        meter=meters[meter_id].name,
                        per_day=per_day.quantize(Decimal("0.1")),
                        usual=usual.quantize(Decimal("0.1")),
                    )
            daily.append(per_day)
    started = ledger.config.started or dt.date.min
    for term in ledger.config.terms:
        if term.end >= today or term.start < started:
            continue
        for meter in ledger.catalog.meters:
            if not any(term.start <= r.date <= term.end for r in by_meter.get(meter.id, [])):
                yield diag("MTR003", CONFIG_FILE, 0, record=meter.id, meter=meter.name, term=term.id)


def check_patrols(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    rounds = [r for r in ledger.records(Patrol)]
    if not rounds:
        return  # a school that does not keep its rounds in houqin is not told about them every day
    walked = {r.date for r in rounds}
    first = min(walked)
    for term in ledger.config.terms:
        start, end = max(term.start, first), min(term.end, today - dt.timedelta(days=1))
        if start > end:
            continue
        missed = [d for d in ledger.config.calendar.working_days(start, end) if d not in walked]
        if missed:
            yield diag("PAT001", CONFIG_FILE, 0, record=term.id, term=term.id, days=len(missed), first=missed[0])
    for r in rounds:
        for f in r.findings:
            done = f.resolved
            if done is None and f.repair is not None:
                ticket = ledger.find(f.repair, Repair)
                done = ticket.done.on if ticket is not None and ticket.done else None
            age = ledger.config.calendar.elapsed(r.date, today)
            if done is None and age > policy.repair_open_days:
                yield diag(
                    "PAT002", r.source.file, f.line, record=r.id, id=r.id, place=f.place, text=f.text, days=age,
                )  # fmt: skip


def check_printing(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for r in ledger.records(PrintJob):
        if r.done is None:
            continue
        approved = r.approval("supervisor")
        if approved is None or approved.on > r.done:
            yield diag("PRT001", r.source.file, r.source.line, record=r.id, id=r.id, done=r.done)

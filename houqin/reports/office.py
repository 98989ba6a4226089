"""Reports of the rest of the office: meter consumption per period with cost, per head and against the
same period a year before; the rounds of a term; paper printed per department against paper issued."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal

from houqin.checks.office import readings_by_meter, usage
from houqin.checks.shop import expiring
from houqin.checks.stock import department_of
from houqin.models.directory import Meter
from houqin.models.ledger import Ledger
from houqin.models.records import (
    Income,
    MeterReading,
    MilkDelivery,
    MilkOrder,
    Patrol,
    PrintJob,
    Repair,
    ShopBatch,
    StockOut,
)
from houqin.money import CENT

ZERO = Decimal(0)


@dataclass(frozen=True)
class MeterPeriod:
    meter: str
    name: str
    place: str
    start: dt.date
    end: dt.date
    used: Decimal
    cost: Decimal
    per_head: Decimal | None
    last_year: Decimal | None  # use over the same dates a year before, where readings allow

    @property
    def change(self) -> Decimal | None:
        if not self.last_year:
            return None
        return ((self.used - self.last_year) / self.last_year * 100).quantize(Decimal("0.1"))


def meter_periods(ledger: Ledger, since: dt.date | None = None, until: dt.date | None = None) -> list[MeterPeriod]:
    tariffs = ledger.config.policy.tariffs
    meters = {m.id: m for m in ledger.catalog.meters}
    out = []
    for meter_id, rows in sorted(readings_by_meter(ledger).items()):
        meter = meters.get(meter_id)
        if meter is None:
            continue
        for before, r in itertools.pairwise(rows):
            if (since and r.date < since) or (until and r.date > until):
                continue
            used = usage(before, r)
            out.append(
                MeterPeriod(
                    meter_id,
                    meter.name,
                    meter.place,
                    before.date,
                    r.date,
                    used,
                    (used * tariffs.get(meter.kind, ZERO)).quantize(CENT),
                    (used / meter.serves).quantize(Decimal("0.01")) if meter.serves else None,
                    _interpolated(rows, _year_before(before.date), _year_before(r.date)),
                )
            )
    return out


def _year_before(day: dt.date) -> dt.date:
    return (
        day.replace(year=day.year - 1)
        if not (day.month == 2 and day.day == 29)
        else day.replace(year=day.year - 1, day=28)
    )


def _interpolated(rows: list[MeterReading], start: dt.date, end: dt.date) -> Decimal | None:
    """Use between two days from the readings around them (straight-line between readings)."""

    def at(day: dt.date) -> Decimal | None:
        for a, b in itertools.pairwise(rows):
            if a.date <= day <= b.date and not b.replaced and b.date > a.date:
                share = Decimal((day - a.date).days) / Decimal((b.date - a.date).days)
                return Decimal(a.reading) + (Decimal(b.reading) - Decimal(a.reading)) * share
        return None

    first, last = at(start), at(end)
    return (last - first).quantize(Decimal("0.1")) if first is not None and last is not None else None


@dataclass(frozen=True)
class PatrolTerm:
    term: str
    rounds: int
    school_days: int
    missed: int
    findings: int
    open_findings: tuple[tuple[str, str, str], ...]  # (round id, place, what)


def patrol_term(ledger: Ledger, term_id: str, today: dt.date) -> PatrolTerm:
    term = next(t for t in ledger.config.terms if t.id == term_id)
    end = min(term.end, today - dt.timedelta(days=1))  # today's round may still be walked
    rounds = [r for r in ledger.records(Patrol) if term.start <= r.date <= end]
    walked = {r.date for r in rounds}
    school = ledger.config.calendar.working_days(term.start, end)
    open_ = []
    for r in rounds:
        for f in r.findings:
            ticket = ledger.find(f.repair, Repair)
            fixed = f.resolved or (ticket.done.on if ticket is not None and ticket.done else None)
            if fixed is None:
                open_.append((r.id, f.place, f.text))
    return PatrolTerm(
        term_id, len(rounds), len(school), sum(1 for d in school if d not in walked),
        sum(len(r.findings) for r in rounds), tuple(open_),
    )  # fmt: skip


@dataclass(frozen=True)
class PaperUse:
    department: str
    jobs: int
    sheets: int
    packs_printed: Decimal
    packs_issued: Decimal


def paper_by_department(ledger: Ledger, first: dt.date, last: dt.date) -> list[PaperUse]:
    """文印: sheets printed per department in the period (as packs) against paper issued to it."""
    per_pack = ledger.config.policy.sheets_per_pack
    papers: set[str] = set()
    jobs: dict[str, list[int]] = {}
    for r in ledger.records(PrintJob):
        if r.done is not None and first <= r.done <= last:
            entry = jobs.setdefault(r.department, [0, 0])
            entry[0] += 1
            entry[1] += r.sheets
            papers.add(r.paper)
    issued: dict[str, Decimal] = {}
    for o in ledger.records(StockOut):
        if o.item in papers and first <= o.date <= last:
            department = department_of(ledger, o) or "—"
            issued[department] = issued.get(department, ZERO) + o.quantity
    return [
        PaperUse(d, jobs.get(d, [0, 0])[0], jobs.get(d, [0, 0])[1],
                 (Decimal(jobs.get(d, [0, 0])[1]) / per_pack).quantize(Decimal("0.1")), issued.get(d, ZERO))
        for d in sorted(set(jobs) | set(issued))
    ]  # fmt: skip


@dataclass(frozen=True)
class MilkClass:
    klass: str
    students: int
    ordered: int
    delivered: int
    due: Decimal
    paid: Decimal


def milk_reconciliation(ledger: Ledger, term_id: str) -> list[MilkClass]:
    """学生奶: per class, what was ordered, delivered and paid in the term."""
    from houqin.checks.finance import published_items

    items = published_items(ledger)
    out = []
    orders = [o for o in ledger.records(MilkOrder) if o.term == term_id]
    for o in sorted(orders, key=lambda o: o.class_):
        delivered = sum(
            d.cartons
            for d in ledger.records(MilkDelivery)
            if d.class_ == o.class_ and (t := ledger.config.term_of(d.date)) and t.id == term_id
        )
        paid = sum(
            (r.amount for r in ledger.records(Income)
             if r.fee_item == o.fee_item and r.class_ == o.class_),
            ZERO,
        )  # fmt: skip
        each = next((item.amount for _n, item in items.get(o.fee_item, [])), ZERO)
        out.append(MilkClass(o.class_, o.students, o.cartons, delivered, each * o.students, paid))
    return out


@dataclass(frozen=True)
class MeterLast:
    """A meter with its last reading (None before the first)."""

    meter: Meter
    last: MeterReading | None


def meter_list(ledger: Ledger) -> list[MeterLast]:
    """Every meter of the catalogue, in its order, with its last reading."""
    last = {m: rows[-1] for m, rows in readings_by_meter(ledger).items()}
    return [MeterLast(m, last.get(m.id)) for m in ledger.catalog.meters]


@dataclass(frozen=True)
class Expiring:
    """A shop batch still on the shelf, how much of it is left, and the day it expires."""

    batch: ShopBatch
    left: Decimal
    expires: dt.date


def expiring_batches(ledger: Ledger, day: dt.date, within: int) -> list[Expiring]:
    """The batches that expire within `within` days of `day`, or already have (take them off)."""
    return [Expiring(b, left, b.expires) for b, left in expiring(ledger, day, within)]

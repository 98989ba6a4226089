"""refs: every person, place, item, category, budget line and record a record names exists,
and people were on the staff on the record's day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

from houqin.diagnostics import Diagnostic, diag
from houqin.layout import PLACES_FILE
from houqin.models.base import Record, Signed
from houqin.models.config import Policy
from houqin.models.directory import category_code_ok, fund_lines
from houqin.models.kinds import links_of
from houqin.models.ledger import Ledger
from houqin.models.records import (
    Asset,
    Audit,
    BalanceAssertion,
    CashAdvance,
    Close,
    Damage,
    Disposal,
    FoodReceipt,
    HealthCertificate,
    Income,
    Loan,
    Meal,
    MeterReading,
    MilkDelivery,
    Move,
    Patrol,
    PrintJob,
    Purchase,
    ReceiptBook,
    ReceiptVoid,
    Reception,
    Recovery,
    Reimbursement,
    Repair,
    Responsibility,
    ShopBatch,
    ShopSale,
    StockIn,
    StockOut,
    Stocktake,
    Transfer,
    Trip,
)

R = TypeVar("R", bound=Record)


def unknown_person(ledger: Ledger, file: str, line: int, record: str, field: str, name: str) -> Diagnostic:
    """REF001, or REF012 when people.yaml holds a name that looks the same (a character picked wrong
    in the input method: 王建囯 for 王建国)."""
    like = ledger.person_like(name)
    if like is not None:
        return diag("REF012", file, line, record=record, field=field, name=name, like=like.name)
    return diag("REF001", file, line, record=record, field=field, name=name)


def _person(ledger: Ledger, r: Record, field: str, name: str, day: dt.date | None) -> Iterator[Diagnostic]:
    if day is not None and ledger.active(name, day):
        return
    src = r.source
    if name not in ledger.person_by_name:
        yield unknown_person(ledger, src.file, src.line, r.id, field, name)
    elif day is not None:
        yield diag("REF002", src.file, src.line, record=r.id, field=field, name=name, date=day)


def _place(ledger: Ledger, r: Record, place_id: str) -> Iterator[Diagnostic]:
    place = ledger.place_by_id.get(place_id)
    if place is None:
        yield diag("REF003", r.source.file, r.source.line, record=r.id, place=place_id)
    elif not place.active:
        yield diag("REF004", r.source.file, r.source.line, record=r.id, place=place_id)


def _asset(ledger: Ledger, a: Asset) -> Iterator[Diagnostic]:
    src = a.source
    yield from _place(ledger, a, a.place)
    started = ledger.config.started
    if not (started is not None and a.date < started and ledger.active(a.keeper, started)):
        # An asset older than the books (a register moved in) names who keeps it when they began,
        # who may have joined the school after it was bought (docs/moving-in.md).
        yield from _person(ledger, a, "keeper", a.keeper, a.date)
    if not category_code_ok(a.category):
        yield diag("REF007", src.file, src.line, record=a.id, code=a.category)
    elif a.category not in ledger.category_by_code:
        yield diag("REF006", src.file, src.line, record=a.id, code=a.category)
    if ledger.catalog.funding_sources and a.funding not in ledger.catalog.funding_sources:
        yield diag("REF010", src.file, src.line, record=a.id, funding=a.funding)


def _purchase(ledger: Ledger, p: Purchase) -> Iterator[Diagnostic]:
    src = p.source
    yield from _person(ledger, p, "requester", p.requester, p.date)
    if (p.budget_line, p.date.year) not in ledger.budget_line_by_key:
        yield diag("REF008", src.file, src.line, record=p.id, line=p.budget_line, year=p.date.year)
    for line in p.lines:
        if line.item is not None and line.item not in ledger.item_by_id:
            yield diag("REF005", src.file, line.line, record=p.id, item=line.item)
        if line.category is not None and not category_code_ok(line.category):
            yield diag("REF007", src.file, line.line, record=p.id, code=line.category)
    if p.accepted:
        yield from _person(ledger, p, "accepted.acceptor", p.accepted.acceptor, p.accepted.on)
        yield from _person(ledger, p, "accepted.witness", p.accepted.witness, p.accepted.on)
    if p.meeting:
        for name in p.meeting.attendees:
            yield from _person(ledger, p, "meeting.attendees", name, p.meeting.on)


def _stocktake(ledger: Ledger, s: Stocktake) -> Iterator[Diagnostic]:
    for name in s.counted_by:
        yield from _person(ledger, s, "counted_by", name, s.date)
    for place in s.places:
        if place not in ledger.place_by_id:
            yield diag("REF003", s.source.file, s.source.line, record=s.id, place=place)
    for a in s.adjustments:
        if a.item not in ledger.item_by_id:
            yield diag("REF005", s.source.file, a.line, record=s.id, item=a.item)


def _expense(ledger: Ledger, e: Reimbursement) -> Iterator[Diagnostic]:
    own = e.budget_line in fund_lines(ledger.catalog.accounts)  # a fund's own line, not the public budget's
    if not own and (e.budget_line, e.date.year) not in ledger.budget_line_by_key:
        yield diag("REF008", e.source.file, e.source.line, record=e.id, line=e.budget_line, year=e.date.year)
    if e.payment:
        yield from _person(ledger, e, "payment.by", e.payment.by, e.payment.on)


def _item(ledger: Ledger, r: StockIn | StockOut) -> Iterator[Diagnostic]:
    if r.item not in ledger.item_by_id:
        yield diag("REF005", r.source.file, r.source.line, record=r.id, item=r.item)


def check_place_keepers(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for p in ledger.places:
        if p.keeper not in ledger.person_by_name:
            yield unknown_person(ledger, PLACES_FILE, p.line, p.id, "keeper", p.keeper)


def _stock_in(ledger: Ledger, r: StockIn) -> Iterator[Diagnostic]:
    yield from _item(ledger, r)
    yield from _person(ledger, r, "acceptor", r.acceptor, r.date)


def _income(ledger: Ledger, r: Income) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "received_by", r.received_by, r.date)


def _by(ledger: Ledger, r: BalanceAssertion | Transfer | ReceiptVoid) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "by", r.by, r.date)


def _receipt_book(ledger: Ledger, r: ReceiptBook) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "holder", r.holder, r.date)
    yield from _person(ledger, r, "issued_by", r.issued_by, r.date)


def _close(ledger: Ledger, r: Close) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "closed_by", r.closed_by, r.date)


def _meter(ledger: Ledger, r: MeterReading) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "reader", r.reader, r.date)


def _print_job(ledger: Ledger, r: PrintJob) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "requester", r.requester, r.date)
    if r.paper not in ledger.item_by_id:
        yield diag("REF005", r.source.file, r.source.line, record=r.id, item=r.paper)


def _shop_batch(ledger: Ledger, r: ShopBatch) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "acceptor", r.acceptor, r.date)


def _shop_sale(ledger: Ledger, r: ShopSale) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "seller", r.seller, r.date)


def _milk(ledger: Ledger, r: MilkDelivery) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "received_by", r.received_by, r.date)


def _patrol(ledger: Ledger, r: Patrol) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "inspector", r.inspector, r.date)
    for place in {*r.places, *(f.place for f in r.findings)}:
        if place not in ledger.place_by_id:
            yield diag("REF003", r.source.file, r.source.line, record=r.id, place=place)


def _audit(ledger: Ledger, r: Audit) -> Iterator[Diagnostic]:
    for name in r.members:
        yield from _person(ledger, r, "members", name, r.date)
    for answer in r.answers:
        yield from _person(ledger, r, "answers.by", answer.by, answer.on)


def _meal(ledger: Ledger, r: Meal) -> Iterator[Diagnostic]:
    for field, name in (
        ("sample_keeper", r.sample_keeper),
        *(("accompanied_by", n) for n in r.accompanied_by),
        *(("staff", n) for n in r.staff),
    ):
        yield from _person(ledger, r, field, name, r.date)


def _food(ledger: Ledger, r: FoodReceipt) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "acceptor", r.acceptor, r.date)


def _health(ledger: Ledger, r: HealthCertificate) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "person", r.person, None)


def _trip(ledger: Ledger, r: Trip) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "driver", r.driver, r.date)


def _reception(ledger: Ledger, r: Reception) -> Iterator[Diagnostic]:
    for name in r.staff:
        yield from _person(ledger, r, "staff", name, r.date)


def _responsibility(ledger: Ledger, r: Responsibility) -> Iterator[Diagnostic]:
    yield from _place(ledger, r, r.place)
    yield from _person(ledger, r, "keeper", r.keeper, r.date)


def _recovery(ledger: Ledger, r: Recovery) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "by", r.by, r.date)
    yield from _place(ledger, r, r.place)


def _stock_out(ledger: Ledger, r: StockOut) -> Iterator[Diagnostic]:
    yield from _item(ledger, r)
    yield from _person(ledger, r, "receiver", r.receiver, r.date)
    yield from _person(ledger, r, "issued_by", r.issued_by, r.date)


def _loan(ledger: Ledger, r: Loan) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "borrower", r.borrower, r.date)
    if r.returned:
        yield from _person(ledger, r, "returned.received_by", r.returned.received_by, r.returned.on)


def _from_place(ledger: Ledger, r: Move | Disposal) -> Iterator[Diagnostic]:
    if r.from_place is not None and r.from_place not in ledger.place_by_id:
        yield diag("REF003", r.source.file, r.source.line, record=r.id, place=r.from_place)


def _move(ledger: Ledger, r: Move) -> Iterator[Diagnostic]:
    yield from _from_place(ledger, r)
    yield from _place(ledger, r, r.to_place)
    yield from _person(ledger, r, "to_keeper", r.to_keeper, r.date)


def _repair(ledger: Ledger, r: Repair) -> Iterator[Diagnostic]:
    if r.place is not None:
        yield from _place(ledger, r, r.place)
    yield from _person(ledger, r, "reporter", r.reporter, r.date)


def _damage(ledger: Ledger, r: Damage) -> Iterator[Diagnostic]:
    if r.responsible.type == "staff":
        yield from _person(ledger, r, "responsible", r.responsible.name, r.date)


def _advance(ledger: Ledger, r: CashAdvance) -> Iterator[Diagnostic]:
    yield from _person(ledger, r, "person", r.person, r.date)
    if r.payment:
        yield from _person(ledger, r, "payment.by", r.payment.by, r.payment.on)


Named = Callable[[Ledger, Any], Iterator[Diagnostic]]


def _of(model: type[R], named: Callable[[Ledger, R], Iterator[Diagnostic]]) -> tuple[type[Record], Named]:
    """A model and what its records name besides other records (mypy checks the pair agrees)."""
    return model, named


# What a record of each model names in the directory (people, places, items, categories, budget
# lines). The records it names by id are its kind's links (models/kinds.py), looked up by one walk.
DIRECTORY_NAMES: Mapping[type[Record], Named] = dict(
    (
        _of(Asset, _asset),
        _of(Reimbursement, _expense),
        _of(StockIn, _stock_in),
        _of(Purchase, _purchase),
        _of(Income, _income),
        _of(BalanceAssertion, _by),
        _of(Transfer, _by),
        _of(ReceiptVoid, _by),
        _of(ReceiptBook, _receipt_book),
        _of(Close, _close),
        _of(MeterReading, _meter),
        _of(PrintJob, _print_job),
        _of(ShopBatch, _shop_batch),
        _of(ShopSale, _shop_sale),
        _of(MilkDelivery, _milk),
        _of(Patrol, _patrol),
        _of(Stocktake, _stocktake),
        _of(Audit, _audit),
        _of(Meal, _meal),
        _of(FoodReceipt, _food),
        _of(HealthCertificate, _health),
        _of(Trip, _trip),
        _of(Reception, _reception),
        _of(Responsibility, _responsibility),
        _of(Recovery, _recovery),
        _of(StockOut, _stock_out),
        _of(Loan, _loan),
        _of(Move, _move),
        _of(Disposal, _from_place),
        _of(Repair, _repair),
        _of(Damage, _damage),
        _of(CashAdvance, _advance),
    )
)


def check_refs(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """What each record names exists (a finding about one record, given the directory and the
    records its kind's links name: the registry lets it see those kinds)."""
    terms = {t.id for t in ledger.config.terms}
    for r in ledger.all_records():
        term = getattr(r, "term", None)  # one term check for every record that names a term
        if isinstance(term, str) and term not in terms:
            yield diag("REF011", r.source.file, r.source.line, record=r.id, id=r.id, term=term)
        for link, rid, line in links_of(r):
            if not ledger.has(rid, link.to):
                yield diag("REF009", r.source.file, line, record=r.id, what=link.what.both(), id=rid)
        named = DIRECTORY_NAMES.get(type(r))
        if named is not None:
            yield from named(ledger, r)
        if isinstance(r, Signed):
            for a in r.approvals:
                if a.by not in ledger.person_by_name:
                    yield unknown_person(ledger, r.source.file, a.line, r.id, f"approvals.{a.role}", a.by)

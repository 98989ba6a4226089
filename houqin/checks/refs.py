"""refs: every person, place, item, category, budget line and record a record names exists,
and people were on the staff on the record's day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.layout import PLACES_FILE
from houqin.models.base import Record, Signed
from houqin.models.config import Policy
from houqin.models.directory import category_code_ok, fund_lines
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


def _record(ledger: Ledger, r: Record, rid: str, model: type[Record], what: str) -> Iterator[Diagnostic]:
    if ledger.find(rid, model) is None:
        yield diag("REF009", r.source.file, r.source.line, record=r.id, what=what, id=rid)


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
    if a.purchase:
        yield from _record(ledger, a, a.purchase, Purchase, "请购单/purchase")


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
    for f in s.findings:
        if f.asset is not None and ledger.find(f.asset, Asset) is None:
            yield diag("REF009", s.source.file, f.line, record=s.id, what="资产/asset", id=f.asset)


def _expense(ledger: Ledger, e: Reimbursement) -> Iterator[Diagnostic]:
    own = e.budget_line in fund_lines(ledger.catalog.accounts)  # a fund's own line, not the public budget's
    if not own and (e.budget_line, e.date.year) not in ledger.budget_line_by_key:
        yield diag("REF008", e.source.file, e.source.line, record=e.id, line=e.budget_line, year=e.date.year)
    if e.advance:
        yield from _record(ledger, e, e.advance, CashAdvance, "借款/advance")
    if e.purchase:
        yield from _record(ledger, e, e.purchase, Purchase, "请购单/purchase")
    if e.payment:
        yield from _person(ledger, e, "payment.by", e.payment.by, e.payment.on)


def _item(ledger: Ledger, r: StockIn | StockOut) -> Iterator[Diagnostic]:
    if r.item not in ledger.item_by_id:
        yield diag("REF005", r.source.file, r.source.line, record=r.id, item=r.item)


def check_place_keepers(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for p in ledger.places:
        if p.keeper not in ledger.person_by_name:
            yield unknown_person(ledger, PLACES_FILE, p.line, p.id, "keeper", p.keeper)


# The kinds of record that a record of each kind names by id (what check_refs looks up).
LINKS: dict[str, frozenset[str]] = {
    "assets": frozenset({"purchases"}),
    "expenses": frozenset({"advances", "purchases"}),
    "stock-in": frozenset({"purchases", "stocktakes"}),
    "income": frozenset({"damages"}),
    "shop-sales": frozenset({"shop-batches"}),
    "patrols": frozenset({"repairs", "damages"}),
    "stocktakes": frozenset({"assets"}),
    "loans": frozenset({"assets"}),
    "moves": frozenset({"assets"}),
    "disposals": frozenset({"assets"}),
    "repairs": frozenset({"assets", "expenses"}),
    "damages": frozenset({"assets"}),
    "recoveries": frozenset({"assets"}),
}


def check_refs(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """What each record names exists (a finding about one record, given the directory and the
    records of the kinds in LINKS)."""
    terms = {t.id for t in ledger.config.terms}
    for r in ledger.all_records():
        term = getattr(r, "term", None)  # one term check for every record that names a term
        if isinstance(term, str) and term not in terms:
            yield diag("REF011", r.source.file, r.source.line, record=r.id, id=r.id, term=term)
        if isinstance(r, Asset):
            yield from _asset(ledger, r)
        elif isinstance(r, Reimbursement):
            yield from _expense(ledger, r)
        elif isinstance(r, StockIn):
            yield from _item(ledger, r)
            yield from _person(ledger, r, "acceptor", r.acceptor, r.date)
            if r.origin.startswith(f"{Purchase.prefix}-"):
                yield from _record(ledger, r, r.origin, Purchase, "请购单/purchase")
            elif r.origin.startswith(f"{Stocktake.prefix}-"):
                yield from _record(ledger, r, r.origin, Stocktake, "盘点/stocktake")
        elif isinstance(r, Purchase):
            yield from _purchase(ledger, r)
        elif isinstance(r, Income):
            yield from _person(ledger, r, "received_by", r.received_by, r.date)
            if r.damage is not None:
                yield from _record(ledger, r, r.damage, Damage, "赔偿案/damage case")
        elif isinstance(r, (BalanceAssertion, Transfer, ReceiptVoid)):
            yield from _person(ledger, r, "by", r.by, r.date)
        elif isinstance(r, ReceiptBook):
            yield from _person(ledger, r, "holder", r.holder, r.date)
            yield from _person(ledger, r, "issued_by", r.issued_by, r.date)
        elif isinstance(r, Close):
            yield from _person(ledger, r, "closed_by", r.closed_by, r.date)
        elif isinstance(r, MeterReading):
            yield from _person(ledger, r, "reader", r.reader, r.date)
        elif isinstance(r, PrintJob):
            yield from _person(ledger, r, "requester", r.requester, r.date)
            if r.paper not in ledger.item_by_id:
                yield diag("REF005", r.source.file, r.source.line, record=r.id, item=r.paper)
        elif isinstance(r, ShopBatch):
            yield from _person(ledger, r, "acceptor", r.acceptor, r.date)
        elif isinstance(r, ShopSale):
            yield from _person(ledger, r, "seller", r.seller, r.date)
            yield from _record(ledger, r, r.batch, ShopBatch, "商店批次/shop batch")
        elif isinstance(r, MilkDelivery):
            yield from _person(ledger, r, "received_by", r.received_by, r.date)
        elif isinstance(r, Patrol):
            yield from _person(ledger, r, "inspector", r.inspector, r.date)
            for place in {*r.places, *(f.place for f in r.findings)}:
                if place not in ledger.place_by_id:
                    yield diag("REF003", r.source.file, r.source.line, record=r.id, place=place)
            for f in r.findings:
                if f.repair is not None:
                    yield from _record(ledger, r, f.repair, Repair, "报修单/repair")
                if f.damage is not None:
                    yield from _record(ledger, r, f.damage, Damage, "赔偿案/damage case")
        elif isinstance(r, Stocktake):
            yield from _stocktake(ledger, r)
        elif isinstance(r, Audit):
            for name in r.members:
                yield from _person(ledger, r, "members", name, r.date)
            for answer in r.answers:
                yield from _person(ledger, r, "answers.by", answer.by, answer.on)
        elif isinstance(r, Meal):
            for field, name in (
                ("sample_keeper", r.sample_keeper),
                *(("accompanied_by", n) for n in r.accompanied_by),
                *(("staff", n) for n in r.staff),
            ):
                yield from _person(ledger, r, field, name, r.date)
        elif isinstance(r, FoodReceipt):
            yield from _person(ledger, r, "acceptor", r.acceptor, r.date)
        elif isinstance(r, HealthCertificate):
            yield from _person(ledger, r, "person", r.person, None)
        elif isinstance(r, Trip):
            yield from _person(ledger, r, "driver", r.driver, r.date)
        elif isinstance(r, Reception):
            for name in r.staff:
                yield from _person(ledger, r, "staff", name, r.date)
        elif isinstance(r, Responsibility):
            yield from _place(ledger, r, r.place)
            yield from _person(ledger, r, "keeper", r.keeper, r.date)
        elif isinstance(r, Recovery):
            yield from _record(ledger, r, r.asset, Asset, "资产/asset")
            yield from _person(ledger, r, "by", r.by, r.date)
            yield from _place(ledger, r, r.place)
        elif isinstance(r, StockOut):
            yield from _item(ledger, r)
            yield from _person(ledger, r, "receiver", r.receiver, r.date)
            yield from _person(ledger, r, "issued_by", r.issued_by, r.date)
        elif isinstance(r, Loan):
            yield from _record(ledger, r, r.asset, Asset, "资产/asset")
            yield from _person(ledger, r, "borrower", r.borrower, r.date)
            if r.returned:
                yield from _person(ledger, r, "returned.received_by", r.returned.received_by, r.returned.on)
        elif isinstance(r, (Move, Disposal)):
            yield from _record(ledger, r, r.asset, Asset, "资产/asset")
            if r.from_place is not None and r.from_place not in ledger.place_by_id:
                yield diag("REF003", r.source.file, r.source.line, record=r.id, place=r.from_place)
            if isinstance(r, Move):
                yield from _place(ledger, r, r.to_place)
                yield from _person(ledger, r, "to_keeper", r.to_keeper, r.date)
        elif isinstance(r, Repair):
            if r.asset is not None:
                yield from _record(ledger, r, r.asset, Asset, "资产/asset")
            if r.place is not None:
                yield from _place(ledger, r, r.place)
            yield from _person(ledger, r, "reporter", r.reporter, r.date)
            if r.done is not None and r.done.expense is not None:
                yield from _record(ledger, r, r.done.expense, Reimbursement, "报销单/claim")
        elif isinstance(r, Damage):
            yield from _record(ledger, r, r.asset, Asset, "资产/asset")
            if r.responsible.type == "staff":
                yield from _person(ledger, r, "responsible", r.responsible.name, r.date)
        elif isinstance(r, CashAdvance):
            yield from _person(ledger, r, "person", r.person, r.date)
            if r.payment:
                yield from _person(ledger, r, "payment.by", r.payment.by, r.payment.on)
        if isinstance(r, Signed):
            for a in r.approvals:
                if a.by not in ledger.person_by_name:
                    yield unknown_person(ledger, r.source.file, a.line, r.id, f"approvals.{a.role}", a.by)

"""年终结账 as a use-case: close every year up to `year` and open the next with what it needs of them
(models/year_close.py). Pure: it returns the opening and the copies of the open items to write; the
write (services/writes.write_year_close) checks the ledger as the next command will read it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from houqin.checks.year_close import (
    expected_previous,
    opening_assets,
    opening_balances,
    opening_stock,
    year_end_states,
)
from houqin.diagnostics import Diagnostic, Severity
from houqin.errors import UsageError
from houqin.ledger.store import next_id
from houqin.models.as_of import as_of
from houqin.models.asset_state import AssetState
from houqin.models.base import ID_NUMBERED, Approval, Record
from houqin.models.closing import SEAL, fingerprint, month_of, standing_closes
from houqin.models.kinds import KIND_BY_MODEL, KIND_BY_PREFIX, KINDS
from houqin.models.ledger import Ledger
from houqin.models.records import (
    BalanceAssertion,
    CashAdvance,
    Close,
    Damage,
    Disposal,
    FeeSettlement,
    HealthCertificate,
    Income,
    Loan,
    Purchase,
    ReceiptBook,
    ReceiptVoid,
    Reimbursement,
    Reopen,
    Repair,
    ShopBatch,
    ShopSale,
    YearOpening,
)
from houqin.models.year_close import file_year, opening_digest, reopened_year
from houqin.services.finance import CloseRefused, Obstacle
from houqin.services.inputs import validated
from houqin.services.signing import KeySigner, key_signed

# Kinds whose records belong to a term: those of a term still running at the year's end are carried,
# so the term's duties (its counts, audit, fees, milk) are judged in the year that ends it.
TERM_KINDS = ("stocktakes", "audits", "fee-notices", "milk-orders", "fee-settlements")
# Kinds whose latest records the next year still reads (the keeper's 责任书 of the school year, the
# last meter reading, inspection, trip and receipt book): those of the last twelve months are carried.
RECENT_KINDS = ("responsibilities", "meter-readings", "fire-checks", "trips", "receipt-books")
RECENT_DAYS = 366
# Daily registers (rounds, meals and their samples): those of the term running at the year's end are
# carried, so the term's missed days are counted alike before and after the close.
DAILY_KINDS = ("patrols", "meals", "milk-deliveries")


def close_year(
    ledger: Ledger,
    digests: Mapping[str, str],
    year: int,
    by: str,
    day: dt.date,
    diagnostics: Sequence[Diagnostic],
    key: KeySigner | None = None,
) -> tuple[YearOpening, list[Record]]:
    """The opening of `year + 1` and the open items it carries; `digests`: the content hash of each of
    the ledger's files (those of the closed years are written into the opening). Refused (each reason listed) before the year is over, while a
    month of it from the books' first is open, while the ledger has errors, or when the year is closed
    already."""
    end = dt.date(year, 12, 31)
    obstacles = year_obstacles(ledger, year, diagnostics, day)
    if obstacles:
        errors = [d for d in diagnostics if d.severity is Severity.ERROR]
        raise CloseRefused(str(year), obstacles, errors)
    states = year_end_states(ledger, end)  # one replay for the register and for what it carries
    carried = carried_records(ledger, end, states)
    opening = validated(
        YearOpening,
        id=_opening_id(ledger, year + 1),
        date=dt.date(year + 1, 1, 1),
        year=year + 1,
        closed=year,
        closed_by=by,
        balances=[{"account": a, "amount": v} for a, v in opening_balances(ledger, end).items()],
        stock=opening_stock(ledger, end),
        assets=opening_assets(ledger, end, states),
        carried=[fingerprint(r, end, SEAL) for r in carried],
        invoices=recent_invoices(ledger, end, {r.id for r in carried}),
        last_ids=last_ids(ledger, year),
        receipts=receipts_used(ledger, end, carried),
        files=[f"{rel} {digest}" for rel, digest in sorted(digests.items()) if _closed(rel, year)],
        previous=expected_previous(ledger, year),
        digest="-",
        approvals=(Approval(role="accountant", by=by, on=day),),
    )
    opening = opening.model_copy(update={"digest": opening_digest(opening)})
    signed = opening if key is None else key_signed(ledger, opening, 0, key)
    return signed, carried


def _opening_id(ledger: Ledger, year: int) -> str:
    """The next opening id of `year`, above those of openings a reopening took down (never given twice)."""
    found = next_id(ledger, KIND_BY_MODEL[YearOpening], year)
    undone = [r.close for r in ledger.records(Reopen) if reopened_year(r) is not None]
    prefix = f"{KIND_BY_MODEL[YearOpening].prefix}-{year}-"
    highest = max((int(rid[len(prefix) :]) for rid in undone if rid and rid.startswith(prefix)), default=0)
    number = max(int(found.rsplit("-", 1)[1]), highest + 1)
    return f"{prefix}{number:04d}"


def reopen_year(
    ledger: Ledger, year: int, reason: str, principal: str, day: dt.date, key: KeySigner | None = None
) -> Reopen:
    """重新开账 of a year: the principal undoes the year-end close that closed `year` (the opening in
    force), on or after the close's day, once nothing later is closed — no later year, no month after
    it (the latest is reopened first). The write (services/writes.write_year_reopen) takes the opening
    down and puts the records it carried back where they came from."""
    opening = ledger.opening
    if opening is None or opening.closed < year:
        raise UsageError("year_not_closed", year=year)
    if opening.closed > year:
        raise UsageError("reopen_year_later_first", year=year, later=opening.closed, id=opening.id)
    later = sorted(m for m in standing_closes(ledger) if m > f"{year:04d}-12")
    if later:
        raise UsageError("reopen_year_months_first", year=year, month=later[-1])
    closed_on = opening.approval("accountant")
    if closed_on is not None and day < closed_on.on:
        raise UsageError("reopen_year_before_close", year=year, id=opening.id, closed=closed_on.on, day=day)
    reopen = validated(
        Reopen,
        id=next_id(ledger, KIND_BY_MODEL[Reopen], day.year),
        date=day,
        month=str(year),
        close=opening.id,
        reason=reason,
        approvals=(Approval(role="principal", by=principal, on=day),),
    )
    return reopen if key is None else key_signed(ledger, reopen, 0, key)


def year_obstacles(ledger: Ledger, year: int, diagnostics: Sequence[Diagnostic], day: dt.date) -> list[Obstacle]:
    out: list[Obstacle] = []
    end = dt.date(year, 12, 31)
    if day <= end:
        out.append(Obstacle("year.not_over", (("last", str(end)),)))
    if ledger.opened is not None and ledger.opened.closed >= year:
        out.append(Obstacle("year.closed", (("year", str(ledger.opened.closed)), ("id", ledger.opened.id))))
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if errors:
        out.append(Obstacle("year.errors", (("count", str(len(errors))),)))
    standing = standing_closes(ledger)
    started = ledger.config.started
    first = max(dt.date(year, 1, 1), started) if started is not None else None
    if first is not None and first <= end:
        months = [month_of(dt.date(year, m, 1)) for m in range(first.month, 13)]
        missing = [m for m in months if m not in standing]
        if missing:
            out.append(Obstacle("year.months", (("months", "、".join(missing)),)))
    return out


def recent_invoices(ledger: Ledger, end: dt.date, carried: set[str]) -> list[str]:
    """The invoice numbers claimed by the closed years' claims (those carried keep theirs) within the
    policy's invoice age of the year's end: an older invoice may not be claimed anyway (INV003), so
    these are all a later claim could use again."""
    since = end - dt.timedelta(days=ledger.config.policy.invoice_max_age_days)
    out: set[str] = set()
    for r in ledger.records(Reimbursement):
        if r.date <= end and r.id not in carried:
            out.update(inv.key for inv in r.invoices if inv.date is None or inv.date >= since)
    if ledger.opened is not None:
        out.update(ledger.opened.invoices)
    return sorted(out)


def last_ids(ledger: Ledger, year: int) -> list[str]:
    """The highest id of each kind and year up to `year`: a card of a closed year brought in later (a
    register found after the close) is numbered above them, never with an id a closed year gave out."""
    highest: dict[str, tuple[int, str]] = {}
    found = [*(ledger.opened.last_ids if ledger.opened is not None else ())]
    for kind in KINDS:
        found.extend(rid for rid, *_where in ledger.id_sources(kind.name))
    for rid in found:
        m = ID_NUMBERED.match(rid)
        if m is None or int(m.group(1)) > year:
            continue
        head, number = rid.rsplit("-", 1)[0], int(m.group(2))
        if number > highest.get(head, (-1, ""))[0]:
            highest[head] = (number, rid)
    return sorted(rid for _n, rid in highest.values())


def carried_records(ledger: Ledger, end: dt.date, states: Mapping[str, AssetState]) -> list[Record]:
    """What the next year still needs as records: every asset on the books, every item open at the
    year's end, the records of a term still running, the latest of the registers — and every record
    any of these names (a claim's purchase), so that the open year never refers to a closed one."""
    chosen: dict[str, Record] = {}
    for r in _wanted(ledger, end, {rid for rid, s in states.items() if s.in_books > 0}):
        chosen.setdefault(r.id, r)
    for r in _shelf(ledger, end):
        chosen.setdefault(r.id, r)
    todo = list(chosen.values())
    while todo:
        record = todo.pop()
        for rid in _named(record.model_dump(mode="json")):
            found = ledger.record_by_id.get(rid)
            if found is not None and found.id not in chosen and found.date <= end:
                chosen[found.id] = found
                todo.append(found)
    return sorted(chosen.values(), key=lambda r: (KINDS.index(KIND_BY_PREFIX[r.prefix]), r.sort_key))


def receipts_used(ledger: Ledger, end: dt.date, carried: Sequence[Record]) -> list[str]:
    """'BOOK HIGHEST' for each carried receipt book: the highest of its numbers written or voided by the
    year's end, so the open year judges the rest of the book without the closed year's receipts."""
    books = [r for r in carried if isinstance(r, ReceiptBook)]
    numbers = [r.receipt for r in ledger.records(Income) if r.receipt and r.date <= end]
    numbers += [v.number for v in ledger.records(ReceiptVoid) if v.date <= end]
    out = []
    for book in books:
        inside = [n for n in numbers if book.first <= n <= book.last]
        if inside:
            out.append(f"{book.id} {max(inside)}")
    return sorted(out)


def _shelf(ledger: Ledger, end: dt.date) -> Iterator[Record]:
    """The shop's batches with goods still on the shelf at the year's end, and every sale of them (what
    is left is the batch less its sales)."""
    sales: dict[str, list[ShopSale]] = {}
    for sale in ledger.records(ShopSale):
        if sale.date <= end:
            sales.setdefault(sale.batch, []).append(sale)
    for batch in ledger.records(ShopBatch):
        if batch.date <= end:
            gone = sum((s.quantity for s in sales.get(batch.id, ())), Decimal(0))
            if gone < batch.quantity:
                yield batch
                yield from sales.get(batch.id, ())


def _wanted(ledger: Ledger, end: dt.date, live_assets: set[str]) -> Iterator[Record]:
    running = {t.id for t in ledger.config.terms if t.start <= end < t.end}
    term_start = min((t.start for t in ledger.config.terms if t.id in running), default=end + dt.timedelta(days=1))
    recent = end - dt.timedelta(days=RECENT_DAYS)
    for kind in KINDS:
        if kind.model in (YearOpening, Close, Reopen):
            continue
        for r in ledger.records(kind.model):
            if r.date > end:
                continue
            if kind.name == "assets":
                if r.id in live_assets:
                    yield r
            elif kind.name in TERM_KINDS:
                if getattr(r, "term", None) in running or _open(as_of(r, end)):
                    yield r
            elif kind.name in DAILY_KINDS:
                if r.date >= term_start:
                    yield r
            elif isinstance(r, Income) and r.kind == "fee" and r.date >= term_start:
                yield r  # the running term's fees: what its orders and notices are paid against
            elif kind.name in RECENT_KINDS:
                if r.date > recent:
                    yield r
            elif isinstance(r, HealthCertificate):
                if r.until > end:  # still valid when the year opens
                    yield r
            elif _open(as_of(r, end)):
                yield r


def _open(r: Record) -> bool:
    """Is the record an open item at the day it is seen as of?"""
    if isinstance(r, Loan):
        return r.returned is None
    if isinstance(r, Repair):
        return r.done is None or r.approval("acceptor") is None
    if isinstance(r, Purchase):
        return r.accepted is None
    if isinstance(r, Damage):
        return r.settled is None
    if isinstance(r, BalanceAssertion):
        return bool(r.difference) and r.decision is None
    if isinstance(r, CashAdvance):
        return r.settlement is None
    if isinstance(r, Reimbursement):
        return r.payment is None
    if isinstance(r, Disposal):
        return r.approval("principal") is None
    if isinstance(r, FeeSettlement):
        return bool(r.refunds) and r.refunded is None
    if isinstance(r, ShopBatch):
        return r.paid is None
    return False


def _named(value: object) -> Iterator[str]:
    """Every id a record's fields name."""
    if isinstance(value, str):
        if ID_NUMBERED.match(value) and value[:2] in KIND_BY_PREFIX:
            yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _named(v)
    elif isinstance(value, list):
        for v in value:
            yield from _named(v)


def _closed(rel: str, year: int) -> bool:
    found = file_year(rel)
    return found is not None and found <= year

"""receipts: 票据管理 — 及时开票，及时入帐 (R37). Receipts (收据) come in numbered books issued to a person
(票据领用登记); from `policy.receipts.since` (default: the day the books began) every income of the kinds
the policy names carries its receipt's number, from a book its recorder holds; each number is used once,
in the order of the days, a spoiled one voided with its copies kept, none skipped; and income is booked
within the policy's days of its receipt. A book is signed by the accountant who issues it and by its
holder, who signs for it (领用签收); a void by the holder who voids it and the accountant who approves it
(会计核实): the steps named by the record are signed by the people it names (REC010), and the second
step follows within the policy's days (REC011)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Record, Signed
from houqin.models.config import Policy
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Income, ReceiptBook, ReceiptVoid
from houqin.models.year_close import receipts_done


@dataclass(frozen=True)
class Use:
    """A receipt number written (an income) or voided, and by whom."""

    number: int
    record: Record
    by: str


def books(ledger: Ledger) -> list[ReceiptBook]:
    return sorted((b for b in ledger.records(ReceiptBook)), key=lambda b: b.first)


def book_of(all_books: Sequence[ReceiptBook], number: int) -> ReceiptBook | None:
    for book in all_books:
        if book.holds(number):
            return book
    return None


def uses(ledger: Ledger) -> list[Use]:
    """Every receipt number written or voided, in the order of the days (within a day, of the numbers:
    a day's receipts have no order of their own in the books)."""
    out = [Use(r.receipt, r, r.received_by) for r in ledger.records(Income) if r.receipt]
    out += [Use(v.number, v, v.by) for v in ledger.records(ReceiptVoid)]
    return sorted(out, key=lambda u: (u.record.date, u.number, u.record.id))


def named_signer(r: Signed, step: str) -> str | None:
    """The person a receipt book or void names for a step of its chain: the book's issuer signs as the
    accountant and its holder as the holder; a void's holder step is the person who voids it."""
    if isinstance(r, ReceiptBook):
        return {"accountant": r.issued_by, "holder": r.holder}.get(step)
    if isinstance(r, ReceiptVoid) and step == "holder":
        return r.by
    return None


def check_receipts(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    all_books = books(ledger)
    yield from _overlaps(all_books)
    yield from _income(ledger, policy)
    done = receipts_done(ledger.opened) if ledger.opened is not None else {}
    yield from _numbers(all_books, uses(ledger), done)
    yield from _signed(ledger, policy, today or clock.today())


def _signed(ledger: Ledger, policy: Policy, today: dt.date) -> Iterator[Diagnostic]:
    """票据领用、作废 signed by the people they name (REC010), and wholly signed within
    `book_within_days` (REC011) from `receipts.since` (default `started`; books and voids written before
    they were signed are not asked)."""
    since = policy.receipts.since or ledger.config.started
    chains = policy.signatures.chains
    for model in (ReceiptBook, ReceiptVoid):
        chain = chains.get(KIND_BY_MODEL[model].name, ())
        for r in ledger.records(model):
            for a in r.approvals:
                expected = named_signer(r, a.role)
                if expected is not None and a.by != expected:
                    yield diag("REC010", r.source.file, a.line, record=r.id, id=r.id, step=a.role, by=a.by, expected=expected)  # fmt: skip
            if since is None or r.date < since or (today - r.date).days <= policy.receipts.book_within_days:
                continue
            for step in chain:
                if r.approval(step) is None:
                    yield diag("REC011", r.source.file, r.source.line, record=r.id, id=r.id, step=step, days=policy.receipts.book_within_days)  # fmt: skip
                    break


def _overlaps(all_books: Sequence[ReceiptBook]) -> Iterator[Diagnostic]:
    """Books sorted by their first number: each starts after the furthest any book before it runs to."""
    furthest: ReceiptBook | None = None
    for book in all_books:
        if furthest is not None and book.first <= furthest.last:
            file, line = book.source
            yield diag("REC009", file, line, record=book.id, id=book.id, other=furthest.id, first=book.first, last=furthest.last)  # fmt: skip
        if furthest is None or book.last > furthest.last:
            furthest = book


def _income(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    rules = policy.receipts
    since = rules.since or ledger.config.started  # neither: a ledger from before these rules
    for r in ledger.records(Income):
        if since is None or r.date < since:
            continue
        file, line = r.source
        if r.receipt is None and r.kind in rules.kinds:
            yield diag("REC001", file, line, record=r.id, id=r.id, kind=r.kind, amount=r.amount)
        late = (r.date - r.receipted).days
        if late > rules.book_within_days:
            yield diag("REC007", file, line, record=r.id, id=r.id, receipted=r.receipted, date=r.date, days=late, limit=rules.book_within_days)  # fmt: skip


def _numbers(all_books: Sequence[ReceiptBook], used: Sequence[Use], done: Mapping[str, int]) -> Iterator[Diagnostic]:
    """`done`: read from a year opening, a carried book's numbers up to these were used in the closed year."""
    first_use: dict[int, Use] = {}
    highest: dict[str, Use] = {}  # book id → the highest number used so far, in the order of the days
    for u in used:
        file, line = u.record.source
        rid = u.record.id
        book = book_of(all_books, u.number)
        if book is None:
            yield diag("REC002", file, line, record=rid, id=rid, number=u.number)
            continue
        if book.holder != u.by:
            yield diag("REC003", file, line, record=rid, id=rid, number=u.number, book=book.id, holder=book.holder, by=u.by)  # fmt: skip
        earlier = first_use.setdefault(u.number, u)
        if earlier is not u:
            yield diag("REC004", file, line, record=rid, id=rid, number=u.number, other=earlier.record.id)
            continue
        top = highest.get(book.id)
        if top is not None and u.number < top.number:
            yield diag("REC005", file, line, record=rid, id=rid, number=u.number, date=u.record.date, other=top.record.id, higher=top.number)  # fmt: skip
        else:
            highest[book.id] = u
        if isinstance(u.record, ReceiptVoid) and not u.record.copies_kept:
            yield diag("REC008", file, line, record=rid, id=rid, number=u.number)
    for book in all_books:
        top = highest.get(book.id)
        if top is None:
            continue
        before = done.get(book.id, 0)
        skipped = [n for n in range(book.first, top.number) if n not in first_use and n > before]
        if skipped:
            file, line = book.source
            shown = "、".join(str(n) for n in skipped[:5]) + ("…" if len(skipped) > 5 else "")
            yield diag("REC006", file, line, record=book.id, id=book.id, numbers=shown, count=len(skipped), higher=top.number)  # fmt: skip

"""fees: 代办费 (R39) — an item collected on behalf (workbooks, insurance, milk) is collected per student
against the published item, spent against it, and settled at the term's end — not before its last day
(or the policy's days before it) —: each class refunded or topped up by head (多退少补), the settlement
published; the settlement agrees with the books; the refunds are paid and the top-ups collected (income
against the settlement, per class) within the policy's days; and the fees of a term per student stay
within the 一费制 limit the policy sets, which a school publishing fees states (each province sets it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Record
from houqin.models.config import Policy, Term
from houqin.models.ledger import Ledger
from houqin.models.records import FeeItem, FeeNotice, FeeSettlement, Income, Reimbursement

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class ClassFigures:
    class_: str
    students: int
    collected: Decimal
    spent: Decimal

    @property
    def refund(self) -> Decimal:
        return max(self.collected - self.spent, ZERO)

    @property
    def top_up(self) -> Decimal:
        return max(self.spent - self.collected, ZERO)


@dataclass(frozen=True)
class Figures:
    """What the books say of an item: collected per class, spent against it, shared out by head."""

    collected: Decimal
    spent: Decimal
    classes: tuple[ClassFigures, ...]


def on_behalf_items(ledger: Ledger) -> dict[str, tuple[FeeNotice, FeeItem]]:
    """Item id → its approved notice, for items collected on behalf."""
    out: dict[str, tuple[FeeNotice, FeeItem]] = {}
    for n in ledger.records(FeeNotice):
        if n.approval("principal") is not None:
            for item in n.items:
                if item.on_behalf:
                    out.setdefault(item.id, (n, item))
    return out


def figures(ledger: Ledger, item: str) -> Figures:
    paid: dict[str, list[int | Decimal]] = {}
    for r in ledger.records(Income):
        if r.kind == "fee" and r.fee_item == item and r.class_ and r.settlement is None:
            entry = paid.setdefault(r.class_, [0, ZERO])
            entry[0] = int(entry[0]) + (r.students or 0)
            entry[1] = Decimal(entry[1]) + r.amount
    spent = sum((r.amount for r in ledger.records(Reimbursement) if r.fee_item == item), ZERO)
    heads = sum(int(v[0]) for v in paid.values())
    classes = []
    shared = ZERO
    for n, (klass, (students, collected)) in enumerate(sorted(paid.items())):
        share = (spent * int(students) / heads).quantize(CENT, ROUND_HALF_UP) if heads else ZERO
        if n == len(paid) - 1:
            share = spent - shared  # the last class takes the rounding, so the shares add up
        shared += share
        classes.append(ClassFigures(klass, int(students), Decimal(collected), share))
    return Figures(sum((c.collected for c in classes), ZERO), spent, tuple(classes))


def check_fees(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    items = on_behalf_items(ledger)
    settled = {s.fee_item: s for s in ledger.records(FeeSettlement)}
    terms = {t.id: t for t in ledger.config.terms}
    for item_id, (notice, item) in sorted(items.items()):
        term = terms.get(notice.term)
        if item_id not in settled and term is not None and (today - term.end).days > policy.fee_settle_days:
            file, line = notice.source
            yield diag("FEE001", file, item.line or line, record=notice.id, item=item.name, term=notice.term, days=policy.fee_settle_days)  # fmt: skip
    for s in settled.values():
        yield from _agrees(ledger, s)
        yield from _settled_after_the_term(s, terms.get(s.term), policy)
        if s.refunds and s.refunded is None and (today - s.date).days > policy.fee_settle_days:
            yield diag("FEE005", s.source.file, s.source.line, record=s.id, id=s.id, amount=s.refunds, days=policy.fee_settle_days)  # fmt: skip
    yield from _top_ups(ledger, policy, today)
    yield from _approved_first(ledger)
    yield from _one_fee(ledger, policy)


def _approved_first(ledger: Ledger) -> Iterator[Diagnostic]:
    """会计编制，校长批准: no refund is paid and no top-up collected against a settlement before the
    principal approved it (FEE010, on the refund or the income)."""
    settlements = {s.id: s for s in ledger.records(FeeSettlement)}
    moves: list[tuple[FeeSettlement, Record, dt.date]] = [
        (s, s, s.refunded.on) for s in settlements.values() if s.refunded is not None
    ]
    for (sid, _klass), incomes in top_ups_collected(ledger).items():
        if sid in settlements:
            moves += [(settlements[sid], r, r.date) for r in incomes]
    for s, r, day in moves:
        approved = s.approval("principal")
        if approved is None or approved.on > day:
            file, line = r.source
            yield diag("FEE010", file, line, record=r.id, id=r.id, settlement=s.id, date=day)


def earliest_settlement(term: Term, policy: Policy) -> dt.date:
    """The first day a term's 代办费 may be settled: its last day, or the policy's days before it."""
    return term.end - dt.timedelta(days=policy.fee_settle_early_days)


def _settled_after_the_term(s: FeeSettlement, term: Term | None, policy: Policy) -> Iterator[Diagnostic]:
    """每学期结束时结清代办费: a settlement is dated on or after the term's last day (or within the
    policy's days before it); before, the term's spending is not all in. A term houqin.yaml does not
    list is REF011's."""
    if term is None:
        return
    earliest = earliest_settlement(term, policy)
    if s.date < earliest:
        yield diag("FEE006", s.source.file, s.source.line, record=s.id, id=s.id, term=s.term, date=s.date, end=term.end, earliest=earliest)  # fmt: skip


def top_ups_collected(ledger: Ledger) -> dict[tuple[str, str], list[Income]]:
    """(settlement id, class) → the income collecting that class's top-up (少补) against the settlement."""
    out: dict[tuple[str, str], list[Income]] = {}
    for r in ledger.records(Income):
        if r.settlement is not None:
            out.setdefault((r.settlement, r.class_ or ""), []).append(r)
    return out


def _top_ups(ledger: Ledger, policy: Policy, today: dt.date) -> Iterator[Diagnostic]:
    """少补: each class's top-up is collected as income against the settlement (FEE009 when the income is
    not a top-up the settlement states, or more than it), within `fee_settle_days` of it (FEE008)."""
    collected = top_ups_collected(ledger)
    settlements = {s.id: s for s in ledger.records(FeeSettlement)}
    for (sid, klass), incomes in sorted(collected.items()):
        s = settlements.get(sid)
        owed = next((c.top_up for c in s.classes if c.class_ == klass), ZERO) if s is not None else ZERO
        total = ZERO
        for r in sorted(incomes, key=lambda r: (r.date, r.id)):
            total += r.amount
            wrong_item = s is not None and r.fee_item not in (None, s.fee_item)
            if s is None or total > owed or wrong_item or r.date < s.date:
                file, line = r.source
                yield diag("FEE009", file, line, record=r.id, id=r.id, settlement=sid, klass=klass or "—", amount=r.amount, owed=owed)  # fmt: skip
    for s in settlements.values():
        if (today - s.date).days <= policy.fee_settle_days:
            continue
        for c in s.classes:
            paid = sum((r.amount for r in collected.get((s.id, c.class_), [])), ZERO)
            if c.top_up > paid:
                yield diag("FEE008", s.source.file, c.line or s.source.line, record=s.id, id=s.id, klass=c.class_, amount=c.top_up - paid, days=policy.fee_settle_days)  # fmt: skip


def _agrees(ledger: Ledger, s: FeeSettlement) -> Iterator[Diagnostic]:
    """The settlement states what the books hold: collected, spent, and each class's share."""
    books = figures(ledger, s.fee_item)
    file, line = s.source
    if (s.collected, s.spent) != (books.collected, books.spent):
        yield diag("FEE002", file, line, record=s.id, id=s.id, collected=s.collected, spent=s.spent, books_collected=books.collected, books_spent=books.spent)  # fmt: skip
        return
    stated = {c.class_: (c.collected, c.spent, c.refund, c.top_up) for c in s.classes}
    for c in books.classes:
        if stated.get(c.class_) != (c.collected, c.spent, c.refund, c.top_up):
            yield diag("FEE003", file, line, record=s.id, id=s.id, klass=c.class_, refund=c.refund, top_up=c.top_up)


def _one_fee(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """一费制: the fees a term's approved notices publish, per student, within the policy's limit."""
    limit = policy.fee_limit_per_term
    per_term: dict[str, list[FeeNotice]] = {}
    for n in ledger.records(FeeNotice):
        if n.approval("principal") is not None:
            per_term.setdefault(n.term, []).append(n)
    if limit is None:
        yield from _no_limit(ledger, per_term)
        return
    for term, notices in sorted(per_term.items()):
        total = sum((item.amount for n in notices for item in n.items), ZERO)
        if total > limit:
            last = max(notices, key=lambda n: n.sort_key)
            yield diag(
                "FEE004", last.source.file, last.source.line, record=last.id, term=term, total=total, limit=limit
            )


def _no_limit(ledger: Ledger, per_term: dict[str, list[FeeNotice]]) -> Iterator[Diagnostic]:
    """一费制 limits are the province's, so houqin has no national figure: a school that publishes fees
    without stating its province's limit is told once, on its first approved notice. A ledger with no
    `started` (which `houqin init` writes) was kept before houqin and is not asked."""
    if ledger.config.started is None:
        return
    notices = sorted((n for ns in per_term.values() for n in ns), key=lambda n: n.sort_key)
    if notices:
        first = notices[0]
        yield diag("FEE007", first.source.file, first.source.line, record=first.id, id=first.id, term=first.term)

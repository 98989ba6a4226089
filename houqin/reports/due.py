"""houqin due: what is due or overdue, and for whom (docs/due.md) — the office's morning list, run
from cron: loans to return, advances to settle, signatures awaited, claims signed but unpaid, months
not closed, counts not made, repairs open too long, damage cases unsettled, shop goods near expiry,
compensation received but not booked as income, 代办费 to settle, refund (多退) or collect (少补).

Each item has the day it falls due, from the policy's own limits (advance_settle_days,
repair_open_days, close_grace_days, stocktake_grace_days), the person who must act and the command that
settles it. An item past its day is overdue; `houqin due` exits 1 when any is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from houqin.checks.fees import earliest_settlement, on_behalf_items, top_ups_collected
from houqin.checks.keys import must_sign_by_key
from houqin.checks.shop import expiring
from houqin.models.closing import month_bounds, month_of, previous_month
from houqin.models.kinds import RecordKind
from houqin.models.ledger import Ledger
from houqin.models.records import (
    CashAdvance,
    Close,
    Damage,
    FeeSettlement,
    Loan,
    ReceiptBook,
    Reimbursement,
    Reopen,
    Repair,
    Stocktake,
)
from houqin.services.pending import pending_for

WHATS = ("loan", "advance", "signature", "unpaid", "month", "count", "repair", "damage", "shop", "unbooked", "fee")
ZERO = Decimal("0.00")
SOON_DAYS = 7  # what falls due within a week is listed before it is late
SHOP_DAYS = 7  # shop batches that expire within this many days
ALWAYS = frozenset({"signature", "unpaid", "unbooked"})  # waiting on a person now: listed before their day


@dataclass(frozen=True)
class DueItem:
    what: str  # one of WHATS
    record: str  # the record's id, or a month, or a term
    person: str  # who must act ("" for the office)
    since: dt.date
    due: dt.date
    about: str
    command: str  # the houqin command that settles it
    at: dt.date
    step: str = ""  # a signature's step (a ROLES key)

    @property
    def days_late(self) -> int:
        """Days past the due day (0 or less: not yet late)."""
        return (self.at - self.due).days

    @property
    def overdue(self) -> bool:
        return self.days_late > 0


@dataclass(frozen=True)
class DueReport:
    at: dt.date
    person: str | None
    items: tuple[DueItem, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.overdue)

    @property
    def by_what(self) -> dict[str, tuple[int, int]]:
        """Per kind of item: how many, how many of them overdue."""
        out: dict[str, tuple[int, int]] = {}
        for i in self.items:
            n, late = out.get(i.what, (0, 0))
            out[i.what] = (n + 1, late + i.overdue)
        return out


def _holders(ledger: Ledger, role: str, day: dt.date) -> str:
    return "、".join(name for name in ledger.person_by_name if ledger.holds(name, role, day))


def _loans(ledger: Ledger, at: dt.date) -> list[DueItem]:
    return [
        DueItem("loan", r.id, r.borrower, r.date, r.due, f"{r.asset} ×{r.quantity}",
                f"houqin asset return {r.id} --received-by …", at)
        for r in ledger.records(Loan)
        if r.returned is None and r.date <= at
    ]  # fmt: skip


def _advances(ledger: Ledger, at: dt.date) -> list[DueItem]:
    days = dt.timedelta(days=ledger.config.policy.advance_settle_days)
    return [
        DueItem("advance", r.id, r.person, r.payment.on, r.payment.on + days, f"{r.amount} {r.purpose}",
                f"houqin advance settle {r.id} --claim …", at)
        for r in ledger.records(CashAdvance)
        if r.payment is not None and r.settlement is None and r.payment.on <= at
    ]  # fmt: skip


def _month_due(ledger: Ledger, day: dt.date) -> dt.date:
    """The day a record of `day`'s month is due to be done: the month's close (its end + the grace days)."""
    return month_bounds(month_of(day))[1] + dt.timedelta(days=ledger.config.policy.close_grace_days)


def _signatures(ledger: Ledger, at: dt.date, person: str | None) -> list[DueItem]:
    rules = ledger.config.policy.signatures
    roles = {role for allowed in rules.signers.values() if allowed != "any" for role in allowed}
    named = {r.holder for r in ledger.records(ReceiptBook) if r.approval("holder") is None}  # fmt: skip
    names = (
        [person]
        if person
        else [n for n in ledger.person_by_name if n in named or any(ledger.holds(n, r, at) for r in roles)]
    )  # a receipt book's holder signs for it whatever their role (services/pending.py)
    out = []
    for name in names:
        by_key = must_sign_by_key(ledger, ledger.config.policy, name, at)
        for a in pending_for(ledger, name, at):
            step = a.step
            command = f"houqin sign {a.id} --as {step} --by {name}" + (" --key KEYFILE" if by_key else "")
            # A trip or a reception is approved by its day; anything else by its month's close.
            due = a.date if a.kind in rules.approved_beforehand else _month_due(ledger, a.date)
            out.append(DueItem("signature", a.id, name, a.date, due, a.about, command, at, step))
    return out


def _unpaid(ledger: Ledger, at: dt.date) -> list[DueItem]:
    chain = ledger.config.policy.signatures.chains.get(RecordKind.EXPENSES, ())
    cashier = _holders(ledger, "cashier", at)
    key = " --key KEYFILE" if cashier and must_sign_by_key(ledger, ledger.config.policy, cashier, at) else ""
    out = []
    for r in ledger.records(Reimbursement):
        if r.payment is not None or r.date > at:
            continue
        steps = [r.approval(s) for s in chain]
        if chain and all(steps):
            signed = max(a.on for a in steps if a is not None)
            out.append(DueItem("unpaid", r.id, cashier, signed, _month_due(ledger, signed), f"{r.amount} {r.payee}",
                               f"houqin expense pay {r.id} --by {cashier or '…'}{key}", at))  # fmt: skip
    return out


def _standing_closes(ledger: Ledger) -> set[str]:
    closes = [r for r in ledger.records(Close)]
    reopened = [r for r in ledger.records(Reopen)]
    standing = set()
    for c in closes:
        if not any(o.month == c.month and o.date >= c.date and o.close in (None, c.id) for o in reopened):
            standing.add(c.month)
    return standing


def _months(ledger: Ledger, at: dt.date) -> list[DueItem]:
    started = ledger.config.started
    if started is None:
        return []
    standing = _standing_closes(ledger)
    accountant = _holders(ledger, "accountant", at)
    out, month, last = [], month_of(started), previous_month(month_of(at))
    while month <= last:
        if month not in standing:
            end = month_bounds(month)[1]
            out.append(DueItem("month", month, accountant, end, _month_due(ledger, end), month,
                               f"houqin finance close {month} --by {accountant or '…'}", at))  # fmt: skip
        month = month_of(month_bounds(month)[1] + dt.timedelta(days=1))
    return out


def _counts(ledger: Ledger, at: dt.date) -> list[DueItem]:
    """Each count of a term (期初清点, 期末盘点) due by now or within SOON_DAYS, with the places no count
    of that term and kind covered."""
    grace = dt.timedelta(days=ledger.config.policy.stocktake_grace_days)
    started = ledger.config.started or dt.date.min
    counted: dict[tuple[str, str], set[str]] = {}
    for r in ledger.records(Stocktake):
        counted.setdefault((r.term, r.at), set()).update(r.places)
    places = [p.id for p in ledger.place_by_id.values() if getattr(p, "active", True)]
    director = _holders(ledger, "director", at)
    out = []
    for term in ledger.config.terms:
        for kind, day in (("term-start", term.start), ("term-end", term.end)):
            if day < started or day > at + dt.timedelta(days=SOON_DAYS):
                continue
            missing = [p for p in places if p not in counted.get((term.id, kind), set())]
            if missing:
                shown = "、".join(missing[:8]) + ("…" if len(missing) > 8 else "")
                out.append(DueItem("count", f"{term.id} {kind}", director, day, day + grace,
                                   f"{len(missing)}: {shown}", f"houqin inventory sheet --term {term.id}", at))  # fmt: skip
    return out


def _repairs(ledger: Ledger, at: dt.date) -> list[DueItem]:
    days = dt.timedelta(days=ledger.config.policy.repair_open_days)
    director = _holders(ledger, "director", at)
    return [
        DueItem("repair", r.id, director, r.date, r.date + days, r.fault,
                f"houqin repair close {r.id} --work … --accepted-by {r.reporter}", at)
        for r in ledger.records(Repair)
        if r.done is None and r.date <= at
    ]  # fmt: skip


def _damages(ledger: Ledger, at: dt.date) -> list[DueItem]:
    """Open cases, due like an advance (advance_settle_days); a student is named by class and guardian."""
    days = dt.timedelta(days=ledger.config.policy.advance_settle_days)
    out = []
    for d in ledger.records(Damage):
        if d.date > at:
            continue
        who = d.responsible
        person = who.name if who.type != "student" else " ".join(x for x in (who.class_, who.guardian) if x)
        if d.settled is None:
            out.append(DueItem("damage", d.id, person, d.date, d.date + days, d.description,
                               f"houqin damage settle {d.id} --how paid --receipt …", at))  # fmt: skip
        elif d.settled.type == "paid" and d.settled.income is None and d.settled.on <= at:
            cashier = _holders(ledger, "cashier", at)
            out.append(DueItem("unbooked", d.id, cashier, d.settled.on, _month_due(ledger, d.settled.on),
                               f"{d.settled.amount or ''} {d.settled.receipt or ''}".strip(),
                               f"houqin income add compensation --damage {d.id} --amount … --payer … --by {cashier or '…'}", at))  # fmt: skip
    return out


def _shop(ledger: Ledger, at: dt.date) -> list[DueItem]:
    return [
        DueItem("shop", b.id, b.acceptor, b.produced, b.expires, f"{b.goods} {b.batch} ×{left:f}",
                f"houqin shop sell {b.id} -q {left:f} --removed --seller …", at)
        for b, left in expiring(ledger, at, SHOP_DAYS)
    ]  # fmt: skip


def _fees(ledger: Ledger, at: dt.date) -> list[DueItem]:
    """代办费 (FEE001, FEE005, FEE008): an item whose term has ended, to be settled by the accountant;
    a settlement's refunds to pay and each class's top-up to collect, by the cashier — each due
    `fee_settle_days` after the term's end or the settlement."""
    policy = ledger.config.policy
    days = dt.timedelta(days=policy.fee_settle_days)
    terms = {t.id: t for t in ledger.config.terms}
    settlements = [s for s in ledger.records(FeeSettlement) if s.date <= at]
    settled = {s.fee_item for s in ledger.records(FeeSettlement)}
    accountant, cashier = _holders(ledger, "accountant", at), _holders(ledger, "cashier", at)
    out = []
    for item_id, (notice, item) in sorted(on_behalf_items(ledger).items()):
        term = terms.get(notice.term)
        if item_id in settled or term is None or earliest_settlement(term, policy) > at:
            continue
        out.append(DueItem("fee", notice.term, accountant, term.end, term.end + days, f"{item.name} 结算",
                           f"houqin fee settle --term {notice.term} --item {item_id} --by {accountant or '…'} --where …", at))  # fmt: skip
    collected = top_ups_collected(ledger)
    for s in settlements:
        if s.refunds and s.refunded is None:
            out.append(DueItem("fee", s.id, cashier, s.date, s.date + days, f"多退 {s.refunds}",
                               f"houqin fee refund {s.id} --by {cashier or '…'} --account …", at))  # fmt: skip
        for c in s.classes:
            owed = c.top_up - sum((r.amount for r in collected.get((s.id, c.class_), [])), ZERO)
            if owed > 0:
                out.append(DueItem("fee", s.id, cashier, s.date, s.date + days, f"少补 {c.class_} {owed}",
                                   f"houqin fee collect {s.id} --class {c.class_} --by {cashier or '…'} --receipt …", at))  # fmt: skip
    return out


def due(ledger: Ledger, at: dt.date, person: str | None = None) -> DueReport:
    """Everything due by `at` + SOON_DAYS or already late, and every signature and payment awaited;
    with `person`, only what they must do."""
    items = [
        *_loans(ledger, at),
        *_advances(ledger, at),
        *_signatures(ledger, at, person),
        *_unpaid(ledger, at),
        *_months(ledger, at),
        *_counts(ledger, at),
        *_repairs(ledger, at),
        *_damages(ledger, at),
        *_shop(ledger, at),
        *_fees(ledger, at),
    ]
    soon = at + dt.timedelta(days=SOON_DAYS)
    chosen = [
        i for i in items if (i.due <= soon or i.what in ALWAYS) and (person is None or person in i.person.split("、"))
    ]
    chosen.sort(key=lambda i: (not i.overdue, i.due, WHATS.index(i.what), i.record))
    return DueReport(at, person, tuple(chosen))

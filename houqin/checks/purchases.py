"""purchase: 物资采购要批 — a purchase is approved up the chain its amount needs before the goods are
accepted (R5), with three quotes above the quote threshold (货比三家, R6) and a collective decision of
the leadership above the 三重一大 threshold (R7); goods are accepted by an acceptor and a different
witness, and only accepted goods are booked into stock, onto the asset register, or paid for (R8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin.checks.capitalisation import threshold_for
from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Record
from houqin.models.config import Policy
from houqin.models.kinds import RecordKind
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Purchase, Reimbursement, StockIn


def required_steps(purchase: Purchase, policy: Policy) -> tuple[str, ...]:
    """The chain from policy; below the principal's threshold the supervisor approves alone (R5 tiers)."""
    chain = policy.signatures.chains.get(RecordKind.PURCHASES, ())
    if purchase.estimate < policy.principal_threshold:
        return tuple(step for step in chain if step != "principal")
    return chain


def is_purchase_id(text: str) -> bool:
    return text.startswith(f"{Purchase.prefix}-")


def check_purchases(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    purchases = {r.id: r for r in ledger.records(Purchase)}
    for p in purchases.values():
        yield from _approvals(p, policy)
        yield from _quotes_and_meeting(ledger, p, policy)


def _approvals(p: Purchase, policy: Policy) -> Iterator[Diagnostic]:
    if p.accepted is None:
        return
    file, amount = p.source.file, p.estimate
    if p.accepted.acceptor == p.accepted.witness:
        yield diag("PUR007", file, p.source.line, record=p.id, id=p.id, by=p.accepted.acceptor)
    for step in required_steps(p, policy):
        a = p.approval(step)
        if a is None:
            yield diag("PUR001", file, p.source.line, record=p.id, id=p.id, amount=amount, step=step)
        elif a.on > p.accepted.on:
            yield diag("PUR002", file, a.line, record=p.id, id=p.id, step=step, on=a.on, accepted=p.accepted.on)


def _quotes_and_meeting(ledger: Ledger, p: Purchase, policy: Policy) -> Iterator[Diagnostic]:
    """Judged once the principal has approved (or the goods arrived): the decision is then made."""
    principal = p.approval("principal")
    decided = principal.on if principal else p.accepted.on if p.accepted else None
    if decided is None:
        return
    file, amount = p.source.file, p.estimate
    if amount >= policy.quote_threshold:
        suppliers = {q.supplier for q in p.quotes if q.on <= decided}
        if len(suppliers) < 3:
            yield diag(
                "PUR003",
                file,
                p.source.line,
                record=p.id,
                id=p.id,
                amount=amount,
                threshold=policy.quote_threshold,
                quotes=len(suppliers),
            )
    if amount < policy.collective_decision_threshold:
        return
    if p.meeting is None:
        yield diag(
            "PUR004",
            file,
            p.source.line,
            record=p.id,
            id=p.id,
            amount=amount,
            threshold=policy.collective_decision_threshold,
        )
        return
    leaders = _leaders(ledger, policy, p.meeting.on)
    present = sum(1 for name in set(p.meeting.attendees) if name in leaders)
    if not leaders or present < policy.collective_quorum * len(leaders):
        quorum = policy.collective_quorum
        yield diag(
            "PUR005",
            file,
            p.source.line,
            record=p.id,
            id=p.id,
            present=present,
            leaders=len(leaders),
            quorum=f"{quorum.numerator}/{quorum.denominator}",
        )
    if principal is not None and p.meeting.on > principal.on:
        yield diag("PUR006", file, p.source.line, record=p.id, id=p.id, on=p.meeting.on, approved=principal.on)


def _leaders(ledger: Ledger, policy: Policy, day: dt.date) -> set[str]:
    return {person.name for person in ledger.people if any(person.holds(role, day) for role in policy.leadership_roles)}


def check_booked_goods(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Stock in, asset cards and claims that name a purchase come on or after its acceptance; from
    `policy.goods.since` (default: the day the books began, `started`), goods come only through the
    office (后勤统一采购) and are signed in (入库签字手续)."""
    since = policy.goods.since or ledger.config.started  # neither: a ledger from before these rules
    for r in (*ledger.records(StockIn), *ledger.records(Asset), *ledger.records(Reimbursement)):
        if since is not None and r.date >= since:
            yield from _through_the_office(ledger, r, policy)
        if isinstance(r, StockIn) and is_purchase_id(r.origin):
            ref, code = r.origin, "PUR008"
        elif isinstance(r, Asset) and r.purchase:
            ref, code = r.purchase, "PUR008"
        elif isinstance(r, Reimbursement) and r.purchase:
            ref, code = r.purchase, "PUR009"
        else:
            continue
        p = ledger.find(ref, Purchase)
        if p is None:
            continue  # refs reports an unknown purchase
        if p.accepted is None or p.accepted.on > r.date:
            yield diag(code, r.source.file, r.source.line, record=r.id, id=r.id, purchase=ref, date=r.date)
        elif isinstance(r, StockIn) and r.item not in {line.item for line in p.lines}:
            yield diag("PUR010", r.source.file, r.source.line, record=r.id, id=r.id, purchase=ref, item=r.item)
        if isinstance(r, (Asset, Reimbursement)):
            yield from _prior_consent(r, p, policy)


def _prior_consent(r: Asset | Reimbursement, p: Purchase, policy: Policy) -> Iterator[Diagnostic]:
    """学校一切开支，必须征得校长同意 — beforehand: the purchase's last required approval (the principal's,
    by default) is dated on or before the invoice of the goods it buys, not signed after the fact."""
    steps = required_steps(p, policy)
    approvals = [p.approval(step) for step in steps]
    if not approvals or any(a is None for a in approvals):
        return  # PUR001 names a step that is missing
    step, last = steps[-1], approvals[-1]
    assert last is not None
    invoices = r.invoices if isinstance(r, Reimbursement) else (r.invoice,) if r.invoice else ()
    for invoice in invoices:
        if invoice.date < last.on:
            line = invoice.line or r.source.line
            yield diag(
                "PUR011", r.source.file, line, record=r.id, id=r.id, purchase=p.id, step=step, approved=last.on,
                invoice=invoice.number, date=invoice.date,
            )  # fmt: skip


def _through_the_office(ledger: Ledger, r: Record, policy: Policy) -> Iterator[Diagnostic]:
    goods = policy.goods
    file, line = r.source
    if isinstance(r, Reimbursement) and r.purchase is None:
        listed = r.budget_line in goods.purchase_lines
        if listed or (r.budget_line in goods.goods_lines and r.amount >= goods.claim_threshold):
            yield diag("PUR012", file, line, record=r.id, id=r.id, line=r.budget_line, amount=r.amount)
    elif isinstance(r, Asset) and r.purchase is None:
        threshold = threshold_for(ledger, policy, r.category)
        if r.unit_price < threshold:
            return
        allowed = "、".join(goods.asset_origins)
        if r.origin not in goods.asset_origins:
            yield diag("PUR013", file, line, record=r.id, id=r.id, price=r.unit_price, threshold=threshold, allowed=allowed)  # fmt: skip
        elif not r.document:
            yield diag("PUR014", file, line, record=r.id, id=r.id, origin=r.origin)
    elif isinstance(r, StockIn):
        yield from _signed_in(r, goods.unwitnessed_origins)


def _signed_in(r: StockIn, unwitnessed: tuple[str, ...]) -> Iterator[Diagnostic]:
    """入库签字手续: the acceptor and a witness, two people, neither the supplier's own man."""
    file, line = r.source
    if r.origin in unwitnessed or r.origin.startswith("PD-"):
        return
    witness = r.approval("witness")
    if witness is None:
        yield diag("STK005", file, line, record=r.id, id=r.id, acceptor=r.acceptor)
        return
    if witness.by == r.acceptor:
        yield diag("STK006", file, witness.line or line, record=r.id, id=r.id, by=r.acceptor)
    if r.delivered_by and r.delivered_by in (r.acceptor, witness.by):
        yield diag("STK007", file, line, record=r.id, id=r.id, by=r.delivered_by)

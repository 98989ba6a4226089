"""approval-chain: the steps policy requires for a kind (一支笔: the principal signs every expense and
advance) appear once each, in order, not before the record, and all before the money is paid.

A record still being signed is not an error: a clerk enters a claim, then people sign it over days.
It becomes one when it is paid (方准报销) — or, for an advance, when the cashier pays out."""

from __future__ import annotations

from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Approval, Signed
from houqin.models.config import Policy
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger
from houqin.models.records import Payment


def payment_of(r: Signed) -> Payment | None:
    payment = getattr(r, "payment", None)
    return payment if isinstance(payment, Payment) else None


def check_approval_chain(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for kind in KINDS:
        chain = policy.signatures.chains.get(kind.name)
        if not chain:
            continue
        rules = policy.signatures
        now = kind.name in rules.complete_when_recorded
        before = kind.name in rules.approved_beforehand
        each = kind.name in rules.signed_by_members
        for r in ledger.records(kind.model):
            if isinstance(r, Signed):
                yield from _check_one(r, chain, now, before, each)


def _check_one(
    r: Signed, chain: tuple[str, ...], complete_now: bool, beforehand: bool = False, each: bool = False
) -> Iterator[Diagnostic]:
    """`beforehand`: the kind is approved on or before its day (its own check says when an approval
    comes too late), so a step before the record's day is right; `each`: every member signs the step
    (its own check says who may), so the step repeats."""
    file = r.source.file
    chain_text = " → ".join(chain)
    seen: set[str] = set()
    for a in r.approvals:
        if a.role not in chain:
            yield diag("APR004", file, a.line, record=r.id, step=a.role, chain=chain_text)
        elif a.role in seen and not each:
            yield diag("APR005", file, a.line, record=r.id, step=a.role)
        seen.add(a.role)
        if a.on < r.date and not beforehand:
            yield diag("APR003", file, a.line, record=r.id, step=a.role, on=a.on, date=r.date)
    previous: Approval | None = None
    for step in chain:
        current = r.approval(step)
        if current is None:
            continue
        if previous is not None and current.on < previous.on:
            yield diag(
                "APR002",
                file,
                current.line,
                record=r.id,
                step=step,
                on=current.on,
                previous=previous.role,
                previous_on=previous.on,
                chain=chain_text,
            )
        previous = current
    if complete_now:
        for step in chain:
            if r.approval(step) is None:
                yield diag("APR007", file, r.source.line, record=r.id, id=r.id, step=step, chain=chain_text)
    paid = payment_of(r)
    if paid is None:
        return
    missing = [step for step in chain if r.approval(step) is None]
    for step in missing:
        yield diag("APR001", file, r.source.line, record=r.id, id=r.id, step=step, chain=chain_text)
    signed = [a.on for a in r.approvals if a.role in chain]
    if signed and not missing and paid.on < max(signed):
        yield diag("APR006", file, r.source.line, record=r.id, id=r.id, paid=paid.on, signed=max(signed))

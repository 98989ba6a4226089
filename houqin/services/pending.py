"""houqin pending: what awaits one person's signature (the principal's day, 校长的一天).

A record awaits a person when the next step of its chain not yet signed is one that person may sign
today (by a role policy gives that step; steps any member of staff may sign, such as 经手人 and
证明人, are named by the clerk and not listed — unless the record names who signs it: a receipt book's
holder, a void's voider, listed for that person), the record is not yet paid, and — for kinds whose steps
need different people — the person signed no other step of it. A trip or a reception is listed only
until its day (it is approved beforehand or not at all); an audit awaits each member who has not yet
signed it. The steps are those the checks
require: by amount for a purchase (required_steps) and a count's differences (approvals_needed); a
damage needs the principal only to waive it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from houqin.checks.purchases import required_steps
from houqin.checks.receipts import named_signer
from houqin.checks.stocktake import approvals_needed
from houqin.errors import UsageError
from houqin.models.base import Signed
from houqin.models.config import Policy
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger
from houqin.models.records import Damage, Purchase, Stocktake


@dataclass(frozen=True)
class Awaiting:
    id: str
    kind: str
    step: str
    date: dt.date
    amount: Decimal | None
    about: str
    file: str
    line: int


def _about(r: Signed) -> str:
    for name in ("purpose", "payee", "reason", "month", "name", "title", "guest_unit", "scope", "fee_item", "holder"):
        value = getattr(r, name, None)
        if isinstance(value, str) and value:
            return value
    return ""


def _amount(r: Signed) -> Decimal | None:
    for name in ("amount", "estimate"):
        value = getattr(r, name, None)
        if isinstance(value, Decimal):
            return value
    return None


def _steps(r: Signed, policy: Policy, chain: tuple[str, ...]) -> tuple[str, ...]:
    """The steps this record needs: by amount for a purchase or a count's differences; a damage needs
    the principal only to waive it."""
    if isinstance(r, Purchase):
        return required_steps(r, policy)
    if isinstance(r, Stocktake):
        return approvals_needed(abs(r.adjusted_value), policy)
    if isinstance(r, Damage):
        return chain if r.settled is not None and r.settled.type == "waived" else ()
    return chain


def pending_for(ledger: Ledger, person: str, today: dt.date) -> list[Awaiting]:
    if person not in ledger.person_by_name:
        raise UsageError("unknown_person", name=person)
    rules = ledger.config.policy.signatures
    out: list[Awaiting] = []
    for kind in KINDS:
        chain = rules.chains.get(kind.name, ())
        if not chain:
            continue
        for r in ledger.records(kind.model):
            if not isinstance(r, Signed) or getattr(r, "payment", None) is not None:
                continue
            if kind.name in rules.approved_beforehand and r.date < today:
                continue  # its day is past: approving it now is no approval beforehand (VEH002, RCP003)
            if kind.name in rules.signed_by_members:
                members: tuple[str, ...] = getattr(r, "members", ())
                own = chain[0]
                if person not in members or any(a.role == own and a.by == person for a in r.approvals):
                    continue
                out.append(Awaiting(r.id, kind.name, own, r.date, None, _about(r), r.source.file, r.source.line))
                continue
            steps = _steps(r, ledger.config.policy, chain)
            step = next((s for s in steps if r.approval(s) is None), None)
            if step is None:
                continue
            allowed = rules.signers.get(step, "any")
            named = named_signer(r, step)
            if named is not None:  # a step the record names its signer for: the receipt book's holder
                if named != person:
                    continue
            elif allowed == "any" or not any(ledger.holds(person, role, today) for role in allowed):
                continue
            if kind.name in rules.distinct_signers and any(a.by == person for a in r.approvals):
                continue
            out.append(Awaiting(r.id, kind.name, step, r.date, _amount(r), _about(r), r.source.file, r.source.line))
    return sorted(out, key=lambda a: (a.date, a.id))

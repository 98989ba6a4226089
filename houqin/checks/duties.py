"""separation-of-duties: handler, witness and approver are three different people; the cashier
neither witnesses nor approves, nor pays a claim they signed; nobody approves their own request; the
accountant and the cashier are different people (会计出纳分设)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Signed
from houqin.models.config import Policy
from houqin.models.directory import RoleSpan
from houqin.models.kinds import kind_of, kinds
from houqin.models.ledger import Ledger
from houqin.models.records import CashAdvance, Meeting, Payment, Purchase, Reimbursement, principals_own, requester_of


def check_separation(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    rules = policy.signatures
    for r in ledger.all_records():
        if not isinstance(r, Signed) or not r.approvals:
            continue
        file = r.source.file
        first_step: dict[str, str] = {}
        distinct = kind_of(r).name in rules.distinct_signers
        requester = requester_of(r)
        for a in r.approvals:
            if distinct and a.by in first_step and first_step[a.by] != a.role:
                yield diag("SOD001", file, a.line, record=r.id, by=a.by, step=a.role, other=first_step[a.by])
            first_step.setdefault(a.by, a.role)
            if a.role in rules.cashier_may_not_sign and ledger.holds(a.by, "cashier", a.on):
                yield diag("SOD002", file, a.line, record=r.id, by=a.by, step=a.role)
            if requester == a.by and a.role in rules.approver_steps:
                yield diag("SOD003", file, a.line, record=r.id, by=a.by)
        paid = getattr(r, "payment", None)
        if isinstance(paid, Payment):
            # A step the cashier may never sign is SOD002 already; paying what one handled is this.
            own = [a.role for a in r.approvals if a.by == paid.by and a.role not in rules.cashier_may_not_sign]
            if own:
                yield diag("SOD005", file, r.source.line, record=r.id, by=paid.by, id=r.id, step=own[0])


def check_accountant_not_cashier(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """会计出纳分设: nobody holds the accountant's and the cashier's role over the same days."""
    for person in ledger.people:
        books = [s for s in person.roles if s.role == "accountant"]
        cash = [s for s in person.roles if s.role == "cashier"]
        if any(_overlap(a, c) for a in books for c in cash):
            yield diag("SOD004", "people.yaml", person.line, person=person.name)


def _overlap(a: RoleSpan, b: RoleSpan) -> bool:
    first = max(a.since or dt.date.min, b.since or dt.date.min)
    last = min(a.until or dt.date.max, b.until or dt.date.max)
    return first <= last


OWN: tuple[type[Reimbursement | CashAdvance | Purchase], ...] = (Reimbursement, CashAdvance, Purchase)
OWN_KINDS = kinds(*OWN)


def check_own_requests(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """校长本人的报销、借款、请购: the principal's step signed by whom the route names (SIG001 otherwise),
    on the strength of the leadership meeting or the superior's approval number the record carries
    (SOD006), decided on or before the day that step was signed (SOD007)."""
    route = policy.signatures.own_requests
    for model in OWN:
        for r in ledger.records(model):
            if not principals_own(ledger.holds, r):
                continue
            step = r.approval("principal")
            if step is None or step.by == requester_of(r):
                continue  # not yet signed, or signed by the principal: SOD003 says so
            meeting: Meeting | None = getattr(r, "meeting", None)
            authority: str | None = getattr(r, "authority", None)
            has = {"meeting": meeting is not None, "authority": bool(authority)}
            enough = has["meeting"] or has["authority"] if route.requires == "either" else has[route.requires]
            if not enough:
                fields = "meeting,authority" if route.requires == "either" else route.requires
                yield diag("SOD006", r.source.file, step.line, record=r.id, id=r.id, by=step.by, fields=fields)
            elif meeting is not None and meeting.on > step.on and not has["authority"]:
                yield diag("SOD007", r.source.file, step.line, record=r.id, id=r.id, on=meeting.on, signed=step.on)

"""separation-of-duties: handler, witness and approver are three different people; the cashier
neither witnesses nor approves; nobody approves their own request."""

from __future__ import annotations

from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Signed
from houqin.models.config import Policy
from houqin.models.kinds import kind_of
from houqin.models.ledger import Ledger
from houqin.models.records import CashAdvance, Purchase, Reimbursement


def _requester(r: Signed) -> str | None:
    if isinstance(r, CashAdvance):
        return r.person
    if isinstance(r, Reimbursement):
        return r.payee
    if isinstance(r, Purchase):
        return r.requester
    return None


def check_separation(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    rules = policy.signatures
    for r in ledger.all_records():
        if not isinstance(r, Signed) or not r.approvals:
            continue
        file = r.source.file
        first_step: dict[str, str] = {}
        distinct = kind_of(r).name in rules.distinct_signers
        requester = _requester(r)
        for a in r.approvals:
            if distinct and a.by in first_step and first_step[a.by] != a.role:
                yield diag("SOD001", file, a.line, record=r.id, by=a.by, step=a.role, other=first_step[a.by])
            first_step.setdefault(a.by, a.role)
            if a.role in rules.cashier_may_not_sign and ledger.holds(a.by, "cashier", a.on):
                yield diag("SOD002", file, a.line, record=r.id, by=a.by, step=a.role)
            if requester == a.by and a.role in rules.approver_steps:
                yield diag("SOD003", file, a.line, record=r.id, by=a.by)

"""signatures: whoever signs a step holds a role that policy allows for it, on the day they sign,
and was on the staff that day (a person who has left signs nothing)."""

from __future__ import annotations

from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Signed
from houqin.models.config import Policy
from houqin.models.ledger import Ledger


def check_signatures(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    signers = policy.signatures.signers
    for r in ledger.all_records():
        if not isinstance(r, Signed):
            continue
        for a in r.approvals:
            if not ledger.active(a.by, a.on):
                if a.by in ledger.person_by_name:  # refs reports unknown people
                    yield diag("SIG002", r.source.file, a.line, record=r.id, by=a.by, on=a.on)
                continue
            allowed = signers.get(a.role, "any")
            if allowed == "any":
                continue
            if not any(ledger.holds(a.by, role, a.on) for role in allowed):
                yield diag(
                    "SIG001", r.source.file, a.line, record=r.id, by=a.by, on=a.on, step=a.role, roles="/".join(allowed)
                )

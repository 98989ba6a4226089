"""houqin key verify: each signature of one record, who made it, with which key, and whether it stands
(docs/signatures.md). An auditor's view of one record; `houqin check` is the whole ledger's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from houqin import sshsig
from houqin.checks.keys import must_sign_by_key, payment_problem, step_problem, trust_of
from houqin.i18n import RecordName
from houqin.models.base import Signed
from houqin.models.kinds import kind_of
from houqin.models.ledger import Ledger
from houqin.models.statements import paid
from houqin.services.lookup import find_record

VERIFIED, TYPED, TYPED_REQUIRED = "verified", "typed", "typed_required"


@dataclass(frozen=True)
class StepSignature:
    role: str
    by: str
    on: dt.date
    status: str  # verified | typed | typed_required | a KEY code
    fingerprint: str | None  # the key the signature carries, whether or not it is trusted
    line: int


@dataclass(frozen=True)
class RecordSignatures:
    id: str
    kind: str
    file: str
    steps: tuple[StepSignature, ...]

    @property
    def stands(self) -> bool:
        return all(s.status in (VERIFIED, TYPED) for s in self.steps)


def _carried(sig: str | None) -> str | None:
    return sshsig.signer_fingerprint(sig) if sig else None


def signatures_of(ledger: Ledger, text: str) -> RecordSignatures:
    """Every step of the record (and its payment), each verified afresh over its statement — not taken
    from a close, as `houqin check` may: this is the auditor's second look."""
    record = find_record(ledger, text, Signed, RecordName("document"))
    policy = ledger.config.policy
    school = ledger.config.school.name
    trust = trust_of(school, ledger.people)
    chain = policy.signatures.chains.get(kind_of(record).name, ())

    def typed(by: str, on: dt.date) -> str:
        return TYPED_REQUIRED if must_sign_by_key(ledger, policy, by, on) else TYPED

    steps = []
    for i, a in enumerate(record.approvals):
        if a.sig is None:
            status = typed(a.by, a.on)
        else:
            problem = step_problem(trust, school, record, i, chain)
            status = VERIFIED if problem is None else problem.code
        steps.append(StepSignature(a.role, a.by, a.on, status, _carried(a.sig), a.line))
    payment = paid(record)
    if payment is not None:
        if payment.sig is None:
            status = typed(payment.by, payment.on)
        else:
            problem = payment_problem(trust, school, record, payment)
            status = VERIFIED if problem is None else problem.code
        steps.append(
            StepSignature("payment", payment.by, payment.on, status, _carried(payment.sig), record.source.line)
        )
    return RecordSignatures(record.id, kind_of(record).name, record.source.file, tuple(steps))

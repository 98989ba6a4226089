"""The audit group's record (稽核记录) as use-cases: record the term's audit, each member's signature
(typed or by key, as every other step), and the answer to a finding. Pure: each returns the record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Audit, AuditAnswer
from houqin.services.inputs import validated
from houqin.services.lookup import find_record
from houqin.services.signing import KeySigner, sign_record
from houqin.services.stocktake import term_dates


def record_audit(
    ledger: Ledger,
    term: str,
    members: Sequence[str],
    scope: str,
    findings: Sequence[str],
    day: dt.date,
    signed: bool = False,
) -> Audit:
    """The term's audit; with `signed`, every member signed the minutes on the day (typed signatures)."""
    term_dates(ledger, term)
    if not members:
        raise UsageError("audit_members_needed")
    names = tuple(dict.fromkeys(members))
    return validated(
        Audit,
        id=next_id(ledger, KIND_BY_MODEL[Audit], day.year),
        date=day,
        term=term,
        members=names,
        scope=scope,
        findings=tuple(findings),
        approvals=tuple(Approval(role="auditor", by=n, on=day) for n in names) if signed else (),
    )


def sign_audit(ledger: Ledger, audit: str, by: str, on: dt.date, key: KeySigner | None = None) -> Audit:
    """One member's signature (step `auditor`); a member signs once, and only members sign — what
    `houqin sign JH-… --as auditor` does too."""
    record = find_record(ledger, audit, Audit, RecordName("audit"))
    return sign_record(ledger, record.id, "auditor", by, on, model=Audit, label=RecordName("audit"), key=key)


def answer_audit(ledger: Ledger, audit: str, finding: int, by: str, text: str, on: dt.date) -> Audit:
    record = find_record(ledger, audit, Audit, RecordName("audit"))
    if not 1 <= finding <= len(record.findings):
        raise UsageError("audit_no_finding", id=record.id, number=finding, count=len(record.findings))
    answer = validated(AuditAnswer, finding=finding, on=on, by=by, text=text)
    return record.model_copy(update={"answers": (*record.answers, answer)})

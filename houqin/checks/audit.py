"""audit: 稽核小组每学期稽核 (R41) — every term ended more than the policy's days ago has the audit group's
record (a warning); its members hold the auditor role on the day, neither the accountant nor the cashier
(who keep what is audited), and are at least the policy's number; every member signs it, nobody else;
each finding is answered within the policy's days (a warning), and an answer names a finding there is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.layout import CONFIG_FILE
from houqin.models.config import Policy, Term
from houqin.models.ledger import Ledger
from houqin.models.records import Audit

KEEPS_THE_BOOKS = ("accountant", "cashier")  # 会计、出纳: audited, so never auditors


def check_audits(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    audits = [r for r in ledger.records(Audit)]
    for r in audits:
        yield from _members(ledger, r, policy)
        yield from _signed(r)
        yield from _answered(ledger, r, policy, today)


def covered_terms(ledger: Ledger) -> tuple[Term, ...]:
    """The terms the books answer for. With `started` (houqin init writes it), every term ending on or
    after that day: the school said when its books began. Without it, the terms after the first term
    holding a record (Ledger.terms_after_the_first): the first was kept partly elsewhere."""
    started = ledger.config.started
    if started is not None:
        return tuple(t for t in ledger.config.terms if started <= t.end)
    return ledger.terms_after_the_first() or ()


def check_unaudited(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    """AUD001: a term the books cover, ended more than the grace days ago, without an audit record."""
    today = today or clock.today()
    audited = {r.term for r in ledger.records(Audit)}
    grace = dt.timedelta(days=policy.audit_grace_days)
    for term in covered_terms(ledger):
        if term.end + grace < today and term.id not in audited:
            yield diag("AUD001", CONFIG_FILE, 0, record=term.id, term=term.id, end=term.end)


def _members(ledger: Ledger, r: Audit, policy: Policy) -> Iterator[Diagnostic]:
    file, line = r.source
    if len(set(r.members)) < policy.audit_min_members:
        yield diag(
            "AUD004", file, line, record=r.id, id=r.id, count=len(set(r.members)), least=policy.audit_min_members
        )
    for name in r.members:
        if name not in ledger.person_by_name:
            continue  # refs names an unknown person
        if not ledger.holds(name, "auditor", r.date):
            yield diag("AUD002", file, line, record=r.id, id=r.id, name=name, date=r.date)
        for role in KEEPS_THE_BOOKS:
            if ledger.holds(name, role, r.date):
                yield diag("AUD003", file, line, record=r.id, id=r.id, name=name, role=role)


def _signed(r: Audit) -> Iterator[Diagnostic]:
    file, line = r.source
    signers = {a.by for a in r.approvals if a.role == "auditor"}
    for a in r.approvals:
        if a.role != "auditor" or a.by not in r.members:
            yield diag("AUD006", file, a.line, record=r.id, id=r.id, by=a.by, step=a.role)
    for name in dict.fromkeys(r.members):
        if name not in signers:
            yield diag("AUD005", file, line, record=r.id, id=r.id, name=name)


def _answered(ledger: Ledger, r: Audit, policy: Policy, today: dt.date) -> Iterator[Diagnostic]:
    file, line = r.source
    answered = {a.finding for a in r.answers}
    for a in r.answers:
        if a.finding > len(r.findings):
            yield diag("AUD008", file, a.line, record=r.id, id=r.id, number=a.finding, count=len(r.findings))
    age = ledger.config.calendar.elapsed(r.date, today)
    if age <= policy.audit_answer_days:
        return
    for n, text in enumerate(r.findings, start=1):
        if n not in answered:
            yield diag("AUD007", file, line, record=r.id, id=r.id, number=n, text=text, days=age)

"""advances: 借款 — an advance is settled within the policy's days (R11, a warning), settled exactly (the
claims it pays for and the cash returned add up to what was lent), and nobody leaves the school holding
one (R28, an error)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import CashAdvance, Reimbursement


def check_advances(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    claims: dict[str, list[Reimbursement]] = {}
    for r in ledger.records(Reimbursement):
        if r.advance:
            claims.setdefault(r.advance, []).append(r)
    for a in ledger.records(CashAdvance):
        if a.payment is None:
            continue
        file, line = a.source.file, a.source.line
        settled = a.settlement.on if a.settlement else None
        person = ledger.person_by_name.get(a.person)
        if person is not None and person.left is not None and (settled is None or settled >= person.left):
            yield diag("ADV002", file, line, record=a.id, id=a.id, person=a.person, left=person.left)
        if settled is None:
            days = ledger.config.calendar.elapsed(a.payment.on, today)  # national holidays not counted
            if days > policy.advance_settle_days:
                yield diag("ADV001", file, line, record=a.id, id=a.id, person=a.person, amount=a.amount, days=days)
            continue
        assert a.settlement is not None
        named = [ledger.find(e, Reimbursement) for e in a.settlement.expenses]
        linked = {r.id: r for r in claims.get(a.id, [])} | {r.id: r for r in named if r is not None}
        spent = sum((r.amount for r in linked.values()), Decimal("0.00"))
        returned = a.settlement.cash_returned
        if spent + returned != a.amount and not (spent > a.amount and not returned):
            yield diag("ADV003", file, line, record=a.id, id=a.id, amount=a.amount, spent=spent, returned=returned)

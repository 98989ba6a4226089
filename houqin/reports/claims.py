"""The list of reimbursements with where each stands: signatures awaited, paid or not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from houqin.models.kinds import RecordKind
from houqin.models.ledger import Ledger
from houqin.models.records import Reimbursement


@dataclass(frozen=True)
class ClaimRow:
    id: str
    date: dt.date
    payee: str
    amount: Decimal
    budget_line: str
    purpose: str
    awaiting: tuple[str, ...]
    paid: dt.date | None


CLAIM_STATUSES = ("awaiting", "unpaid", "paid")


@dataclass(frozen=True)
class ClaimFilter:
    """What `expense list` may be narrowed to (docs/finance.md): a payee (part of its name), a budget
    line, where the claim stands (awaiting signatures, signed but unpaid, paid), days and amounts, each
    bound included."""

    payee: str | None = None
    budget_line: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None

    def keeps(self, e: Reimbursement, awaiting: tuple[str, ...]) -> bool:
        status = "awaiting" if awaiting else ("paid" if e.payment is not None else "unpaid")
        return (
            (self.payee is None or self.payee.casefold() in e.payee.casefold())
            and self.budget_line in (None, e.budget_line)
            and self.status in (None, status)
            and (self.since is None or e.date >= self.since)
            and (self.until is None or e.date <= self.until)
            and (self.min_amount is None or e.amount >= self.min_amount)
            and (self.max_amount is None or e.amount <= self.max_amount)
        )


def claim_rows(
    ledger: Ledger, *, pending_only: bool = False, month: str | None = None, where: ClaimFilter | None = None
) -> list[ClaimRow]:
    chain = ledger.config.policy.signatures.chains.get(RecordKind.EXPENSES, ())
    rows = []
    for e in ledger.records(Reimbursement):
        if month and e.date.strftime("%Y-%m") != month:
            continue
        awaiting = tuple(step for step in chain if e.approval(step) is None)
        if pending_only and not awaiting and e.payment is not None:
            continue
        if where is not None and not where.keeps(e, awaiting):
            continue
        rows.append(
            ClaimRow(
                e.id, e.date, e.payee, e.amount, e.budget_line, e.purpose, awaiting, e.payment.on if e.payment else None
            )
        )
    return rows

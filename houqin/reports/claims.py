"""The list of reimbursements with where each stands: signatures awaited, paid or not."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

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


def claim_rows(ledger: Ledger, *, pending_only: bool = False, month: str | None = None) -> list[ClaimRow]:
    chain = ledger.config.policy.signatures.chains.get("expenses", ())
    rows = []
    for e in ledger.of_kind("expenses"):
        if not isinstance(e, Reimbursement):
            continue
        if month and e.date.strftime("%Y-%m") != month:
            continue
        awaiting = tuple(step for step in chain if e.approval(step) is None)
        if pending_only and not awaiting and e.payment is not None:
            continue
        rows.append(
            ClaimRow(
                e.id, e.date, e.payee, e.amount, e.budget_line, e.purpose, awaiting, e.payment.on if e.payment else None
            )
        )
    return rows

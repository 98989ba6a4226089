"""The list of purchases with where each stands: approvals awaited, quotes, meeting, acceptance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from houqin.checks.purchases import required_steps
from houqin.models.ledger import Ledger
from houqin.models.records import Purchase


@dataclass(frozen=True)
class PurchaseRow:
    id: str
    date: dt.date
    department: str
    requester: str
    amount: Decimal
    purpose: str
    awaiting: tuple[str, ...]
    quotes: int
    needs_quotes: bool
    accepted: dt.date | None


def purchase_rows(ledger: Ledger, *, pending_only: bool = False) -> list[PurchaseRow]:
    policy = ledger.config.policy
    rows = []
    for p in ledger.records(Purchase):
        if pending_only and p.accepted is not None:
            continue
        rows.append(
            PurchaseRow(
                p.id,
                p.date,
                p.department,
                p.requester,
                p.estimate,
                p.purpose,
                tuple(step for step in required_steps(p, policy) if p.approval(step) is None),
                len({q.supplier for q in p.quotes}),
                p.estimate >= policy.quote_threshold,
                p.accepted.on if p.accepted else None,
            )
        )
    return rows

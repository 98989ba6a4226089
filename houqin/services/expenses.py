"""Reimbursements ("三章"制): file a claim, then collect its signatures one by one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Invoice, Reimbursement
from houqin.services.inputs import validated
from houqin.services.signing import KeySigner, sign_record


@dataclass(frozen=True)
class ClaimDraft:
    payee: str
    amount: Decimal
    budget_line: str
    purpose: str
    date: dt.date
    invoices: tuple[Invoice, ...]
    purchase: str | None = None
    advance: str | None = None
    note: str | None = None
    fee_item: str | None = None  # 代办费: the item collected on behalf this claim spends against
    route: Mapping[str, object] = field(default_factory=dict)  # the principal's own: meeting, authority


def file_claim(ledger: Ledger, draft: ClaimDraft) -> Reimbursement:
    fields = {k: v for k, v in draft.__dict__.items() if v is not None and k != "route"} | dict(draft.route)
    return validated(Reimbursement, id=next_id(ledger, KIND_BY_MODEL[Reimbursement], draft.date.year), **fields)


def sign_claim(
    ledger: Ledger, claim_id: str, step: str, by: str, on: dt.date, key: KeySigner | None = None
) -> Reimbursement:
    return sign_record(ledger, claim_id, step, by, on, model=Reimbursement, label=RecordName("reimbursement"), key=key)

"""入库 and 领用: consumables received into stock and issued to a person for a purpose."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import ValidationError

from houqin.errors import UsageError
from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_NAME
from houqin.models.ledger import Ledger
from houqin.models.records import StockIn, StockOut
from houqin.services.inputs import first_error


def receive_stock(
    ledger: Ledger,
    item: str,
    quantity: Decimal,
    unit_price: Decimal,
    origin: str,
    acceptor: str,
    day: dt.date,
    supplier: str | None = None,
    witness: str | None = None,
) -> StockIn:
    """入库: counted in by the acceptor (验收), with a witness where there is one."""
    approvals = (Approval(role="witness", by=witness, on=day),) if witness else ()
    try:
        return StockIn(
            id=next_id(ledger, KIND_BY_NAME["stock-in"], day.year),
            date=day,
            item=item,
            quantity=quantity,
            unit_price=unit_price,
            origin=origin,
            acceptor=acceptor,
            supplier=supplier,
            approvals=approvals,
        )
    except ValidationError as exc:
        raise UsageError("invalid_input", detail=first_error(exc)) from None


def issue_stock(
    ledger: Ledger,
    item: str,
    quantity: Decimal,
    receiver: str,
    purpose: str,
    issued_by: str,
    day: dt.date,
    department: str | None = None,
    approved_by: str | None = None,
) -> StockOut:
    """领用: to a person for a purpose; printing supplies carry the supervisor's approval (checked)."""
    approvals = (Approval(role="supervisor", by=approved_by, on=day),) if approved_by else ()
    try:
        return StockOut(
            id=next_id(ledger, KIND_BY_NAME["stock-out"], day.year),
            date=day,
            item=item,
            quantity=quantity,
            receiver=receiver,
            purpose=purpose,
            issued_by=issued_by,
            department=department,
            approvals=approvals,
        )
    except ValidationError as exc:
        raise UsageError("invalid_input", detail=first_error(exc)) from None

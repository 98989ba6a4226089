"""票据管理 as use-cases: a receipt book issued to a person (票据领用登记), a receipt voided (作废).
Pure: each returns the record; the checks refuse one that adds an error (REC002-REC011). A book carries
the accountant's step (发放), and its holder signs for it (houqin sign PJ-… --as holder); a void carries
its holder's step, and the accountant approves it (houqin sign ZF-… --as accountant)."""

from __future__ import annotations

import datetime as dt

from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import ReceiptBook, ReceiptVoid
from houqin.services.inputs import validated


def issue_book(
    ledger: Ledger, first: int, last: int, holder: str, issued_by: str, day: dt.date, series: str | None = None
) -> ReceiptBook:
    """票据领用: the book's printed numbers, who takes it and who hands it out (the accountant)."""
    return validated(
        ReceiptBook,
        id=next_id(ledger, KIND_BY_MODEL[ReceiptBook], day.year),
        date=day,
        first=first,
        last=last,
        holder=holder,
        issued_by=issued_by,
        series=series,
        approvals=(Approval(role="accountant", by=issued_by, on=day),),
    )


def void_receipt(
    ledger: Ledger, number: int, by: str, reason: str, day: dt.date, copies_kept: bool = True
) -> ReceiptVoid:
    """作废: a spoiled receipt, voided by its book's holder and kept in the book with every copy."""
    return validated(
        ReceiptVoid,
        id=next_id(ledger, KIND_BY_MODEL[ReceiptVoid], day.year),
        date=day,
        number=number,
        by=by,
        reason=reason,
        copies_kept=copies_kept,
        approvals=(Approval(role="holder", by=by, on=day),),
    )

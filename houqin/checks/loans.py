"""loans: 财产借还销号 — a loan is due after it starts, returned after it starts, and a loan past its
due day and not returned is flagged (a warning: the keeper goes and asks for it back); a due day on a
holiday or a weekend moves to the next working day and holidays are not counted (models/calendar.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Loan


def check_loans(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    calendar = ledger.config.calendar
    for loan in ledger.records(Loan):
        file, line = loan.source
        if loan.due < loan.date:
            yield diag("LOAN003", file, line, record=loan.id, id=loan.id, due=loan.due, date=loan.date)
        if loan.returned is not None and loan.returned.on < loan.date:
            yield diag("LOAN002", file, line, record=loan.id, id=loan.id, on=loan.returned.on, date=loan.date)
        due = calendar.due(loan.due)  # a due day the school is shut moves to the next working day
        if loan.returned is None and due < today:
            yield diag(
                "LOAN001",
                file,
                line,
                record=loan.id,
                id=loan.id,
                borrower=loan.borrower,
                due=loan.due,
                days=calendar.elapsed(due, today),
            )

"""dates: a record dated after today is a warning — a typing slip (2062 for 2026) or a record made
ahead of its day; either way the books should not hold tomorrow's facts. A trip or a reception, which
is approved beforehand (policy.signatures.approved_beforehand), is written ahead of its day by design. Read from the id index
(each record's day), so no record need be built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger


def check_future_dates(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    last = today.toordinal()
    for kind in KINDS:
        if kind.name in policy.signatures.approved_beforehand:
            continue  # a trip or a reception is requested and approved ahead of its day
        for rid, file, line, day in ledger.id_sources(kind.name):
            if day > last:
                yield diag("DAT001", file, line, record=rid, id=rid, date=dt.date.fromordinal(day), today=today)

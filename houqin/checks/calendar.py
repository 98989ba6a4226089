"""calendar: 校历 (R45) — the national holidays and make-up days every "days" limit and the daily rounds
count by come from houqin.yaml; a term already begun in a year the calendar has no holidays for is
warned, since its rounds and limits would silently count the holidays as working days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.layout import CONFIG_FILE
from houqin.models.config import Policy
from houqin.models.ledger import Ledger


def check_calendar(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    cal = ledger.config.calendar
    known = {h.start.year for h in cal.holidays} | {h.end.year for h in cal.holidays}
    for term in ledger.config.terms:
        if term.start > today:
            continue
        for year in range(term.start.year, min(term.end, today).year + 1):
            if year not in known:
                yield diag("CAL001", CONFIG_FILE, 0, record=term.id, term=term.id, year=year)

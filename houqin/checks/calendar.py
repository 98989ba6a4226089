"""calendar: 校历 (R45) — the national holidays and make-up days every "days" limit and the daily rounds
count by come from houqin.yaml, one State Council notice a year. A year in use — one a term already begun
reaches (CAL001), or one a record is dated in since the books began, or today's (CAL002) — whose notice
the calendar lacks is warned once: until the school enters it, that year counts weekends only as days
off, and its rounds and limits would silently count the holidays as working days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.layout import CONFIG_FILE
from houqin.models.config import Policy
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger


def years_in_use(ledger: Ledger, today: dt.date) -> dict[int, str | None]:
    """Each year the calendar is asked about, with the first term begun that reaches it (None: a year
    only a record dated since `started`, or today, is in). Without `started` (houqin init writes it)
    records are not asked: an asset bought in 2016 needs no calendar of 2016."""
    years: dict[int, str | None] = {today.year: None}
    started = ledger.config.started
    if started is not None:
        for kind in KINDS:
            for year in ledger.years_dated(kind.name, started, today):
                years.setdefault(year, None)
    for term in sorted(ledger.config.terms, key=lambda t: t.start):
        if term.start > today:
            continue
        for year in range(term.start.year, min(term.end, today).year + 1):
            if years.get(year) is None:
                years[year] = term.id
    return years


def check_calendar(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    known = ledger.config.calendar.noticed_years()
    for year, term in sorted(years_in_use(ledger, today).items()):
        if year in known:
            continue
        if term is not None:
            yield diag("CAL001", CONFIG_FILE, 0, record=term, term=term, year=year)
        else:
            yield diag("CAL002", CONFIG_FILE, 0, record=str(year), year=year)

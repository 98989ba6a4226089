"""The school calendar as a report: each term's days, the holidays and make-up days within it, and the
working days (上课日) the daily rounds are counted against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from houqin.models.calendar import Notice
from houqin.models.ledger import Ledger
from houqin.services.stocktake import term_dates


@dataclass(frozen=True)
class CalendarTerm:
    term: str
    start: dt.date
    end: dt.date
    working_days: int
    holidays: tuple[tuple[str, dt.date, dt.date], ...]  # (name, first, last) of those overlapping the term
    workdays: tuple[dt.date, ...]  # 调休上班 within the term


@dataclass(frozen=True)
class CalendarReport:
    source: str | None
    published: dt.date | None
    terms: tuple[CalendarTerm, ...]
    notices: tuple[Notice, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "notices": [n.model_dump(mode="json", exclude_none=True) for n in self.notices],
            "terms": [
                {
                    "term": t.term,
                    "start": t.start.isoformat(),
                    "end": t.end.isoformat(),
                    "working_days": t.working_days,
                    "holidays": [{"name": n, "start": a.isoformat(), "end": b.isoformat()} for n, a, b in t.holidays],
                    "workdays": [d.isoformat() for d in t.workdays],
                }
                for t in self.terms
            ],
        }


def school_calendar(ledger: Ledger, term: str | None = None) -> CalendarReport:
    """Each term's working days (or one term's: an unknown term is refused, naming the terms there are)."""
    if term is not None:
        term_dates(ledger, term)
    cal = ledger.config.calendar
    rows = []
    for t in ledger.config.terms:
        if term is not None and t.id != term:
            continue
        holidays = tuple((h.name, h.start, h.end) for h in cal.holidays if h.start <= t.end and h.end >= t.start)
        made_up = tuple(sorted(d for d in cal.workdays if t.start <= d <= t.end))
        rows.append(CalendarTerm(t.id, t.start, t.end, len(cal.working_days(t.start, t.end)), holidays, made_up))
    return CalendarReport(cal.source, cal.published, tuple(rows), cal.notices)

"""The school calendar (校历): national holidays (法定节假日) and make-up working days (调休上班).

A school works Monday to Friday, except on a national holiday, and also on a make-up day the State
Council's notice moves to a weekend. The days every limit counts ("repairs open more than 14 days",
"advances settled within 30 days") stop during a national holiday: a ticket opened the day before
国庆 is not late for the seven days the school is shut. A due day (a loan's) that falls on a day the
school does not work moves to the next working day. Daily rounds are expected on working days of a term.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from houqin.models.base import Day, Frozen, Text


class Holiday(Frozen):
    """One national holiday as the notice arranges it, e.g. 国庆节 2026-10-01 ~ 2026-10-07."""

    name: Text
    start: Day
    end: Day

    @model_validator(mode="after")
    def _ordered(self) -> Holiday:
        if self.end < self.start:
            raise PydanticCustomError(
                "holiday_order", "a holiday ends on or after its start: {name}", {"name": self.name}
            )
        return self


class SchoolCalendar(Frozen):
    """Holidays and make-up days, with where they come from (the notice and the day it was published)."""

    source: Text | None = None
    published: Day | None = None
    holidays: tuple[Holiday, ...] = ()
    workdays: tuple[Day, ...] = ()  # 调休上班: weekend days the school works

    @cached_property
    def _off(self) -> frozenset[dt.date]:
        days: set[dt.date] = set()
        for h in self.holidays:
            days.update(h.start + dt.timedelta(days=n) for n in range((h.end - h.start).days + 1))
        return frozenset(days)

    def holiday(self, day: dt.date) -> bool:
        return day in self._off

    def working(self, day: dt.date) -> bool:
        """Does the school work on this day (a weekday not in a holiday, or a make-up day)?"""
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self._off

    def working_days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        return [
            first + dt.timedelta(days=n)
            for n in range((last - first).days + 1)
            if self.working(first + dt.timedelta(days=n))
        ]

    def elapsed(self, since: dt.date, until: dt.date) -> int:
        """Days from `since` to `until`, the days of a national holiday not counted (节假日不计)."""
        if until <= since:
            return (until - since).days
        off = sum(1 for d in self._off if since < d <= until)
        return (until - since).days - off

    def due(self, day: dt.date) -> dt.date:
        """A due day on a day the school does not work moves to the next working day (顺延)."""
        while not self.working(day):
            day += dt.timedelta(days=1)
        return day


# 国务院办公厅关于2026年部分节假日安排的通知 (docs/office.md: "The school calendar" says what is known of it).
DEFAULT_CALENDAR = SchoolCalendar(
    source="国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）；2027年元旦按《全国年节及纪念日放假办法》",
    published=dt.date(2025, 11, 4),
    holidays=(
        Holiday(name="元旦", start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 3)),
        Holiday(name="春节", start=dt.date(2026, 2, 15), end=dt.date(2026, 2, 23)),
        Holiday(name="清明节", start=dt.date(2026, 4, 4), end=dt.date(2026, 4, 6)),
        Holiday(name="劳动节", start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 5)),
        Holiday(name="端午节", start=dt.date(2026, 6, 19), end=dt.date(2026, 6, 21)),
        Holiday(name="中秋节", start=dt.date(2026, 9, 25), end=dt.date(2026, 9, 27)),
        Holiday(name="国庆节", start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 7)),
        Holiday(name="元旦", start=dt.date(2027, 1, 1), end=dt.date(2027, 1, 1)),
    ),
    workdays=(
        dt.date(2026, 1, 4),
        dt.date(2026, 2, 14),
        dt.date(2026, 2, 28),
        dt.date(2026, 5, 9),
        dt.date(2026, 9, 20),
        dt.date(2026, 10, 10),
    ),
)

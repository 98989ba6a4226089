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

from pydantic import Field, model_validator
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


class Notice(Frozen):
    """The State Council's notice that arranges a year's holidays: 国务院办公厅关于2026年部分节假日安排的
    通知, its number (国办发明电〔2025〕7号) and the day it was published."""

    year: int = Field(ge=1999, le=2199)
    title: Text
    number: Text | None = None
    published: Day | None = None


class SchoolCalendar(Frozen):
    """Holidays and make-up days, with where they come from: the notice of each year entered
    (`notices`); `source` and `published` are a school's own note for a calendar written without them."""

    source: Text | None = None
    published: Day | None = None
    notices: tuple[Notice, ...] = ()
    holidays: tuple[Holiday, ...] = ()
    workdays: tuple[Day, ...] = ()  # 调休上班: weekend days the school works

    def noticed_years(self) -> frozenset[int]:
        """The years whose holidays the calendar holds: those of its notices, or, for a calendar that
        names none, the years its holidays fall in. Another year counts only weekends as days off."""
        if self.notices:
            return frozenset(n.year for n in self.notices)
        return frozenset({h.start.year for h in self.holidays} | {h.end.year for h in self.holidays})

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


def _days(*days: tuple[int, int, int]) -> tuple[dt.date, ...]:
    return tuple(dt.date(*d) for d in days)


WORKDAYS = _days(
    (2025, 1, 26), (2025, 2, 8), (2025, 4, 27), (2025, 9, 28), (2025, 10, 11),
    (2026, 1, 4), (2026, 2, 14), (2026, 2, 28), (2026, 5, 9), (2026, 9, 20), (2026, 10, 10),
)  # fmt: skip
# The State Council's notices as published on www.gov.cn (the 2026 one also in 新华社's text of
# 2025-11-04; docs/office.md "The school calendar"). A year not here counts weekends only until the
# school enters its notice (houqin calendar notice; CAL001/CAL002 say so).
DEFAULT_CALENDAR = SchoolCalendar(
    notices=(
        Notice(
            year=2025,
            title="国务院办公厅关于2025年部分节假日安排的通知",
            number="国办发明电〔2024〕12号",
            published=dt.date(2024, 11, 12),
        ),
        Notice(
            year=2026,
            title="国务院办公厅关于2026年部分节假日安排的通知",
            number="国办发明电〔2025〕7号",
            published=dt.date(2025, 11, 4),
        ),
    ),
    holidays=(
        Holiday(name="元旦", start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 1)),
        Holiday(name="春节", start=dt.date(2025, 1, 28), end=dt.date(2025, 2, 4)),
        Holiday(name="清明节", start=dt.date(2025, 4, 4), end=dt.date(2025, 4, 6)),
        Holiday(name="劳动节", start=dt.date(2025, 5, 1), end=dt.date(2025, 5, 5)),
        Holiday(name="端午节", start=dt.date(2025, 5, 31), end=dt.date(2025, 6, 2)),
        Holiday(name="国庆节、中秋节", start=dt.date(2025, 10, 1), end=dt.date(2025, 10, 8)),
        Holiday(name="元旦", start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 3)),
        Holiday(name="春节", start=dt.date(2026, 2, 15), end=dt.date(2026, 2, 23)),
        Holiday(name="清明节", start=dt.date(2026, 4, 4), end=dt.date(2026, 4, 6)),
        Holiday(name="劳动节", start=dt.date(2026, 5, 1), end=dt.date(2026, 5, 5)),
        Holiday(name="端午节", start=dt.date(2026, 6, 19), end=dt.date(2026, 6, 21)),
        Holiday(name="中秋节", start=dt.date(2026, 9, 25), end=dt.date(2026, 9, 27)),
        Holiday(name="国庆节", start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 7)),
    ),
    workdays=WORKDAYS,
)

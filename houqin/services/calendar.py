"""The school calendar as a use-case: a year's holiday notice (国务院办公厅关于某年部分节假日安排的通知)
entered as the school reads it. Pure: it returns what is to be written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from houqin.errors import UsageError
from houqin.models.calendar import Holiday, Notice
from houqin.models.ledger import Ledger
from houqin.services.inputs import validated


def notice_entry(
    ledger: Ledger,
    year: int,
    number: str | None,
    published: dt.date | None,
    holidays: Sequence[tuple[str, dt.date, dt.date]],
    workdays: Sequence[dt.date],
    title: str | None = None,
) -> tuple[Notice, tuple[Holiday, ...], tuple[dt.date, ...]]:
    """The notice with its holidays (each in the year, or running into it: 元旦 may begin on 12-31)
    and its make-up days (调休上班: a Saturday or Sunday of the year); refused, nothing written, for a
    year the calendar already has a notice of, or a day that cannot be the notice's."""
    cal = ledger.config.calendar
    if any(n.year == year for n in cal.notices):
        raise UsageError("calendar_notice_exists", year=year)
    if not holidays:
        raise UsageError("calendar_holiday_needed", year=year)
    notice = validated(
        Notice, year=year, title=title or f"国务院办公厅关于{year}年部分节假日安排的通知", number=number,
        published=published,
    )  # fmt: skip
    days: list[Holiday] = []
    for name, start, end in holidays:
        if year not in (start.year, end.year):
            raise UsageError("calendar_day_not_in_year", day=start, year=year, option="--holiday")
        days.append(validated(Holiday, name=name, start=start, end=end))
    for day in workdays:
        if day.year != year:
            raise UsageError("calendar_day_not_in_year", day=day, year=year, option="--workday")
        if day.weekday() < 5:
            raise UsageError("calendar_workday_weekday", day=day)
        if day in cal.workdays:
            raise UsageError("calendar_workday_twice", day=day)
    return notice, tuple(days), tuple(sorted(set(workdays)))

"""The school calendar: a table per term, or JSON."""

from __future__ import annotations

import json

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.render.json_out import document
from houqin.reports.calendar import CalendarReport


def print_calendar(out: Console, report: CalendarReport, lang: str) -> None:
    for n in report.notices:
        source = n.title + (f"（{n.number}）" if n.number else "")
        out.print(t("calendar.source", lang, source=source, published=n.published or "—"))
    if report.source or not report.notices:
        out.print(t("calendar.source", lang, source=report.source or "—", published=report.published or "—"))
    table = Table(title=t("title.calendar", lang), title_justify="left")
    for key in ("col.term", "calendar.days", "calendar.working", "calendar.holidays", "calendar.workdays"):
        table.add_column(t(key, lang), justify="right" if key == "calendar.working" else "left")
    for row in report.terms:
        table.add_row(
            row.term,
            f"{row.start} ~ {row.end}",
            str(row.working_days),
            "\n".join(f"{n} {a:%m-%d}~{b:%m-%d}" if a != b else f"{n} {a:%m-%d}" for n, a, b in row.holidays),
            " ".join(f"{d:%m-%d}" for d in row.workdays),
        )
    out.print(table)


def calendar_json(report: CalendarReport) -> str:
    return json.dumps(document("calendar show", report.as_dict()), ensure_ascii=False, indent=2) + "\n"

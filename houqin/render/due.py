"""houqin due as a table (or JSON), and its one-line summary in the overview."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from houqin.i18n import nt, t, word
from houqin.reports.due import WHATS, DueReport


def print_due(out: Console, report: DueReport, lang: str) -> None:
    if not report.items:
        out.print(t("due.none", lang, date=report.at))
        return
    who = f" — {report.person}" if report.person else ""
    table = Table(title=t("due.title", lang, date=report.at) + who, title_justify="left")
    for key in (
        "due.col.what",
        "col.record",
        "due.col.person",
        "due.col.due",
        "due.col.late",
        "due.col.about",
        "due.col.command",
    ):
        table.add_column(t(key, lang))
    for i in report.items:
        late = (
            nt("due.late", i.days_late, lang, days=i.days_late)
            if i.overdue
            else nt("due.left", -i.days_late, lang, days=-i.days_late)
        )
        style = "red" if i.overdue else "yellow"
        table.add_row(
            t(f"due.what.{i.what}", lang),
            i.record,
            i.person or "-",
            str(i.due),
            f"[{style}]{late}[/]",
            f"{word(i.step, lang)} {i.about}".strip(),
            i.command,
        )
    out.print(table)
    out.print(summary(report, lang))


def summary(report: DueReport, lang: str) -> str:
    """逾期 3 项、即将到期 2 项：借用 2（逾期 1）、借款 1 …"""
    counts = report.by_what
    parts = [
        t("due.part", lang, what=t(f"due.what.{w}", lang), n=counts[w][0], late=counts[w][1])
        for w in WHATS
        if w in counts
    ]
    head = t("due.summary", lang, late=report.overdue, soon=len(report.items) - report.overdue)
    return head + t("sep.list", lang).join(parts)

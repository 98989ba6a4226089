"""Rich tables for meters, rounds and print jobs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.models.directory import Meter
from houqin.models.records import MeterReading
from houqin.money import fmt_yuan
from houqin.reports.office import MeterPeriod, PaperUse, PatrolTerm


def print_meters(out: Console, meters: Sequence[Meter], last: Mapping[str, MeterReading], lang: str) -> None:
    table = Table(title=t("title.meters", lang), title_justify="left")
    for key in ("col.id", "col.name", "col.kind", "col.place", "meter.last", "col.date"):
        table.add_column(t(key, lang), justify="right" if key == "meter.last" else "left")
    for m in meters:
        r = last.get(m.id)
        table.add_row(
            m.id, m.name, t(f"meter.{m.kind}", lang), m.place, f"{r.reading:f}" if r else "", str(r.date) if r else ""
        )
    out.print(table)


def print_meter_periods(out: Console, periods: Sequence[MeterPeriod], lang: str) -> None:
    table = Table(title=t("title.meter_report", lang), title_justify="left")
    keys = ("col.name", "meter.period", "meter.used", "meter.cost", "meter.per_head", "meter.last_year", "meter.change")
    for key in keys:
        table.add_column(t(key, lang), justify="left" if key in ("col.name", "meter.period") else "right")
    for p in periods:
        table.add_row(
            p.name,
            f"{p.start} ~ {p.end}",
            f"{p.used:f}",
            fmt_yuan(p.cost),
            f"{p.per_head}" if p.per_head is not None else "",
            f"{p.last_year}" if p.last_year is not None else "",
            f"{p.change:+}%" if p.change is not None else "",
        )
    out.print(table)


def print_patrol_term(out: Console, p: PatrolTerm, lang: str) -> None:
    out.print(
        t(
            "patrol.summary",
            lang,
            term=p.term,
            rounds=p.rounds,
            days=p.school_days,
            missed=p.missed,
            findings=p.findings,
        )
    )
    if not p.open_findings:
        out.print(t("patrol.all_closed", lang))
        return
    table = Table(title=t("patrol.open", lang), title_justify="left")
    for key in ("col.id", "col.place", "patrol.what"):
        table.add_column(t(key, lang))
    for rid, place, what in p.open_findings:
        table.add_row(rid, place, what)
    out.print(table)


def print_paper(out: Console, rows: Sequence[PaperUse], month: str, lang: str) -> None:
    table = Table(title=t("title.paper", lang, month=month), title_justify="left")
    for key in ("col.department", "print.jobs", "print.sheets", "print.packs", "print.issued"):
        table.add_column(t(key, lang), justify="left" if key == "col.department" else "right")
    for r in rows:
        table.add_row(r.department, str(r.jobs), str(r.sheets), f"{r.packs_printed}", f"{r.packs_issued:f}")
    out.print(table)

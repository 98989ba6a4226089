"""Rich tables for meters, rounds, print jobs, the shop's batches near expiry and the milk reconciliation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.money import fmt_yuan
from houqin.reports.office import Expiring, MeterLast, MeterPeriod, MilkClass, PaperUse, PatrolTerm


def print_meters(out: Console, meters: Sequence[MeterLast], lang: str) -> None:
    table = Table(title=t("title.meters", lang), title_justify="left")
    for key in ("col.id", "col.name", "col.kind", "col.place", "meter.last", "col.date"):
        table.add_column(t(key, lang), justify="right" if key == "meter.last" else "left")
    for m, r in ((row.meter, row.last) for row in meters):
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


def print_expiring(out: Console, rows: Sequence[Expiring], day: dt.date, days: int, lang: str) -> None:
    """Batches near expiry: red once expired on `day`, yellow before."""
    table = Table(title=t("shop.expiring", lang, days=days), title_justify="left")
    for key in ("col.id", "shop.goods", "shop.batch", "shop.left", "shop.expires"):
        table.add_column(t(key, lang))
    for row in rows:
        b = row.batch
        style = "red" if b.expires <= day else "yellow"
        table.add_row(b.id, b.goods, b.batch, f"{row.left:f} {b.unit}", f"[{style}]{b.expires}[/]")
    out.print(table if rows else t("shop.none_expiring", lang, days=days))


def print_milk(out: Console, rows: Sequence[MilkClass], term: str, lang: str) -> None:
    """Per class: ordered, delivered, due and paid; a class where they differ in yellow."""
    table = Table(title=t("milk.title", lang, term=term), title_justify="left")
    for key in ("milk.class", "fin.students", "milk.ordered", "milk.delivered", "milk.due", "milk.paid"):
        table.add_column(t(key, lang), justify="left" if key == "milk.class" else "right")
    for r in rows:
        flag = "" if r.ordered == r.delivered and r.due == r.paid else "[yellow]"
        table.add_row(
            f"{flag}{r.klass}", str(r.students), str(r.ordered), str(r.delivered), fmt_yuan(r.due), fmt_yuan(r.paid)
        )
    out.print(table)

"""The county's build record and report: text (Rich tables), JSON, an xlsx workbook (one sheet a
section) and one HTML page; and the line `houqin export parquet` prints."""

from __future__ import annotations

import datetime as dt
import html
import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

from houqin.i18n import t
from houqin.ledger.save import atomic_write
from houqin.render.console import console
from houqin.reports.county import CountyReport, Section

if TYPE_CHECKING:
    from houqin.services.county import Build, SchoolOutcome
    from houqin.services.dataset import Exported


def print_exported(e: Exported, lang: str) -> None:
    r = e.result
    console(stderr=True).print(
        escape(
            t(
                "county.exported",
                lang,
                school=e.school,
                commit=e.commit[:12],
                path=e.out,
                written=len(r.written),
                kept=len(r.kept),
                removed=len(r.removed),
            )
        )
    )


def _reason(o: SchoolOutcome, lang: str) -> str:
    if not o.reason:
        return ""
    params = {k: str(v) for k, v in o.params.items()}
    if o.reason == "county.reason.unreadable":  # the ledger's own message, in the reader's language
        params["error"] = t(params.pop("error", ""), lang, **params)
    return t(o.reason, lang, **params)


def print_build(b: Build, lang: str) -> None:
    out = console()
    table = Table(title=t("county.title.build", lang, path=b.out, date=b.as_of))
    for key in ("source", "school", "name", "commit", "status", "warnings", "reason"):
        table.add_column(t(f"county.col.{key}", lang))
    for o in b.schools:
        status = t(f"county.status.{o.status}", lang)
        table.add_row(
            escape(o.source),
            escape(o.school),
            escape(o.name),
            o.commit[:12],
            status,
            str(o.warnings),
            escape(_reason(o, lang)),
        )
    out.print(table)
    if b.migrated_from is not None:
        out.print(t("county.migrated", lang, found=b.migrated_from))
    accepted = sum(1 for o in b.schools if o.accepted)
    out.print(t("county.built", lang, accepted=accepted, refused=len(b.refused), written=b.written, kept=b.kept))


def build_json(b: Build, lang: str) -> str:
    rows = [{**o.as_dict(), "reason_text": _reason(o, lang)} for o in b.schools]
    data = {
        "schema": "houqin.county.build/1",
        "out": str(b.out),
        "as_of": b.as_of.isoformat(),
        "written": b.written,
        "kept": b.kept,
        "schools": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _cell(value: Any) -> str:
    if isinstance(value, Decimal):
        return f"{value:,.2f}" if value.as_tuple().exponent == -2 else str(value)
    if value is None:
        return ""
    return str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _title(s: Section, r: CountyReport, lang: str) -> str:
    return t(f"county.section.{s.key}", lang, year=r.year, threshold=f"{r.threshold:,.2f}", date=r.as_of)


def _accepted(r: CountyReport) -> int:
    return sum(1 for s in r.schools if s.get("status") != "refused")


def print_report(r: CountyReport, lang: str) -> None:
    out = console()
    out.print(t("county.title.report", lang, date=r.as_of, count=_accepted(r)))
    for s in r.sections:
        table = Table(title=_title(s, r, lang), title_justify="left")
        for c in s.columns:
            table.add_column(t(f"county.col.{c}", lang), justify="right" if c in NUMERIC else "left")
        for row in s.rows:
            table.add_row(*(escape(_cell(v)) for v in row))
        if not s.rows:
            out.print(f"{_title(s, r, lang)}: {t('county.none', lang)}")
        else:
            out.print(table)


NUMERIC = frozenset({"quantity", "cost", "accumulated", "net", "limit", "spent", "remaining", "used", "amount"})


def report_json(r: CountyReport) -> str:
    data = {
        "schema": "houqin.county.report/1",
        "as_of": r.as_of.isoformat(),
        "year": r.year,
        "threshold": str(r.threshold),
        "schools": list(r.schools),
        "sections": {
            s.key: [dict(zip(s.columns, (_plain(v) for v in row), strict=True)) for row in s.rows] for s in r.sections
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def report_xlsx(r: CountyReport, lang: str, path: Path) -> None:
    from houqin.render.spreadsheet import empty_workbook, save_workbook

    wb = empty_workbook()
    for s in r.sections:
        ws = wb.create_sheet(t(f"county.sheet.{s.key}", lang)[:31])
        ws.append([_title(s, r, lang)])
        ws.append([t(f"county.col.{c}", lang) for c in s.columns])
        for row in s.rows:
            ws.append([v if isinstance(v, (int, Decimal, dt.date)) or v is None else str(v) for v in row])
    save_workbook(wb, path)


def report_html(r: CountyReport, lang: str, path: Path) -> None:
    esc = html.escape
    parts = [f"<h1>{esc(t('county.title.report', lang, date=r.as_of, count=_accepted(r)))}</h1>"]
    for s in r.sections:
        parts.append(f"<h2>{esc(_title(s, r, lang))}</h2>")
        if not s.rows:
            parts.append(f"<p>{esc(t('county.none', lang))}</p>")
            continue
        head = "".join(f"<th>{esc(t(f'county.col.{c}', lang))}</th>" for c in s.columns)
        body = "".join("<tr>" + "".join(f"<td>{esc(_cell(v))}</td>" for v in row) + "</tr>" for row in s.rows)
        parts.append(f"<table><tr>{head}</tr>{body}</table>")
    style = "body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
    page = (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>houqin county</title>"
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>\n"
    )
    atomic_write(path, page.encode("utf-8"))

"""盘点表 and 盘点报告 as people use them: count sheets to print or fill in Excel, the summary in the
terminal, and the written report to the principal (Markdown, printable HTML, xlsx)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.table import Table

from houqin.i18n import nt, t
from houqin.models.counting import Difference, Reconciliation
from houqin.money import fmt_yuan
from houqin.render.spreadsheet import csv_bytes, empty_workbook, neutral_row, save_workbook, titled_workbook
from houqin.reports.inventory import CountSheet

KINDS = ("missing", "short", "wrong_place", "wrong_keeper", "surplus", "over", "condition")


def _sheet_columns(lang: str, show_book: bool) -> list[str]:
    keys = ["sheet.place", "col.id", "col.name", "col.model", "sheet.unit", "col.keeper"]
    keys += ["sheet.book"] if show_book else []
    keys += ["sheet.counted", "sheet.condition", "sheet.actual_keeper", "sheet.note"]
    return [t(k, lang) for k in keys]


def _sheet_values(sheet: CountSheet, show_book: bool) -> list[list[str]]:
    rows = []
    for line in sheet.lines:
        values = [sheet.place, line.id, line.name, line.model, line.unit, line.keeper]
        values += [f"{line.book.normalize():f}"] if show_book else []
        rows.append([*values, "", "", "", ""])
    return rows


def sheets_csv(sheets: Sequence[CountSheet], lang: str, show_book: bool) -> bytes:
    """One table for all places, UTF-8 with BOM so Excel opens it; reconcile reads it back as filled."""
    rows = [values for sheet in sheets for values in _sheet_values(sheet, show_book)]
    return csv_bytes(_sheet_columns(lang, show_book), rows)


SHEET_CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 10pt; }
section { break-after: page; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 2mm; }
.meta { display: flex; justify-content: space-between; margin-bottom: 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #333; padding: 1.5mm 2mm; text-align: left; }
th { background: #eee; }
td.blank { min-width: 18mm; }
.signs { display: flex; justify-content: space-between; margin-top: 8mm; }
"""


def sheets_html(sheets: Sequence[CountSheet], school: str, term: str, lang: str, show_book: bool) -> str:
    parts = []
    columns = _sheet_columns(lang, show_book)[1:]
    for sheet in sheets:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        body = []
        for values in _sheet_values(sheet, show_book):
            cells = "".join(f"<td>{html.escape(v)}</td>" if v else '<td class="blank"></td>' for v in values[1:])
            body.append(f"<tr>{cells}</tr>")
        title = t("sheet.title", lang, school=html.escape(school), term=html.escape(term))
        meta = t("sheet.meta", lang, place=html.escape(f"{sheet.place} {sheet.place_name}"), day=sheet.day)
        signs = t("sheet.signs", lang, keeper=html.escape(sheet.keeper))
        parts.append(
            f"<section><h1>{title}</h1><div class='meta'><span>{meta}</span>"
            f"<span>{nt('sheet.lines', len(sheet.lines), lang, count=len(sheet.lines))}</span></div>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<div class='signs'>{signs}</div></section>"
        )
    return (
        f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>{html.escape(school)} {term}</title>"
        f"<style>{SHEET_CSS}</style></head><body>{''.join(parts)}</body></html>\n"
    )


def sheets_xlsx(sheets: Sequence[CountSheet], school: str, term: str, lang: str, show_book: bool, path: Path) -> None:
    """A worksheet per place: title, place and day above the table, signature lines below."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = empty_workbook()
    thin = Side(style="thin")
    box = Border(top=thin, bottom=thin, left=thin, right=thin)
    columns = _sheet_columns(lang, show_book)
    used: set[str] = set()
    for sheet in sheets:
        name = _sheet_name(sheet.place, used)
        ws = wb.create_sheet(name)
        ws.append([t("sheet.title", lang, school=school, term=term)])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
        ws.cell(1, 1).font = Font(bold=True, size=14)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
        ws.append([t("sheet.meta", lang, place=f"{sheet.place} {sheet.place_name}", day=sheet.day)])
        ws.append(columns)
        for cell in ws[3]:
            cell.font = Font(bold=True)
            cell.border = box
        for values in _sheet_values(sheet, show_book):
            ws.append(neutral_row(values))
            for cell in ws[ws.max_row]:
                cell.border = box
        ws.append([])
        ws.append([t("sheet.signs_plain", lang, keeper=sheet.keeper)])
        for index, width in enumerate([9, 15, 20, 16, 6, 9, 9, 9, 10, 10, 18][: len(columns)], start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.print_title_rows = "3:3"
    save_workbook(wb, path)


def _sheet_name(place: str, used: set[str]) -> str:
    base = "".join(c for c in place if c not in "[]:*?/\\")[:28] or "sheet"
    name, n = base, 2
    while name in used:
        name, n = f"{base}-{n}", n + 1
    used.add(name)
    return name


def _qty(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():f}"


def summary_rows(rec: Reconciliation, lang: str) -> list[tuple[str, str, str]]:
    """(what, how many, value) lines of the summary, the same in the terminal and the written report."""
    rows = [
        (t("rec.places", lang), str(len(rec.places)), ""),
        (t("rec.lines", lang), str(rec.lines_counted), ""),
        (t("rec.expected", lang), str(rec.assets_expected), ""),
    ]
    if rec.uncounted:
        rows.append((t("rec.uncounted", lang), str(len(rec.uncounted)), ""))
    for kind in KINDS:
        found = rec.of_kind(kind)
        value = sum((d.value for d in found), Decimal(0))
        rows.append((t(f"diff.{kind}", lang), str(len(found)), fmt_yuan(value) if value else ""))
    rows.append((t("rec.loss", lang), "", fmt_yuan(rec.loss)))
    rows.append((t("rec.gain", lang), "", fmt_yuan(rec.gain)))
    return rows


def _diff_cells(d: Difference, lang: str) -> list[str]:
    return [
        t(f"diff.{d.kind}", lang),
        d.place,
        d.id,
        d.name,
        _qty(d.book),
        _qty(d.counted),
        fmt_yuan(d.value) if d.value else "",
        t(f"action.{d.action}", lang),
        d.detail,
    ]


def _diff_columns(lang: str) -> list[str]:
    keys = ("col.kind", "col.place", "col.id", "col.name", "sheet.book", "sheet.counted", "col.value_diff")
    return [t(k, lang) for k in keys] + [t("col.action", lang), t("sheet.note", lang)]


def print_reconciliation(out: Console, rec: Reconciliation, title: str, lang: str) -> None:
    summary = Table(title=title, title_justify="left")
    summary.add_column(t("rec.what", lang))
    summary.add_column(t("col.count", lang), justify="right")
    summary.add_column(t("col.value_diff", lang), justify="right")
    for what, count, value in summary_rows(rec, lang):
        summary.add_row(what, count, value)
    out.print(summary)
    for sheet in rec.blank_sheets:
        out.print(f"[yellow]{t('rec.blank_sheet', lang, sheet=sheet)}[/]")
    if rec.uncounted:
        blank = Table(title=t("rec.uncounted_title", lang), title_justify="left")
        for column in ("col.where", "col.place", "col.id", "col.name"):
            blank.add_column(t(column, lang))
        for r in rec.uncounted:
            blank.add_row(f"{r.file}:{r.row}", r.place, r.id, r.name)
        out.print(blank)
    if not rec.differences:
        out.print(t("rec.clean", lang))
        return
    table = Table(title=t("rec.differences", lang), title_justify="left")
    for n, column in enumerate(_diff_columns(lang)):
        table.add_column(column, justify="right" if n in (4, 5, 6) else "left", no_wrap=n in (2, 6))
    for d in rec.differences:
        cells = _diff_cells(d, lang)
        style = "red" if d.value < 0 or d.kind == "missing" else "yellow"
        table.add_row(f"[{style}]{cells[0]}[/]", *cells[1:])
    out.print(table)


def report_markdown(rec: Reconciliation, school: str, term: str, counters: Sequence[str], lang: str) -> str:
    lines = [
        f"# {t('report.title', lang, school=school, term=term)}",
        "",
        t("report.intro", lang, day=rec.day, places="、".join(rec.places), counters="、".join(counters) or "—"),
        "",
        f"## {t('report.summary', lang)}",
        "",
        f"| {t('rec.what', lang)} | {t('col.count', lang)} | {t('col.value_diff', lang)} |",
        "|---|---:|---:|",
    ]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in summary_rows(rec, lang)]
    lines += ["", f"## {t('rec.differences', lang)}", ""]
    if rec.differences:
        columns = _diff_columns(lang)
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "|".join("---:" if n in (4, 5, 6) else "---" for n in range(len(columns))) + "|")
        for d in rec.differences:
            lines.append("| " + " | ".join(c.replace("|", "/") for c in _diff_cells(d, lang)) + " |")
    else:
        lines.append(t("rec.clean", lang))
    lines += ["", t("report.signs", lang), ""]
    return "\n".join(lines)


REPORT_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; max-width: 190mm; }
h1 { text-align: center; font-size: 16pt; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0 6mm; }
th, td { border: 1px solid #444; padding: 1.2mm 2mm; }
th { background: #eee; }
td.n { text-align: right; }
tr.loss td:first-child { color: #b00; }
.signs { margin-top: 12mm; display: flex; justify-content: space-between; }
"""


def report_html(rec: Reconciliation, school: str, term: str, counters: Sequence[str], lang: str) -> str:
    esc = html.escape
    summary = "".join(
        f"<tr><td>{esc(a)}</td><td class='n'>{esc(b)}</td><td class='n'>{esc(c)}</td></tr>"
        for a, b, c in summary_rows(rec, lang)
    )
    diff_rows = []
    for d in rec.differences:
        cells = _diff_cells(d, lang)
        tds = "".join(
            f"<td class='n'>{esc(c)}</td>" if n in (4, 5, 6) else f"<td>{esc(c)}</td>" for n, c in enumerate(cells)
        )
        diff_rows.append(f"<tr class='{'loss' if d.value < 0 else ''}'>{tds}</tr>")
    head = "".join(f"<th>{esc(c)}</th>" for c in _diff_columns(lang))
    details = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(diff_rows)}</tbody></table>"
        if diff_rows
        else f"<p>{esc(t('rec.clean', lang))}</p>"
    )
    title = esc(t("report.title", lang, school=school, term=term))
    intro = esc(t("report.intro", lang, day=rec.day, places="、".join(rec.places), counters="、".join(counters) or "—"))
    signs = "".join(f"<span>{esc(s)}</span>" for s in t("report.signs", lang).split("    "))
    return (
        f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{REPORT_CSS}</style></head><body><h1>{title}</h1><p>{intro}</p>"
        f"<h2>{esc(t('report.summary', lang))}</h2><table><thead><tr><th>{esc(t('rec.what', lang))}</th>"
        f"<th>{esc(t('col.count', lang))}</th><th>{esc(t('col.value_diff', lang))}</th></tr></thead>"
        f"<tbody>{summary}</tbody></table><h2>{esc(t('rec.differences', lang))}</h2>{details}"
        f"<div class='signs'>{signs}</div></body></html>\n"
    )


def report_xlsx(rec: Reconciliation, school: str, term: str, counters: Sequence[str], lang: str, path: Path) -> None:
    from openpyxl.styles import Font

    wb, ws = titled_workbook(t("report.summary", lang)[:31])
    ws.append([t("report.title", lang, school=school, term=term)])
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.append([t("report.intro", lang, day=rec.day, places="、".join(rec.places), counters="、".join(counters))])
    ws.append([t("rec.what", lang), t("col.count", lang), t("col.value_diff", lang)])
    for a, b, c in summary_rows(rec, lang):
        ws.append([a, int(b) if b else None, c])
    ws.append([])
    ws.append([t("report.signs", lang)])
    detail = wb.create_sheet(t("rec.differences", lang)[:31])
    detail.append(_diff_columns(lang))
    for d in rec.differences:
        cells: list[object] = list(neutral_row(_diff_cells(d, lang)))
        cells[4] = float(d.book) if d.book is not None else None
        cells[5] = float(d.counted) if d.counted is not None else None
        cells[6] = float(d.value) if d.value else None
        detail.append(cells)
    save_workbook(wb, path)


def write_sheets(
    sheets: Sequence[CountSheet], school: str, term: str, lang: str, show_book: bool, fmt: str, path: Path
) -> None:
    """The count sheets written to `path` as `fmt`: xlsx (a sheet per place), html, pdf or csv."""
    from houqin.ledger.save import atomic_write
    from houqin.render.pdf import write_pdf

    if fmt == "xlsx":
        sheets_xlsx(sheets, school, term, lang, show_book, path)
    elif fmt == "html":
        atomic_write(path, sheets_html(sheets, school, term, lang, show_book).encode("utf-8"))
    elif fmt == "pdf":
        write_pdf(sheets_html(sheets, school, term, lang, show_book), path)
    else:
        atomic_write(path, sheets_csv(sheets, lang, show_book))


def write_report(rec: Reconciliation, school: str, term: str, counters: Sequence[str], lang: str, path: Path) -> None:
    """The written report to the principal, as its file's suffix says: .xlsx, .pdf, .md or HTML."""
    from houqin.ledger.save import atomic_write
    from houqin.render.pdf import write_pdf

    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        report_xlsx(rec, school, term, counters, lang, path)
    elif suffix == ".pdf":
        write_pdf(report_html(rec, school, term, counters, lang), path)
    else:
        render = report_markdown if suffix == ".md" else report_html
        atomic_write(path, render(rec, school, term, counters, lang).encode("utf-8"))

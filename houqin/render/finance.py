"""The month's report in every form people use: Rich tables in the terminal, Markdown, printable HTML with
two charts, xlsx with a sheet per section, and JSON. Every form renders the same sections, so the
figures cannot differ between them."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.money import fmt_yuan
from houqin.render.spreadsheet import save_workbook
from houqin.reports.finance import BudgetUse, MonthReport, OpenItem

Cell = str | Decimal | int


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None


def sections(r: MonthReport, lang: str) -> list[Section]:
    def c(key: str) -> str:
        return t(key, lang)

    out = [
        Section(
            "accounts",
            c("fin.accounts"),
            (c("fin.account"), c("col.opening"), c("fin.in"), c("fin.out"), c("col.closing")),
            tuple((a.name, a.opening, a.received, a.paid, a.closing) for a in r.accounts),
            (
                c("total"),
                sum((a.opening for a in r.accounts), Decimal(0)),
                sum((a.received for a in r.accounts), Decimal(0)),
                sum((a.paid for a in r.accounts), Decimal(0)),
                sum((a.closing for a in r.accounts), Decimal(0)),
            ),
        ),
        Section(
            "income",
            c("fin.income"),
            (c("col.kind"), c("col.count"), c("col.amount")),
            tuple((x.name, x.count, x.amount) for x in r.income),
            (c("total"), sum(x.count for x in r.income), r.total_income),
        ),
        Section(
            "fees",
            c("fin.fees"),
            (c("fin.fee_item"), c("fin.students"), c("col.amount")),
            tuple((x.name, x.count, x.amount) for x in r.fees),
        ),
        Section(
            "spending",
            c("fin.spending"),
            (c("col.budget_line"), c("col.count"), c("col.amount")),
            tuple((f"{x.key} {x.name}", x.count, x.amount) for x in r.spending),
            (c("total"), sum(x.count for x in r.spending), r.total_spending),
        ),
        budget_section(r.budget, lang),
        Section(
            "stock",
            c("fin.stock"),
            (
                c("col.category"),
                c("col.opening"),
                c("col.received"),
                c("col.issued"),
                c("col.adjusted"),
                c("col.closing"),
            ),
            tuple((m.category, m.opening, m.received, m.issued, m.adjusted, m.closing) for m in r.stock),
        ),
        Section(
            "assets",
            c("fin.assets"),
            (c("col.id"), c("col.name"), c("col.quantity"), c("col.value")),
            tuple((x.key, x.name, x.count, x.amount) for x in r.assets_added)
            + tuple((x.key, x.name, -x.count, -x.amount) for x in r.assets_disposed),
        ),
        Section(
            "utilities",
            c("fin.utilities"),
            (c("col.name"), c("meter.period"), c("meter.used"), c("meter.cost")),
            tuple((p.name, f"{p.start} ~ {p.end}", f"{p.used:f}", p.cost) for p in r.utilities),
            (c("total"), "", "", sum((p.cost for p in r.utilities), Decimal(0))),
        ),
        Section(
            "paper",
            c("fin.paper"),
            (c("col.department"), c("print.jobs"), c("print.sheets"), c("print.packs"), c("print.issued")),
            tuple((p.department, p.jobs, p.sheets, f"{p.packs_printed}", f"{p.packs_issued:f}") for p in r.paper),
        ),
        Section(
            "canteen",
            c("fin.canteen"),
            (c("fin.in"), c("fin.out"), c("fin.result")),
            ((r.canteen_income, r.canteen_spending, r.canteen_result),),
        ),
    ]
    if r.shop is not None:
        shop = r.shop
        out.append(
            Section(
                "shop",
                c("fin.shop"),
                (c("fin.shop_takings"), c("fin.shop_deposited"), c("fin.shop_bought"), c("fin.shop_stock")),
                ((shop.takings, shop.deposited, shop.bought, shop.stock),),
            )
        )
    if r.food is not None:
        food = r.food
        per = food.per_student_meal if food.per_student_meal is not None else "—"
        out.append(
            Section(
                "food",
                c("fin.food"),
                (c("fin.food_cost"), c("fin.meals"), c("fin.student_meals"), c("fin.per_meal")),
                ((food.food_cost, food.meals, food.student_meals, per),),
            )
        )
    if not r.public:
        out += [
            Section(
                "advances",
                c("fin.open_advances"),
                (c("col.id"), c("col.date"), c("fin.person"), c("col.amount"), c("col.purpose")),
                tuple((x.id, str(x.date), x.who, x.amount, x.what) for x in r.open_advances),
            ),
            Section(
                "claims",
                c("fin.open_claims"),
                (c("col.id"), c("col.date"), c("col.payee"), c("col.amount"), c("col.status")),
                tuple((x.id, str(x.date), x.who, x.amount, status_of(x, lang)) for x in r.open_claims),
            ),
            Section(
                "damages",
                c("fin.damages"),
                (c("col.id"), c("col.date"), c("fin.person"), c("col.amount"), c("col.status")),
                tuple((x.id, str(x.date), x.who, x.amount, status_of(x, lang)) for x in r.damages),
            ),
            Section(
                "still_open",
                c("fin.still_open"),
                (c("col.id"), c("col.date"), c("fin.person"), c("col.status")),
                tuple((x.id, str(x.date), x.who, x.what) for x in r.still_open),
            ),
        ]
    return out


def status_of(item: OpenItem, lang: str) -> str:
    """待签：经手人、证明人 / awaiting: handler, witness; 已赔付 / paid …"""
    shown = t(f"status.{item.status}", lang)
    if item.steps:
        shown += t("sep.colon", lang) + t("sep.list", lang).join(t(f"step.{s}", lang) for s in item.steps)
    return shown


def budget_section(uses: Sequence[BudgetUse], lang: str, at: object = None) -> Section:
    heading = t("fin.budget", lang) + (f"（{at}）" if at is not None else "")
    columns = ("col.budget_line", "col.budget", "fin.this_month", "fin.ytd", "col.remaining", "col.used")
    return Section(
        "budget",
        heading,
        tuple(t(c, lang) for c in columns),
        tuple((f"{b.line} {b.name}", b.limit, b.month, b.year_to_date, b.remaining, f"{b.used}%") for b in uses),
        (
            t("total", lang),
            sum((b.limit for b in uses), Decimal(0)),
            sum((b.month for b in uses), Decimal(0)),
            sum((b.year_to_date for b in uses), Decimal(0)),
            sum((b.remaining for b in uses), Decimal(0)),
            "",
        ),
    )


def title(r: MonthReport, lang: str) -> str:
    key = "fin.title_public" if r.public else "fin.title"
    return t(key, lang, school=r.school, month=r.month)


def status(r: MonthReport, lang: str) -> str:
    return t("fin.closed", lang, close=r.closed_by) if r.closed_by else t("fin.open", lang)


def _text(cell: Cell) -> str:
    return fmt_yuan(cell) if isinstance(cell, Decimal) else str(cell)


def print_report(out: Console, r: MonthReport, lang: str) -> None:
    out.print(f"[bold]{title(r, lang)}[/]  {status(r, lang)}")
    print_sections(out, sections(r, lang), lang)


def print_sections(out: Console, chosen: list[Section], lang: str = "zh") -> None:
    for s in chosen:
        table = Table(title=s.title, title_justify="left", show_footer=s.total is not None)
        for n, column in enumerate(s.columns):
            numeric = any(isinstance(row[n], (Decimal, int)) for row in s.rows) if s.rows else n > 0
            footer = _text(s.total[n]) if s.total is not None else ""
            table.add_column(column, footer, justify="right" if numeric else "left")
        for row in s.rows:
            table.add_row(*(_text(x) for x in row))
        if not s.rows:
            table.add_row(t("fin.none", lang), *[""] * (len(s.columns) - 1))
        out.print(table)


def report_markdown(r: MonthReport, lang: str) -> str:
    lines = [f"# {title(r, lang)}", "", status(r, lang), ""]
    for s in sections(r, lang):
        lines += [f"## {s.title}", "", "| " + " | ".join(s.columns) + " |"]
        lines.append("|" + "|".join("---" for _ in s.columns) + "|")
        for row in (*s.rows, *((s.total,) if s.total else ())):
            lines.append("| " + " | ".join(_text(x).replace("|", "/") for x in row) + " |")
        if not s.rows:
            lines.append("| " + t("fin.none", lang) + " |" + " |" * (len(s.columns) - 1))
        lines.append("")
    lines += [t("fin.signs", lang), ""]
    return "\n".join(lines)


CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #222; max-width: 190mm; margin: auto; }
h1 { text-align: center; font-size: 16pt; margin-bottom: 1mm; }
p.status { text-align: center; color: #555; margin-top: 0; }
h2 { font-size: 12pt; border-bottom: 1.5px solid #2f5d8a; padding-bottom: 1mm; margin-top: 6mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; break-inside: avoid; }
th, td { border: 1px solid #999; padding: 1mm 2mm; }
th { background: #e8eef5; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: bold; background: #f5f5f5; }
.charts { display: flex; gap: 6mm; }
.charts figure { flex: 1; margin: 0; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
.signs { margin-top: 12mm; display: flex; justify-content: space-between; }
"""


def _bars(items: list[tuple[str, Decimal]], colour: str, percent: bool = False) -> str:
    """A horizontal bar chart as inline SVG (prints crisply; no script, no network)."""
    if not items:
        return ""
    top = max((v for _, v in items), default=Decimal(1)) or Decimal(1)
    scale = Decimal(100) if percent else top
    height = 16 * len(items) + 4
    bars = []
    for n, (label, value) in enumerate(items):
        width = float(min(value, scale) / scale * 190) if scale else 0.0
        text = f"{value}%" if percent else fmt_yuan(value)
        y = 16 * n + 2
        bars.append(
            f"<text x='0' y='{y + 11}' font-size='9'>{html.escape(label[:12])}</text>"
            f"<rect x='95' y='{y + 2}' width='{width:.1f}' height='10' fill='{colour}'/>"
            f"<text x='{97 + width:.1f}' y='{y + 11}' font-size='8'>{html.escape(text)}</text>"
        )
    return f"<svg viewBox='0 0 340 {height}' width='100%' role='img'>{''.join(bars)}</svg>"


def report_html(r: MonthReport, lang: str) -> str:
    esc = html.escape
    parts = [f"<h1>{esc(title(r, lang))}</h1><p class='status'>{esc(status(r, lang))}</p>"]
    spending = [(f"{x.name}", x.amount) for x in r.spending if x.amount > 0]
    budget = [(b.name, b.used) for b in r.budget]
    parts.append(
        "<div class='charts'>"
        f"<figure><figcaption>{esc(t('fin.chart_spending', lang))}</figcaption>{_bars(spending, '#2f5d8a')}</figure>"
        f"<figure><figcaption>{esc(t('fin.chart_budget', lang))}</figcaption>{_bars(budget, '#c07a1a', True)}</figure>"
        "</div>"
    )
    for s in sections(r, lang):
        head = "".join(f"<th>{esc(col)}</th>" for col in s.columns)
        rows = []
        for row in s.rows:
            rows.append("<tr>" + "".join(_td(x) for x in row) + "</tr>")
        if s.total is not None:
            rows.append("<tr class='total'>" + "".join(_td(x) for x in s.total) + "</tr>")
        if not s.rows:
            rows.append(f"<tr><td colspan='{len(s.columns)}'>{esc(t('fin.none', lang))}</td></tr>")
        parts.append(
            f"<h2>{esc(s.title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    signs = "".join(f"<span>{esc(x)}</span>" for x in t("fin.signs", lang).split("    "))
    parts.append(f"<div class='signs'>{signs}</div>")
    return (
        f"<!doctype html><html lang='{'en' if lang == 'en' else 'zh'}'><head><meta charset='utf-8'>"
        f"<title>{esc(title(r, lang))}</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>\n"
    )


def _td(cell: Cell) -> str:
    if isinstance(cell, (Decimal, int)):
        return f"<td class='n'>{html.escape(_text(cell))}</td>"
    return f"<td>{html.escape(str(cell))}</td>"


def report_xlsx(r: MonthReport, lang: str, path: Path) -> None:
    """One sheet per section; money as numbers with a 2-decimal format; text that looks like a formula is
    written as text, never run."""
    from openpyxl.styles import Font

    from houqin.render.spreadsheet import empty_workbook

    wb = empty_workbook()
    for s in sections(r, lang):
        ws = wb.create_sheet(s.title[:31])
        ws.append([title(r, lang)])
        ws.cell(1, 1).font = Font(bold=True, size=13)
        ws.append(list(s.columns))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in (*s.rows, *((s.total,) if s.total else ())):
            ws.append([_xlsx(x) for x in row])
        for row_cells in ws.iter_rows(min_row=3):
            for cell in row_cells:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
        for n in range(1, len(s.columns) + 1):
            ws.column_dimensions[chr(64 + n)].width = 18 if n > 1 else 26
    save_workbook(wb, path)


def _xlsx(cell: Cell) -> Any:
    if isinstance(cell, Decimal):
        return float(cell)
    return cell


def report_json(r: MonthReport, lang: str) -> str:
    data = {
        "schema": "houqin.finance.report/1",  # docs/json.md; finance close prints the same report
        "school": r.school,
        "month": r.month,
        "public": r.public,
        "closed_by": r.closed_by or None,
        "sections": {
            s.key: {
                "title": s.title,
                "columns": list(s.columns),
                "rows": [[str(x) if isinstance(x, Decimal) else x for x in row] for row in s.rows],
                "total": [str(x) if isinstance(x, Decimal) else x for x in s.total] if s.total else None,
            }
            for s in sections(r, lang)
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def print_year_closed(
    records: Sequence[Any], paths: Sequence[Path], message: str, committed: bool, lang: str, root: Path
) -> None:
    """What a year-end close wrote: the opening, what it carried, and the principal's next step."""
    from houqin.render.console import console, print_written

    opening = records[-1]
    opening_path = next((p for p in paths if p.name == "openings.yaml"), paths[-1])
    print_written(opening.id, opening_path, message, committed, lang, root)
    console().print(
        t(
            "year.written",
            lang,
            year=opening.closed,
            opened=opening.year,
            assets=len(opening.assets),
            carried=len(opening.carried) - len(opening.assets),
            id=opening.id,
        )
    )

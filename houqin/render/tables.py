"""Reports as Rich tables."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.console import Console
from rich.table import Table

from houqin.i18n import t
from houqin.money import fmt_yuan
from houqin.reports.claims import ClaimRow
from houqin.reports.find import Found
from houqin.reports.overview import Overview
from houqin.reports.purchases import PurchaseRow
from houqin.reports.stock import CategoryMonth, StockRow


def print_overview(out: Console, ov: Overview, lang: str) -> None:
    out.print(f"[bold]{t('title.overview', lang, school=ov.school, date=ov.as_of)}[/]")
    records = Table(title=t("title.records", lang), title_justify="left")
    records.add_column(t("col.kind", lang))
    records.add_column(t("col.count", lang), justify="right")
    for c in ov.counts:
        records.add_row(c.en if lang == "en" else c.zh, str(c.count))
    out.print(records)

    assets = Table(title=t("title.assets", lang), title_justify="left", show_footer=True)
    assets.add_column(t("col.code", lang), t("total", lang))
    assets.add_column(t("col.name", lang))
    assets.add_column(t("col.quantity", lang), str(ov.asset_quantity), justify="right")
    assets.add_column(t("col.value", lang), fmt_yuan(ov.asset_value), justify="right")
    for row in ov.categories:
        assets.add_row(row.code, row.name, str(row.quantity), fmt_yuan(row.value))
    out.print(assets)

    budget = Table(title=t("title.budget", lang, year=ov.as_of.year), title_justify="left")
    for key in ("col.budget_line", "col.name", "col.budget", "col.spent", "col.remaining", "col.used"):
        budget.add_column(t(key, lang), justify="left" if key in ("col.budget_line", "col.name") else "right")
    for b in ov.budget:
        used = f"{b.spent / b.budget:.0%}" if b.budget else "-"
        style = "red" if b.remaining < 0 else ""
        budget.add_row(b.line, b.name, fmt_yuan(b.budget), fmt_yuan(b.spent), fmt_yuan(b.remaining), used, style=style)
    out.print(budget)
    out.print(t("ov.claims", lang, awaiting=ov.claims_awaiting, unpaid=ov.claims_unpaid))
    out.print(t("ov.loans", lang, open=ov.loans_open, overdue=ov.loans_overdue))
    out.print(t("ov.advances", lang, open=ov.advances_open, amount=fmt_yuan(ov.advances_open_amount)))
    if ov.due is not None and ov.due.items:
        from houqin.render.due import summary

        out.print(t("ov.due", lang, summary=summary(ov.due, lang)), markup=False)
    print_next_steps(out, ov.next_steps, lang)


def print_next_steps(out: Console, steps: Sequence[str], lang: str) -> None:
    """What moving in still needs, each with its command (houqin init, houqin overview)."""
    if steps:
        out.print(t("ov.next", lang))
        for step in steps:
            out.print("  " + t(f"ov.next.{step}", lang), markup=False)


def print_claims(out: Console, rows: Sequence[ClaimRow], lang: str) -> None:
    if not rows:
        out.print(t("no_claims", lang))
        return
    table = Table(title=t("title.claims", lang), title_justify="left")
    for key in ("col.id", "col.date", "col.payee", "col.amount", "col.budget_line", "col.purpose", "col.status"):
        table.add_column(t(key, lang), justify="right" if key == "col.amount" else "left")
    for r in rows:
        if r.awaiting:
            steps = t("sep.list", lang).join(t(f"step.{s}", lang) for s in r.awaiting)
            status = f"[yellow]{t('pending_signatures', lang, steps=steps)}[/]"
        else:
            status = t("paid", lang, on=r.paid) if r.paid else t("unpaid", lang)
        table.add_row(r.id, str(r.date), r.payee, fmt_yuan(r.amount), r.budget_line, r.purpose, status)
    out.print(table)


def print_stock(out: Console, rows: Sequence[StockRow], at: object, lang: str) -> None:
    table = Table(title=t("title.stock", lang, date=at), title_justify="left", show_footer=True)
    table.add_column(t("col.item", lang), t("total", lang))
    table.add_column(t("col.name", lang))
    table.add_column(t("col.category", lang))
    table.add_column(t("col.quantity", lang), justify="right")
    table.add_column(t("col.value", lang), fmt_yuan(sum((r.value for r in rows), Decimal(0))), justify="right")
    table.add_column(t("col.status", lang))
    for r in rows:
        flag = f"[yellow]{t('stock.low', lang, level=r.reorder_level)}[/]" if r.low else ""
        table.add_row(r.item, r.name, r.category, f"{r.quantity.normalize():f} {r.unit}", fmt_yuan(r.value), flag)
    out.print(table)


def print_purchases(out: Console, rows: Sequence[PurchaseRow], lang: str) -> None:
    if not rows:
        out.print(t("no_purchases", lang))
        return
    table = Table(title=t("title.purchases", lang), title_justify="left")
    for key in ("col.id", "col.date", "col.department", "col.requester", "col.amount", "col.purpose", "col.status"):
        table.add_column(t(key, lang), justify="right" if key == "col.amount" else "left")
    sep = t("sep.list", lang)
    for r in rows:
        notes = []
        if r.awaiting:
            steps = sep.join(t(f"step.{s}", lang) for s in r.awaiting)
            notes.append(f"[yellow]{t('pending_approvals', lang, steps=steps)}[/]")
        if r.needs_quotes and r.quotes < 3:
            notes.append(f"[yellow]{t('quotes_short', lang, quotes=r.quotes)}[/]")
        notes.append(t("accepted_on", lang, on=r.accepted) if r.accepted else t("not_accepted", lang))
        table.add_row(r.id, str(r.date), r.department, r.requester, fmt_yuan(r.amount), r.purpose, sep.join(notes))
    out.print(table)


def print_stock_month(out: Console, rows: Sequence[CategoryMonth], month: str, lang: str) -> None:
    """按月分类审核: opening, in, out, count differences and closing value per category."""
    from houqin.reports.stock import totals

    table = Table(title=t("title.stock_month", lang, month=month), title_justify="left", show_footer=True)
    total = totals(rows)
    columns = ("col.category", "col.opening", "col.received", "col.issued", "col.adjusted", "col.closing")
    for n, key in enumerate(columns):
        footer = total.category if n == 0 else fmt_yuan(_month_figures(total)[n - 1])
        table.add_column(t(key, lang), t("total", lang) if n == 0 else footer, justify="left" if n == 0 else "right")
    table.add_column(t("col.movements", lang), f"{total.receipts}/{total.issues}", justify="right")
    for r in rows:
        table.add_row(r.category, *(fmt_yuan(v) for v in _month_figures(r)), f"{r.receipts}/{r.issues}")
    out.print(table)


def _month_figures(r: CategoryMonth) -> tuple[Decimal, ...]:
    return (r.opening, r.received, r.issued, r.adjusted, r.closing)


def print_found(out: Console, found: Found, lang: str) -> None:
    from houqin.i18n import field_label
    from houqin.models.kinds import KIND_BY_NAME

    if not found.rows:
        out.print(t("find.none", lang, text=found.query), markup=False)
        return
    table = Table(title=t("find.title", lang, text=found.query, n=found.total), title_justify="left")
    for key in ("col.id", "col.kind", "col.date", "find.field", "find.text"):
        table.add_column(t(key, lang))
    for h in found.rows:
        kind = KIND_BY_NAME[h.kind]
        table.add_row(h.id, kind.en if lang == "en" else kind.zh, str(h.date), field_label(h.field, lang), h.text)
    out.print(table)
    if found.more:
        out.print(t("find.more", lang, n=found.more))

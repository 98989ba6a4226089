"""The asset register, the asset card and the overdue-loan list as Rich tables."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from houqin.i18n import FIELDS, nt, t, word
from houqin.money import fmt_yuan
from houqin.render.plain_table import LONG, print_long_table
from houqin.render.registers import register_title, status_text
from houqin.reports.assets import AssetCard, OverdueLoan, Register

if TYPE_CHECKING:
    from houqin.services.importer import ImportPlan


def print_register(out: Console, reg: Register, lang: str, depreciation: bool) -> None:
    if len(reg.rows) > LONG:
        _print_long_register(out, reg, lang, depreciation)
        return
    title = register_title(reg, lang)
    table = Table(title=title, title_justify="left", show_footer=True)
    table.add_column(t("col.id", lang), t("total", lang))
    table.add_column(t("col.name", lang))
    table.add_column(t("col.model", lang))
    table.add_column(t("col.quantity", lang), str(reg.quantity), justify="right")
    table.add_column(t("col.place", lang))
    table.add_column(t("col.keeper", lang))
    table.add_column(t("col.value", lang), fmt_yuan(reg.cost), justify="right")
    if depreciation:
        table.add_column(t("col.accumulated", lang), fmt_yuan(reg.cost - reg.net), justify="right")
        table.add_column(t("col.net", lang), fmt_yuan(reg.net), justify="right")
    table.add_column(t("col.status", lang))
    for r in reg.rows:
        status = status_text(r, lang)
        cells = [
            r.id,
            r.name,
            r.model,
            f"{r.quantity} {r.unit}",
            "、".join(r.places),
            "、".join(r.keepers),
            fmt_yuan(r.value.cost),
        ]
        if depreciation:
            cells += [fmt_yuan(r.value.accumulated), fmt_yuan(r.value.net)]
        table.add_row(*cells, status)
    out.print(table)
    if reg.place or reg.keeper:
        out.print(t("register.sign", lang))


def _register_cells(reg: Register, lang: str, depreciation: bool) -> list[list[str]]:
    out = []
    for r in reg.rows:
        cells = [r.id, r.name, r.model, f"{r.quantity} {r.unit}", "、".join(r.places), "、".join(r.keepers)]
        cells.append(fmt_yuan(r.value.cost))
        if depreciation:
            cells += [fmt_yuan(r.value.accumulated), fmt_yuan(r.value.net)]
        cells.append(status_text(r, lang))
        out.append(cells)
    return out


def _print_long_register(out: Console, reg: Register, lang: str, depreciation: bool) -> None:
    """The same register as print_register, drawn by render.plain_table (thousands of rows)."""
    keys = ["col.id", "col.name", "col.model", "col.quantity", "col.place", "col.keeper", "col.value"]
    footer = [t("total", lang), "", "", str(reg.quantity), "", "", fmt_yuan(reg.cost)]
    if depreciation:
        keys += ["col.accumulated", "col.net"]
        footer += [fmt_yuan(reg.cost - reg.net), fmt_yuan(reg.net)]
    keys.append("col.status")
    footer.append("")
    right = [k in ("col.quantity", "col.value", "col.accumulated", "col.net") for k in keys]
    title = register_title(reg, lang)
    print_long_table(out, title, [t(k, lang) for k in keys], _register_cells(reg, lang, depreciation), footer, right)
    if reg.place or reg.keeper:
        out.print(t("register.sign", lang))


def print_card(out: Console, card: AssetCard, lang: str) -> None:
    a, s = card.asset, card.state
    table = Table(title=t("title.card", lang, id=a.id), title_justify="left", show_header=False)
    table.add_column(style="bold")
    table.add_column()
    rows = [
        ("col.name", a.name),
        ("col.model", a.model or "-"),
        ("col.category", f"{a.category} {card.category_name}"),
        ("col.acquired", str(a.date)),
        ("col.unit_price", fmt_yuan(a.unit_price)),
        ("col.quantity", f"{s.in_books} / {a.quantity} {a.unit}"),
        ("col.funding", a.funding),
        ("col.supplier", a.supplier or "-"),
        ("col.place", "；".join(f"{p} {k} ×{q}" for (p, k), q in sorted(s.holdings.items())) or "-"),
        ("col.status", t(f"status.{s.status}", lang) + (f" ({t('lent', lang, n=s.lent)})" if s.lent else "")),
        ("col.value", fmt_yuan(card.value.cost)),
        ("col.accumulated", f"{fmt_yuan(card.value.accumulated)} ({card.value.months}/{card.value.life_months})"),
        ("col.net", fmt_yuan(card.value.net)),
    ]
    for key, value in rows:
        table.add_row(t(key, lang), value)
    out.print(table)
    history = Table(title=t("title.history", lang), title_justify="left")
    for key in ("col.date", "col.event", "col.record", "col.quantity"):
        history.add_column(t(key, lang))
    for e in card.history:
        history.add_row(str(e.date), t(f"event.{e.what}", lang), e.record.id, str(e.quantity))
    out.print(history)


def print_overdue(out: Console, rows: Sequence[OverdueLoan], lang: str) -> None:
    if not rows:
        out.print(t("no_overdue", lang))
        return
    table = Table(title=t("title.overdue", lang), title_justify="left")
    for key in ("col.record", "col.id", "col.name", "col.borrower", "col.date", "col.due", "col.days"):
        table.add_column(t(key, lang))
    for r in rows:
        table.add_row(
            r.loan.id, r.loan.asset, r.asset_name, r.loan.borrower, str(r.loan.date), str(r.loan.due), str(r.days)
        )
    out.print(table)


SHOWN_ROWS = 50  # a plan longer than this prints its summary only, unless --show-rows


def print_import_plan(out: Console, plan: ImportPlan, file: str, lang: str, show_rows: bool = False) -> None:
    from houqin.models.records import Asset, StockIn
    from houqin.services.importer import total_value

    out.print(t("import_mapping", lang))
    mapping = Table(show_header=False)
    for header, field in plan.mapping.items():
        mapping.add_row(header, "→", field)
    out.print(mapping)
    table = Table(title_justify="left")
    for key in ("col.row", "col.id", "col.name", "col.quantity", "col.value", "col.place", "col.keeper"):
        table.add_column(t(key, lang), justify="right" if key in ("col.row", "col.value") else "left")
    shown = plan.records if show_rows or len(plan.records) <= SHOWN_ROWS else ()
    for row, r in shown:
        if isinstance(r, Asset):
            table.add_row(str(row), r.id, r.name, f"{r.quantity} {r.unit}", fmt_yuan(r.value), r.place, r.keeper)
        elif isinstance(r, StockIn):
            qty = f"{r.quantity.normalize():f}"
            table.add_row(str(row), r.id, r.item, qty, fmt_yuan(r.value), r.origin, r.acceptor)
    if shown:
        out.print(table)
    elif plan.records:
        out.print(nt("import_rows_hidden", len(plan.records), lang, count=len(plan.records)))
    out.print(
        t(
            "import_plan",
            lang,
            file=file,
            good=len(plan.records),
            value=fmt_yuan(total_value(plan)),
            bad=len(plan.problems),
        )
    )
    if plan.totals_rows:
        out.print(nt("import_totals", len(plan.totals_rows), lang, count=len(plan.totals_rows)))
    if any(isinstance(r, Asset) for _, r in plan.records):
        out.print(t("import_book", lang, accumulated=fmt_yuan(plan.book[0]), net=fmt_yuan(plan.book[1])))
    print_matched(out, plan, lang)
    print_lacking(out, plan, lang)


def print_matched(out: Console, plan: ImportPlan, lang: str) -> None:
    if not plan.matched:
        return
    changed = [c for c in plan.matched if c.differences]
    key = "import_matched" if changed else "import_matched_same"
    out.print(t(key, lang, same=len(plan.matched) - len(changed), changed=len(changed)))
    sep = t("sep.clause", lang)
    for c in changed:
        what = sep.join(f"{word(f, lang, FIELDS)} {b} → {r}" for f, b, r in c.differences)
        out.print(t("import_change", lang, row=c.row, asset=c.asset, old=c.old_id, what=what), markup=False)
    if changed:
        out.print(t("import_update_hint", lang))


def print_lacking(out: Console, plan: ImportPlan, lang: str) -> None:
    """What the register names and the ledger lacks, once each with its number of rows; and, once
    --add-missing has chosen them, what will be registered."""
    if not plan.lacking:
        return
    out.print(t("import_lacking", lang, count=len(plan.lacking)))
    new_ids = {p.name: p.id for p in plan.added.places} if plan.added else {}
    for x in plan.lacking:
        extra = ""
        if x.sort == "place":
            new = new_ids.get(x.name)
            extra = t("import_lacking_place" if new else "import_lacking_keeper", lang, id=new, keeper=x.keeper or "-")
        sort = t(f"import_sort.{x.sort}", lang)
        out.print(
            nt("import_lacking_row", len(x.rows), lang, sort=sort, name=x.name, rows=len(x.rows), extra=extra),
            markup=False,
        )
    out.print(t("import_lacking_added" if plan.added else "import_lacking_todo", lang))


@contextmanager
def progress_bar(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for long work; silent when not on a terminal or for small jobs."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    err = Console(stderr=True)
    if total < 500 or not err.is_terminal:
        yield lambda done: None
        return
    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=err) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done: bar.update(task, completed=done)


def print_imported(out: Console, kind: str, added: int, moved: int, lang: str) -> None:
    """What an import wrote: the records of its kind, and the moves --update recorded."""
    out.print(nt("import_done" if kind == "assets" else f"import_done_{kind}", added, lang, count=added))
    if moved:
        out.print(nt("import_updated", moved, lang, count=moved))

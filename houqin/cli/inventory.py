"""houqin inventory: 盘点 — count sheets per place, and the reconciliation of the count with the books."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from houqin.cli.options import Format, NoCommit, OnDay, OutputFormat, SigningKey, day_option, key_signer
from houqin.cli.state import get_state
from houqin.clock import today

if TYPE_CHECKING:
    from houqin.models.counting import Reconciliation
    from houqin.models.ledger import Ledger

app = typer.Typer(help="盘点 / Stocktake: count sheets and reconciliation.", no_args_is_help=True)


class SheetFormat(StrEnum):
    xlsx = "xlsx"
    html = "html"
    pdf = "pdf"
    csv = "csv"


REPORT_SUFFIXES = (".md", ".html", ".htm", ".pdf", ".xlsx")


class CountAt(StrEnum):
    start = "term-start"
    end = "term-end"


@app.command("sheet")
def sheet(
    *,
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id, e.g. 2026-2027-1.")],
    place: Annotated[list[str] | None, typer.Option("--place", help="Only these places. Repeat.")] = None,
    fmt: Annotated[SheetFormat, typer.Option("--format", help="xlsx (a sheet per place), html, pdf or csv.")] = (
        SheetFormat.xlsx
    ),
    show_book: Annotated[
        bool, typer.Option("--show-book/--hide-book", help="Print the book quantity (hidden: a blind count).")
    ] = True,
    day: Annotated[dt.date, day_option("--on", help="盘点日期 YYYY-MM-DD (default: today).")],
    out_file: Annotated[Path | None, typer.Option("--out", help="File to write (default: 盘点表-TERM.FORMAT).")] = None,
) -> None:
    """盘点表 / Write the count sheets: every asset expected at each place and the consumables in the
    store, with blank columns for the count, condition and notes, and signature lines.

    Example: houqin inventory sheet --term 2026-2027-1 --place SY-301 --format html --hide-book
    """
    from houqin.i18n import nt
    from houqin.render.console import console
    from houqin.render.inventory import write_sheets
    from houqin.reports.inventory import term_sheets

    state = get_state(ctx)
    path = state.output(out_file or Path(f"盘点表-{term}.{fmt.value}"))
    ledger = state.books()
    sheets = term_sheets(ledger, term, day, place)
    write_sheets(sheets, ledger.config.school.name, term, state.lang, show_book, fmt.value, path)
    console().print(nt("sheet.written", len(sheets), state.lang, count=len(sheets), path=path))


@app.command("reconcile")
def reconcile(
    *,
    ctx: typer.Context,
    counts: Annotated[list[Path], typer.Argument(help="Filled sheets: xlsx, csv, YAML, or a scanner's list of ids.")],
    term: Annotated[str, typer.Option("--term", help="学期 Term id, e.g. 2025-2026-2.")],
    day: Annotated[dt.date, day_option("--on", help="盘点日期 YYYY-MM-DD (default: today).")],
    at: Annotated[CountAt, typer.Option("--at", help="term-end 期末盘点 or term-start 期初清点.")] = CountAt.end,
    place: Annotated[
        list[str] | None,
        typer.Option("--place", help="Places counted (default: those on the sheets); a scanner list's place."),
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Written report: FILE.md, .html, .pdf or .xlsx.")
    ] = None,
    record: Annotated[bool, typer.Option("--record", help="Write the stocktake record (and commit).")] = False,
    counter: Annotated[list[str] | None, typer.Option("--counter", help="盘点人 Who counted. Repeat.")] = None,
    director: Annotated[str | None, typer.Option("--director", help="总务主任 approving the differences.")] = None,
    principal: Annotated[str | None, typer.Option("--principal", help="校长, for differences above the limit.")] = None,
    uncounted_as_missing: Annotated[
        bool,
        typer.Option("--uncounted-as-missing", help="Take a line whose count was left empty as none found."),
    ] = False,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """盘点核对 / Compare the count with the books: missing, wrong place or keeper, unregistered items,
    lot and consumable differences with value, condition problems; write the report to the principal,
    and with --record the stocktake record (books adjusted only for approved differences).

    Example: houqin inventory reconcile 盘点表-2025-2026-2.xlsx --term 2025-2026-2 --on 2026-07-08
    --report 盘点报告.html --record --counter 周强 --counter 李明 --director 赵建华
    """
    from houqin.errors import UsageError
    from houqin.i18n import t
    from houqin.inputs.counts import read_counts
    from houqin.render.assets import progress_bar
    from houqin.render.console import console, print_written
    from houqin.render.inventory import print_reconciliation, write_report
    from houqin.services.reconcile import Recording, reconcile_count

    state = get_state(ctx)
    root = state.root(write=record)
    if report is not None:
        state.output(report)
        if report.suffix.lower() not in REPORT_SUFFIXES:
            raise UsageError("report_format", path=str(report))
    names = tuple(counter or ())
    recording = None
    if record:
        recording = Recording(at.value, names, director, principal, key_signer(key), commit=not no_commit)
    single = place[0] if place and len(place) == 1 else None
    out = console()

    def shown(ledger: Ledger, result: Reconciliation) -> None:
        print_reconciliation(out, result, t("rec.title", state.lang, term=term, day=day), state.lang)
        if report is not None:
            write_report(result, ledger.config.school.name, term, names, state.lang, report)
            out.print(t("rec.report_written", state.lang, path=report))

    done = reconcile_count(
        root,
        lambda: [row for path in counts for row in read_counts(path, single)],
        day,
        term,
        places=place,
        uncounted_as_missing=uncounted_as_missing,
        progress=lambda total: progress_bar(total, t("rec.progress", state.lang)),
        shown=shown,
        recording=recording,
    )
    if done.written is not None:
        w = done.written
        print_written(w.record.id, w.path, w.message, w.committed, state.lang, root)
    if done.pending is not None:
        value, steps = done.pending
        words = "、".join(t(f"step.{s}", state.lang) for s in steps)
        out.print(t("adjustments_pending", state.lang, value=value, steps=words))


@app.command("findings")
def findings(
    ctx: typer.Context,
    stocktake: Annotated[str | None, typer.Option("--stocktake", help="盘点编号 Only this stocktake.")] = None,
    term: Annotated[str | None, typer.Option("--term", help="学期 Only this term's counts.")] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """盘点报告 / Each count with the principal's acknowledgement (书面上报校长室) and each asset finding —
    missing, in the wrong place or with another keeper, damaged — with what resolved it: a damage case, an
    approved write-off, a move, a repair or a recovery.

    Example: houqin inventory findings --term 2025-2026-2
    """
    from houqin.render.findings import count_reports_json, print_count_reports
    from houqin.render.output import show
    from houqin.reports.findings import count_reports

    state = get_state(ctx)
    ledger = state.books()
    reports = count_reports(ledger, today(), stocktake, term)
    show(
        fmt,
        "inventory findings",
        reports,
        lambda out: print_count_reports(out, reports, state.lang),
        pages={"json": lambda: count_reports_json(reports)},
    )


@app.command("resolve")
def resolve(
    *,
    ctx: typer.Context,
    stocktake: Annotated[str, typer.Argument(help="盘点编号 The stocktake whose finding this resolves.")],
    asset: Annotated[str, typer.Option("--asset", help="资产编号 The asset found or put back.")],
    by: Annotated[str, typer.Option("--by", help="保管人 Who found it or put it back.")],
    place: Annotated[str, typer.Option("--place", help="现在的地点 Where it is now (places.yaml id).")],
    detail: Annotated[str, typer.Option("--detail", help="情况 What was found or done.")],
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """找回、归位 / Record that an asset a count found missing or out of place was found again or put back
    where the books have it (a damage case, a write-off or a move resolve the others).

    Example: houqin inventory resolve PD-2026-0002 --asset ZC-2016-0001 --by 周强 --place JX-101 --detail 在体育室找回2把
    """
    from houqin.cli.writing import run_write
    from houqin.services.stocktake import record_recovery

    run_write(
        ctx,
        lambda ledger: record_recovery(ledger, stocktake, asset, by, place, detail, day),
        lambda r: f"inventory resolve {r.id} {stocktake} {asset}",
        no_commit=no_commit,
    )

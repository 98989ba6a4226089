"""houqin county: the bureau's rollup of its schools' ledgers (docs/county.md)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat
from houqin.cli.state import get_state
from houqin.errors import Findings

app = typer.Typer(
    help="县局汇总 / The county bureau's dataset of its schools' ledgers (Parquet) and its report (DuckDB).",
    no_args_is_help=True,
)


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    xlsx = "xlsx"
    html = "html"


@app.command("build")
def build(
    ctx: typer.Context,
    sources: Annotated[list[str], typer.Argument(help="Each school's ledger: a local git repository or a git URL.")],
    out: Annotated[Path, typer.Option("--out", help="The county's dataset folder (written anew and swapped in).")],
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Read every school again, even those whose commit has not moved.")
    ] = False,
    fmt: Format = OutputFormat.text,
) -> None:
    """汇总各校账本 / Clone or fetch each school's ledger, accept it only if its own check finds no error
    (closes and signatures included), and export the accepted ones to the county's Parquet dataset:
    only schools whose commit moved are read again. Exit 1 when a school was refused.

    Example: houqin county build /srv/schools/*.git --out 县局数据
    """
    from houqin.render import county as render
    from houqin.render.output import show
    from houqin.reports.county import materialize
    from houqin.services.county import build_county

    lang = get_state(ctx).lang
    b = build_county(sources, get_state(ctx).output(out), rebuild=rebuild, finish=materialize)
    show(
        fmt,
        "county build",
        b,
        lambda _: render.print_build(b, lang),
        pages={"json": lambda: render.build_json(b, lang) + "\n"},
    )
    if b.refused:
        raise Findings


@app.command("report")
def report(
    ctx: typer.Context,
    dataset: Annotated[Path, typer.Option("--in", help="The county's dataset folder (houqin county build --out).")],
    fmt: Annotated[ReportFormat, typer.Option("--format", help="text, json, xlsx or html.")] = ReportFormat.text,
    out_file: Annotated[Path | None, typer.Option("--out", help="File to write (xlsx and html).")] = None,
    year: Annotated[int | None, typer.Option("--year", min=2000, max=2100, help="Year (default: the build's).")] = None,
    threshold: Annotated[
        str, typer.Option("--threshold", help="Procurement threshold of one supplier's year, yuan.")
    ] = "1000000.00",
) -> None:
    """县局报表 / The bureau's report on the county's dataset, by DuckDB: assets by class and school
    (资产年报), budget execution, unclosed months, overdue loans and advances, stocktakes missing, and
    what only the county sees: an invoice claimed at two schools, a supplier paid by several schools
    above the threshold in a year, a person keeping assets at two schools.

    Example: houqin county report --in 县局数据 --format xlsx --out 县局报表.xlsx
    """
    from houqin.errors import UsageError
    from houqin.money import parse_money
    from houqin.render import county as render
    from houqin.render.output import show
    from houqin.reports.county import county_report

    state = get_state(ctx)
    try:
        limit = parse_money(threshold)
    except ValueError:
        raise UsageError("bad_threshold", value=threshold) from None
    written = fmt in (ReportFormat.xlsx, ReportFormat.html)
    if written and out_file is None:
        raise UsageError("county_needs_out", format=fmt.value)
    r = county_report(dataset, year=year, threshold=limit)
    show(
        fmt,
        "county report",
        r,
        lambda out: render.print_report(r, state.lang),
        pages={"json": lambda: render.report_json(r) + "\n"},
        files={
            "xlsx": lambda path: render.report_xlsx(r, state.lang, state.output(path)),
            "html": lambda path: render.report_html(r, state.lang, state.output(path)),
        },
        out=out_file if written else None,
    )

"""houqin calendar: 校历 — terms, national holidays and make-up days (houqin.yaml)."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat
from houqin.cli.state import get_state

app = typer.Typer(help="校历 / The school calendar: terms, holidays, make-up days.", no_args_is_help=True)


@app.command("show")
def calendar_show(
    ctx: typer.Context,
    term: Annotated[str | None, typer.Option("--term", help="学期 Only this term.")] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """校历 / Each term's working days, with the national holidays and 调休 days in it and the notice
    they come from (houqin.yaml calendar:).

    Example: houqin calendar show --term 2026-2027-1
    """
    from houqin.ledger.load import open_ledger
    from houqin.render.calendar import calendar_json, print_calendar
    from houqin.render.console import console
    from houqin.reports.calendar import school_calendar
    from houqin.services.stocktake import term_dates

    state = get_state(ctx)
    ledger = open_ledger(state.root())
    if term is not None:
        term_dates(ledger, term)  # an unknown term is refused, naming the terms there are
    report = school_calendar(ledger, term)
    if fmt is OutputFormat.json:
        typer.echo(calendar_json(report), nl=False)
    else:
        print_calendar(console(), report, state.lang)

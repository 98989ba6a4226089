"""houqin due: what is due or overdue (run daily from cron; exit 1 when something is overdue)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat, day_option
from houqin.cli.state import get_state
from houqin.errors import Findings


def due(
    *,
    ctx: typer.Context,
    person: Annotated[str | None, typer.Option("--person", help="Only what this person must do.")] = None,
    at: Annotated[dt.date, day_option("--at", help="As of this day (default: today).")],
    fmt: Format = OutputFormat.text,
) -> None:
    """到期待办 / What is due or overdue: loans, advances to settle, signatures awaited, claims signed but
    unpaid, months not closed, counts not made, repairs open too long, damage cases, shop goods near
    expiry, compensation not booked. Exit 1 when anything is overdue (for a daily cron job).

    Example: houqin due --person 王建国
    """
    from houqin.render.due import print_due
    from houqin.render.output import show
    from houqin.reports.due import due as compute

    state = get_state(ctx)
    report = compute(state.books(), at, person)
    show(fmt, "due", report, lambda out: print_due(out, report, state.lang))
    if report.overdue:
        raise Findings

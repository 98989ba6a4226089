"""houqin overview: the ledger at a glance (账本概况)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat, day_option
from houqin.cli.state import get_state


def overview(
    *,
    ctx: typer.Context,
    day: Annotated[dt.date, day_option("--at", help="As of this day, YYYY-MM-DD (default: today).")],
    fmt: Format = OutputFormat.text,
) -> None:
    """账本概况 / The ledger at a glance: records, assets by class, budget, open claims, loans, advances.

    Example: houqin overview --at 2026-07-10
    """
    from houqin.ledger.load import load_ledger
    from houqin.render.output import show
    from houqin.render.tables import print_overview
    from houqin.reports.overview import overview as compute

    state = get_state(ctx)
    result = load_ledger(state.root(), strict=True)
    summary = compute(result.ledger, day)
    show(fmt, "overview", summary, lambda out: print_overview(out, summary, state.lang), fields=dict(at=day))

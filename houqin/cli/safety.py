"""houqin safety: 安全台账 — fire equipment inspections (消防设施检查) and the person for each utility."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import Format, NoCommit, OnDay, OutputFormat
from houqin.cli.state import get_state
from houqin.cli.writing import run_write
from houqin.clock import today

app = typer.Typer(
    help="安全 / Safety registers: fire equipment inspections, utilities' responsible persons.", no_args_is_help=True
)


@app.command("check")
def check(
    *,
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="检查人 Who inspected.")],
    item: Annotated[
        list[str] | None, typer.Option("--item", help="ID, or ID:fault:WHAT for one not in order. Repeat.")
    ] = None,
    place: Annotated[
        list[str] | None, typer.Option("--place", help="All equipment at this place, in order unless named. Repeat.")
    ] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """消防检查 / Record a round of the fire equipment: each extinguisher, hydrant or alarm checked, and
    what was wrong with those not in order.

    Example: houqin safety check --by 周强 --place JX-101 --item MHQ-SY301-1:fault:压力不足
    """
    from houqin.services.safety import record_fire_check

    items: list[tuple[str, str, str | None]] = []
    for text in item or []:
        parts = [p.strip() for p in text.split(":", 2)]
        if len(parts) == 1 and parts[0]:
            items.append((parts[0], "ok", None))
        elif len(parts) == 3 and parts[1] == "fault" and parts[0] and parts[2]:
            items.append((parts[0], "fault", parts[2]))
        else:
            raise typer.BadParameter(f"{text!r}: 格式为 / the form is ID or ID:fault:WHAT", param_hint="--item")
    run_write(
        ctx,
        lambda ledger: record_fire_check(ledger, by, items, place or [], day),
        lambda r: f"safety check {r.id} {by}",
        no_commit=no_commit,
    )


@app.command("list")
def fire_list(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """消防设施台账 / Every piece of fire equipment with its last inspection, the next one due and its expiry.

    Example: houqin safety list
    """
    from houqin.render.output import show
    from houqin.render.safety import print_fire_register, rows_json
    from houqin.reports.safety import fire_register

    state = get_state(ctx)
    rows = fire_register(state.books(), today())
    show(
        fmt,
        "safety list",
        rows,
        lambda out: print_fire_register(out, rows, state.lang),
        pages={"json": lambda: rows_json("safety list", rows)},
    )


@app.command("utilities")
def utilities(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """水电气炉专人 / Each utility (water, electricity, gas, boiler) and the person responsible for it.

    Example: houqin safety utilities
    """
    from houqin.render.output import show
    from houqin.render.safety import print_utilities, rows_json
    from houqin.reports.safety import utilities as utility_rows

    state = get_state(ctx)
    rows = utility_rows(state.books(), today())
    show(
        fmt,
        "safety utilities",
        rows,
        lambda out: print_utilities(out, rows, state.lang),
        pages={"json": lambda: rows_json("safety utilities", rows)},
    )

"""houqin pending: what awaits one person's signature."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat
from houqin.cli.state import get_state
from houqin.clock import today


def pending(
    ctx: typer.Context,
    person: Annotated[str, typer.Option("--person", help="签字人 Whose signature (people.yaml name).")],
    fmt: Format = OutputFormat.text,
) -> None:
    """待签 / What awaits a person's signature today: each record, its amount, where it is and the
    command that signs it.

    Example: houqin pending --person 王建国
    """
    from houqin.render.output import show
    from houqin.render.pending import print_pending
    from houqin.services.pending import pending_for

    state = get_state(ctx)
    rows = pending_for(state.books(), person, today())
    show(
        fmt,
        "pending",
        rows,
        lambda out: print_pending(rows, person, state.lang),
        fields=dict(person=person, at=today()),
    )

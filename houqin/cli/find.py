"""houqin find: search every record by id or text."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat
from houqin.cli.state import get_state


def find(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="要找的文字: an id, a name, a payee, a purpose, an invoice number.")],
    kind: Annotated[str | None, typer.Option("--kind", help="Only this kind: expenses, assets, loans…")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=100_000, help="Show at most this many.")] = 200,
    fmt: Format = OutputFormat.text,
) -> None:
    """查找 / Find every record whose id or text holds TEXT: names, payees, purposes, suppliers, borrowers,
    faults, invoice numbers. The newest first.

    Example: houqin find 供电公司 --kind expenses
    """
    from houqin.render.output import show
    from houqin.render.tables import print_found
    from houqin.reports.find import find as search

    state = get_state(ctx)
    found = search(state.books(full=True), text, kind, limit)
    show(fmt, "find", found, lambda out: print_found(out, found, state.lang))

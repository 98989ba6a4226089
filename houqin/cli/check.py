"""houqin check: run the named checks, print every problem, exit 1 on errors."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat
from houqin.cli.state import get_state

UNREADABLE = 2


def check(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None, typer.Argument(help="Checks to run (default: all). 要运行的检查。", show_default=False)
    ] = None,
    fmt: Format = OutputFormat.text,
    staged: Annotated[
        bool, typer.Option("--staged", help="Check what git is about to commit (the hook uses this).")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every file afresh instead of using .houqin/cache.")
    ] = False,
) -> None:
    """检查账本 / Check the ledger against the school's rules.

    Prints nothing and exits 0 when clean; warnings are shown and allowed; errors exit 1;
    an unreadable file exits 2. Example: houqin check signatures invoice --format json
    """
    from houqin.diagnostics import Severity, has_errors
    from houqin.services.checking import check_ledger

    state = get_state(ctx)
    root = state.root()
    source = None
    if staged:
        from houqin.ledger.git import GitIndexSource

        source = GitIndexSource(root)
    found = check_ledger(root, names, source=source, use_cache=not no_cache)
    if fmt is OutputFormat.json:
        from houqin.render.console import diagnostics_json

        typer.echo(diagnostics_json(found, state.lang))
    elif found:
        from houqin.render.console import console, print_diagnostics, print_summary

        out = console(stderr=staged)
        print_diagnostics(out, found, state.lang, root)
        print_summary(out, found, state.lang)
    if any(d.code.startswith("YAML") and d.severity is Severity.ERROR for d in found):
        raise typer.Exit(UNREADABLE)
    if has_errors(found):
        raise typer.Exit(1)

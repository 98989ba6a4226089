"""Run a write use-case and report it: shared by every write command."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

from houqin.cli.state import get_state

if TYPE_CHECKING:  # the models (and pydantic) load only when a command runs, not for --help
    from houqin.models.base import Record
    from houqin.models.ledger import Ledger
    from houqin.services.signing import KeySigner


def run_write(
    ctx: typer.Context,
    build: Callable[[Ledger], Record],
    message: Callable[[Record], str],
    *,
    replace: bool = False,
    no_commit: bool = False,
    signer: KeySigner | None = None,
) -> Record:
    """Write the record `build` makes; with `signer` (--key), its steps that are the key holder's own
    are signed by that key first (services/signing.py: by_key)."""
    from houqin.render.plain import print_written
    from houqin.services.signing import by_key
    from houqin.services.writes import write_record

    state = get_state(ctx)
    root = state.root(write=True)
    signed = build if signer is None else (lambda ledger: by_key(ledger, build(ledger), signer))
    outcome = write_record(root, signed, message, replace=replace, commit=not no_commit)
    print_written(outcome.record.id, outcome.path, outcome.message, outcome.committed, state.lang, root)
    if outcome.warnings:
        from houqin.render.console import console, print_diagnostics

        print_diagnostics(console(stderr=True), outcome.warnings, state.lang, root)
    return outcome.record

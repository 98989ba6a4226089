"""What `asset import` and `stock import` share: read the sheet and the options, run the import
(services/sheet_import.py: every row planned, shown and written in one commit — or none unless
--skip-bad), say what was written."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from houqin.cli.state import get_state

if TYPE_CHECKING:
    from houqin.services.importer import ImportPlan, Spec


def run_import(
    ctx: typer.Context,
    spec: Spec,
    file: Path,
    mapping: list[str] | None,
    sheet: str | None,
    *,
    dry_run: bool,
    skip_bad: bool,
    no_commit: bool,
    add_missing: bool = False,
    update: bool = False,
    show_rows: bool = False,
    key: str | None = None,
) -> None:
    from houqin.cli.options import key_signer
    from houqin.inputs.sheets import read_sheet
    from houqin.render.assets import print_import_plan, print_imported, progress_bar
    from houqin.render.console import console, print_diagnostics
    from houqin.services.importer import problems_as_diagnostics
    from houqin.services.sheet_import import SheetImport, import_sheet, overrides_of

    signer = key_signer(key) if update else None
    state = get_state(ctx)
    root = state.root(write=not dry_run)
    overrides = overrides_of(mapping)
    table = read_sheet(file, [*spec.headers, *overrides], sheet)
    job = SheetImport(spec, table, file.name, overrides, add_missing, update, signer)
    out = console()

    def shown(plan: ImportPlan) -> None:
        print_import_plan(out, plan, str(file), state.lang, show_rows)
        print_diagnostics(out, [*problems_as_diagnostics(table, plan.problems), *plan.warnings], state.lang, None)

    done = import_sheet(
        root,
        job,
        dry_run=dry_run,
        skip_bad=skip_bad,
        commit=not no_commit,
        progress=lambda total: progress_bar(total, file.name),
        shown=shown,
    )
    if done.findings is not None:
        raise done.findings
    if done.written is not None:
        print_imported(out, spec.kind, done.added, done.moved, state.lang)

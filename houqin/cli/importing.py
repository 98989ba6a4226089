"""The import flow shared by `asset import` and `stock import`: read the sheet, plan every row, show
the plan and every bad row, and write all rows in one commit — or none unless --skip-bad."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from houqin.cli.state import get_state

if TYPE_CHECKING:
    from houqin.ledger.load import LoadResult
    from houqin.ledger.store import WriteSession
    from houqin.models.base import Record
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
) -> None:
    from houqin.errors import RefusedError, UsageError
    from houqin.i18n import t
    from houqin.inputs.sheets import read_sheet
    from houqin.ledger.load import load_ledger
    from houqin.render.assets import print_import_plan, progress_bar
    from houqin.render.console import console, print_diagnostics
    from houqin.services.importer import plan_import, problems_as_diagnostics
    from houqin.services.writes import write_many

    state = get_state(ctx)
    root = state.root(write=not dry_run)
    overrides = {}
    for item in mapping or []:
        header, sep, field = item.partition("=")
        if not sep:
            raise UsageError("bad_map")
        overrides["".join(header.split())] = field.strip()
    table = read_sheet(file, [*spec.headers, *overrides], sheet)
    out = console()

    def plan_for(loaded: LoadResult) -> ImportPlan:
        with progress_bar(len(table.rows), file.name) as advance:
            return plan_import(loaded, table, overrides, advance, spec)

    if dry_run:
        plan = plan_for(load_ledger(root, strict=True))
        print_import_plan(out, plan, str(file), state.lang)
        print_diagnostics(out, problems_as_diagnostics(table, plan.problems), state.lang, None)
        if plan.problems:
            raise typer.Exit(1)
        return

    def build(session: WriteSession) -> list[Record]:
        plan = plan_for(session.loaded)
        if plan.problems and not skip_bad:
            raise RefusedError(
                "import_refused", problems_as_diagnostics(table, plan.problems), file=file.name, bad=len(plan.problems)
            )
        print_import_plan(out, plan, str(file), state.lang)
        print_diagnostics(out, problems_as_diagnostics(table, plan.problems), state.lang, None)
        return [r for _, r in plan.records]

    outcome = write_many(
        root,
        build,
        lambda rs: f"{spec.kind.removesuffix('s')} import {len(rs)} records from {file.name}",
        commit=not no_commit,
    )
    out.print(t("import_done", state.lang, count=len(outcome.records)))

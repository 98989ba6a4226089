"""The import flow shared by `asset import` and `stock import`: read the sheet, plan every row, show
the plan and every bad row, and write all rows in one commit — or none unless --skip-bad."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from houqin.cli.state import get_state
from houqin.errors import Findings, UnreadableFindings

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
    add_missing: bool = False,
    update: bool = False,
    show_rows: bool = False,
    key: str | None = None,
) -> None:
    from houqin.cli.options import key_signer
    from houqin.clock import today
    from houqin.errors import RefusedError, UsageError
    from houqin.i18n import t
    from houqin.inputs.sheets import read_sheet
    from houqin.ledger.load import load_ledger
    from houqin.render.assets import print_import_plan, progress_bar
    from houqin.render.console import console, print_diagnostics
    from houqin.services.importer import moves_for, plan_import, problems_as_diagnostics
    from houqin.services.signing import all_by_key
    from houqin.services.writes import write_many

    signer = key_signer(key) if update else None
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
            return plan_import(loaded, table, overrides, advance, spec, add_missing)

    def show(plan: ImportPlan) -> None:
        print_import_plan(out, plan, str(file), state.lang, show_rows)
        print_diagnostics(out, [*problems_as_diagnostics(table, plan.problems), *plan.warnings], state.lang, None)

    if dry_run:
        plan = plan_for(load_ledger(root, strict=True))
        show(plan)
        if plan.problems:
            raise UnreadableFindings if any(p.diagnostic is None for p in plan.problems) else Findings
        if plan.lacking and plan.added is None:
            raise Findings
        return

    def build(session: WriteSession) -> list[Record]:
        plan = plan_for(session.loaded)
        if plan.problems and not skip_bad:
            refused = RefusedError(
                "import_refused", problems_as_diagnostics(table, plan.problems), file=file.name, bad=len(plan.problems)
            )
            if any(p.diagnostic is None for p in plan.problems):
                refused.exit_code = 2  # cells that are not what their column says: bad input
            raise refused
        show(plan)
        if plan.lacking and plan.added is None:
            raise RefusedError("import_lacking_refused", [])
        if plan.added is not None:
            session.add_directory(plan.added.people, plan.added.places, plan.added.funding)
        moves = moves_for(session.loaded_after.ledger, plan, today()) if update else []
        if moves and signer is not None:  # the giving or receiving keeper's own steps, signed by key
            moves = all_by_key(session.loaded_after.ledger, moves, signer)
        return [*(r for _, r in plan.records), *moves]

    outcome = write_many(
        root,
        build,
        lambda rs: f"{spec.kind.removesuffix('s')} import {len(rs)} records from {file.name}",
        commit=not no_commit,
    )
    from houqin.models.records import Move

    moved = sum(1 for r in outcome.records if isinstance(r, Move))
    done = "import_done" if spec.kind == "assets" else f"import_done_{spec.kind}"
    out.print(t(done, state.lang, count=len(outcome.records) - moved))
    if moved:
        out.print(t("import_updated", state.lang, count=moved))

"""What `people import` and `place import` share: read the list, run the import
(services/directory_import.py: every row planned and shown, the new entries appended to people.yaml
or places.yaml in one commit — or nothing, with every bad row at FILE:ROW, exit 2), say what was added."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from houqin.cli.state import get_state
from houqin.errors import UnreadableFindings

if TYPE_CHECKING:
    from houqin.services.directory_import import DirectoryPlan


def run_directory_import(
    ctx: typer.Context,
    file: Path,
    headers: Mapping[str, str],
    what: str,
    *,
    dry_run: bool,
    no_commit: bool,
) -> None:
    from houqin.i18n import nt
    from houqin.inputs.sheets import read_sheet
    from houqin.render.console import console
    from houqin.render.directory import print_directory_plan
    from houqin.services.directory_import import entries, import_directory, problems

    state = get_state(ctx)
    root = state.root(write=not dry_run)
    table = read_sheet(file, headers)
    out = console()

    def shown(plan: DirectoryPlan) -> None:
        print_directory_plan(out, plan, what, problems(plan, table), state.lang)

    plan = import_directory(root, table, what, file.name, dry_run=dry_run, commit=not no_commit, shown=shown)
    if dry_run:
        if plan.bad:
            raise UnreadableFindings
        return
    people, places = entries(plan)
    out.print(nt(f"{what}_done", len(people) + len(places), state.lang, count=len(people) + len(places)))

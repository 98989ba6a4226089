"""The flow shared by `people import` and `place import`: read the list, plan every row, show who or
what would be added, and append them to people.yaml or places.yaml in one commit — or nothing, with
every bad row at FILE:ROW (exit 2)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from houqin.cli.state import get_state
from houqin.errors import UnreadableFindings

if TYPE_CHECKING:
    from houqin.inputs.sheets import Sheet
    from houqin.ledger.store import WriteSession
    from houqin.models.directory import Person, Place
    from houqin.models.ledger import Ledger
    from houqin.services.people_import import BadRow


@dataclass(frozen=True)
class Listing:
    """A planned import as the screen shows it: a line per new entry, the entries, the known count."""

    lines: Sequence[str]
    people: Sequence[Person]
    places: Sequence[Place]
    known: int
    bad: Sequence[BadRow]


def run_directory_import(
    ctx: typer.Context,
    file: Path,
    headers: Mapping[str, str],
    plan: Callable[[Ledger, Sheet, str], Listing],
    what: str,
    *,
    dry_run: bool,
    no_commit: bool,
) -> None:
    from houqin.diagnostics import diag
    from houqin.errors import RefusedError
    from houqin.i18n import t
    from houqin.inputs.sheets import read_sheet
    from houqin.render.console import console, print_diagnostics
    from houqin.services.writes import write_people_and_places

    state = get_state(ctx)
    root = state.root(write=not dry_run)
    table = read_sheet(file, headers)
    out = console()
    count: list[int] = []

    def show(listing: Listing) -> list[object]:
        for line in listing.lines:
            out.print(line, markup=False)
        new = len(listing.people) + len(listing.places)
        out.print(t(f"{what}_plan", state.lang, new=new, known=listing.known, bad=len(listing.bad)))
        problems = [diag("IMP001", table.path, b.row, row=b.row, kind=b.kind, value=b.value) for b in listing.bad]
        print_diagnostics(out, problems, state.lang, None)
        return list(problems)

    if dry_run:
        if show(plan(state.books(), table, state.lang)):
            raise UnreadableFindings
        return

    def build(session: WriteSession) -> tuple[Sequence[Person], Sequence[Place]]:
        listing = plan(session.ledger, table, state.lang)
        if show(listing):
            refused = RefusedError("import_refused", [], file=file.name, bad=len(listing.bad))
            refused.exit_code = 2  # cells that are not what their column says: bad input
            raise refused
        count.append(len(listing.people) + len(listing.places))
        return listing.people, listing.places

    write_people_and_places(root, build, f"{what} import from {file.name}", commit=not no_commit)
    out.print(t(f"{what}_done", state.lang, count=count[0] if count else 0))

"""The use case of `people import` and `place import`: plan every row of the school's list against
the directory and, unless it is a dry run, append the new people or places to people.yaml or
places.yaml in one commit — or nothing, with every bad row at FILE:ROW (exit 2)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from houqin.diagnostics import Diagnostic, diag
from houqin.errors import RefusedError
from houqin.inputs.sheets import Sheet
from houqin.ledger.load import open_ledger
from houqin.ledger.store import WriteSession
from houqin.models.directory import Person, Place
from houqin.models.ledger import Ledger
from houqin.services.people_import import PeoplePlan, plan_people
from houqin.services.place_import import PlacesPlan, plan_places
from houqin.services.writes import write_people_and_places

DirectoryPlan = PeoplePlan | PlacesPlan


def plan_of(ledger: Ledger, sheet: Sheet, what: str) -> DirectoryPlan:
    """The plan of a people list (`what` "people") or of a list of rooms ("places")."""
    return plan_people(ledger, sheet) if what == "people" else plan_places(ledger, sheet)


def entries(plan: DirectoryPlan) -> tuple[Sequence[Person], Sequence[Place]]:
    """The new people and the new places a plan adds (one of the two is empty)."""
    if isinstance(plan, PeoplePlan):
        return [p.person for p in plan.people], []
    return [], [p.place for p in plan.places]


def problems(plan: DirectoryPlan, sheet: Sheet) -> list[Diagnostic]:
    """Each bad row as a diagnostic at FILE:ROW (IMP001), to print and jump to like any other."""
    return [diag("IMP001", sheet.path, b.row, row=b.row, kind=b.kind, value=b.value) for b in plan.bad]


def import_directory(
    root: Path,
    sheet: Sheet,
    what: str,
    name: str,
    *,
    dry_run: bool = False,
    commit: bool = True,
    shown: Callable[[DirectoryPlan], None] = lambda plan: None,
) -> DirectoryPlan:
    """Plan the list (shown to the person) and, unless `dry_run`, write it under the ledger's lock,
    refused (exit 2, nothing written) when a row is bad."""
    if dry_run:
        plan = plan_of(open_ledger(root), sheet, what)
        shown(plan)
        return plan
    done: list[DirectoryPlan] = []

    def build(session: WriteSession) -> tuple[Sequence[Person], Sequence[Place]]:
        plan = plan_of(session.ledger, sheet, what)
        shown(plan)
        if plan.bad:
            refused = RefusedError("import_refused", [], file=name, bad=len(plan.bad))
            refused.exit_code = 2  # cells that are not what their column says: bad input
            raise refused
        done.append(plan)
        return entries(plan)

    write_people_and_places(root, build, f"{what} import from {name}", commit=commit)
    return done[0]

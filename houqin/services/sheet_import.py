"""The use case of `asset import` and `stock import`: plan every row of a sheet against the books and,
unless it is a dry run, write every row in one commit — or none, unless bad rows are to be skipped.

The plan is made from the ledger loaded under the write lock when it will be written, so what is
shown is what is written. Nothing is printed here: `shown` is handed each plan."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from houqin.clock import today
from houqin.errors import Findings, RefusedError, UnreadableFindings
from houqin.inputs.sheets import Sheet
from houqin.ledger.load import LoadResult, load_ledger
from houqin.ledger.store import WriteSession
from houqin.models.base import Record
from houqin.models.records import Move
from houqin.services.importer import ImportPlan, Spec, moves_for, plan_import, problems_as_diagnostics
from houqin.services.signing import KeySigner, all_by_key
from houqin.services.writes import ManyOutcome, write_many

Progress = Callable[[int], AbstractContextManager[Callable[[int], None]]]


def _quiet(total: int) -> AbstractContextManager[Callable[[int], None]]:
    return nullcontext(lambda done: None)


@dataclass(frozen=True)
class SheetImport:
    """What to import: the sheet read, the columns mapped by hand (--map), and what else the rows
    bring: the people, places and funding sources they lack (--add-missing), the moves of rows already
    in the books (--update), signed by `signer` where the steps are the key holder's."""

    spec: Spec
    sheet: Sheet
    name: str  # the file's name, for the commit message and the refusal
    overrides: Mapping[str, str]
    add_missing: bool = False
    update: bool = False
    signer: KeySigner | None = None


@dataclass(frozen=True)
class Imported:
    """A dry run's plan, or what was written: the records and how many of them are moves (--update)."""

    plan: ImportPlan | None = None
    written: ManyOutcome | None = None

    @property
    def moved(self) -> int:
        return sum(1 for r in self.written.records if isinstance(r, Move)) if self.written else 0

    @property
    def added(self) -> int:
        return len(self.written.records) - self.moved if self.written else 0

    @property
    def findings(self) -> Findings | None:
        """What fails a dry run: a bad row (exit 2 when a cell is not what its column says, 1 when a
        rule is broken), or people, places or funding the rows lack without --add-missing (1)."""
        plan = self.plan
        if plan is None:
            return None
        if plan.problems:
            return UnreadableFindings() if any(p.diagnostic is None for p in plan.problems) else Findings()
        if plan.lacking and plan.added is None:
            return Findings()
        return None


def overrides_of(mapping: list[str] | None) -> dict[str, str]:
    """--map 表头=field, the header written without its spaces (as the sheet reader matches it)."""
    from houqin.errors import UsageError

    out = {}
    for item in mapping or []:
        header, sep, field = item.partition("=")
        if not sep:
            raise UsageError("bad_map")
        out["".join(header.split())] = field.strip()
    return out


def import_sheet(
    root: Path,
    job: SheetImport,
    *,
    dry_run: bool = False,
    skip_bad: bool = False,
    commit: bool = True,
    progress: Progress = _quiet,
    shown: Callable[[ImportPlan], None] = lambda plan: None,
) -> Imported:
    """Plan the sheet (and, unless `dry_run`, write it). A write is refused, nothing written, for a bad
    row (unless `skip_bad`: the good rows are written) or for what the rows lack without
    --add-missing."""

    def plan_for(loaded: LoadResult) -> ImportPlan:
        with progress(len(job.sheet.rows)) as advance:
            return plan_import(loaded, job.sheet, job.overrides, advance, job.spec, job.add_missing)

    if dry_run:
        plan = plan_for(load_ledger(root, strict=True))
        shown(plan)
        return Imported(plan=plan)

    def build(session: WriteSession) -> list[Record]:
        plan = plan_for(session.loaded)
        if plan.problems and not skip_bad:
            diagnostics = problems_as_diagnostics(job.sheet, plan.problems)
            refused = RefusedError("import_refused", diagnostics, file=job.name, bad=len(plan.problems))
            if any(p.diagnostic is None for p in plan.problems):
                refused.exit_code = 2  # cells that are not what their column says: bad input
            raise refused
        shown(plan)
        if plan.lacking and plan.added is None:
            raise RefusedError("import_lacking_refused", [])
        if plan.added is not None:
            session.add_directory(plan.added.people, plan.added.places, plan.added.funding)
        moves = moves_for(session.loaded_after.ledger, plan, today()) if job.update else []
        if moves and job.signer is not None:  # the giving or receiving keeper's own steps, signed by key
            moves = all_by_key(session.loaded_after.ledger, moves, job.signer)
        return [*(r for _, r in plan.records), *moves]

    written = write_many(
        root,
        build,
        lambda rs: f"{job.spec.kind.removesuffix('s')} import {len(rs)} records from {job.name}",
        commit=commit,
    )
    return Imported(written=written)

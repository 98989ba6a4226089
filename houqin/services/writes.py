"""The use-case around every write command: lock and load, let a pure service build the record,
refuse it if it adds an error, write it minimally, commit it. Nothing is printed here."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from houqin.diagnostics import Diagnostic
from houqin.errors import GitError
from houqin.ledger import git
from houqin.ledger.store import WriteSession, write_session
from houqin.models.base import Record
from houqin.models.directory import Person, Place
from houqin.models.ledger import Ledger
from houqin.services.guard import refuse_if_broken


@contextmanager
def committing(root: Path, commit: bool) -> Iterator[WriteSession]:
    """The ledger locked and loaded for a write; when it is to be committed, a git repository whose index
    is free (checked under the ledger lock: no other houqin is committing, so a lock is git's or stale)
    and holds nothing staged that the commit would take along."""
    if commit and git.toplevel(root) is None:
        raise GitError("not_a_repo", path=str(root))
    with write_session(root) as session:
        if commit:
            git.ensure_index_free(root)
            git.refuse_staged(root)
        yield session


@dataclass(frozen=True)
class WriteOutcome:
    record: Record
    path: Path
    message: str
    committed: bool
    warnings: tuple[Diagnostic, ...] = ()


def write_record(
    root: Path,
    build: Callable[[Ledger], Record],
    message: Callable[[Record], str],
    *,
    replace: bool = False,
    commit: bool = True,
) -> WriteOutcome:
    with committing(root, commit) as session:
        record = build(session.ledger)
        path, placed = session.replace(record) if replace else session.add(record)
        warnings = refuse_if_broken(session, record.id)
        text = message(placed)
        session.flush(text, commit)
    return WriteOutcome(placed, path, text, commit, tuple(warnings))


@dataclass(frozen=True)
class ManyOutcome:
    records: tuple[Record, ...]
    paths: tuple[Path, ...]
    message: str
    committed: bool
    ledger: Ledger | None = None  # as the write left the files (what a fresh read gives)


def write_many(
    root: Path,
    build: Callable[[WriteSession], Sequence[Record]],
    message: Callable[[Sequence[Record]], str],
    *,
    commit: bool = True,
) -> ManyOutcome:
    """Write several records in one commit (an import, an acceptance): all of them, or none. A record
    whose id the ledger already holds replaces it (its own lines only); the others are appended."""
    with committing(root, commit) as session:
        records = build(session)
        known = session.ledger.record_by_id
        replaced = {r.id: session.replace(r)[1] for r in records if r.id in known}
        added = iter(session.add_many([r for r in records if r.id not in known]))
        placed = [replaced[r.id] if r.id in replaced else next(added) for r in records]
        refuse_if_broken(session, ", ".join(r.id for r in records[:3]) + ("…" if len(records) > 3 else ""))
        text = message(placed)
        paths = session.flush(text, commit) if placed else []
    return ManyOutcome(tuple(placed), tuple(paths), text, commit and bool(placed), session.loaded_after.ledger)


def write_year_close(
    root: Path,
    build: Callable[[WriteSession], tuple[Record, Sequence[Record]]],
    message: Callable[[Sequence[Record]], str],
    *,
    commit: bool = True,
) -> ManyOutcome:
    """年终结账: the year opening and the open items it carries, copied into the new year's files, in
    one commit; checked as the next command will read the ledger (from the new opening), or nothing
    written."""
    with committing(root, commit) as session:
        opening, carried = build(session)
        session.carry_into = opening.date.year
        placed = session.add_many([*carried, opening], carried=True)
        session.reload()
        refuse_if_broken(session, opening.id)
        text = message(placed)
        paths = session.flush(text, commit)
    return ManyOutcome(tuple(placed), tuple(paths), text, commit)


def write_year_reopen(
    root: Path,
    build: Callable[[Ledger], Record],
    message: Callable[[Record], str],
    *,
    commit: bool = True,
) -> WriteOutcome:
    """重新开账 of a year: the principal's reopening, the year opening taken down and the records it
    carried put back where they came from (services/year_close.reopen_year decides whether it may), in
    one commit; checked as the next command will read the ledger (the reopened years open), or nothing
    written."""
    with committing(root, commit) as session:
        reopen = build(session.ledger)
        opening = session.ledger.opening
        assert opening is not None  # reopen_year refuses a ledger with no year closed
        session.take_down(opening)
        path, placed = session.add(reopen)
        warnings = refuse_if_broken(session, reopen.id)
        text = message(placed)
        session.flush(text, commit)
    return WriteOutcome(placed, path, text, commit, tuple(warnings))


def write_directory(
    root: Path,
    rel: str,
    build: Callable[[Ledger, str], str],
    message: str,
    *,
    commit: bool = True,
    sign_with: Path | None = None,
) -> Path:
    """Rewrite one directory file (people.yaml, for a key change; catalog.yaml, for the openings):
    `build` gets the ledger and the file's text and returns the new text; refused like any write if it
    adds an error. With `sign_with`, the commit is signed by that SSH key."""
    with committing(root, commit) as session:
        text = (session.read(rel) or b"").decode("utf-8")
        session.stage_directory(rel, build(session.ledger, text).encode("utf-8"))
        refuse_if_broken(session, rel)
        session.flush(message, commit, sign_with)
    return root / rel


def write_people_and_places(
    root: Path,
    build: Callable[[WriteSession], tuple[Sequence[Person], Sequence[Place]]],
    message: str,
    *,
    commit: bool = True,
) -> tuple[Path, ...]:
    """Add people and places to people.yaml and places.yaml in one commit (people import, place
    import): checked like every write, or nothing written."""
    with committing(root, commit) as session:
        people, places = build(session)
        if not people and not places:
            return ()
        session.add_directory(people, places, ())
        refuse_if_broken(session, "people.yaml" if people else "places.yaml")
        return tuple(session.flush(message, commit))

"""Run the named checks over a loaded ledger and collect every diagnostic, not only the first.

A check is one or more parts (checks/registry.py). Each part declares the kinds of record it reads,
and whether its findings about a file depend on that file alone (`per_file`, plus the kinds it looks
up in the whole ledger, `sees`) and on the day (`dated`). The part sees the ledger through a view
holding only what it declares, so the declaration cannot be wrong without the check failing; and
that is what makes a part's findings reusable: given a store, each part's findings are kept under a
key naming everything it read — the check, houqin's own code, the directory files, the day if it
matters, every record file it read and each one's content hash. After an edit only the parts that
read a changed file run again, and for a per-file part only on the changed files — and for a part
whose findings are each about one record alone (`by_record`), after a write only on the records it
rewrote or appended, the file's other findings taken from before the write at their moved lines. The
result is the same as running everything afresh (tests/test_incremental.py proves it on random edits).

A file that cannot be read at all (its encoding, its YAML) is reported first, whatever checks were
asked for, and what the checks concluded from data that lacks it is held back: with people.yaml
unreadable every keeper is "unknown", with expenses.yaml unreadable every closed month "lost" its
claims. Those findings are counted in one SCH004 ("另有 N 条由此引起的问题未列出") instead of burying
the real error; they come back once the file reads again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from houqin import clock
from houqin.checks.months import MonthStates
from houqin.checks.names import select
from houqin.diagnostics import (
    HELD_BACK,
    Diagnostic,
    decode_diagnostic,
    diag,
    encode_diagnostic,
    is_unreadable,
    sort_key,
    unreadable_files,
)
from houqin.errors import InputError
from houqin.layout import TOP_FILES
from houqin.models.closing import UNSEALED, forget_fingerprints
from houqin.models.config import Policy
from houqin.models.kinds import ALL_KINDS, KIND_BY_FILE, KIND_BY_MODEL, KINDS
from houqin.models.ledger import Ledger
from houqin.models.records import YearOpening
from houqin.models.year_close import in_closed_year

if TYPE_CHECKING:
    from houqin.ledger.load import FileEdit, LoadResult
    from houqin.models.base import Record

# What a check part is: a function of the ledger (as its view) and the policy, and, for a part whose
# findings depend on the day, of the day too. The registry's constructors take exactly these types, so
# mypy checks every rule's signature; Part checks it again when the registry is built (BadCheck).
CheckFn = Callable[[Ledger, Policy], Iterable[Diagnostic]]
DatedCheckFn = Callable[[Ledger, Policy, dt.date], Iterable[Diagnostic]]


# The kinds whose records a part by ids may read more of than their ids (their rewrite is never kept).
OPENING_KINDS = frozenset({KIND_BY_MODEL[YearOpening].name})


class BadCheck(TypeError):
    """A check registered with a signature its part does not call it with: a bug in houqin."""


# How the check modules spell the types (they use `from __future__ import annotations`): read as
# written, without evaluating them, so that verifying every check costs nothing at start-up; any
# other spelling is evaluated (typing.get_type_hints) and compared.
_SPELLED: dict[str, object] = {
    "Ledger": Ledger,
    "Policy": Policy,
    "dt.date": dt.date,
    "dt.date | None": dt.date,
    "Iterator[Diagnostic]": Diagnostic,
    "Iterable[Diagnostic]": Diagnostic,
}


def _hint(run: Callable[..., object], name: str, hints: list[dict[str, object]]) -> object:
    """What the annotation of `name` (or "return") names: a spelling above, else its evaluated type."""
    written = run.__annotations__.get(name)
    if isinstance(written, str) and written in _SPELLED:
        return _SPELLED[written]
    if not hints:
        try:
            hints.append(typing.get_type_hints(run))
        except (NameError, TypeError) as err:
            raise BadCheck(f"check {run.__qualname__}: its annotations cannot be read ({err})") from err
    got = hints[0].get(name)
    if name == "return":
        origin, args = typing.get_origin(got), typing.get_args(got)
        ok = isinstance(origin, type) and issubclass(origin, Iterable) and args[:1] == (Diagnostic,)
        return Diagnostic if ok else got
    return next((a for a in typing.get_args(got) if a is not type(None)), got) if typing.get_args(got) else got


def _verify(run: CheckFn | DatedCheckFn, dated: bool) -> None:
    """Does `run` take (ledger, policy) — and the day, for a dated part — and return diagnostics? (A
    wrapper made with functools.wraps is taken as the function it wraps.)"""
    while hasattr(run, "__wrapped__"):
        run = run.__wrapped__
    name = getattr(run, "__qualname__", repr(run))
    code = getattr(run, "__code__", None)
    if code is None:
        raise BadCheck(f"check {name} is not a function")
    params = code.co_varnames[: code.co_argcount]
    required = code.co_argcount - len(getattr(run, "__defaults__", None) or ())
    wanted: list[tuple[str, object]] = [("ledger", Ledger), ("policy", Policy)]
    if dated:
        wanted.append(("today", dt.date))
    keywords = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    if any(k not in (getattr(run, "__kwdefaults__", None) or {}) for k in keywords):
        raise BadCheck(f"check {name} takes a keyword its part does not give ({', '.join(keywords)})")
    if len(params) < len(wanted) or required > len(wanted):
        raise BadCheck(f"check {name} must take {', '.join(w for w, _ in wanted)}")
    if not dated and len(params) > len(wanted):
        raise BadCheck(f"check {name} takes {params[2]!r} but its part is not dated (dated=True gives the day)")
    hints: list[dict[str, object]] = []
    for param, (what, expected) in zip(params, wanted, strict=False):
        got = _hint(run, param, hints)
        if got is not expected:
            raise BadCheck(f"check {name}: its parameter {param!r} is {got!r}, not the {what} ({expected!r})")
    returns = _hint(run, "return", hints)
    if returns is not Diagnostic:
        raise BadCheck(f"check {name} must return diagnostics (Iterable[Diagnostic]), not {returns!r}")


@dataclass(frozen=True)
class Part:
    run: CheckFn | DatedCheckFn
    reads: frozenset[str]
    per_file: bool = False
    # For a per-file part: the kinds a file of kind K may look up in the whole ledger (by K; "*" for all).
    sees: Mapping[str, frozenset[str]] = field(default_factory=dict)
    dated: bool = False
    # For a per-file part: each finding is about one record of the file and depends on it alone.
    by_record: bool = False
    # For a whole part: its findings depend on the year openings and on which ids stand in which files.
    by_ids: bool = False
    # For a per-file part by record that sees the closes: a finding about a record depends on it and on
    # the states of the months it belongs to alone (checks/months.py).
    by_month: bool = False
    # For a per-file part by record: of the kinds it sees it asks which ids they hold, nothing else
    # (Ledger.has); a record naming an id none holds has a finding naming it (param `id`), and more ids
    # held change the findings of no other record.
    sees_ids: bool = False

    def __post_init__(self) -> None:
        _verify(self.run, self.dated)
        if self.by_record and not self.per_file:
            raise BadCheck(f"check {self.run.__qualname__} is by record but not per file")
        if self.by_ids and self.per_file:
            raise BadCheck(f"check {self.run.__qualname__} is by ids but per file")
        if self.sees_ids and not self.by_record:
            raise BadCheck(f"check {self.run.__qualname__} sees ids but is not by record")
        if self.by_month and (not self.by_record or not all(ks <= UNSEALED for ks in self.sees.values())):
            raise BadCheck(f"check {self.run.__qualname__} is by month but not by record seeing the closes alone")
        unknown = (self.reads | {k for ks in self.sees.values() for k in ks}) - ALL_KINDS
        if unknown or not set(self.sees) <= {*ALL_KINDS, "*"}:
            raise BadCheck(f"check {self.run.__qualname__} declares kinds there are none of: {sorted(unknown)}")

    def sees_for(self, kind: str) -> frozenset[str]:
        return self.sees.get(kind, self.sees.get("*", frozenset()))

    def call(self, ledger: Ledger, policy: Policy, today: dt.date) -> list[Diagnostic]:
        if self.dated:
            return list(typing.cast(DatedCheckFn, self.run)(ledger, policy, today))
        return list(typing.cast(CheckFn, self.run)(ledger, policy))


class PartStore(Protocol):
    def get(self, key: str) -> Any | None: ...

    def put(self, key: str, value: Any) -> None: ...

    def has(self, key: str) -> bool: ...


def files_by_kind(result: LoadResult) -> dict[str, list[str]]:
    """The record files of each kind, sorted: from the files read when known, else from the records."""
    out: dict[str, list[str]] = {}
    if result.digests:
        for rel in sorted(result.digests):
            if in_closed_year(rel, result.ledger.opened):
                continue  # a closed year's file: the year check compares its digest, nothing reads it
            name = _kind_of(rel)
            if name is not None:
                out.setdefault(name, []).append(rel)
        return out
    for kind in KINDS:
        found = sorted({file for _id, file, _line, _day in result.ledger.id_sources(kind.name)})
        if found:
            out[kind.name] = found
    return out


def _kind_of(rel: str) -> str | None:
    """The kind of a record file's records (None: not a record file)."""
    kind = KIND_BY_FILE.get(rel.rsplit("/", 1)[-1]) if "/" in rel else None
    return kind.name if kind is not None else None


def _digest(parts: Iterable[str]) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode() + b"\0")
    return h.hexdigest()


class _Runner:
    def __init__(
        self, result: LoadResult, store: PartStore | None, today: dt.date, key: Callable[..., str] | None
    ) -> None:
        self.result = result
        self.ledger = result.ledger
        self.policy = result.ledger.config.policy
        self.store = store if key is not None else None
        self.key = key
        self.today = today
        self.files = files_by_kind(result)
        digests = result.digests
        # Every finding rests on the directory files and, once a year is closed, on the opening the
        # open years start from.
        opening = self.ledger.opened
        opened: tuple[str, ...] = (f"{opening.source.file}={digests.get(opening.source.file, '')}",) if opening else ()
        opened += tuple(f"{rel}={d}" for rel, d in sorted(self.ledger.closed_files.items()))
        self.directory = _digest((*(f"{f}={digests.get(f, '')}" for f in TOP_FILES), *opened))
        self.used: set[str] = set()
        broken = unreadable_files(result.diagnostics)
        # Unreadable files: a directory file spoils every finding; a record file those of its kind.
        self.everything_broken = any(f in TOP_FILES for f in broken)
        self.broken_kinds = frozenset(kind for f in broken if (kind := _kind_of(f)) is not None)
        self._months: MonthStates | None = None
        self._month_index: dict[str, dict[str, set[str]]] = {}
        # The months index of a file is the file's, not a part's (its records' months and the months'
        # states): one entry for every part by month, each read and written once a run.
        self._months_read: dict[str, Any] = {}
        self._months_put: set[str] = set()

    def spoiled(self, kinds: Iterable[str]) -> bool:
        """Does a finding drawn from these kinds of record rest on an unreadable file?"""
        return self.everything_broken or not self.broken_kinds.isdisjoint(kinds)

    def _files_of(self, kinds: Iterable[str]) -> Iterator[str]:
        digests = self.result.digests
        for kind in sorted(kinds):
            for rel in self.files.get(kind, ()):
                yield f"{rel}={digests.get(rel, '')}"

    def _found(self, context: tuple[str, ...], compute: Callable[[], list[Diagnostic]]) -> list[Diagnostic]:
        if self.store is None or self.key is None:
            return compute()
        key = self.key(*context)
        self.used.add(key)
        hit = self.store.get(key)
        if isinstance(hit, tuple):
            return [decode_diagnostic(row) for row in hit]
        found = compute()
        self.store.put(key, tuple(encode_diagnostic(d) for d in found))
        return found

    def part(self, name: str, index: int, part: Part) -> tuple[list[Diagnostic], list[Diagnostic]]:
        """The part's findings: those that stand, and those held back as resting on an unreadable file."""
        who = f"check {name!r}"
        head = (name, str(index), self.directory, self.today.isoformat() if part.dated else "")
        if not part.per_file:
            view = (
                self.ledger.ids_view(part.reads, OPENING_KINDS, who)
                if part.by_ids
                else self.ledger.view(part.reads, who)
            )
            run = functools.partial(part.call, view, self.policy, self.today)
            found = self._found(
                (*head, *self._files_of(part.reads)), self._by_ids(head, part, run) if part.by_ids else run
            )
            return ([], found) if self.spoiled(part.reads) else (found, [])
        out: list[Diagnostic] = []
        held: list[Diagnostic] = []
        digests = self.result.digests
        for kind in KINDS:
            if kind.name not in part.reads:
                continue
            sees = part.sees_for(kind.name)
            edits = self.result.edits if part.by_record and kind.name not in sees else {}
            for rel in self.files.get(kind.name, ()):
                context = (*head, rel, digests.get(rel, ""), *self._files_of(sees))
                if part.by_month and sees and kind.name not in sees and self.store is not None:
                    found = self._by_month(context, head, part, rel, kind.name, sees, edits.get(rel))
                else:
                    compute = functools.partial(self._on_file, head, part, rel, kind.name, sees, edits.get(rel))
                    found = self._found(context, compute)
                (held if self.spoiled({kind.name, *sees}) else out).extend(found)
        return out, held

    def _states(self) -> MonthStates | None:
        """The months' states (None: the closes cannot be read; a part by month then runs as by record)."""
        if self._months is None:
            try:
                self._months = MonthStates(self.ledger)
            except InputError:
                return None
        return self._months

    def _by_month(
        self,
        context: tuple[str, ...],
        head: tuple[str, ...],
        part: Part,
        rel: str,
        kind: str,
        sees: frozenset[str],
        edit: FileEdit | None,
    ) -> list[Diagnostic]:
        """A part by month on one file: its findings kept with the file's months (month → the ids of its
        records that belong to it, and the month's state then). After a write that changed the closes
        (or the file, record by record), the findings from before stand but for the records of the
        months whose state changed and the records the write touched, which are checked again."""
        assert self.store is not None and self.key is not None
        key = self.key(*context)
        months_key = self._months_key(rel, self.result.digests.get(rel, ""), self._files_of(sees))
        self.used.update((key, months_key))
        hit = self.store.get(key)
        # The months are read only when a write changes the closes (_months_changed, which checks the
        # file whole if they are unsound): their being there is enough here (at 1M records the claims'
        # are 2.4 MB).
        if isinstance(hit, tuple) and (months_key in self._months_put or self.store.has(months_key)):
            return [decode_diagnostic(row) for row in hit]
        states = self._states()
        wanted = months_key not in self._months_put  # another part by month wrote them this run
        again = self._months_changed(head, part, rel, kind, sees, edit, states, wanted) if states is not None else None
        if again is None:
            found = self._on_file(head, part, rel, kind, sees, edit)
            months = None if states is None or not wanted else self._file_months(rel, kind, states)
        else:
            found, months = again
        self.store.put(key, tuple(encode_diagnostic(d) for d in found))
        if states is not None and months is not None:
            self.store.put(months_key, states.encoded(months))
            self._months_put.add(months_key)
        return found

    def _months_key(self, rel: str, digest: str, seen: Iterable[str]) -> str:
        """The key of a file's months index: the directory files and the opening (as every finding's),
        the file, and the files of the closes that give the months their states."""
        assert self.key is not None
        return self.key("months", self.directory, rel, digest, *seen)

    def _months_before(self, key: str) -> Any:
        """A file's months index as it stood before the write (read once a run, for every part)."""
        assert self.store is not None
        if key not in self._months_read:
            self._months_read[key] = self.store.get(key)
        return self._months_read[key]

    def _file_months(self, rel: str, kind: str, states: MonthStates) -> dict[str, set[str]]:
        """Month → the ids of the file's records that belong to it (once per file for all parts)."""
        found = self._month_index.get(rel)
        if found is None:
            found = self._month_index[rel] = states.index(self.ledger.file_records(kind, rel))
        return {m: set(ids) for m, ids in found.items()}

    def _months_changed(
        self,
        head: tuple[str, ...],
        part: Part,
        rel: str,
        kind: str,
        sees: frozenset[str],
        edit: FileEdit | None,
        states: MonthStates,
        wanted: bool = True,
    ) -> tuple[list[Diagnostic], dict[str, set[str]] | None] | None:
        """The findings and (`wanted`) months of a file from those kept before the write, or None when
        not kept."""
        assert self.store is not None and self.key is not None
        if not self.result.edits:
            return None
        digest = edit.before if edit is not None else self.result.digests.get(rel, "")
        seen = tuple(self._files_before(sees))
        hit = self.store.get(self.key(*head, rel, digest, *seen))
        index = self._months_before(self._months_key(rel, digest, seen))
        if not isinstance(hit, tuple) or not isinstance(index, tuple):
            return None
        affected: set[str] = set(edit.ids) if edit is not None else set()
        kept_months: dict[str, tuple[str, ...]] = {}
        changed: set[str] = set()
        for month, state, ids in index:
            if states.state(month) != state:
                changed.add(month)
                affected.update(ids)
            kept_months[month] = ids
        for month, names in states.named().items():
            if month in changed or month not in kept_months:
                affected |= names
        again = self._recheck(part, rel, kind, sees, hit, affected, edit, f"check {head[0]!r} on {rel}")
        if again is None:
            return None
        found, touched = again
        if not wanted:
            return found, None
        months = {m: set(ids) - affected for m, ids in kept_months.items()}
        for month, ids in states.index(touched).items():
            months.setdefault(month, set()).update(ids)
        return found, months

    def _by_ids(
        self, head: tuple[str, ...], part: Part, run: Callable[[], list[Diagnostic]]
    ) -> Callable[[], list[Diagnostic]]:
        """A part by ids, after a write that touched no opening: its findings before the write, at their
        moved lines — unless the write appended a record of an id they are about (a record it added can
        only make that id present); otherwise, or when those are not kept, `run`."""
        edits = self.result.edits
        digests = self.result.digests

        def found() -> list[Diagnostic]:
            if self.store is None or self.key is None or not edits:
                return run()
            files: list[str] = []
            added: set[str] = set()
            for kind in sorted(part.reads):
                for rel in self.files.get(kind, ()):
                    edit = edits.get(rel)
                    if edit is None:
                        files.append(f"{rel}={digests.get(rel, '')}")
                        continue
                    if kind in OPENING_KINDS:
                        return run()
                    added |= edit.added
                    if edit.before:  # a file the write created was not among those read before it
                        files.append(f"{rel}={edit.before}")
            hit = self.store.get(self.key(*head, *files))
            if not isinstance(hit, tuple):
                return run()
            out = [decode_diagnostic(row) for row in hit]
            if any(d.record in added for d in out):
                return run()
            return [replace(d, line=edits[d.file].moved(d.line)) if d.file in edits else d for d in out]

        return found

    def _on_file(
        self, head: tuple[str, ...], part: Part, rel: str, kind: str, sees: frozenset[str], edit: FileEdit | None
    ) -> list[Diagnostic]:
        """A per-file part's findings on one file (from before a write, where it changed the file record
        by record and the part is by record)."""
        who = f"check {head[0]!r} on {rel}"
        if edit is not None:
            found = self._edited(head, part, rel, kind, sees, edit, who)
            if found is not None:
                return found
        elif part.sees_ids and sees:
            found = self._ids_added(head, part, rel, kind, sees, who)
            if found is not None:
                return found
        view = self.ledger.file_view(rel, kind, part.reads, sees, who, ids_only=part.sees_ids)
        return part.call(view, self.policy, self.today)

    def _ids_added(
        self, head: tuple[str, ...], part: Part, rel: str, kind: str, sees: frozenset[str], who: str
    ) -> list[Diagnostic] | None:
        """A part seeing ids alone (`sees_ids`), on a file the write did not change, where the write
        changed files of the kinds it sees record by record (FileEdit: rewrites keep their ids, appends
        add theirs): its findings as the seen files stood before stand, but for the records with a
        finding naming an id added, checked again — at 1M records an `asset add` does not check every
        loan, move and repair again to learn that no link named the new card. A seen file changed
        otherwise is taken as it stands now (the findings then are those of a state that differs from
        this one by the appends alone). None when there are no such findings: check the whole file."""
        if self.store is None or self.key is None:
            return None
        edits = {f: e for f, e in self.result.edits.items() if _kind_of(f) in sees}
        if not edits:
            return None
        hit = self.store.get(self.key(*head, rel, self.result.digests.get(rel, ""), *self._files_before(sees)))
        if not isinstance(hit, tuple):
            return None
        added = frozenset().union(*(e.added for e in edits.values()))
        named = {d.record for row in hit if (d := decode_diagnostic(row)).args.get("id") in added and d.record}
        again = self._recheck(part, rel, kind, sees, hit, named, None, who)
        return None if again is None else again[0]

    def _files_before(self, kinds: Iterable[str]) -> Iterator[str]:
        """_files_of as the files stood before the write: each file it edited record by record at its
        hash before (a file it created left out)."""
        digests, edits = self.result.digests, self.result.edits
        for kind in sorted(kinds):
            for rel in self.files.get(kind, ()):
                edit = edits.get(rel)
                if edit is None:
                    yield f"{rel}={digests.get(rel, '')}"
                elif edit.before:  # a file the write created was not there before
                    yield f"{rel}={edit.before}"

    def _edited(
        self,
        head: tuple[str, ...],
        part: Part,
        rel: str,
        kind: str,
        sees: frozenset[str],
        edit: FileEdit,
        who: str,
    ) -> list[Diagnostic] | None:
        """A by-record part's findings on a file a write changed record by record, from its findings on
        the file before the write: those about the records it did not touch (at their moved lines), and
        the part run on the records it did. None when the findings before are not kept (or a finding
        about a record it touched names another record): then the whole file is checked."""
        if self.store is None or self.key is None:
            return None
        hit = self.store.get(self.key(*head, rel, edit.before, *self._files_of(sees)))
        if not isinstance(hit, tuple):
            return None
        again = self._recheck(part, rel, kind, sees, hit, edit.ids, edit, who)
        return None if again is None else again[0]

    def _recheck(
        self,
        part: Part,
        rel: str,
        kind: str,
        sees: frozenset[str],
        hit: tuple[Any, ...],
        ids: AbstractSet[str],
        edit: FileEdit | None,
        who: str,
    ) -> tuple[list[Diagnostic], list[Record]] | None:
        """A file's findings from those kept before a write (`hit`): those about records not in `ids`
        (at the lines `edit` moved them to), and the part run on the file's records of those ids — with
        those records. None when a finding about them names another record: check the whole file."""
        touched = [r for r in self.ledger.held.pick(kind, ids) if r.source.file == rel] if ids else []
        view = self.ledger.records_view(kind, touched, part.reads, sees, who, ids_only=part.sees_ids)
        fresh = part.call(view, self.policy, self.today)
        if any(d.record not in ids for d in fresh):
            return None
        kept: list[Diagnostic] = []
        for row in hit:
            d = decode_diagnostic(row)
            if d.record not in ids:
                line = edit.moved(d.line) if edit is not None else d.line
                kept.append(d if line == d.line else replace(d, line=line))
        return kept + fresh, touched


def run_checks(
    result: LoadResult,
    names: Sequence[str] | None = None,
    *,
    store: PartStore | None = None,
    key: Callable[..., str] | None = None,
    today: dt.date | None = None,
    used: set[str] | None = None,
) -> list[Diagnostic]:
    """Every diagnostic of the chosen checks. With a `store` (and its `key` function), each part's
    findings are taken from it when nothing the part reads has changed, and left in it otherwise;
    `used`, if given, collects the keys of this run (a complete check prunes the rest)."""
    from houqin.checks.registry import CHECKS

    chosen = select(names)
    runner = _Runner(result, store, today or clock.today(), key)
    found: list[Diagnostic] = []
    held = 0
    for check in CHECKS:
        if not check.parts:  # the schema check: what loading found; an unreadable file is always shown
            produced = [d for d in result.diagnostics if check.name in chosen or is_unreadable(d)]
            found.extend(replace(d, check=check.name) for d in produced)
            continue
        if check.name not in chosen:
            continue
        said: dict[Diagnostic, None] = {}
        for index, part in enumerate(check.parts):
            shown, spoiled = runner.part(check.name, index, part)
            said.update(dict.fromkeys(shown))
            held += len(spoiled)
        # A finding is said once, however many parts find it: a card held by two asset files (itself an
        # ID001) is replayed in each file's part, and a move it cannot make would be found by both.
        found.extend(replace(d, check=check.name) for d in said)
    if held:
        broken = unreadable_files(result.diagnostics)
        files = "、".join(broken)
        found.append(replace(diag(HELD_BACK, broken[0], 0, count=held, files=files), check="schema"))
    if used is not None:
        used |= runner.used
    forget_fingerprints()
    return sorted(found, key=sort_key)

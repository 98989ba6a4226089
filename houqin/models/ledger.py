"""The whole ledger in memory: configuration, directories and records. Pure data, no IO.

Records are held per kind in a mapping that may decode a kind only when it is first asked for (the
loader's LazyRecords), so a command or a check pays only for the kinds it reads. A check sees the
ledger through a view (`Ledger.view`, `Ledger.file_view`) that holds only the kinds it declares: a
check that reads an undeclared kind fails loudly (UndeclaredRead) instead of answering from partial
data, which is what lets its cached result be reused for as long as those kinds do not change.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

from houqin.models.base import Record, id_tops, top_of
from houqin.models.config import Config, Term
from houqin.models.directory import AssetCategory, BudgetLine, Catalog, Item, Person, Place, name_skeleton
from houqin.models.kinds import KIND_BY_MODEL, KIND_BY_NAME, KIND_BY_PREFIX, KINDS, kind_of
from houqin.models.records import YearOpening

if TYPE_CHECKING:
    from houqin.models.year_close import OpeningHead, Standing

R = TypeVar("R", bound=Record)

IdSource = tuple[str, str, int, int]  # id, file, line, the record's day as an ordinal


class UndeclaredRead(Exception):
    """A check read a kind of record its registry entry does not declare: a bug in houqin, never
    the user's data. (Not a KeyError, so `Mapping.get` cannot swallow it.)"""


def sources_of(records: Iterable[Record]) -> Iterator[IdSource]:
    for r in records:
        yield r.id, r.source.file, r.source.line, r.date.toordinal()


class Records(Mapping[str, tuple[Record, ...]]):
    """The interface between a ledger and whatever holds its records: a mapping kind → records (in
    date and id order), and questions a holder may answer without building a kind's records — the ids
    and places of its records, its ids as a set and their count, one file's records alone, the records
    of some ids alone, and the latest step day in a file. The
    defaults answer from the records; the loader's cached, lazily decoded records (ledger/load.py)
    answer from the cache, and the views below pass the questions on. Nothing else is asked of it."""

    def id_sources(self, kind: str) -> Iterable[IdSource]:
        """(id, file, line, day) of every record of a kind."""
        return sources_of(self.get(kind, ()))

    def file_records(self, kind: str, file: str) -> tuple[Record, ...] | None:
        """One file's records, when the holder has them apart (None: take them from the kind)."""
        return None

    def id_set(self, kind: str) -> frozenset[str]:
        """The ids of a kind, as a set (an id held twice once)."""
        return frozenset(s[0] for s in self.id_sources(kind))

    def ids_under(self, kind: str, folder: str) -> frozenset[str]:
        """The ids of a kind held in files whose path starts with `folder` ('2026/': the year's files)."""
        return frozenset(s[0] for s in self.id_sources(kind) if s[1].startswith(folder))

    def pick(self, kind: str, ids: AbstractSet[str]) -> tuple[Record, ...]:
        """The records of a kind with these ids (every copy of one held twice), in the kind's order:
        a holder that can decodes only those."""
        return tuple(r for r in self.get(kind, ()) if r.id in ids)

    def id_count(self, kind: str) -> int:
        """How many records of a kind there are (an id held twice counted twice)."""
        return sum(1 for _ in self.id_sources(kind))

    def highest_number(self, kind: str, prefix: str, block: int) -> int | None:
        """The highest number among a kind's ids of `prefix` ('ZC-2026-') whose number is in `block`
        (number // ID_BLOCK: a desk's), None when there is none — a holder that can, from its files'
        tops (models/base.id_tops) without walking the ids."""
        return top_of(id_tops(i for i in self.id_set(kind) if i.startswith(prefix)), prefix, block)

    def foreign_ids(self, kind: str) -> frozenset[str]:
        """The ids of a kind's records that do not begin with its prefix ('ZC-' for a card: the only ids
        another kind's records may hold too) — a holder that can, without walking a file that has none."""
        own = f"{KIND_BY_NAME[kind].prefix}-"
        return frozenset(i for i in self.id_set(kind) if not i.startswith(own))

    def years_dated(self, kind: str, first: int, last: int) -> set[int]:
        """The years of a kind's records dated from `first` to `last` (ordinals) — a holder that can
        does not walk a file dated wholly outside them (at 1M records the carried register)."""
        return {dt.date.fromordinal(s[3]).year for s in self.id_sources(kind) if first <= s[3] <= last}

    def latest_step(self, kind: str, file: str) -> int | None:
        """The latest step day (ordinal) on any record of a kind in one file, if known without decoding."""
        return None

    def late_steps(self, kind: str, first: int) -> frozenset[str] | None:
        """The ids of a kind's records whose latest step (or, with none, their own day) is on or after
        `first` (an ordinal) — or more, never fewer — if known without decoding (None: not known)."""
        return None


class PlainRecords(Records):
    """Records held in a plain dict (a ledger built in memory: tests, the demo builder, a new ledger)."""

    def __init__(self, by_kind: Mapping[str, tuple[Record, ...]]) -> None:
        self._by_kind = dict(by_kind)

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        return self._by_kind[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self._by_kind

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_kind)

    def __len__(self) -> int:
        return len(self._by_kind)


class FileRecords(Records):
    """One file's records of one kind, decoded the first time they are asked for whole (`whole`: the
    ledger's file_records): a per-file check that asks only for some of them (`pick`) decodes only
    those, from the ledger's holder (`base`), where it can."""

    def __init__(self, kind: str, file: str, whole: Callable[[], tuple[Record, ...]], base: Records) -> None:
        self.kind = kind
        self.file = file
        self._whole = whole
        self._base = base
        self._all: tuple[Record, ...] | None = None

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        if kind != self.kind:
            raise KeyError(kind)
        if self._all is None:
            self._all = self._whole()
        return self._all

    def __contains__(self, kind: object) -> bool:
        return kind == self.kind

    def __iter__(self) -> Iterator[str]:
        return iter((self.kind,))

    def __len__(self) -> int:
        return 1

    def pick(self, kind: str, ids: AbstractSet[str]) -> tuple[Record, ...]:
        if kind != self.kind:
            return ()
        if self._all is not None:
            return super().pick(kind, ids)
        return tuple(r for r in self._base.pick(kind, ids) if r.source.file == self.file)


def as_records(records: Mapping[str, tuple[Record, ...]]) -> Records:
    return records if isinstance(records, Records) else PlainRecords(records)


class Overlay(Records):
    """`base` with some kinds replaced (`changed`), and records added to others (`added`: a write's new
    record, or one it rewrote, replacing any of the same id), never decoding a kind it is not asked
    for: a kind with records added is merged only when asked for whole; its ids, and one file's
    records, are answered from the base's without building the kind."""

    def __init__(
        self,
        base: Records,
        changed: dict[str, tuple[Record, ...]],
        added: dict[str, tuple[Record, ...]] | None = None,
    ) -> None:
        self.base = base
        self.changed = changed
        self.added = {k: v for k, v in (added or {}).items() if k not in changed}
        self._merged: dict[str, tuple[Record, ...]] = {}
        self._files: dict[tuple[str, str], tuple[Record, ...]] = {}
        self._ids: dict[str, list[IdSource]] = {}
        self._id_sets: dict[str, frozenset[str]] = {}

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        if kind in self.changed:
            return self.changed[kind]
        new = self.added.get(kind)
        if new is None:
            return self.base[kind]
        found = self._merged.get(kind)
        if found is None:
            ids = {r.id for r in new}
            kept = [r for r in self.base.get(kind, ()) if r.id not in ids]
            for record in new:
                bisect.insort(kept, record, key=lambda r: r.sort_key)  # the rest are in order already
            found = self._merged[kind] = tuple(kept)
        return found

    def __contains__(self, kind: object) -> bool:
        return kind in self.changed or kind in self.added or kind in self.base

    def __iter__(self) -> Iterator[str]:
        yield from self.changed
        yield from (k for k in self.added if k not in self.base)
        yield from (k for k in self.base if k not in self.changed)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def id_sources(self, kind: str) -> Iterable[IdSource]:
        if kind in self.changed:
            return sources_of(self.changed[kind])
        new = self.added.get(kind)
        if new is None:
            return self.base.id_sources(kind)
        if kind in self._merged:
            return sources_of(self._merged[kind])
        found = self._ids.get(kind)
        if found is None:
            ids = {r.id for r in new}
            found = self._ids[kind] = [*(s for s in self.base.id_sources(kind) if s[0] not in ids), *sources_of(new)]
        return found

    def id_set(self, kind: str) -> frozenset[str]:
        new = self.added.get(kind)
        if kind not in self.changed and new is None:
            return self.base.id_set(kind)
        found = self._id_sets.get(kind)
        if found is None:
            changed = kind in self.changed or new is None
            found = super().id_set(kind) if changed else self.base.id_set(kind) | {r.id for r in new or ()}
            self._id_sets[kind] = found
        return found

    def pick(self, kind: str, ids: AbstractSet[str]) -> tuple[Record, ...]:
        if kind in self.changed or kind in self._merged:
            return super().pick(kind, ids)
        new = self.added.get(kind)
        if new is None:
            return self.base.pick(kind, ids)
        mine = {r.id for r in new}
        rest = ids - mine  # the base is not asked for the records added (at 1M records, a scan of 180,000 ids)
        found = [r for r in self.base.pick(kind, rest) if r.id not in mine] if rest else []
        for record in new:
            if record.id in ids:
                bisect.insort(found, record, key=lambda r: r.sort_key)
        return tuple(found)

    def ids_under(self, kind: str, folder: str) -> frozenset[str]:
        if kind in self.changed or kind in self.added:
            return super().ids_under(kind, folder)
        return self.base.ids_under(kind, folder)

    def highest_number(self, kind: str, prefix: str, block: int) -> int | None:
        if kind in self.changed:
            return super().highest_number(kind, prefix, block)
        found = self.base.highest_number(kind, prefix, block)
        new = top_of(id_tops(r.id for r in self.added.get(kind, ())), prefix, block)
        return found if new is None else new if found is None else max(found, new)  # a rewrite keeps its id

    def foreign_ids(self, kind: str) -> frozenset[str]:
        if kind in self.changed:
            return super().foreign_ids(kind)
        own = f"{KIND_BY_NAME[kind].prefix}-"
        return self.base.foreign_ids(kind) | {r.id for r in self.added.get(kind, ()) if not r.id.startswith(own)}

    def years_dated(self, kind: str, first: int, last: int) -> set[int]:
        new = self.added.get(kind, ())
        if kind in self.changed or kind in self._merged:
            return super().years_dated(kind, first, last)
        rewritten = {r.id: r.date for r in new if r.id in self.base.id_set(kind)}
        if rewritten and any(r.date != rewritten[r.id] for r in self.base.pick(kind, rewritten.keys())):
            return super().years_dated(kind, first, last)  # a record rewritten on another day
        found = self.base.years_dated(kind, first, last)
        return found | {r.date.year for r in new if first <= r.date.toordinal() <= last}

    def id_count(self, kind: str) -> int:
        new = self.added.get(kind)
        if new is not None and kind not in self.changed and kind not in self._merged and kind not in self._ids:
            # Records added to a kind whose base holds each id once: counted from the sets, no list of
            # every id's place built (at 1M records, 180,000 asset cards for one card added).
            held = self.base.id_set(kind)
            count = self.base.id_count(kind)
            if count == len(held):
                return count - len(held & {r.id for r in new}) + len(new)
        if kind in self.changed or kind in self.added:
            found = self.id_sources(kind)
            return len(found) if isinstance(found, list) else super().id_count(kind)
        return self.base.id_count(kind)

    def file_records(self, kind: str, file: str) -> tuple[Record, ...] | None:
        if kind in self.changed:
            return None
        found = self.base.file_records(kind, file)
        new = self.added.get(kind)
        if new is None or found is None:
            return found if new is None else None
        memo = self._files.get((kind, file))
        if memo is None:
            ids = {r.id for r in new}
            kept = [r for r in found if r.id not in ids]
            for record in new:
                if record.source.file == file:
                    bisect.insort(kept, record, key=lambda r: r.sort_key)
            memo = self._files[(kind, file)] = tuple(kept)
        return memo

    def latest_step(self, kind: str, file: str) -> int | None:
        return None if kind in self.changed or kind in self.added else self.base.latest_step(kind, file)

    def late_steps(self, kind: str, first: int) -> frozenset[str] | None:
        return None if kind in self.changed or kind in self.added else self.base.late_steps(kind, first)


class Superseded(Records):
    """`base` without the records a later year carried forward (年终结账): each open item lives on as its
    copy in the new year's file, which holds its later steps, so a reading of every year sees it once.
    `dropped` are (kind, file, id) of the originals left behind in the closed years' files."""

    def __init__(self, base: Records, dropped: frozenset[tuple[str, str, str]]) -> None:
        self.base = base
        self.dropped = dropped
        self._kinds = frozenset(k for k, _f, _i in dropped)
        self._memo: dict[str, tuple[Record, ...]] = {}

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        if kind not in self._kinds:
            return self.base[kind]
        found = self._memo.get(kind)
        if found is None:
            found = self._memo[kind] = tuple(
                r for r in self.base[kind] if (kind, r.source.file, r.id) not in self.dropped
            )
        return found

    def __contains__(self, kind: object) -> bool:
        return kind in self.base

    def __iter__(self) -> Iterator[str]:
        return iter(self.base)

    def __len__(self) -> int:
        return len(self.base)

    def id_sources(self, kind: str) -> Iterable[IdSource]:
        found = self.base.id_sources(kind)
        if kind not in self._kinds:
            return found
        return [s for s in found if (kind, s[1], s[0]) not in self.dropped]

    def file_records(self, kind: str, file: str) -> tuple[Record, ...] | None:
        found = self.base.file_records(kind, file)
        if found is None or kind not in self._kinds:
            return found
        return tuple(r for r in found if (kind, file, r.id) not in self.dropped)

    def pick(self, kind: str, ids: AbstractSet[str]) -> tuple[Record, ...]:
        found = self.base.pick(kind, ids)
        if kind not in self._kinds:
            return found
        return tuple(r for r in found if (kind, r.source.file, r.id) not in self.dropped)

    def latest_step(self, kind: str, file: str) -> int | None:
        return self.base.latest_step(kind, file)

    def late_steps(self, kind: str, first: int) -> frozenset[str] | None:
        return self.base.late_steps(kind, first)  # more than the kept ones' may be named: never fewer

    def highest_number(self, kind: str, prefix: str, block: int) -> int | None:
        return self.base.highest_number(kind, prefix, block)  # an original dropped has its copy's id

    def years_dated(self, kind: str, first: int, last: int) -> set[int]:
        return self.base.years_dated(kind, first, last)  # and its copy's day

    def foreign_ids(self, kind: str) -> frozenset[str]:
        return self.base.foreign_ids(kind)


class KindView(Records):
    """Only the declared kinds of `base`; asking for another raises UndeclaredRead."""

    def __init__(self, base: Records, kinds: frozenset[str], who: str) -> None:
        self.base = base
        self.kinds = kinds
        self.who = who

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        if kind not in self.kinds:
            raise UndeclaredRead(f"{self.who} reads {kind!r} records but does not declare them")
        return self.base[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds and kind in self.base

    def __iter__(self) -> Iterator[str]:
        return (k for k in self.base if k in self.kinds)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def id_sources(self, kind: str) -> Iterable[IdSource]:
        self._declared(kind)
        return self.base.id_sources(kind)

    def id_set(self, kind: str) -> frozenset[str]:
        self._declared(kind)
        return self.base.id_set(kind)

    def pick(self, kind: str, ids: AbstractSet[str]) -> tuple[Record, ...]:
        if kind not in self.kinds:
            raise UndeclaredRead(f"{self.who} reads {kind!r} records but does not declare them")
        return self.base.pick(kind, ids)

    def late_steps(self, kind: str, first: int) -> frozenset[str] | None:
        if kind not in self.kinds:
            raise UndeclaredRead(f"{self.who} reads {kind!r} records but does not declare them")
        return self.base.late_steps(kind, first)

    def id_count(self, kind: str) -> int:
        self._declared(kind)
        return self.base.id_count(kind)

    def ids_under(self, kind: str, folder: str) -> frozenset[str]:
        self._declared(kind)
        return self.base.ids_under(kind, folder)

    def highest_number(self, kind: str, prefix: str, block: int) -> int | None:
        self._declared(kind)
        return self.base.highest_number(kind, prefix, block)

    def years_dated(self, kind: str, first: int, last: int) -> set[int]:
        self._declared(kind)
        return self.base.years_dated(kind, first, last)

    def foreign_ids(self, kind: str) -> frozenset[str]:
        self._declared(kind)
        return self.base.foreign_ids(kind)

    def _declared(self, kind: str) -> None:
        if kind not in self.kinds:
            raise UndeclaredRead(f"{self.who} reads the ids of {kind!r} records but does not declare them")


class IdsView(KindView):
    """The declared kinds of `base` as ids and places alone, but for the kinds in `whole`: building a
    record of another raises UndeclaredRead (the view of a check part by ids)."""

    def __init__(self, base: Records, kinds: frozenset[str], whole: frozenset[str], who: str) -> None:
        super().__init__(base, kinds, who)
        self.whole = whole

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        self._built(kind)
        return super().__getitem__(kind)

    def pick(self, kind: str, ids: AbstractSet[str]) -> tuple[Record, ...]:
        self._built(kind)
        return super().pick(kind, ids)

    def late_steps(self, kind: str, first: int) -> frozenset[str] | None:
        self._built(kind)  # what the records say of their steps is more than their ids
        return super().late_steps(kind, first)

    def _built(self, kind: str) -> None:
        if kind not in self.whole:
            raise UndeclaredRead(f"{self.who} reads {kind!r} records but declares it reads their ids alone")


class IdLookup(Mapping[str, Record]):
    """Records by id. A well-formed id names its kind by its prefix, so a lookup decodes (and, in a
    view, may read) only that kind; an id without a known prefix names no record."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self._by_kind: dict[str, dict[str, Record]] = {}

    def _index(self, kind: str) -> dict[str, Record]:
        found = self._by_kind.get(kind)
        if found is None:
            found = self._by_kind[kind] = {r.id: r for r in self.records.get(kind, ())}
        return found

    def __getitem__(self, rid: str) -> Record:
        kind = KIND_BY_PREFIX.get(rid[:2]) if isinstance(rid, str) else None
        if kind is None:
            raise KeyError(rid)
        return self._index(kind.name)[rid]

    def __contains__(self, rid: object) -> bool:
        try:
            self[rid]  # type: ignore[index]
        except KeyError:
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        for kind in KINDS:
            if kind.name in self.records:
                yield from self._index(kind.name)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class Directory:
    """Lookups over the directory files (people, places, catalog), built on first use and shared by a
    ledger and every view or derived ledger of it: they do not depend on the records."""

    def __init__(self, people: tuple[Person, ...], places: tuple[Place, ...], catalog: Catalog) -> None:
        self.people, self.places, self.catalog = people, places, catalog
        self.memo: dict[tuple[str, str, dt.date], bool] = {}  # (name, role or "", day) → active / holds

    def serves(self, people: tuple[Person, ...], places: tuple[Place, ...], catalog: Catalog) -> bool:
        """Was it built over these very directory files? (A ledger replaced with new people is not.)"""
        return self.people is people and self.places is places and self.catalog is catalog

    @cached_property
    def person_by_name(self) -> Mapping[str, Person]:
        return {p.name: p for p in self.people}

    @cached_property
    def place_by_id(self) -> Mapping[str, Place]:
        return {p.id: p for p in self.places}

    @cached_property
    def person_by_look(self) -> Mapping[str, Person]:
        """People by what their name looks like (name_skeleton): the first of each look."""
        out: dict[str, Person] = {}
        for p in self.people:
            out.setdefault(name_skeleton(p.name), p)
        return out

    @cached_property
    def item_by_id(self) -> Mapping[str, Item]:
        return {i.id: i for i in self.catalog.items}

    @cached_property
    def category_by_code(self) -> Mapping[str, AssetCategory]:
        return {c.code: c for c in self.catalog.asset_categories}

    @cached_property
    def budget_line_by_key(self) -> Mapping[tuple[str, int], BudgetLine]:
        return {(b.id, b.year): b for b in self.catalog.budget_lines}


@dataclass(frozen=True)
class Ledger:
    config: Config
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    catalog: Catalog = field(default_factory=Catalog)
    # What holds the records, kind by kind (read them through `records(Model)`).
    held: Records = field(default_factory=lambda: PlainRecords({}))
    root: Path | None = None
    # What record_by_id resolves against, when not `records` (a file view looks up the whole ledger).
    lookup: Records | None = None
    # The year opening the ledger was read from (年终结账): its open years' files only, the closed years
    # through it (models/year_close.py); None when every year was read. `opened` is its head (no
    # asset register built), `opening` the record itself.
    standing: Standing | None = None
    # Read with every year (check --full): (id, year) of each record a year-end close carried into year.
    carried: frozenset[tuple[str, int]] = frozenset()
    # Read from an opening: the closed years' files by path, with their SHA-256 (read, never parsed).
    closed_files: Mapping[str, str] = field(default_factory=dict)
    # The directory's lookups, shared with every ledger derived from this one (views, with_record).
    directory: Directory | None = field(default=None, compare=False, repr=False)
    # What this ledger (not its views) has worked out from its records: ids, files.
    _derived_from_records: dict[str, object] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # The usual idiom of a frozen dataclass that normalises its own fields, here only: a plain
        # dict of records (a ledger built in memory) is given the Records interface.
        object.__setattr__(self, "held", as_records(self.held))
        if self.lookup is not None:
            object.__setattr__(self, "lookup", as_records(self.lookup))
        if self.directory is None or not self.directory.serves(self.people, self.places, self.catalog):
            object.__setattr__(self, "directory", Directory(self.people, self.places, self.catalog))

    @property
    def opening(self) -> YearOpening | None:
        """The year opening the ledger was read from, whole (its asset register built when first asked)."""
        return self.standing.record if self.standing is not None else None

    @property
    def opened(self) -> OpeningHead | None:
        """The opening's facts but its register: what most of the open year needs, built at once."""
        return self.standing.head if self.standing is not None else None

    @property
    def _directory(self) -> Directory:
        assert self.directory is not None  # set in __post_init__
        return self.directory

    def carried_to(self, rid: str, file: str) -> bool:
        """Does `file` hold `rid` because a year-end close carried it there (年终结账), its id's year closed?"""
        year = int(file[:4]) if file[:4].isdigit() else 0
        if self.opened is not None:
            return year == self.opened.year and _numbered_before(rid, year)
        # Read whole: a copy an opening carried, or a record a write placed in a year opened since.
        return (rid, year) in self.carried or ("*", year) in self.carried

    def carried_in(self, kind: str) -> set[str]:
        """The ids of a kind that carried_to takes as carried where they are, in one pass over the ids
        (at 1M records 180,000 carried cards: no call per id when read from an opening)."""
        if self.opened is None:
            return {rid for rid, file, _line, _day in self.id_sources(kind) if self.carried_to(rid, file)}
        year = self.opened.year
        return {rid for rid in self.held.ids_under(kind, f"{year:04d}/") if _numbered_before(rid, year)}

    def records(self, model: type[R]) -> tuple[R, ...]:
        """The records of one kind, named by its model (in date and id order; in a file view, the
        file's own). The one place a kind's records are given their type: its holder holds nothing
        else (the loader builds each kind from its model), so the cast is true by construction."""
        return cast("tuple[R, ...]", self.held.get(KIND_BY_MODEL[model].name, ()))

    def file_records(self, kind: str, file: str) -> tuple[Record, ...]:
        """The records of a kind read from one file (decoding only that file where the holder can)."""
        found = self.held.file_records(kind, file)
        return found if found is not None else self._by_file(kind).get(file, ())

    def seen(self, model: type[R]) -> tuple[R, ...]:
        """Every record of a kind in the whole ledger, also from a file view (whose `records` gives only
        the file's own records)."""
        held = self.held if self.lookup is None else self.lookup
        return cast("tuple[R, ...]", held.get(KIND_BY_MODEL[model].name, ()))

    def all_records(self) -> Iterator[Record]:
        for kind in KINDS:
            yield from self.records(kind.model)

    def id_sources(self, kind: str) -> Iterable[IdSource]:
        """(id, file, line, day) of the records of a kind, cheaper than the records themselves."""
        return self.held.id_sources(kind)

    def id_set(self, kind: str) -> frozenset[str]:
        """The ids of the records of a kind (of the whole ledger, also from a file view)."""
        return (self.held if self.lookup is None else self.lookup).id_set(kind)

    def id_count(self, kind: str) -> int:
        """How many records of a kind there are, an id held twice counted twice."""
        return (self.held if self.lookup is None else self.lookup).id_count(kind)

    def highest_number(self, kind: str, prefix: str, block: int) -> int | None:
        """The highest number of a kind's ids of `prefix` in a desk's block (Records.highest_number)."""
        return (self.held if self.lookup is None else self.lookup).highest_number(kind, prefix, block)

    def foreign_ids(self, kind: str) -> frozenset[str]:
        """The ids of a kind not beginning with its prefix (Records.foreign_ids)."""
        return (self.held if self.lookup is None else self.lookup).foreign_ids(kind)

    def years_dated(self, kind: str, first: dt.date, last: dt.date) -> set[int]:
        """The years of a kind's records dated from `first` to `last` (Records.years_dated)."""
        return self.held.years_dated(kind, first.toordinal(), last.toordinal())

    def latest_step(self, kind: str, file: str) -> int | None:
        """The latest step day (ordinal) in one file of a kind, if known without decoding it."""
        return self.held.latest_step(kind, file)

    def late_steps(self, kind: str, first: int) -> frozenset[str] | None:
        """The ids of a kind's records with a step on or after `first` (an ordinal), or more, if known
        without decoding (Records.late_steps)."""
        return self.held.late_steps(kind, first)

    def terms_after_the_first(self) -> tuple[Term, ...] | None:
        """For a ledger that does not say when its books began (no `started`): the terms after the first
        term holding a record (None: no record in any term yet). Records dated outside every term (an
        asset's purchase day brought in by a move-in import, a vacation) do not say when the books
        began; the first term holding one was, as a rule, kept partly on paper (the school moves into
        houqin during it), so the terms the books cover whole are those after it. Reads every kind's
        ids, so a check asking it declares every kind."""
        terms = sorted(self.config.terms, key=lambda t: t.start)
        spans = [(t.start.toordinal(), t.end.toordinal()) for t in terms]
        first: int | None = None
        for kind in KINDS:
            for _, _, _, day in self.id_sources(kind.name):
                for n, (a, b) in enumerate(spans):
                    if a <= day <= b and (first is None or n < first):
                        first = n
        return None if first is None else tuple(terms[first + 1 :])

    @property
    def person_by_name(self) -> Mapping[str, Person]:
        return self._directory.person_by_name

    @property
    def place_by_id(self) -> Mapping[str, Place]:
        return self._directory.place_by_id

    def person_like(self, name: str) -> Person | None:
        """The person in people.yaml whose name looks like `name` (王建囯 → 王建国), if another's."""
        found = self._directory.person_by_look.get(name_skeleton(name))
        return found if found is not None and found.name != name else None

    @property
    def item_by_id(self) -> Mapping[str, Item]:
        return self._directory.item_by_id

    @property
    def category_by_code(self) -> Mapping[str, AssetCategory]:
        return self._directory.category_by_code

    @property
    def budget_line_by_key(self) -> Mapping[tuple[str, int], BudgetLine]:
        return self._directory.budget_line_by_key

    @property
    def record_by_id(self) -> Mapping[str, Record]:
        found = self._derived_from_records.get("by_id")
        if not isinstance(found, IdLookup):
            found = self._derived_from_records["by_id"] = IdLookup(self.held if self.lookup is None else self.lookup)
        return found

    def has(self, rid: str | None, model: type[R]) -> bool:
        """Is there a `model` of that id? (find's answer, from the ids alone: no record built.)"""
        if not rid or rid[:2] != model.prefix:
            return False
        return rid in self.id_set(KIND_BY_MODEL[model].name)

    def find_one(self, rid: str | None, model: type[R]) -> R | None:
        """find, for one id, decoding only that record (a command looking up the record it acts on); of
        an id held twice, the later in the kind's order, as find's index keeps."""
        found_kind = KIND_BY_PREFIX.get(rid[:2]) if rid else None  # `model` may be a base (Signed, Record)
        if not rid or found_kind is None or (model.prefix and rid[:2] != model.prefix):
            return None
        held = self.held if self.lookup is None else self.lookup
        if found_kind.name not in held:
            return None
        mine = held.pick(found_kind.name, {rid})
        return mine[-1] if mine and isinstance(mine[-1], model) else None

    def own(self, model: type[R], ids: AbstractSet[str]) -> tuple[R, ...]:
        """The records of a kind with these ids held here — in a file view, the file's own —, in date
        and id order, decoding only those where the holder can (FileRecords)."""
        mine = {rid for rid in ids if rid[:2] == model.prefix}
        return cast("tuple[R, ...]", self.held.pick(KIND_BY_MODEL[model].name, mine)) if mine else ()

    def pick(self, model: type[R], ids: AbstractSet[str]) -> tuple[R, ...]:
        """The records of a kind with these ids, in date and id order, decoding only those (of the whole
        ledger, also from a file view). As find: an id of another kind's prefix names none of them."""
        held = self.held if self.lookup is None else self.lookup
        mine = {rid for rid in ids if rid[:2] == model.prefix}
        return cast("tuple[R, ...]", held.pick(KIND_BY_MODEL[model].name, mine)) if mine else ()

    def find(self, rid: str | None, model: type[R]) -> R | None:
        """The record of that id if it is a `model`. An id whose prefix is another kind's names no
        such record, and is answered without reading that kind (a check that declares assets may
        ask whether CG-2026-0001 is an asset: it is not, whatever the purchases say)."""
        if not rid or rid[:2] != model.prefix:
            return None
        found = self.record_by_id.get(rid)
        return found if isinstance(found, model) else None

    def _by_file(self, kind: str) -> dict[str, tuple[Record, ...]]:
        files = self._derived_from_records.setdefault("files", {})
        assert isinstance(files, dict)
        found: dict[str, tuple[Record, ...]] | None = files.get(kind)
        if found is None:
            groups: dict[str, list[Record]] = {}
            for r in self.held.get(kind, ()):
                groups.setdefault(r.source.file, []).append(r)
            found = files[kind] = {f: tuple(rs) for f, rs in groups.items()}
        return found

    def active(self, name: str, day: dt.date) -> bool:
        """Was `name` on the staff on `day`? (False for an unknown name.) Memoised: checks ask often."""
        key, memo = (name, "", day), self._directory.memo
        found = memo.get(key)
        if found is None:
            person = self.person_by_name.get(name)
            found = memo[key] = person is not None and person.active_on(day)
        return found

    def holds(self, name: str, role: str, day: dt.date) -> bool:
        """Did `name` hold `role` on `day`? Memoised like `active`."""
        key, memo = (name, role, day), self._directory.memo
        found = memo.get(key)
        if found is None:
            person = self.person_by_name.get(name)
            found = memo[key] = person is not None and person.holds(role, day)
        return found

    def _replacing(self, kind: str, records: tuple[Record, ...]) -> Ledger:
        base: Records = self.held
        changed: dict[str, tuple[Record, ...]] = {}
        added: dict[str, tuple[Record, ...]] = {}
        if isinstance(self.held, Overlay):  # one level, however many records a write adds
            base, changed, added = self.held.base, dict(self.held.changed), dict(self.held.added)
        return self._derived(Overlay(base, {**changed, kind: records}, added), self.lookup)

    def _derived(self, records: Records, lookup: Records | None) -> Ledger:
        """A ledger over other records, sharing this one's directory lookups (replace keeps `directory`)."""
        return replace(self, held=records, lookup=lookup)

    def view(self, kinds: frozenset[str], who: str) -> Ledger:
        """The ledger as a check that reads only `kinds` may see it."""
        return self._derived(KindView(self.held, kinds, who), None)

    def ids_view(self, kinds: frozenset[str], whole: frozenset[str], who: str) -> Ledger:
        """The ledger as a check that reads only the ids of `kinds` (and the records of `whole`) may see it."""
        return self._derived(IdsView(self.held, kinds, whole, who), None)

    def file_view(
        self, file: str, kind: str, kinds: frozenset[str], sees: frozenset[str], who: str, *, ids_only: bool = False
    ) -> Ledger:
        """Only the records of one file, for a check whose findings about a file depend on that file
        alone; `sees` are the kinds it may look up in the whole ledger (record_by_id, `seen`; `ids_only`:
        only which ids they hold, Ledger.has)."""
        own = FileRecords(kind, file, functools.partial(self.file_records, kind, file), self.held)
        lookup = IdsView(self.held, sees, frozenset(), who) if ids_only else KindView(self.held, sees, who)
        return self._derived(KindView(own, kinds, who), lookup)

    def records_view(
        self,
        kind: str,
        records: Sequence[Record],
        kinds: frozenset[str],
        sees: frozenset[str],
        who: str,
        *,
        ids_only: bool = False,
    ) -> Ledger:
        """As file_view, holding only these records of the file (a by-record part after a write)."""
        own = tuple(sorted(records, key=lambda r: r.sort_key))
        lookup = IdsView(self.held, sees, frozenset(), who) if ids_only else KindView(self.held, sees, who)
        return self._derived(KindView(PlainRecords({kind: own}), kinds, who), lookup)

    def with_file(self, file: str, kind: str, records: list[Record]) -> Ledger:
        """A new ledger whose records from `file` are `records` (the file was rewritten)."""
        kept = [r for r in self.held.get(kind, ()) if r.source.file != file]
        merged = tuple(sorted((*kept, *records), key=lambda r: r.sort_key))
        return self._replacing(kind, merged)

    def with_records(self, records: Iterable[Record]) -> Ledger:
        """A new ledger with `records` added (or replacing those of the same ids), sorted once: an
        import of 50,000 rows, where with_record per record would sort 50,000 times."""
        by_kind: dict[str, list[Record]] = {}
        for record in records:
            by_kind.setdefault(kind_of(record).name, []).append(record)
        ledger = self
        for kind, new in by_kind.items():
            ids = {r.id for r in new}
            kept = [r for r in ledger.held.get(kind, ()) if r.id not in ids]
            ledger = ledger._replacing(kind, tuple(sorted((*kept, *new), key=lambda r: r.sort_key)))
        return ledger

    def with_record(self, record: Record) -> Ledger:
        """A new ledger with `record` added, or replacing the record of the same id: the kind is not
        built for it (Overlay.added) unless it was built already."""
        kind = kind_of(record).name
        held = self.held
        if isinstance(held, Overlay) and kind not in held.changed:
            earlier = tuple(r for r in held.added.get(kind, ()) if r.id != record.id)
            added = {**held.added, kind: (*earlier, record)}
            return self._derived(Overlay(held.base, dict(held.changed), added), self.lookup)
        if not isinstance(held, Overlay):
            return self._derived(Overlay(held, {}, {kind: (record,)}), self.lookup)
        merged = [r for r in held.get(kind, ()) if r.id != record.id]
        bisect.insort(merged, record, key=lambda r: r.sort_key)  # the rest are in order already
        return self._replacing(kind, tuple(merged))


def _numbered_before(rid: str, year: int) -> bool:
    """Was the id given out in a year before `year` (ZC-2019-0001 before 2026)?"""
    return rid[3:7].isdigit() and int(rid[3:7]) < year

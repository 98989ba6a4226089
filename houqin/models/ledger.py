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
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from houqin.models.base import Record
from houqin.models.config import Config
from houqin.models.directory import AssetCategory, BudgetLine, Catalog, Item, Person, Place
from houqin.models.kinds import KIND_BY_PREFIX, KINDS, kind_of

R = TypeVar("R", bound=Record)

RecordMap = Mapping[str, tuple[Record, ...]]
# The directory lookups a view shares with the ledger it was made from (they do not depend on records).
SHARED = ("person_by_name", "place_by_id", "item_by_id", "category_by_code", "budget_line_by_key", "_memo")


class UndeclaredRead(Exception):
    """A check read a kind of record its registry entry does not declare: a bug in houqin, never
    the user's data. (Not a KeyError, so `Mapping.get` cannot swallow it.)"""


IdSource = tuple[str, str, int, int]  # id, file, line, the record's day as an ordinal


def id_sources(records: RecordMap, kind: str) -> Iterable[IdSource]:
    """(id, file, line, day) of every record of a kind, without building the records where the
    mapping can avoid it."""
    fast = getattr(records, "id_sources", None)
    if fast is not None:
        found: Iterable[IdSource] = fast(kind)
        return found
    return sources_of(records.get(kind, ()))


def sources_of(records: Iterable[Record]) -> Iterator[IdSource]:
    for r in records:
        yield r.id, r.source.file, r.source.line, r.date.toordinal()


def latest_step(records: RecordMap, kind: str, file: str) -> int | None:
    """The day (ordinal) of the latest step on any record of a kind in one file, where the mapping knows
    it without decoding the file (None: it does not)."""
    fast = getattr(records, "latest_step", None)
    found: int | None = fast(kind, file) if fast is not None else None
    return found


class Overlay(Mapping[str, tuple[Record, ...]]):
    """`base` with some kinds replaced, never decoding the kinds it does not replace."""

    def __init__(self, base: RecordMap, changed: dict[str, tuple[Record, ...]]) -> None:
        self.base = base
        self.changed = changed

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        if kind in self.changed:
            return self.changed[kind]
        return self.base[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self.changed or kind in self.base

    def __iter__(self) -> Iterator[str]:
        yield from self.changed
        yield from (k for k in self.base if k not in self.changed)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def id_sources(self, kind: str) -> Iterable[IdSource]:
        if kind in self.changed:
            return sources_of(self.changed[kind])
        return id_sources(self.base, kind)

    def file_records(self, kind: str, file: str) -> tuple[Record, ...] | None:
        if kind in self.changed:
            return None
        fast = getattr(self.base, "file_records", None)
        return fast(kind, file) if fast is not None else None

    def latest_step(self, kind: str, file: str) -> int | None:
        return None if kind in self.changed else latest_step(self.base, kind, file)


class KindView(Mapping[str, tuple[Record, ...]]):
    """Only the declared kinds of `base`; asking for another raises UndeclaredRead."""

    def __init__(self, base: RecordMap, kinds: frozenset[str], who: str) -> None:
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
        if kind not in self.kinds:
            raise UndeclaredRead(f"{self.who} reads the ids of {kind!r} records but does not declare them")
        return id_sources(self.base, kind)


class IdLookup(Mapping[str, Record]):
    """Records by id. A well-formed id names its kind by its prefix, so a lookup decodes (and, in a
    view, may read) only that kind; an id without a known prefix names no record."""

    def __init__(self, records: RecordMap) -> None:
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


@dataclass(frozen=True)
class Ledger:
    config: Config
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    catalog: Catalog = field(default_factory=Catalog)
    records: RecordMap = field(default_factory=dict)
    root: Path | None = None
    # What record_by_id resolves against, when not `records` (a file view looks up the whole ledger).
    lookup: RecordMap | None = None

    def of_kind(self, kind: str) -> tuple[Record, ...]:
        return self.records.get(kind, ())

    def file_records(self, kind: str, file: str) -> tuple[Record, ...]:
        """The records of a kind read from one file (decoding only that file where the mapping can)."""
        fast = getattr(self.records, "file_records", None)
        if fast is not None:
            found: tuple[Record, ...] | None = fast(kind, file)
            if found is not None:
                return found
        return self._by_file(kind).get(file, ())

    def seen(self, kind: str) -> tuple[Record, ...]:
        """Every record of a kind in the whole ledger, also from a file view (whose `of_kind` gives only
        the file's own records)."""
        return (self.records if self.lookup is None else self.lookup).get(kind, ())

    def all_records(self) -> Iterator[Record]:
        for kind in KINDS:
            yield from self.of_kind(kind.name)

    def id_sources(self, kind: str) -> Iterable[IdSource]:
        """(id, file, line, day) of the records of a kind, cheaper than the records themselves."""
        return id_sources(self.records, kind)

    def latest_step(self, kind: str, file: str) -> int | None:
        """The latest step day (ordinal) in one file of a kind, if known without decoding it."""
        return latest_step(self.records, kind, file)

    @cached_property
    def person_by_name(self) -> Mapping[str, Person]:
        return {p.name: p for p in self.people}

    @cached_property
    def place_by_id(self) -> Mapping[str, Place]:
        return {p.id: p for p in self.places}

    @cached_property
    def item_by_id(self) -> Mapping[str, Item]:
        return {i.id: i for i in self.catalog.items}

    @cached_property
    def category_by_code(self) -> Mapping[str, AssetCategory]:
        return {c.code: c for c in self.catalog.asset_categories}

    @cached_property
    def budget_line_by_key(self) -> Mapping[tuple[str, int], BudgetLine]:
        return {(b.id, b.year): b for b in self.catalog.budget_lines}

    @cached_property
    def record_by_id(self) -> Mapping[str, Record]:
        return IdLookup(self.records if self.lookup is None else self.lookup)

    def find(self, rid: str | None, model: type[R]) -> R | None:
        """The record of that id if it is a `model`. An id whose prefix is another kind's names no
        such record, and is answered without reading that kind (a check that declares assets may
        ask whether CG-2026-0001 is an asset: it is not, whatever the purchases say)."""
        if not rid or rid[:2] != model.prefix:
            return None
        found = self.record_by_id.get(rid)
        return found if isinstance(found, model) else None

    @cached_property
    def _files(self) -> dict[str, dict[str, tuple[Record, ...]]]:
        return {}

    def _by_file(self, kind: str) -> dict[str, tuple[Record, ...]]:
        found = self._files.get(kind)
        if found is None:
            groups: dict[str, list[Record]] = {}
            for r in self.of_kind(kind):
                groups.setdefault(r.source.file, []).append(r)
            found = self._files[kind] = {f: tuple(rs) for f, rs in groups.items()}
        return found

    @cached_property
    def _memo(self) -> dict[tuple[str, str, dt.date], bool]:
        return {}

    def active(self, name: str, day: dt.date) -> bool:
        """Was `name` on the staff on `day`? (False for an unknown name.) Memoised: checks ask often."""
        key = (name, "", day)
        found = self._memo.get(key)
        if found is None:
            person = self.person_by_name.get(name)
            found = self._memo[key] = person is not None and person.active_on(day)
        return found

    def holds(self, name: str, role: str, day: dt.date) -> bool:
        """Did `name` hold `role` on `day`? Memoised like `active`."""
        key = (name, role, day)
        found = self._memo.get(key)
        if found is None:
            person = self.person_by_name.get(name)
            found = self._memo[key] = person is not None and person.holds(role, day)
        return found

    def _replacing(self, kind: str, records: tuple[Record, ...]) -> Ledger:
        base: RecordMap = self.records
        changed: dict[str, tuple[Record, ...]] = {}
        if isinstance(self.records, Overlay):  # one level, however many records a write adds
            base, changed = self.records.base, dict(self.records.changed)
        return self._derived(Overlay(base, {**changed, kind: records}), self.lookup)

    def _derived(self, records: RecordMap, lookup: RecordMap | None) -> Ledger:
        view = replace(self, records=records, lookup=lookup)
        for name in SHARED:
            view.__dict__[name] = getattr(self, name)
        return view

    def view(self, kinds: frozenset[str], who: str) -> Ledger:
        """The ledger as a check that reads only `kinds` may see it."""
        return self._derived(KindView(self.records, kinds, who), None)

    def file_view(self, file: str, kind: str, kinds: frozenset[str], sees: frozenset[str], who: str) -> Ledger:
        """Only the records of one file, for a check whose findings about a file depend on that file
        alone; `sees` are the kinds it may look up in the whole ledger (record_by_id, `seen`)."""
        own = self._by_file(kind).get(file, ())
        return self._derived(KindView({kind: own}, kinds, who), KindView(self.records, sees, who))

    def with_file(self, file: str, kind: str, records: list[Record]) -> Ledger:
        """A new ledger whose records from `file` are `records` (the file was rewritten)."""
        kept = [r for r in self.of_kind(kind) if r.source.file != file]
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
            kept = [r for r in ledger.of_kind(kind) if r.id not in ids]
            ledger = ledger._replacing(kind, tuple(sorted((*kept, *new), key=lambda r: r.sort_key)))
        return ledger

    def with_record(self, record: Record) -> Ledger:
        """A new ledger with `record` added, or replacing the record of the same id."""
        kind = kind_of(record).name
        merged = [r for r in self.of_kind(kind) if r.id != record.id]
        bisect.insort(merged, record, key=lambda r: r.sort_key)  # the rest are in order already
        return self._replacing(kind, tuple(merged))

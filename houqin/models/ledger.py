"""The whole ledger in memory: configuration, directories and records. Pure data, no IO."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from houqin.models.base import Record
from houqin.models.config import Config
from houqin.models.directory import AssetCategory, BudgetLine, Catalog, Item, Person, Place
from houqin.models.kinds import KINDS, kind_of


@dataclass(frozen=True)
class Ledger:
    config: Config
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    catalog: Catalog = field(default_factory=Catalog)
    records: Mapping[str, tuple[Record, ...]] = field(default_factory=dict)
    root: Path | None = None

    def of_kind(self, kind: str) -> tuple[Record, ...]:
        return self.records.get(kind, ())

    def all_records(self) -> Iterator[Record]:
        for kind in KINDS:
            yield from self.records.get(kind.name, ())

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
        return {r.id: r for r in self.all_records()}

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

    def with_file(self, file: str, kind: str, records: list[Record]) -> Ledger:
        """A new ledger whose records from `file` are `records` (the file was rewritten)."""
        kept = [r for r in self.of_kind(kind) if r.source.file != file]
        merged = tuple(sorted((*kept, *records), key=lambda r: r.sort_key))
        return replace(self, records={**self.records, kind: merged})

    def with_record(self, record: Record) -> Ledger:
        """A new ledger with `record` added, or replacing the record of the same id."""
        kind = kind_of(record).name
        kept = tuple(r for r in self.of_kind(kind) if r.id != record.id)
        merged = tuple(sorted((*kept, record), key=lambda r: r.sort_key))
        return replace(self, records={**self.records, kind: merged})

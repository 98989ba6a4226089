"""Names as a register writes them, matched to the ledger's: places by id or name, people by name,
funding sources by name, categories by code or name.

A name matches exactly first; failing that, after normalising it (NFKC, so full-width brackets and
digits are ASCII, and no spaces): 三年级（2）班 is 三年级(2)班. A normalised name that two entries
share matches neither (the clerk must say which)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from houqin.errors import UsageError
from houqin.models.ledger import Ledger


def normal(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def map_columns(
    headers: Sequence[str], field_of: Callable[[str], str | None], required: Sequence[str]
) -> dict[int, str]:
    """Column index → field, each header read by `field_of` ("-" or None: not imported); two columns
    that both mean one field are refused, and so is a sheet lacking a required field."""
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        field = field_of(header)
        if field and field != "-":
            if field in mapping.values():
                first = next(headers[i] for i, f in mapping.items() if f == field)
                raise UsageError("two_columns", first=first, second=header, field=field)
            mapping[index] = field
    missing = [f for f in required if f not in mapping.values()]
    if missing:
        raise UsageError("missing_columns", fields="、".join(missing))
    return mapping


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """name → key, exact names and then normalised ones; an ambiguous normalised name is dropped."""
    pairs = list(pairs)
    exact = {name: key for name, key in pairs}
    loose: dict[str, set[str]] = {}
    for name, key in pairs:
        loose.setdefault(normal(name), set()).add(key)
    found = {n: next(iter(keys)) for n, keys in loose.items() if len(keys) == 1}
    return {**found, **exact}


@dataclass(frozen=True)
class Resolver:
    places: Mapping[str, str]
    people: Mapping[str, str]
    funding: Mapping[str, str]
    categories: Mapping[str, str]

    @classmethod
    def of(cls, ledger: Ledger) -> Resolver:
        cats = ledger.catalog.asset_categories
        return cls(
            places=_index([*((p.id, p.id) for p in ledger.places), *((p.name, p.id) for p in ledger.places)]),
            people=_index((p.name, p.name) for p in ledger.people),
            funding=_index((f, f) for f in ledger.catalog.funding_sources),
            categories=_index([*((c.code, c.code) for c in cats), *((c.name, c.code) for c in cats)]),
        )

    @staticmethod
    def _find(index: Mapping[str, str], text: str) -> str | None:
        return index.get(text) or index.get(normal(text))

    def place(self, text: str) -> str | None:
        return self._find(self.places, text)

    def person(self, text: str) -> str | None:
        return self._find(self.people, text)

    def funding_source(self, text: str) -> str | None:
        return self._find(self.funding, text)

    def category(self, text: str) -> str | None:
        return self._find(self.categories, text)

"""ids: every record id is well-formed, matches its kind, year and file, and is used once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.i18n import RecordName
from houqin.layout import CATALOG_FILE, PEOPLE_FILE, PLACES_FILE
from houqin.models.base import ID_FORM
from houqin.models.config import Policy
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger


def check_id_forms(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Each id's shape, kind, year and file (a finding about one record alone)."""
    for kind in KINDS:
        for r in ledger.records(kind.model):
            src = r.source
            m = ID_FORM.match(r.id)
            if m is None or m["prefix"] != kind.prefix:
                yield diag("ID002", src.file, src.line, record=r.id, id=r.id, prefix=kind.prefix)
            elif int(m["year"]) != r.date.year:
                yield diag("ID003", src.file, src.line, record=r.id, id=r.id, date=r.date)
            elif not src.file.startswith(f"{m['year']}/") and not ledger.carried_to(r.id, src.file):
                yield diag("ID004", src.file, src.line, record=r.id, id=r.id, expected=f"{m['year']}/{kind.filename}")


def check_ids_unique(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Every id used once in the whole ledger (the first by file and line is the original); read
    from the ids alone, so no record need be built. Names and codes of the directory likewise."""
    first_seen: dict[str, tuple[str, int]] = {}
    again: dict[str, list[tuple[str, int]]] = {}
    # The ids as sets and counts first: when each kind's set is as large as its count, and no id of a
    # kind that does not begin with its prefix (as ids of every other kind do) is another kind's too,
    # no id is held twice, and no id's place need be walked (at 1M records, 230,000 of them).
    sets = {kind.name: ledger.id_set(kind.name) for kind in KINDS}
    twice = any(len(sets[kind.name]) != ledger.id_count(kind.name) for kind in KINDS) or any(
        rid in held
        for kind in KINDS
        for rid in ledger.foreign_ids(kind.name)
        for other, held in sets.items()
        if other != kind.name
    )
    for kind in KINDS if twice else ():
        for rid, file, line, _day in ledger.id_sources(kind.name):
            first = first_seen.setdefault(rid, (file, line))
            if first != (file, line):
                again.setdefault(rid, [first]).append((file, line))
    for rid, places in again.items():
        original, *others = sorted(places)
        for file, line in others:
            yield diag("ID001", file, line, record=rid, id=rid, other=f"{original[0]}:{original[1]}")
    yield from _unique(PEOPLE_FILE, RecordName("person"), ((p.name, p.line) for p in ledger.people))
    yield from _unique(PLACES_FILE, RecordName("place"), ((p.id, p.line) for p in ledger.places))
    yield from _unique(CATALOG_FILE, RecordName("item"), ((i.id, i.line) for i in ledger.catalog.items))
    yield from _unique(
        CATALOG_FILE, RecordName("category"), ((c.code, c.line) for c in ledger.catalog.asset_categories)
    )
    yield from _unique(
        CATALOG_FILE, RecordName("budget_line"), ((f"{b.id}@{b.year}", b.line) for b in ledger.catalog.budget_lines)
    )


def _unique(file: str, what: RecordName, keys: Iterable[tuple[str, int]]) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for key, line in keys:
        if key in seen:
            yield diag("ID005", file, line, what=what.both(), name=key)
        seen.add(key)

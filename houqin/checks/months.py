"""What a check part by month rests on: the standing close of each month, as a state.

A part declared by month (checks/registry.py: the signatures by key, the sealed records) finds each
thing about one record, from the record and from the closes of the months it belongs to — the months
it touches (its own day and its steps' days) and those whose close names it among its fingerprints.
For such a month the finding rests on that month's standing close, whole; for a month not closed that
lies between closed ones, on the next close after it (CLS008 names it); for any other month on nothing.
That is a month's state here. After a close or a reopening only the records of the months whose state
changed are checked again (checks/engine.py); tests/test_incremental.py holds both parts to it."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable

from houqin.ledger.codec import model_codec
from houqin.models.base import Record
from houqin.models.closing import months_touched, standing_closes
from houqin.models.ledger import Ledger
from houqin.models.records import Close

NOT_CLOSED = "-"


class MonthStates:
    """The state of every month, from the standing closes of a ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.standing = standing_closes(ledger)
        self.closed = sorted(self.standing)
        self._states: dict[str, str] = {}
        self._named: dict[str, frozenset[str]] | None = None

    def state(self, month: str) -> str:
        found = self._states.get(month)
        if found is None:
            found = self._states[month] = self._state(month)
        return found

    def _state(self, month: str) -> str:
        close = self.standing.get(month)
        if close is not None:
            row = repr(model_codec(Close)[0](close)).encode()
            return "closed " + hashlib.sha256(row).hexdigest()[:24]
        if self.closed and self.closed[0] < month < self.closed[-1]:
            later = self.standing[self.closed[bisect.bisect(self.closed, month)]]
            return f"before {later.month} {later.id}"
        return NOT_CLOSED

    def named(self) -> dict[str, frozenset[str]]:
        """Month → the ids its standing close names among its fingerprints."""
        if self._named is None:
            self._named = {
                month: frozenset(p.split(" ", 1)[0] for p in close.fingerprints)
                for month, close in self.standing.items()
            }
        return self._named

    def index(self, records: Iterable[Record]) -> dict[str, set[str]]:
        """Month → the ids of these records that belong to it (they touch it, or its close names them)."""
        out: dict[str, set[str]] = {}
        ids: set[str] = set()
        for r in records:
            ids.add(r.id)
            for month in months_touched(r):
                out.setdefault(month, set()).add(r.id)
        for month, names in self.named().items():
            hits = ids & names
            if hits:
                out.setdefault(month, set()).update(hits)
        return out

    def encoded(self, index: dict[str, set[str]]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """The index with each month's state, as the part store keeps it."""
        return tuple((m, self.state(m), tuple(sorted(ids))) for m, ids in sorted(index.items()) if ids)

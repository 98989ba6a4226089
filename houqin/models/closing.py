"""What a month close seals: a fingerprint of every record dated in the month and a digest chained to the
previous close (R16). Pure functions shared by `houqin finance close` and the closed-period check."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

from houqin.models.base import Record
from houqin.models.ledger import Ledger
from houqin.models.records import Close, Reopen

UNSEALED = frozenset({"closes", "reopens"})  # the close records themselves are not part of a month


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def previous_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if mon == 1 else f"{year:04d}-{mon - 1:02d}"


def month_records(ledger: Ledger, month: str) -> list[Record]:
    """Every record dated in the month (but closes and reopenings), by id. Only the files that hold
    such a record are decoded: the days of all records are known from the ids alone."""
    from houqin.models.kinds import KINDS

    first = dt.date(int(month[:4]), int(month[5:7]), 1)
    after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    out: list[Record] = []
    for kind in KINDS:
        if kind.name in UNSEALED:
            continue
        files = {
            f for _id, f, _line, day in ledger.id_sources(kind.name) if first.toordinal() <= day < after.toordinal()
        }
        for file in sorted(files):
            out.extend(r for r in ledger.file_records(kind.name, file) if month_of(r.date) == month)
    return sorted(out, key=lambda r: r.id)


def fingerprint(record: Record) -> str:
    """'ID HASH': the first 12 hex digits of the SHA-256 of the record's canonical JSON (its source line,
    which moves when other records are edited, is not part of it)."""
    data = record.model_dump(mode="json", by_alias=True)
    text = json.dumps([type(record).__name__, data], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{record.id} {hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def chain_digest(previous: str | None, fingerprints: Iterable[str]) -> str:
    body = (previous or "") + "\n" + "\n".join(fingerprints)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def standing_closes(ledger: Ledger) -> dict[str, Close]:
    """The close in force for each month: the latest close not followed by a reopen of that month."""
    events: list[tuple[dt.date, int, str, Close | Reopen]] = []
    for r in ledger.seen("closes"):
        if isinstance(r, Close):
            events.append((r.date, 1, r.id, r))
    for r in ledger.seen("reopens"):
        if isinstance(r, Reopen):
            events.append((r.date, 0, r.id, r))  # on one day a reopening comes before a new close
    out: dict[str, Close] = {}
    for _day, _order, _id, event in sorted(events, key=lambda e: e[:3]):
        if isinstance(event, Close):
            out[event.month] = event
        else:
            out.pop(event.month, None)
    return out

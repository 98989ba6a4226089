"""What a month close seals: the month's books — its money, stock and asset register — as they stood at
the month's end: a fingerprint of every record dated in the month and of every earlier record with a step
dated in it, each without the steps dated after the month (models/as_of.py), and a digest chained to the
previous close (R16). A step dated after the month's end (a signature, a payment, a return on an item
still open) is a fact of a later month and changes nothing sealed. Pure functions shared by
`houqin finance close` and the closed-period check."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator

from houqin.models.as_of import as_of, has_steps, step_days
from houqin.models.base import Record
from houqin.models.kinds import kinds
from houqin.models.ledger import Ledger
from houqin.models.records import Close, Reopen, YearOpening

UNSEALED = kinds(Close, Reopen, YearOpening)  # the close records themselves are not part of a month


def month_of(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    """'2026-03' → (2026-03-01, 2026-03-31); ValueError for anything else."""
    year, _, mon = month.partition("-")
    if len(year) != 4 or len(mon) != 2:
        raise ValueError(month)
    first = dt.date(int(year), int(mon), 1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def previous_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if mon == 1 else f"{year:04d}-{mon - 1:02d}"


def month_ids(ledger: Ledger, month: str) -> set[str]:
    """The ids of every record dated in the month (but closes and reopenings), from the days the ids
    are listed with: no record decoded."""
    from houqin.models.kinds import KINDS

    first, after = _bounds(month)
    return {
        rid
        for kind in KINDS
        if kind.name not in UNSEALED
        for rid, _file, _line, day in ledger.id_sources(kind.name)
        if first <= day < after
    }


def sealed_records(ledger: Ledger, month: str) -> list[Record]:
    """What a close of `month` seals: every record dated in the month, and every earlier record with a
    step (a signature, a payment, a return …) dated in it — the month's money, stock and register.
    Where the ledger knows each record's latest step without decoding it (the cache's), only the
    records of the month and the earlier ones with a step since are decoded; else a file is decoded
    if it holds a record of the month, or an earlier one and a step since."""
    from houqin.models.kinds import KINDS

    first, after = _bounds(month)
    out: list[Record] = []
    for kind in KINDS:
        if kind.name in UNSEALED:
            continue
        stepped = has_steps(kind.model)
        late = ledger.late_steps(kind.name, first) if stepped else frozenset[str]()
        if late is not None:
            ids = {
                rid
                for rid, _f, _line, day in ledger.id_sources(kind.name)
                if first <= day < after or (day < first and rid in late)
            }
            found: Iterable[Record] = ledger.held.pick(kind.name, ids) if ids else ()
        else:
            found = _stepped_files(ledger, kind.name, first, after, stepped)
        for r in found:
            day = r.date.toordinal()
            if first <= day < after or (
                day < first and stepped and any(first <= d.toordinal() < after for d in step_days(r))
            ):
                out.append(r)
    return sorted(out, key=lambda r: r.id)


def _stepped_files(ledger: Ledger, kind: str, first: int, after: int, stepped: bool) -> Iterator[Record]:
    """The records of every file that holds a record of the month, or an earlier one and a step since."""
    files: dict[str, bool] = {}  # file → holds a record of the month
    for _id, f, _line, day in ledger.id_sources(kind):
        if first <= day < after:
            files[f] = True
        elif day < first and stepped:
            files.setdefault(f, False)
    for file, of_month in sorted(files.items()):
        latest = ledger.latest_step(kind, file)
        if not of_month and latest is not None and latest < first:
            continue  # only earlier records, every step before the month: nothing to read
        yield from ledger.file_records(kind, file)


def months_touched(record: Record) -> set[str]:
    """The months a record belongs to: its own, and those of its steps."""
    return {month_of(record.date), *(month_of(d) for d in step_days(record))}


def last_day(month: str) -> int:
    """The month's last day, as an ordinal."""
    return _bounds(month)[1] - 1


def _bounds(month: str) -> tuple[int, int]:
    """The first day of the month and the first day after it, as ordinals."""
    first = dt.date(int(month[:4]), int(month[5:7]), 1)
    after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first.toordinal(), after.toordinal()


SEAL = 2  # how a new close takes its fingerprints (Close.seal)
# Fields added to records since closes of seal 1 were taken: left out of a seal-1 fingerprint while unset.
ADDED_SINCE_SEAL_1 = frozenset({"books", "decision"})


# Fingerprints already taken, by record object: the close check and the keys check both ask for the
# fingerprint of every record of a sealed month. A record is immutable, and the entry holds the record
# itself (so its id() is not reused while the entry lives); bounded, and cleared when full.
_TAKEN: dict[tuple[int, dt.date | None, int], tuple[Record, str]] = {}
_TAKEN_MAX = 300_000


def fingerprint(record: Record, day: dt.date | None = None, seal: int = SEAL) -> str:
    """'ID HASH': the first 12 hex digits of the SHA-256 of the record's canonical JSON (its source line,
    which moves when other records are edited, is not part of it) — as it stood on `day`, if given.

    Seal 2 leaves out every field at its default, so a record keeps its fingerprint when a later houqin
    gives its kind a new optional field; seal 1 (closes made before) took every field of its day."""
    key = (id(record), day, seal)
    hit = _TAKEN.get(key)
    if hit is not None and hit[0] is record:
        return hit[1]
    if len(_TAKEN) >= _TAKEN_MAX:
        _TAKEN.clear()
    taken = _TAKEN[key] = (record, _fingerprint(record, day, seal))
    return taken[1]


def forget_fingerprints() -> None:
    """Let go of the fingerprints taken (and the records they hold): a check run shares them between its
    checks, and ends with this, so a process that checks many ledgers (a county build) keeps none."""
    _TAKEN.clear()


def _fingerprint(record: Record, day: dt.date | None, seal: int) -> str:
    shown = record if day is None else as_of(record, day)
    if seal >= 2:
        data = shown.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    else:
        data = shown.model_dump(mode="json", by_alias=True)
        data = {k: v for k, v in data.items() if not (k in ADDED_SINCE_SEAL_1 and v is None)}
    text = json.dumps([type(record).__name__, data], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{record.id} {hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


def sealed_as_of(close: Close) -> dt.date:
    """The day whose end a close holds the month's books as of: the month's last day (seal 2) — a step
    dated after it belongs to a later month, however soon after; closes of seal 1 sealed their own day."""
    return close.date if close.seal < 2 else dt.date.fromordinal(last_day(close.month))


def chain_digest(previous: str | None, fingerprints: Iterable[str]) -> str:
    body = (previous or "") + "\n" + "\n".join(fingerprints)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def standing_closes(ledger: Ledger) -> dict[str, Close]:
    """The close in force for each month: its latest close (by number) that no reopening undid.

    A reopening names the close it undoes (`close:`), so a close and its reopening on one day are in
    no doubt. An older reopening that names none undoes the latest close of its month dated on or
    before it. A reopening that names a close of another month, or one dated after it, undoes nothing
    (CLS007)."""
    closes = sorted((r for r in ledger.seen(Close)), key=lambda c: sequence(c.id))
    by_id = {c.id: c for c in closes}
    undone: set[str] = set()
    older: list[Reopen] = []
    for r in ledger.seen(Reopen):
        if r.close is None:
            older.append(r)
        elif (c := by_id.get(r.close)) is not None and c.month == r.month and c.date <= r.date:
            undone.add(c.id)
    for r in sorted(older, key=lambda r: (r.date, sequence(r.id))):
        candidates = [c for c in closes if c.month == r.month and c.date <= r.date and c.id not in undone]
        if candidates:
            undone.add(candidates[-1].id)
    # Read from a year opening, the closed years' months are the opening's (its digest chains to them).
    since = f"{ledger.opened.closed:04d}-12" if ledger.opened is not None else ""
    return {c.month: c for c in closes if c.id not in undone and c.month > since}


def sequence(rid: str) -> tuple[int, int, str]:
    """An id's place in its kind's sequence: year, then number ('JZ-2026-0003' → (2026, 3))."""
    parts = rid.split("-")
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit():
        return int(parts[1]), int(parts[2]), rid
    return 0, 0, rid


def first_link(ledger: Ledger, month: str, standing: dict[str, Close]) -> str | None:
    """What the first close after a year-end close chains to: the opening's digest (年终结账 → 一月结账),
    when no earlier month of the open years is closed; else nothing."""
    opening = ledger.opened
    if opening is None or any(m < month for m in standing):
        return None
    return opening.digest


def opened_on(ledger: Ledger) -> dt.date | None:
    """The day the year opening the ledger was read from was written (its accountant's step), from
    its head (the register not built)."""
    opening = ledger.opened
    if opening is None:
        return None
    step = opening.approval("accountant")
    return step.on if step is not None else opening.date

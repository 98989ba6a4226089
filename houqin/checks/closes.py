"""close: 每月清结、结账后不得改动 — what a close sealed (the month's records and the steps dated in it, as
they stood at the month's end) still matches its fingerprints, nothing is dated in an open month before
a closed one, and each close's digest chains to the one before (R16); a reopening needs the principal
and names a close of its month (R16); a month left unclosed past the grace days is warned (R15)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Record
from houqin.models.closing import (
    UNSEALED,
    chain_digest,
    fingerprint,
    first_link,
    last_day,
    month_of,
    months_touched,
    opened_on,
    previous_month,
    sealed_as_of,
    standing_closes,
)
from houqin.models.config import Policy
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger
from houqin.models.records import Close, Reopen, YearOpening
from houqin.models.year_close import reopened_year


def check_closes(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    closes = {r.id: r for r in ledger.records(Close)}
    for r in ledger.records(Reopen):
        if r.approval("principal") is None:
            yield diag("CLS005", r.source.file, r.source.line, record=r.id, id=r.id, month=r.month)
        if reopened_year(r) is not None:
            continue  # a year reopened (重新开账 of a year): it names the opening it undid (checks/year_close.py)
        named = closes.get(r.close) if r.close is not None else None
        if r.close is not None and (named is None or named.month != r.month or named.date > r.date):
            yield diag("CLS007", r.source.file, r.source.line, record=r.id, id=r.id, month=r.month, close=r.close)
    standing = standing_closes(ledger)
    # What a close may chain to: another close, or a year opening (one deleted leaves its close hanging);
    # the openings' records (with the register) are read only for a close that chains to none of the others.
    links = {c.digest for c in closes.values()}
    if ledger.opened is not None:
        links.add(ledger.opened.digest)
    openings: set[str] | None = None
    for month, close in sorted(standing.items()):
        before = standing.get(previous_month(month))
        hanging = before is None and close.previous is not None and close.previous not in links
        if hanging:
            openings = {o.digest for o in ledger.seen(YearOpening)} if openings is None else openings
            hanging = close.previous not in openings
        if (
            close.digest != chain_digest(close.previous, close.fingerprints)
            or hanging
            or (before is not None and close.previous != before.digest)
            or (
                before is None
                and (opened := opened_on(ledger)) is not None
                and close.date >= opened  # the first close after a year-end close chains to the opening
                and close.previous != first_link(ledger, month, standing)
            )
        ):
            yield diag("CLS004", close.source.file, close.source.line, record=close.id, id=close.id, month=month)
    yield from _unclosed(ledger, policy, standing, today)


def check_sealed_records(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Each record as the closes of the months it belongs to (its own, and those of its steps) sealed
    it, as it stood at each month's end (CLS001), or not sealed at all (CLS002); or dated in an open
    month before a closed one (CLS008). A step dated after a closed month's end is a fact of a later
    month and changes nothing that close sealed. A finding about one record, given the closes and reopenings."""
    standing = standing_closes(ledger)
    if not standing:
        return
    seals = {month: _sealed(close) for month, close in standing.items()}
    sealed_in: dict[str, set[str]] = {}
    for month, prints in seals.items():
        for rid in prints:
            sealed_in.setdefault(rid, set()).add(month)
    for kind in KINDS:
        if kind.name in UNSEALED:
            continue
        for record in ledger.records(kind.model):
            for month in sorted(months_touched(record) | sealed_in.get(record.id, set())):
                yield from _against(record, month, standing, seals)


def _against(
    record: Record, month: str, standing: dict[str, Close], seals: dict[str, dict[str, str]]
) -> Iterator[Diagnostic]:
    """The record against the close of one month it belongs to."""
    src = record.source
    close = standing.get(month)
    if close is None:
        if min(standing) < month < max(standing):
            later = standing[min(m for m in standing if m > month)]
            yield diag(
                "CLS008", src.file, src.line, record=record.id, id=record.id, month=month,
                later=later.month, close=later.id,
            )  # fmt: skip
        return
    sealed = seals[month].get(record.id)
    if sealed is None:
        code = "CLS002"
    elif fingerprint(record, sealed_as_of(close), close.seal).split(" ", 1)[1] != sealed:
        code = "CLS001"
    else:
        return
    yield diag(code, src.file, src.line, record=record.id, id=record.id, month=close.month, close=close.id)


def check_sealed_missing(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """A record a close sealed that is no longer in the ledger on or before its month's end (CLS003),
    from the ids and days alone."""
    standing = standing_closes(ledger)
    if not standing:
        return
    days: dict[str, int] = {}
    for kind in KINDS:
        if kind.name in UNSEALED:
            continue
        for rid, _file, _line, day in ledger.id_sources(kind.name):
            days[rid] = min(day, days.get(rid, day))
    for month, close in sorted(standing.items()):
        end = last_day(month)
        for rid in sorted(_sealed(close)):
            if rid not in days or days[rid] > end:
                src = close.source
                yield diag("CLS003", src.file, src.line, record=rid, id=rid, month=close.month, close=close.id)


def _sealed(close: Close) -> dict[str, str]:
    return dict(f.split(" ", 1) for f in close.fingerprints if " " in f)


def _unclosed(ledger: Ledger, policy: Policy, standing: dict[str, Close], today: dt.date) -> Iterator[Diagnostic]:
    started = ledger.config.started
    if started is None:
        return
    month = month_of(started)
    last = month_of(today - dt.timedelta(days=policy.close_grace_days))
    grace_end = previous_month(last)
    while month <= grace_end:
        if month not in standing:
            yield diag("CLS006", "houqin.yaml", 0, record=month, month=month, days=policy.close_grace_days)
        year, mon = int(month[:4]), int(month[5:7])
        month = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"

"""close: 每月清结、结账后不得改动 — a closed month's records match the fingerprints its close sealed and
each close's digest chains to the one before (R16); a reopening needs the principal (R16); a month left
unclosed past the grace days is warned (R15)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.closing import UNSEALED, chain_digest, fingerprint, month_of, previous_month, standing_closes
from houqin.models.config import Policy
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger
from houqin.models.records import Close, Reopen


def check_closes(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    for r in ledger.of_kind("reopens"):
        if isinstance(r, Reopen) and r.approval("principal") is None:
            yield diag("CLS005", r.source.file, r.source.line, record=r.id, id=r.id, month=r.month)
    standing = standing_closes(ledger)
    for month, close in sorted(standing.items()):
        if close.digest != chain_digest(close.previous, close.fingerprints):
            yield diag("CLS004", close.source.file, close.source.line, record=close.id, id=close.id, month=month)
        before = standing.get(previous_month(month))
        if before is not None and close.previous != before.digest:
            yield diag("CLS004", close.source.file, close.source.line, record=close.id, id=close.id, month=month)
    yield from _unclosed(ledger, policy, standing, today)


def check_sealed_records(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Each record of a closed month as its close sealed it (CLS001), or not sealed at all (CLS002):
    a finding about one record, given the closes and reopenings."""
    standing = standing_closes(ledger)
    if not standing:
        return
    seals = {month: _sealed(close) for month, close in standing.items()}
    for kind in KINDS:
        if kind.name in UNSEALED:
            continue
        for record in ledger.of_kind(kind.name):
            month = month_of(record.date)
            close = standing.get(month)
            if close is None:
                continue
            sealed = seals[month].get(record.id)
            if sealed is None:
                code = "CLS002"
            elif fingerprint(record).split(" ", 1)[1] != sealed:
                code = "CLS001"
            else:
                continue
            src = record.source
            yield diag(code, src.file, src.line, record=record.id, id=record.id, month=close.month, close=close.id)


def check_sealed_missing(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """A record a close sealed that is no longer in its month (CLS003), from the ids and days alone."""
    standing = standing_closes(ledger)
    if not standing:
        return
    present: dict[str, set[str]] = {}
    for kind in KINDS:
        if kind.name in UNSEALED:
            continue
        for rid, _file, _line, day in ledger.id_sources(kind.name):
            month = month_of(dt.date.fromordinal(day))
            if month in standing:
                present.setdefault(month, set()).add(rid)
    for month, close in sorted(standing.items()):
        for rid in sorted(set(_sealed(close)) - present.get(month, set())):
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

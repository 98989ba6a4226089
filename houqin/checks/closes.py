"""close: 每月清结、结账后不得改动 — a closed month's records match the fingerprints its close sealed and
each close's digest chains to the one before (R16); a reopening needs the principal (R16); a month left
unclosed past the grace days is warned (R15)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.closing import chain_digest, fingerprint, month_of, month_records, previous_month, standing_closes
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Close, Reopen


def check_closes(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    for r in ledger.of_kind("reopens"):
        if isinstance(r, Reopen) and r.approval("principal") is None:
            yield diag("CLS005", r.source.file, r.source.line, record=r.id, id=r.id, month=r.month)
    standing = standing_closes(ledger)
    for month, close in sorted(standing.items()):
        yield from _sealed(ledger, close)
        if close.digest != chain_digest(close.previous, close.fingerprints):
            yield diag("CLS004", close.source.file, close.source.line, record=close.id, id=close.id, month=month)
        before = standing.get(previous_month(month))
        if before is not None and close.previous != before.digest:
            yield diag("CLS004", close.source.file, close.source.line, record=close.id, id=close.id, month=month)
    yield from _unclosed(ledger, policy, standing, today)


def _sealed(ledger: Ledger, close: Close) -> Iterator[Diagnostic]:
    sealed = dict(f.split(" ", 1) for f in close.fingerprints if " " in f)
    now = {r.id: r for r in month_records(ledger, close.month)}
    for rid, record in now.items():
        if rid not in sealed:
            code = "CLS002"
        elif fingerprint(record).split(" ", 1)[1] != sealed[rid]:
            code = "CLS001"
        else:
            continue
        src = record.source
        yield diag(code, src.file, src.line, record=rid, id=rid, month=close.month, close=close.id)
    for rid in sorted(set(sealed) - set(now)):
        src = close.source
        yield diag("CLS003", src.file, src.line, record=rid, id=rid, month=close.month, close=close.id)


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

"""Validate a write before it happens: a write may not add a single error to the ledger."""

from __future__ import annotations

from collections.abc import Sequence

from houqin.diagnostics import Diagnostic, Severity, has_errors
from houqin.errors import RefusedError
from houqin.ledger.store import WriteSession
from houqin.services.checking import cached_result, remember_result, run_cached


def _key(d: Diagnostic) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return (d.code, d.record, d.params)


def new_errors(before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Errors the change would introduce (what was already wrong is the hook's and the auditor's)."""
    old = {_key(d) for d in before if d.severity is Severity.ERROR}
    return [d for d in after if d.severity is Severity.ERROR and _key(d) not in old]


def new_warnings(before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> list[Diagnostic]:
    """Warnings the change brings (a record dated after today, expired goods …): shown, not refused."""
    old = {_key(d) for d in before}
    return [d for d in after if d.severity is Severity.WARNING and _key(d) not in old]


def refuse_if_broken(session: WriteSession, record_id: str) -> list[Diagnostic]:
    """Check the ledger with the change; refuse the write if it adds an error, and return the
    warnings it adds, for the person to see.

    The checks of the ledger as it stands usually come from the result cache (the last check or
    hook left them). The ledger after the change is exactly what a fresh load would read, so its
    result is remembered too: the pre-commit hook of the commit then answers from the cache."""
    before = before_checks(session)
    after = session.loaded_after
    now = run_cached(session.root, after)
    errors = new_errors(before, now)
    if errors:
        raise RefusedError("write_refused", errors, id=record_id)
    blob_ids = session.blob_ids_after()
    remember_result(session.root, after.digests, now, blob_ids=blob_ids)
    session.vouched = None if has_errors(now) else blob_ids
    return new_warnings(before, now)


def before_checks(session: WriteSession) -> list[Diagnostic]:
    """Every diagnostic of the ledger as it stands (usually from the cache: the last check left it)."""
    before = cached_result(session.root, session.digests)
    if before is None:
        before = run_cached(session.root, session.loaded)
        remember_result(session.root, session.digests, before)
    return before

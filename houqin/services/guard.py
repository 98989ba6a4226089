"""Validate a write before it happens: a write may not add a single error to the ledger."""

from __future__ import annotations

from houqin.checks.engine import run_checks
from houqin.diagnostics import Diagnostic, Severity
from houqin.errors import RefusedError
from houqin.ledger.load import LoadResult
from houqin.models.ledger import Ledger


def _key(d: Diagnostic) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return (d.code, d.record, d.params)


def new_errors(before: LoadResult, after: Ledger) -> list[Diagnostic]:
    """Errors the change would introduce (what was already wrong is the hook's and the auditor's)."""
    old = {_key(d) for d in run_checks(before) if d.severity is Severity.ERROR}
    now = run_checks(LoadResult(after, before.diagnostics))
    return [d for d in now if d.severity is Severity.ERROR and _key(d) not in old]


def refuse_if_broken(before: LoadResult, after: Ledger, record_id: str) -> None:
    errors = new_errors(before, after)
    if errors:
        raise RefusedError("write_refused", errors, id=record_id)

"""Run the named checks over a loaded ledger and collect every diagnostic, not only the first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from houqin.checks.names import CHECK_NAMES
from houqin.diagnostics import Diagnostic, sort_key
from houqin.errors import UsageError

if TYPE_CHECKING:
    from houqin.ledger.load import LoadResult


def select(names: Sequence[str] | None) -> tuple[str, ...]:
    if not names:
        return CHECK_NAMES
    unknown = [n for n in names if n not in CHECK_NAMES]
    if unknown:
        raise UsageError("unknown_check", name=", ".join(unknown), known=", ".join(CHECK_NAMES))
    return tuple(n for n in CHECK_NAMES if n in names)


def run_checks(result: LoadResult, names: Sequence[str] | None = None) -> list[Diagnostic]:
    from houqin.checks.registry import CHECKS

    chosen = select(names)
    ledger = result.ledger
    policy = ledger.config.policy
    found: list[Diagnostic] = []
    for check in CHECKS:
        if check.name not in chosen:
            continue
        produced = result.diagnostics if check.run is None else check.run(ledger, policy)
        found.extend(replace(d, check=check.name) for d in produced)
    return sorted(found, key=sort_key)

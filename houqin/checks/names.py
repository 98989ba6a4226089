"""The names of the checks, in the order they run, without importing them (start-up stays light)."""

from collections.abc import Sequence

from houqin.errors import UsageError

CHECK_NAMES: tuple[str, ...] = (
    "schema",
    "ids",
    "dates",
    "refs",
    "approval-chain",
    "signatures",
    "separation-of-duties",
    "invoice",
    "capitalisation",
    "assets",
    "loans",
    "repairs",
    "damage",
    "stock",
    "purchase",
    "stocktake",
    "finance",
    "budget",
    "advances",
    "close",
    "meters",
    "patrols",
    "printing",
    "shop",
    "milk",
)


def select(names: Sequence[str] | None) -> tuple[str, ...]:
    """The checks asked for, in the order they run (all of them when none are named)."""
    if not names:
        return CHECK_NAMES
    unknown = [n for n in names if n not in CHECK_NAMES]
    if unknown:
        raise UsageError("unknown_check", name=", ".join(unknown), known=", ".join(CHECK_NAMES))
    return tuple(n for n in CHECK_NAMES if n in names)

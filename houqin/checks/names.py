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
    "keys",
    "by-key",
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
    "fees",
    "receipts",
    "budget",
    "advances",
    "close",
    "year",
    "meters",
    "patrols",
    "printing",
    "shop",
    "milk",
    "calendar",
    "audit",
    "safety",
    "responsibility",
    "food-safety",
    "vehicles",
)


# Checks run only when asked for by name (or by `houqin check --keys`): by-key lists every signature
# not made by key where policy does not require one, which on most ledgers is every signature.
OPT_IN: tuple[str, ...] = ("by-key",)
DEFAULT_CHECKS: tuple[str, ...] = tuple(n for n in CHECK_NAMES if n not in OPT_IN)


def select(names: Sequence[str] | None) -> tuple[str, ...]:
    """The checks asked for, in the order they run (all but the opt-in ones when none are named)."""
    if not names:
        return DEFAULT_CHECKS
    unknown = [n for n in names if n not in CHECK_NAMES]
    if unknown:
        raise UsageError("unknown_check", name=", ".join(unknown), known=", ".join(CHECK_NAMES))
    return tuple(n for n in CHECK_NAMES if n in names)

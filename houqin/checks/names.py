"""The names of the checks, in the order they run, without importing them (start-up stays light)."""

CHECK_NAMES: tuple[str, ...] = (
    "schema",
    "ids",
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
)

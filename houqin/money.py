"""Money: exact decimals with two places, never floats."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
_MONEY = re.compile(r"^-?\d{1,13}(\.\d{1,2})?$")


def parse_money(text: str) -> Decimal:
    """Parse '1299.5' or '1299.50' into Decimal('1299.50'); raise ValueError on anything else."""
    cleaned = text.strip().replace(",", "")
    if not _MONEY.match(cleaned):
        raise ValueError(text)
    return Decimal(cleaned).quantize(CENT)


def fmt_yuan(value: Decimal) -> str:
    """For people: thousands separators, two places."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"

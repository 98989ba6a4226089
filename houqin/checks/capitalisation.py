"""capitalisation: an asset below the fixed-asset threshold (1,000 元 general, 1,500 元 special
equipment, from policy) is normally a consumable; registering it needs a written reason."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Asset


def threshold_for(ledger: Ledger, policy: Policy, category: str) -> Decimal:
    cat = ledger.category_by_code.get(category)
    caps = policy.capitalisation
    return caps.special if cat is not None and cat.special else caps.general


def check_capitalisation(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for a in ledger.records(Asset):
        threshold = threshold_for(ledger, policy, a.category)
        if a.unit_price < threshold and not a.below_threshold_reason:
            yield diag(
                "CAP001", a.source.file, a.source.line, record=a.id, id=a.id, price=a.unit_price, threshold=threshold
            )

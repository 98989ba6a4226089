"""Register a fixed asset (校产登记): pure functions from a ledger and a draft to a new record."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from houqin.checks.capitalisation import threshold_for
from houqin.errors import RefusedError
from houqin.ledger.store import next_id
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Invoice
from houqin.services.inputs import validated


@dataclass(frozen=True)
class AssetDraft:
    name: str
    category: str
    unit_price: Decimal
    place: str
    keeper: str
    funding: str
    date: dt.date
    quantity: int = 1
    unit: str | None = None  # None: the category's unit (unit_of)
    model: str | None = None
    supplier: str | None = None
    invoice: Invoice | None = None
    purchase: str | None = None
    origin: str | None = None
    document: str | None = None
    below_threshold_reason: str | None = None
    note: str | None = None


def register_asset(ledger: Ledger, draft: AssetDraft) -> Asset:
    """A new asset with the next free id. Below the capitalisation threshold it is refused unless a
    reason is given: such things are normally consumables (低值易耗品)."""
    threshold = threshold_for(ledger, ledger.config.policy, draft.category)
    if draft.unit_price < threshold and not draft.below_threshold_reason:
        raise RefusedError("asset_below_threshold", (), price=draft.unit_price, threshold=threshold)
    fields = {k: v for k, v in draft.__dict__.items() if v is not None}
    fields["unit"] = draft.unit or unit_of(ledger, draft.category)
    return validated(Asset, id=next_id(ledger, KIND_BY_MODEL[Asset], draft.date.year), **fields)


def unit_of(ledger: Ledger, category: str) -> str:
    """The unit an asset of `category` is counted in when none is given: the category's own `unit` in
    catalog.yaml, else its class's in the code table (张 for desks, 把 for chairs, 册 for books, 台 for
    equipment; houqin/templates/asset_codes.yaml)."""
    from houqin.ledger.asset_codes import code_table

    found = ledger.category_by_code.get(category)
    return found.unit if found is not None and found.unit else code_table().unit_of(category)

"""请购 → 审批 → 报价 → 验收: a department's request, approved up the chain, bought with quotes where the
amount asks for them, and accepted — which books the consumables into stock and the fixed assets onto
the register in the same commit (验收归库). Pure: each function returns the records to write."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.base import Approval, Record
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import (
    Acceptance,
    Asset,
    Meeting,
    Purchase,
    PurchaseLine,
    Quote,
    StockIn,
)
from houqin.services.assets import unit_of
from houqin.services.inputs import validated
from houqin.services.lookup import find_record
from houqin.services.signing import KeySigner, sign_record

LABEL = RecordName("purchase")


def request_purchase(
    ledger: Ledger,
    *,
    department: str,
    requester: str,
    budget_line: str,
    purpose: str,
    lines: Sequence[Mapping[str, object]],
    day: dt.date,
    note: str | None = None,
    route: Mapping[str, object] | None = None,
) -> Purchase:
    """请购: what the department needs, with estimated prices, against a budget line (the principal's
    own request with its `route`: the meeting or the superior's approval number)."""
    return validated(
        Purchase,
        id=next_id(ledger, KIND_BY_MODEL[Purchase], day.year),
        date=day,
        department=department,
        requester=requester,
        budget_line=budget_line,
        purpose=purpose,
        lines=tuple(validated(PurchaseLine, **line) for line in lines),
        note=note,
        **dict(route or {}),
    )


def approve_purchase(
    ledger: Ledger, text: str, step: str, by: str, on: dt.date, key: KeySigner | None = None
) -> Purchase:
    purchase = find_record(ledger, text, Purchase, LABEL)
    if purchase.accepted is not None:
        raise UsageError("purchase_accepted", id=purchase.id)
    return sign_record(ledger, purchase.id, step, by, on, model=Purchase, label=LABEL, key=key)


def add_quote(ledger: Ledger, text: str, supplier: str, amount: Decimal, on: dt.date) -> Purchase:
    """货比三家: one more supplier's price for the whole request."""
    purchase = find_record(ledger, text, Purchase, LABEL)
    if any(q.supplier == supplier for q in purchase.quotes):
        raise UsageError("quote_exists", id=purchase.id, supplier=supplier)
    quote = validated(Quote, supplier=supplier, amount=amount, on=on)
    return purchase.model_copy(update={"quotes": (*purchase.quotes, quote)})


def record_meeting(ledger: Ledger, text: str, on: dt.date, attendees: Sequence[str], decision: str) -> Purchase:
    """三重一大: the leadership's collective decision on a large purchase."""
    purchase = find_record(ledger, text, Purchase, LABEL)
    meeting = validated(Meeting, on=on, attendees=tuple(attendees), decision=decision)
    return purchase.model_copy(update={"meeting": meeting})


@dataclass(frozen=True)
class Arrived:
    """What came for one line of the request (by its 1-based number): quantity and the real unit price."""

    line: int
    quantity: Decimal
    unit_price: Decimal


@dataclass(frozen=True)
class AssetPlacing:
    """Where the fixed assets of an acceptance go, and who keeps them (责任到人)."""

    place: str
    keeper: str
    funding: str
    unit: str | None = None  # None: each category's unit (services/assets.py: unit_of)


def accept_purchase(
    ledger: Ledger,
    text: str,
    *,
    acceptor: str,
    witness: str,
    day: dt.date,
    supplier: str | None = None,
    arrived: Sequence[Arrived] = (),
    placing: AssetPlacing | None = None,
) -> list[Record]:
    """验收: the purchase marked accepted, one stock-in per consumable line and one asset card per asset
    line, each naming the purchase. Lines not listed in `arrived` came in full at the estimated price."""
    purchase = find_record(ledger, text, Purchase, LABEL)
    if purchase.accepted is not None:
        raise UsageError("purchase_accepted", id=purchase.id)
    got = {a.line: a for a in arrived}
    unknown = sorted(set(got) - set(range(1, len(purchase.lines) + 1)))
    if unknown:
        raise UsageError("purchase_line", id=purchase.id, line=unknown[0], lines=len(purchase.lines))
    accepted = validated(Acceptance, on=day, acceptor=acceptor, witness=witness, supplier=supplier)
    records: list[Record] = [purchase.model_copy(update={"accepted": accepted})]
    running = ledger
    witnessed = (Approval(role="witness", by=witness, on=day),)
    for n, line in enumerate(purchase.lines, start=1):
        came = got.get(n, Arrived(n, line.quantity, line.estimate))
        record: Record
        if line.item is not None:
            record = validated(
                StockIn,
                id=next_id(running, KIND_BY_MODEL[StockIn], day.year),
                date=day,
                item=line.item,
                quantity=came.quantity,
                unit_price=came.unit_price,
                supplier=supplier,
                origin=purchase.id,
                acceptor=acceptor,
                approvals=witnessed,
            )
        else:
            if placing is None:
                raise UsageError("asset_needs_place", id=purchase.id, name=line.asset)
            if came.quantity != came.quantity.to_integral_value():
                raise UsageError("asset_whole_quantity", id=purchase.id, name=line.asset)
            record = validated(
                Asset,
                id=next_id(running, KIND_BY_MODEL[Asset], day.year),
                date=day,
                name=line.asset,
                category=line.category,
                unit=placing.unit or unit_of(ledger, line.category or ""),
                quantity=int(came.quantity),
                unit_price=came.unit_price,
                place=placing.place,
                keeper=placing.keeper,
                funding=placing.funding,
                supplier=supplier,
                purchase=purchase.id,
            )
        running = running.with_record(record)
        records.append(record)
    return records

"""The life of an asset after registration: 调拨, 借用/归还, 报废/转让/报损. Pure: each builds the new
record from the ledger; whether it may happen is the checks' business (so hand edits obey the same
rules), except where the command needs the state to fill the record in (who gives, which loan)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypeVar

from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.asset_state import AssetState, replay
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Disposal, Loan, Move, Return
from houqin.services.inputs import validated
from houqin.services.lookup import find_record, resolve_id, resolve_unit


def find_asset(ledger: Ledger, text: str) -> Asset:
    """The asset (the lot, for a unit's label); a unit number beyond the lot is refused."""
    asset = find_record(ledger, text, Asset, RecordName("asset"))
    unit = resolve_unit(text)[1]
    if unit is not None and not 1 <= unit <= asset.quantity:
        raise UsageError("unit_unknown", id=text, lot=asset.id, quantity=asset.quantity)
    return asset


def unit_quantity(asset: Asset, text: str, quantity: int | None) -> int | None:
    """A unit's label means one unit of its lot: -q may not say otherwise."""
    if resolve_unit(text)[1] is None:
        return quantity
    if quantity not in (None, 1):
        raise UsageError("unit_quantity", id=text, quantity=quantity)
    return 1 if asset.quantity > 1 else quantity


def state_of(ledger: Ledger, asset: Asset, day: dt.date) -> AssetState:
    states, _ = replay(ledger, until=day)
    return states[asset.id]


def move_asset(
    ledger: Ledger,
    asset_text: str,
    to_place: str,
    to_keeper: str,
    day: dt.date,
    quantity: int | None = None,
    from_place: str | None = None,
    reason: str | None = None,
) -> Move:
    """调拨单: the giving keeper is whoever keeps the asset at `from_place` that day."""
    asset = find_asset(ledger, asset_text)
    quantity = unit_quantity(asset, asset_text, quantity)
    state = state_of(ledger, asset, day)
    holdings = [h for h in state.holdings if from_place in (None, h[0])]
    if len(holdings) != 1:
        raise UsageError("which_place", id=asset.id, places="、".join(state.places) or "-")
    giver = holdings[0][1]
    return _build(
        ledger,
        Move,
        day,
        asset=asset.id,
        quantity=quantity,
        from_place=from_place,
        to_place=to_place,
        to_keeper=to_keeper,
        reason=reason,
        approvals=(Approval(role="giver", by=giver, on=day), Approval(role="receiver", by=to_keeper, on=day)),
    )


def lend_asset(
    ledger: Ledger,
    asset_text: str,
    borrower: str,
    due: dt.date,
    approved_by: str,
    day: dt.date,
    quantity: int = 1,
    purpose: str | None = None,
) -> Loan:
    asset = find_asset(ledger, asset_text)
    quantity = unit_quantity(asset, asset_text, quantity) or 1
    return _build(
        ledger,
        Loan,
        day,
        asset=asset.id,
        quantity=quantity,
        borrower=borrower,
        due=due,
        purpose=purpose,
        approvals=(Approval(role="keeper", by=approved_by, on=day),),
    )


def return_loan(ledger: Ledger, text: str, received_by: str, day: dt.date, condition: str | None = None) -> Loan:
    """归还销号: by the loan's id, or by the asset's when exactly one loan of it is open."""
    wanted = resolve_id(text)
    open_loans = [r for r in ledger.records(Loan) if r.returned is None and wanted in (r.id, r.asset)]
    if not open_loans:
        raise UsageError("no_open_loan", id=text)
    if len(open_loans) > 1:
        raise UsageError("several_open_loans", id=text, loans="、".join(r.id for r in open_loans))
    loan = open_loans[0]
    return loan.model_copy(update={"returned": Return(on=day, received_by=received_by, condition=condition)})


def dispose_asset(
    ledger: Ledger,
    asset_text: str,
    how: Literal["scrap", "transfer", "loss"],
    reason: str,
    day: dt.date,
    quantity: int | None = None,
    from_place: str | None = None,
    recipient: str | None = None,
    authority: str | None = None,
) -> Disposal:
    """报废/转让/报损申请: it takes effect once keeper, director and principal have signed (houqin sign)."""
    asset = find_asset(ledger, asset_text)
    quantity = unit_quantity(asset, asset_text, quantity)
    if how == "transfer" and not recipient:
        raise UsageError("transfer_needs_recipient")
    return _build(
        ledger,
        Disposal,
        day,
        asset=asset.id,
        type=how,
        reason=reason,
        quantity=quantity,
        from_place=from_place,
        recipient=recipient,
        authority=authority,
    )


R = TypeVar("R", Move, Loan, Disposal)


def _build(ledger: Ledger, model: type[R], day: dt.date, **fields: object) -> R:
    values = {k: v for k, v in fields.items() if v is not None}
    return validated(model, id=next_id(ledger, KIND_BY_MODEL[model], day.year), date=day, **values)

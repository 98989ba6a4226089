"""入库 and 领用: consumables received into stock and issued to a person for a purpose."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import StockIn, StockOut
from houqin.money import CENT
from houqin.services.inputs import validated

if TYPE_CHECKING:
    from houqin.services.importer import Spec


def receive_stock(
    ledger: Ledger,
    item: str,
    quantity: Decimal,
    unit_price: Decimal,
    origin: str,
    acceptor: str,
    day: dt.date,
    supplier: str | None = None,
    witness: str | None = None,
    delivered_by: str | None = None,
) -> StockIn:
    """入库: counted in by the acceptor (验收) in front of a witness (入库签字手续: STK005-007), the
    supplier's man who delivered it named beside them."""
    approvals = (Approval(role="witness", by=witness, on=day),) if witness else ()
    return validated(
        StockIn,
        id=next_id(ledger, KIND_BY_MODEL[StockIn], day.year),
        date=day,
        item=item,
        quantity=quantity,
        unit_price=unit_price,
        origin=origin,
        acceptor=acceptor,
        supplier=supplier,
        delivered_by=delivered_by,
        approvals=approvals,
    )


def issue_stock(
    ledger: Ledger,
    item: str,
    quantity: Decimal,
    receiver: str,
    purpose: str,
    issued_by: str,
    day: dt.date,
    department: str | None = None,
    approved_by: str | None = None,
    co_issuer: str | None = None,
) -> StockOut:
    """领用: to a person for a purpose; printing supplies carry the supervisor's approval, laboratory
    chemicals a second person's signature (双人领发; both checked)."""
    approvals: tuple[Approval, ...] = (Approval(role="supervisor", by=approved_by, on=day),) if approved_by else ()
    if co_issuer:
        approvals += (Approval(role="co_issuer", by=co_issuer, on=day),)
    return validated(
        StockOut,
        id=next_id(ledger, KIND_BY_MODEL[StockOut], day.year),
        date=day,
        item=item,
        quantity=quantity,
        receiver=receiver,
        purpose=purpose,
        issued_by=issued_by,
        department=department,
        approvals=approvals,
    )


# houqin stock import: a delivery list or the opening balance (期初结存) the office kept in a spreadsheet.
STOCK_HEADERS: Mapping[str, str] = {
    "物品编号": "item",
    "编号": "item",
    "物品": "item",
    "物品名称": "item",
    "名称": "item",
    "item": "item",
    "数量": "quantity",
    "quantity": "quantity",
    "单价": "unit_price",
    "单价（元）": "unit_price",
    "单价(元)": "unit_price",
    "unit_price": "unit_price",
    "金额": "amount",
    "金额（元）": "amount",
    "金额(元)": "amount",
    "期初金额": "amount",
    "amount": "amount",
    "供应商": "supplier",
    "supplier": "supplier",
    "来源": "origin",
    "origin": "origin",
    "验收人": "acceptor",
    "acceptor": "acceptor",
    "日期": "date",
    "入库日期": "date",
    "date": "date",
    "备注": "note",
    "note": "note",
}
STOCK_FIELDS = ("item", "quantity", "unit_price", "amount", "supplier", "origin", "acceptor", "date", "note")


def _stock_row(ledger: Ledger, values: Mapping[str, str], seq: Callable[[int], str]) -> StockIn:
    """A row names the item by its id or its catalog name; the source defaults to 期初结存 (an opening
    balance) and the acceptor to the keeper of the store."""
    from houqin.models.counting import stock_place
    from houqin.services.importer import RowTrouble, day_of

    wanted = values["item"]
    item = ledger.item_by_id.get(wanted) or next((i for i in ledger.catalog.items if i.name == wanted), None)
    if item is None:
        raise RowTrouble("unknown_item", value=wanted)
    store = ledger.place_by_id.get(stock_place(ledger) or "")
    acceptor = values.get("acceptor") or (store.keeper if store else "")
    day = day_of(values)
    return StockIn(
        id=seq(day.year),
        date=day,
        item=item.id,
        quantity=values["quantity"],
        unit_price=_price(values),
        supplier=values.get("supplier") or None,
        origin=values.get("origin") or "期初结存",
        acceptor=acceptor,
        note=values.get("note") or None,
    )


def _price(values: Mapping[str, str]) -> Decimal:
    """期初结存 as sheets give it: 单价, or 金额 for the quantity (单价 = 金额 ÷ 数量, refused unless it is
    whole cents), or both, which must agree (数量 × 单价 = 金额)."""
    from houqin.services.importer import RowTrouble, money_of

    if not values.get("unit_price") and not values.get("amount"):
        raise RowTrouble("missing", fields="单价/金额(unit_price/amount)")
    try:
        quantity = Decimal(values["quantity"])
    except ArithmeticError:
        raise RowTrouble("invalid_field", field="quantity", detail=values["quantity"]) from None
    amount = money_of(values, "amount") if values.get("amount") else None
    if values.get("unit_price"):
        price = money_of(values)
        if amount is not None and quantity * price != amount:
            product = (quantity * price).quantize(CENT)
            raise RowTrouble(
                "amount_mismatch", quantity=values["quantity"], price=f"{price:.2f}", amount=f"{amount:.2f}",
                product=f"{product:.2f}",
            )  # fmt: skip
        return price
    if amount is None:
        raise RowTrouble("missing", fields="单价/金额(unit_price/amount)")
    if quantity <= 0 or (amount / quantity).quantize(CENT) * quantity != amount:
        raise RowTrouble("amount_not_cents", quantity=values["quantity"], amount=f"{amount:.2f}")
    return (amount / quantity).quantize(CENT)


def stock_spec() -> Spec:
    from houqin.services.importer import Spec

    return Spec("stock-in", STOCK_HEADERS, STOCK_FIELDS, ("item", "quantity", "date"), _stock_row)

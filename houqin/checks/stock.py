"""stock: 易耗品进出库 — an item's quantity on hand never goes below zero on any day (R18), and paper,
toner and other printing consumables are issued only with the supervisor's approval (主管审批复印和油印,
R20; the categories are policy)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import StockIn, StockOut


def stock_moves(ledger: Ledger) -> list[StockIn | StockOut]:
    """Every stock movement in date order; on one day receipts come before issues."""
    moves = [
        r for r in (*ledger.of_kind("stock-in"), *ledger.of_kind("stock-out")) if isinstance(r, (StockIn, StockOut))
    ]
    return sorted(moves, key=lambda r: (r.date, isinstance(r, StockOut), r.id))


def check_stock(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    on_hand: dict[str, Decimal] = {}
    for r in stock_moves(ledger):
        if isinstance(r, StockIn):
            on_hand[r.item] = on_hand.get(r.item, Decimal(0)) + r.quantity
            continue
        left = on_hand.get(r.item, Decimal(0)) - r.quantity
        if left < 0:
            yield diag(
                "STK001",
                r.source.file,
                r.source.line,
                record=r.id,
                id=r.id,
                item=r.item,
                quantity=r.quantity,
                have=on_hand.get(r.item, Decimal(0)),
                date=r.date,
            )
        on_hand[r.item] = left
        item = ledger.item_by_id.get(r.item)
        if item is not None and item.category in policy.supervised_categories and r.approval("supervisor") is None:
            yield diag(
                "STK002", r.source.file, r.source.line, record=r.id, id=r.id, item=item.name, category=item.category
            )

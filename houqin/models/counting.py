"""盘点 as data: where consumables are counted, the rows counters wrote, and what a reconciliation of them
with the books found. Shared by the readers of filled sheets (inputs/counts.py), the reconciliation
(reports/inventory.py) and the stocktake record (services/stocktake.py), so it sits below all three."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from houqin.models.ledger import Ledger

ZERO = Decimal(0)


def stock_place(ledger: Ledger) -> str | None:
    """Where consumables are counted: policy.stock_place, else the first storeroom."""
    if ledger.config.policy.stock_place:
        return ledger.config.policy.stock_place
    return next((p.id for p in ledger.places if p.kind == "storeroom" and p.active), None)


@dataclass(frozen=True)
class CountRow:
    """One line of a filled sheet or a scanner's list, with its row number in that file."""

    file: str
    row: int
    place: str
    id: str
    name: str = ""
    counted: Decimal | None = None  # None: a scanned label (counts as one), unless `uncounted`
    condition: str = ""
    keeper: str = ""
    note: str = ""
    uncounted: bool = False  # a sheet's count cell left empty: not counted (never taken as zero)


@dataclass(frozen=True)
class Difference:
    """One finding of the count. `kind`: missing, wrong_place, wrong_keeper, surplus (盘盈, not on the
    books), short / over (a lot or a consumable counted below / above the books), condition."""

    kind: str
    place: str
    id: str
    name: str
    book: Decimal | None = None
    counted: Decimal | None = None
    value: Decimal = ZERO  # + gain, − loss, at cost (consumables at moving average cost)
    unit_cost: Decimal = ZERO
    detail: str = ""
    action: str = "none"
    asset: bool = True
    rows: tuple[str, ...] = ()  # where the counters wrote it (file:row)


@dataclass
class Reconciliation:
    day: dt.date
    places: tuple[str, ...]
    assets_expected: int = 0
    assets_found: int = 0
    lines_counted: int = 0
    differences: list[Difference] = field(default_factory=list)
    uncounted: list[CountRow] = field(default_factory=list)  # rows whose count cell was left empty
    blank_sheets: list[str] = field(default_factory=list)  # "file: place" where no row was counted

    def of_kind(self, kind: str) -> list[Difference]:
        return [d for d in self.differences if d.kind == kind]

    @property
    def loss(self) -> Decimal:
        return sum((d.value for d in self.differences if d.value < 0), ZERO)

    @property
    def gain(self) -> Decimal:
        return sum((d.value for d in self.differences if d.value > 0), ZERO)

    @property
    def consumables(self) -> list[Difference]:
        return [d for d in self.differences if not d.asset]

"""The asset register (资产登记表) and the asset card (资产卡片), with book values after depreciation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from houqin.models.asset_state import DISPOSED, AssetState, Event, replay
from houqin.models.depreciation import BookValue, DepreciationStart, book_value
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Disposal, Loan

STATUSES = ("in_use", "on_loan", "disposed", "all")


@dataclass(frozen=True)
class AssetRow:
    id: str
    name: str
    model: str
    category: str
    unit: str
    quantity: int
    lent: int
    places: tuple[str, ...]
    keepers: tuple[str, ...]
    funding: str
    acquired: dt.date
    value: BookValue
    status: str  # in_use | on_loan | disposed
    disposal: str = ""  # a written-off row (报废资产清单): the disposal's id, date and type
    disposed_on: dt.date | None = None
    disposal_type: str = ""  # scrap | transfer | loss


@dataclass(frozen=True)
class Register:
    """What `houqin asset list` shows: the rows, their totals, and the filters that chose them."""

    at: dt.date
    rows: tuple[AssetRow, ...]
    place: str | None
    place_name: str | None
    place_keeper: str | None
    keeper: str | None
    status: str = "in_use"

    @property
    def cost(self) -> Decimal:
        return sum((r.value.cost for r in self.rows), Decimal("0.00"))

    @property
    def net(self) -> Decimal:
        return sum((r.value.net for r in self.rows), Decimal("0.00"))

    @property
    def quantity(self) -> int:
        return sum(r.quantity for r in self.rows)


@dataclass(frozen=True)
class AssetFilter:
    """What `asset list` may be narrowed to besides place, keeper, class, status and funding: part of the
    name or model, the unit price (单价, each bound included) and the day acquired."""

    name: str | None = None
    min_value: Decimal | None = None
    max_value: Decimal | None = None
    acquired_from: dt.date | None = None
    acquired_to: dt.date | None = None

    def keeps(self, a: Asset) -> bool:
        wanted = self.name.casefold() if self.name else None
        return (
            (wanted is None or wanted in a.name.casefold() or wanted in (a.model or "").casefold())
            and (self.min_value is None or a.unit_price >= self.min_value)
            and (self.max_value is None or a.unit_price <= self.max_value)
            and (self.acquired_from is None or a.date >= self.acquired_from)
            and (self.acquired_to is None or a.date <= self.acquired_to)
        )


@dataclass(frozen=True)
class AssetQuery:
    """Which assets `asset list` shows: a place's register, a keeper's handover list, a class, a
    status (in_use, on_loan, disposed, all) or a funding source, narrowed further by `only`."""

    place: str | None = None
    keeper: str | None = None
    category: str | None = None
    status: str = "in_use"
    funding: str | None = None
    only: AssetFilter | None = None

    @property
    def reads_history(self) -> bool:
        """Whether it asks for disposals: what left the books in a closed year is read from that year
        (年终结账 carries only what is on the books)."""
        return self.status in ("disposed", "all")


def select_assets(ledger: Ledger, at: dt.date, query: AssetQuery) -> Register:
    """The register `query` asks for, as of `at`."""
    return register(
        ledger,
        at,
        place=query.place,
        keeper=query.keeper,
        category=query.category,
        status=query.status,
        funding=query.funding,
        only=query.only,
    )


def start_of(ledger: Ledger) -> DepreciationStart:
    """The month depreciation starts in, by the ledger's policy (same_month: the standard's)."""
    return ledger.config.policy.depreciation.start


def life_of(ledger: Ledger, asset: Asset) -> int:
    category = ledger.category_by_code.get(asset.category)
    return category.life_years if category is not None else 0


def _row(ledger: Ledger, state: AssetState, at: dt.date, place: str | None, keeper: str | None) -> AssetRow:
    a = state.asset
    qty = state.holds(place, keeper) if (place or keeper) else state.in_books
    holdings = [h for h in state.holdings if place in (None, h[0]) and keeper in (None, h[1])]
    return AssetRow(
        id=a.id,
        name=a.name,
        model=a.model or "",
        category=a.category,
        unit=a.unit,
        quantity=qty,
        lent=state.lent,
        places=tuple(sorted({p for p, _ in holdings})),
        keepers=tuple(sorted({k for _, k in holdings})),
        funding=a.funding,
        acquired=a.date,
        value=book_value(a.unit_price * qty, a.date, at, life_of(ledger, a), start_of(ledger)),
        status=state.status,
    )


def register(
    ledger: Ledger,
    at: dt.date,
    *,
    place: str | None = None,
    keeper: str | None = None,
    category: str | None = None,
    status: str = "in_use",
    funding: str | None = None,
    only: AssetFilter | None = None,
) -> Register:
    """The assets in use (with those on loan), on loan, or written off; `all` is both the assets still
    on the books and every disposal. A written-off row (报废资产清单) is one disposal: the quantity
    that left the books, its original value and book value on that day, the disposal's id and date —
    so a lot scrapped in part shows both its row on the books and the part written off."""
    states, _ = replay(ledger, until=at)
    rows = []
    for state in states.values():
        a = state.asset
        if category and not a.category.startswith(category):
            continue
        if funding and a.funding != funding:
            continue
        if only is not None and not only.keeps(a):
            continue
        if status in ("disposed", "all"):
            rows.extend(_written_off(ledger, state, place, keeper))
        if status == "disposed" or state.in_books == 0:
            continue
        if status == "on_loan" and state.status != "on_loan":
            continue
        if (place or keeper) and not state.holds(place, keeper):
            continue
        rows.append(_row(ledger, state, at, place, keeper))
    if status == "disposed":
        rows.sort(key=lambda r: (r.disposed_on or at, r.disposal))
    where = ledger.place_by_id.get(place) if place else None
    return Register(
        at, tuple(rows), place, where.name if where else None, where.keeper if where else None, keeper, status
    )


def _written_off(ledger: Ledger, state: AssetState, place: str | None, keeper: str | None) -> list[AssetRow]:
    a = state.asset
    rows = []
    for e in state.history:
        if e.what not in DISPOSED or not isinstance(e.record, Disposal):
            continue
        where = e.record.from_place or a.place
        if place not in (None, where) or keeper not in (None, a.keeper):
            continue
        rows.append(
            AssetRow(
                id=a.id,
                name=a.name,
                model=a.model or "",
                category=a.category,
                unit=a.unit,
                quantity=e.quantity,
                lent=0,
                places=(where,),
                keepers=(),
                funding=a.funding,
                acquired=a.date,
                value=book_value(
                    a.unit_price * e.quantity, a.date, e.date, life_of(ledger, a), start_of(ledger), disposed=True
                ),
                status="disposed",
                disposal=e.record.id,
                disposed_on=e.date,
                disposal_type=e.what,
            )
        )
    return rows


@dataclass(frozen=True)
class OverdueLoan:
    loan: Loan
    asset_name: str
    days: int


def overdue_loans(ledger: Ledger, at: dt.date) -> list[OverdueLoan]:
    out = []
    calendar = ledger.config.calendar  # as LOAN001 counts: due days on a day off move on, holidays not counted
    for r in ledger.records(Loan):
        if r.date > at or (r.returned is not None and r.returned.on <= at):
            continue
        due = calendar.due(r.due)
        if due < at:
            asset = ledger.find(r.asset, Asset)
            out.append(OverdueLoan(r, asset.name if asset is not None else "?", calendar.elapsed(due, at)))
    return out


@dataclass(frozen=True)
class AssetCard:
    asset: Asset
    state: AssetState
    value: BookValue
    category_name: str
    history: tuple[Event, ...]


def asset_card(ledger: Ledger, asset: Asset, at: dt.date) -> AssetCard:
    states, _ = replay(ledger, until=at)
    state = states[asset.id]
    category = ledger.category_by_code.get(asset.category)
    return AssetCard(
        asset=asset,
        state=state,
        value=book_value(asset.unit_price * state.in_books, asset.date, at, life_of(ledger, asset), start_of(ledger)),
        category_name=category.name if category else "?",
        history=tuple(state.history),
    )

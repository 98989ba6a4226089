"""The kinds of dated record: one enum of their names (the file each lives in, YYYY/<name>.yaml), and
one registry keyed by it that ties each kind to its model (whose class names its id prefix), its
words and the records it names by id (`links`, what the refs check looks up and docs/checks.md lists).
Code asks for records by model (`Ledger.records(Loan)`); a kind's name is written only here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeGuard

from houqin.i18n import RecordName, message
from houqin.layout import CARRIED_APART, CARRIED_SUFFIX
from houqin.models.base import Lined, Record
from houqin.models.records import (
    Asset,
    Audit,
    BalanceAssertion,
    BudgetAdjustment,
    CashAdvance,
    Close,
    Damage,
    Disposal,
    FeeNotice,
    FeeSettlement,
    FireCheck,
    FoodReceipt,
    HealthCertificate,
    Income,
    Loan,
    Meal,
    MeterReading,
    MilkDelivery,
    MilkOrder,
    Move,
    Patrol,
    PrintJob,
    Purchase,
    ReceiptBook,
    ReceiptVoid,
    Reception,
    Recovery,
    Reimbursement,
    Reopen,
    Repair,
    Responsibility,
    ShopBatch,
    ShopSale,
    StockIn,
    StockOut,
    Stocktake,
    Transfer,
    Trip,
    VehicleCost,
    YearOpening,
)


class RecordKind(StrEnum):
    """A kind's name, which is its file's name (a str, so it keys the holders and the cache as text)."""

    PURCHASES = "purchases"
    ASSETS = "assets"
    EXPENSES = "expenses"
    STOCK_IN = "stock-in"
    STOCK_OUT = "stock-out"
    LOANS = "loans"
    MOVES = "moves"
    DISPOSALS = "disposals"
    REPAIRS = "repairs"
    DAMAGES = "damages"
    ADVANCES = "advances"
    STOCKTAKES = "stocktakes"
    FEE_NOTICES = "fee-notices"
    FEE_SETTLEMENTS = "fee-settlements"
    INCOME = "income"
    RECEIPT_BOOKS = "receipt-books"
    RECEIPT_VOIDS = "receipt-voids"
    TRANSFERS = "transfers"
    ASSERTIONS = "assertions"
    BUDGET_ADJUSTMENTS = "budget-adjustments"
    CLOSES = "closes"
    REOPENS = "reopens"
    OPENINGS = "openings"
    METER_READINGS = "meter-readings"
    PATROLS = "patrols"
    PRINT_JOBS = "print-jobs"
    SHOP_BATCHES = "shop-batches"
    SHOP_SALES = "shop-sales"
    MILK_ORDERS = "milk-orders"
    MILK_DELIVERIES = "milk-deliveries"
    RECOVERIES = "recoveries"
    AUDITS = "audits"
    FIRE_CHECKS = "fire-checks"
    RESPONSIBILITIES = "responsibilities"
    FOOD_RECEIPTS = "food-receipts"
    MEALS = "meals"
    HEALTH_CERTIFICATES = "health-certificates"
    TRIPS = "trips"
    VEHICLE_COSTS = "vehicle-costs"
    RECEPTIONS = "receptions"


@dataclass(frozen=True)
class Link:
    """A field of a record that names another record by its id. `path` is the field as the ledger writes
    it, dotted through a part (`done.expense`) or a list of parts (`findings.repair`: each finding's).
    `to` is the model it names and `what` how a message names that (a RecordName: REF009's 资产/asset).
    `by` is the check that looks the id up: refs for most (REF009); another check where a missing
    record means more than a dangling id (an advance's settling claims are the advances check's).
    `prefixed`: the field may also hold other words (a stock-in's origin: a purchase, a count, or
    捐赠), and names a record only when it carries the target's prefix. `part_line`: a dangling id
    is reported on the part's line rather than the record's."""

    path: str
    to: type[Record]
    what: RecordName
    by: str = "refs"
    prefixed: bool = False
    part_line: bool = False


@dataclass(frozen=True)
class Kind:
    key: RecordKind
    model: type[Record]
    links: tuple[Link, ...] = ()

    @property
    def zh(self) -> str:
        """What the school calls the kind (the message catalogue's msgctxt kind)."""
        return message(self.name, "zh", "kind")

    @property
    def en(self) -> str:
        return message(self.name, "en", "kind")

    @property
    def name(self) -> str:
        """The kind's name as plain text (what the holders, the cache and the file names use)."""
        return self.key.value

    @property
    def prefix(self) -> str:
        return self.model.prefix

    @property
    def filename(self) -> str:
        return f"{self.name}.yaml"

    @property
    def carried_filename(self) -> str | None:
        """The open year's file of the copies a year-end close carried of this kind, when they are kept
        apart from the year's own records (layout.CARRIED_APART), else None (they share `filename`)."""
        return f"{self.name}{CARRIED_SUFFIX}" if self.name in CARRIED_APART else None


KINDS: tuple[Kind, ...] = (
    Kind(RecordKind.PURCHASES, Purchase),
    Kind(
        RecordKind.ASSETS,
        Asset,
        (Link("purchase", Purchase, RecordName("purchase")),),
    ),
    Kind(
        RecordKind.EXPENSES,
        Reimbursement,
        (Link("advance", CashAdvance, RecordName("advance")), Link("purchase", Purchase, RecordName("purchase"))),
    ),
    Kind(
        RecordKind.STOCK_IN,
        StockIn,
        (
            Link("origin", Purchase, RecordName("purchase"), prefixed=True),
            Link("origin", Stocktake, RecordName("stocktake"), prefixed=True),
        ),
    ),
    Kind(RecordKind.STOCK_OUT, StockOut),
    Kind(
        RecordKind.LOANS,
        Loan,
        (Link("asset", Asset, RecordName("asset")),),
    ),
    Kind(
        RecordKind.MOVES,
        Move,
        (Link("asset", Asset, RecordName("asset")),),
    ),
    Kind(
        RecordKind.DISPOSALS,
        Disposal,
        (Link("asset", Asset, RecordName("asset")),),
    ),
    Kind(
        RecordKind.REPAIRS,
        Repair,
        (Link("asset", Asset, RecordName("asset")), Link("done.expense", Reimbursement, RecordName("claim"))),
    ),
    Kind(
        RecordKind.DAMAGES,
        Damage,
        (Link("asset", Asset, RecordName("asset")), Link("settled.income", Income, RecordName("income"), by="damage")),
    ),
    Kind(
        RecordKind.ADVANCES,
        CashAdvance,
        (Link("settlement.expenses", Reimbursement, RecordName("claim"), by="advances"),),
    ),
    Kind(
        RecordKind.STOCKTAKES,
        Stocktake,
        (Link("findings.asset", Asset, RecordName("asset"), part_line=True),),
    ),
    Kind(RecordKind.FEE_NOTICES, FeeNotice),
    Kind(RecordKind.FEE_SETTLEMENTS, FeeSettlement),
    Kind(
        RecordKind.INCOME,
        Income,
        (
            Link("damage", Damage, RecordName("damage_case")),
            Link("settlement", FeeSettlement, RecordName("fee_settlement"), by="fees"),
        ),
    ),
    Kind(RecordKind.RECEIPT_BOOKS, ReceiptBook),
    Kind(RecordKind.RECEIPT_VOIDS, ReceiptVoid),
    Kind(RecordKind.TRANSFERS, Transfer),
    Kind(RecordKind.ASSERTIONS, BalanceAssertion),
    Kind(RecordKind.BUDGET_ADJUSTMENTS, BudgetAdjustment),
    Kind(RecordKind.CLOSES, Close),
    Kind(
        RecordKind.REOPENS,
        Reopen,
        (Link("close", Close, RecordName("close"), by="close"),),
    ),
    Kind(
        RecordKind.OPENINGS,
        YearOpening,
        (Link("assets.asset", Asset, RecordName("asset"), by="year"),),
    ),
    Kind(RecordKind.METER_READINGS, MeterReading),
    Kind(
        RecordKind.PATROLS,
        Patrol,
        (
            Link("findings.repair", Repair, RecordName("repair")),
            Link("findings.damage", Damage, RecordName("damage_case")),
        ),
    ),
    Kind(RecordKind.PRINT_JOBS, PrintJob),
    Kind(RecordKind.SHOP_BATCHES, ShopBatch),
    Kind(
        RecordKind.SHOP_SALES,
        ShopSale,
        (Link("batch", ShopBatch, RecordName("shop_batch")),),
    ),
    Kind(RecordKind.MILK_ORDERS, MilkOrder),
    Kind(RecordKind.MILK_DELIVERIES, MilkDelivery),
    # the rest of the office (issue #18)
    Kind(
        RecordKind.RECOVERIES,
        Recovery,
        (
            Link("asset", Asset, RecordName("asset")),
            Link("stocktake", Stocktake, RecordName("stocktake"), by="stocktake"),
        ),
    ),
    Kind(RecordKind.AUDITS, Audit),
    Kind(RecordKind.FIRE_CHECKS, FireCheck),
    Kind(RecordKind.RESPONSIBILITIES, Responsibility),
    Kind(RecordKind.FOOD_RECEIPTS, FoodReceipt),
    Kind(RecordKind.MEALS, Meal),
    Kind(RecordKind.HEALTH_CERTIFICATES, HealthCertificate),
    Kind(RecordKind.TRIPS, Trip),
    Kind(
        RecordKind.VEHICLE_COSTS,
        VehicleCost,
        (Link("expense", Reimbursement, RecordName("claim"), by="vehicles"),),
    ),
    Kind(
        RecordKind.RECEPTIONS,
        Reception,
        (Link("expense", Reimbursement, RecordName("claim"), by="vehicles"),),
    ),
)

KIND_BY_NAME: Mapping[str, Kind] = {k.name: k for k in KINDS}
KIND_BY_FILE: Mapping[str, Kind] = {
    name: k for k in KINDS for name in (k.filename, k.carried_filename) if name is not None
}
KIND_BY_PREFIX: Mapping[str, Kind] = {k.prefix: k for k in KINDS}
KIND_BY_MODEL: Mapping[type[Record], Kind] = {k.model: k for k in KINDS}
ALL_KINDS: frozenset[RecordKind] = frozenset(RecordKind)
assert [k.key for k in KINDS] == list(RecordKind), "each kind once in KINDS, in the enum's order"


def kind_of(record: Record) -> Kind:
    return KIND_BY_MODEL[type(record)]


def kinds(*models: type[Record]) -> frozenset[RecordKind]:
    """The kinds whose records are these models (what a check declares it reads)."""
    return frozenset(KIND_BY_MODEL[m].key for m in models)


def linked_kinds(by: str = "refs") -> dict[str, frozenset[RecordKind]]:
    """For each kind with links `by` a check looks up, the kinds they name (what the check `sees`)."""
    out = {k.name: frozenset(KIND_BY_MODEL[link.to].key for link in k.links if link.by == by) for k in KINDS}
    return {name: found for name, found in out.items() if found}


def _value(part: object, path: str) -> Iterable[object]:
    head, _, rest = path.partition(".")
    value = getattr(part, head)
    if value is None:
        return ()
    if rest:
        return _value(value, rest)
    return value if isinstance(value, tuple) else (value,)


def links_of(record: Record, by: str = "refs") -> Iterator[tuple[Link, str, int]]:
    """(link, id, line) of every id the record names through its kind's links `by` a check, in the
    order they are declared; a list of parts is walked once, each part's links in turn."""
    declared = [link for link in kind_of(record).links if link.by == by]
    walked: set[str] = set()
    for link in declared:
        head, _, rest = link.path.partition(".")
        value = getattr(record, head)
        if rest and isinstance(value, tuple):  # a list of parts
            if head in walked:
                continue
            walked.add(head)
            group = [(other, other.path.partition(".")[2]) for other in declared if other.path.startswith(f"{head}.")]
            for part in value:
                for other, field in group:
                    line = part.line if other.part_line and isinstance(part, Lined) else record.source.line
                    yield from ((other, rid, line) for rid in _value(part, field) if _names(rid, other))
            continue
        yield from ((link, rid, record.source.line) for rid in _value(record, link.path) if _names(rid, link))


def _names(rid: object, link: Link) -> TypeGuard[str]:
    return isinstance(rid, str) and (not link.prefixed or rid.startswith(f"{link.to.prefix}-"))

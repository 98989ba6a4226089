"""The kinds of dated record: one enum of their names (the file each lives in, YYYY/<name>.yaml), and
one registry keyed by it that ties each kind to its model (whose class names its id prefix), its
words and the records it names by id (`links`, what the refs check looks up and docs/checks.md lists).
Code asks for records by model (`Ledger.records(Loan)`); a kind's name is written only here."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeGuard

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
    `to` is the model it names and `what` how a diagnostic names that (REF009's "资产/asset").
    `by` is the check that looks the id up: refs for most (REF009); another check where a missing
    record means more than a dangling id (an advance's settling claims are the advances check's).
    `prefixed`: the field may also hold other words (a stock-in's origin: a purchase, a count, or
    捐赠), and names a record only when it carries the target's prefix. `part_line`: a dangling id
    is reported on the part's line rather than the record's."""

    path: str
    to: type[Record]
    what: str
    by: str = "refs"
    prefixed: bool = False
    part_line: bool = False


@dataclass(frozen=True)
class Kind:
    key: RecordKind
    model: type[Record]
    zh: str
    en: str
    links: tuple[Link, ...] = ()

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
    Kind(RecordKind.PURCHASES, Purchase, "请购", "purchases"),
    Kind(
        RecordKind.ASSETS,
        Asset,
        "固定资产",
        "assets",
        (Link("purchase", Purchase, "请购单/purchase"),),
    ),
    Kind(
        RecordKind.EXPENSES,
        Reimbursement,
        "报销",
        "reimbursements",
        (Link("advance", CashAdvance, "借款/advance"), Link("purchase", Purchase, "请购单/purchase")),
    ),
    Kind(
        RecordKind.STOCK_IN,
        StockIn,
        "入库",
        "stock in",
        (
            Link("origin", Purchase, "请购单/purchase", prefixed=True),
            Link("origin", Stocktake, "盘点/stocktake", prefixed=True),
        ),
    ),
    Kind(RecordKind.STOCK_OUT, StockOut, "领用出库", "stock out"),
    Kind(
        RecordKind.LOANS,
        Loan,
        "借用",
        "loans",
        (Link("asset", Asset, "资产/asset"),),
    ),
    Kind(
        RecordKind.MOVES,
        Move,
        "调拨",
        "moves",
        (Link("asset", Asset, "资产/asset"),),
    ),
    Kind(
        RecordKind.DISPOSALS,
        Disposal,
        "处置",
        "disposals",
        (Link("asset", Asset, "资产/asset"),),
    ),
    Kind(
        RecordKind.REPAIRS,
        Repair,
        "报修",
        "repairs",
        (Link("asset", Asset, "资产/asset"), Link("done.expense", Reimbursement, "报销单/claim")),
    ),
    Kind(
        RecordKind.DAMAGES,
        Damage,
        "损坏赔偿",
        "damage cases",
        (Link("asset", Asset, "资产/asset"), Link("settled.income", Income, "收入/income", by="damage")),
    ),
    Kind(
        RecordKind.ADVANCES,
        CashAdvance,
        "借款",
        "cash advances",
        (Link("settlement.expenses", Reimbursement, "报销单/claim", by="advances"),),
    ),
    Kind(
        RecordKind.STOCKTAKES,
        Stocktake,
        "盘点",
        "stocktakes",
        (Link("findings.asset", Asset, "资产/asset", part_line=True),),
    ),
    Kind(RecordKind.FEE_NOTICES, FeeNotice, "收费公示", "fee notices"),
    Kind(RecordKind.FEE_SETTLEMENTS, FeeSettlement, "代办费结算", "fee settlements"),
    Kind(
        RecordKind.INCOME,
        Income,
        "收入",
        "income",
        (
            Link("damage", Damage, "赔偿案/damage case"),
            Link("settlement", FeeSettlement, "代办费结算/fee settlement", by="fees"),
        ),
    ),
    Kind(RecordKind.RECEIPT_BOOKS, ReceiptBook, "收据领用", "receipt books"),
    Kind(RecordKind.RECEIPT_VOIDS, ReceiptVoid, "作废收据", "voided receipts"),
    Kind(RecordKind.TRANSFERS, Transfer, "提现转账", "transfers"),
    Kind(RecordKind.ASSERTIONS, BalanceAssertion, "对账", "balance assertions"),
    Kind(RecordKind.BUDGET_ADJUSTMENTS, BudgetAdjustment, "预算调整", "budget adjustments"),
    Kind(RecordKind.CLOSES, Close, "月结", "month closes"),
    Kind(
        RecordKind.REOPENS,
        Reopen,
        "重新开账",
        "reopened months",
        (Link("close", Close, "月结/close", by="close"),),
    ),
    Kind(
        RecordKind.OPENINGS,
        YearOpening,
        "年终结账",
        "year-end closes",
        (Link("assets.asset", Asset, "资产/asset", by="year"),),
    ),
    Kind(RecordKind.METER_READINGS, MeterReading, "抄表", "meter readings"),
    Kind(
        RecordKind.PATROLS,
        Patrol,
        "巡视",
        "daily rounds",
        (Link("findings.repair", Repair, "报修单/repair"), Link("findings.damage", Damage, "赔偿案/damage case")),
    ),
    Kind(RecordKind.PRINT_JOBS, PrintJob, "文印", "print jobs"),
    Kind(RecordKind.SHOP_BATCHES, ShopBatch, "商店进货", "shop batches"),
    Kind(
        RecordKind.SHOP_SALES,
        ShopSale,
        "商店销售",
        "shop sales",
        (Link("batch", ShopBatch, "商店批次/shop batch"),),
    ),
    Kind(RecordKind.MILK_ORDERS, MilkOrder, "学生奶订购", "milk orders"),
    Kind(RecordKind.MILK_DELIVERIES, MilkDelivery, "学生奶配送", "milk deliveries"),
    # the rest of the office (issue #18)
    Kind(
        RecordKind.RECOVERIES,
        Recovery,
        "盘点问题处理",
        "count findings resolved",
        (Link("asset", Asset, "资产/asset"), Link("stocktake", Stocktake, "盘点/stocktake", by="stocktake")),
    ),
    Kind(RecordKind.AUDITS, Audit, "稽核", "audit records"),
    Kind(RecordKind.FIRE_CHECKS, FireCheck, "消防检查", "fire equipment inspections"),
    Kind(RecordKind.RESPONSIBILITIES, Responsibility, "保管责任书", "keepers' responsibility records"),
    Kind(RecordKind.FOOD_RECEIPTS, FoodReceipt, "食材验收", "food receipts"),
    Kind(RecordKind.MEALS, Meal, "餐次", "canteen meals"),
    Kind(RecordKind.HEALTH_CERTIFICATES, HealthCertificate, "健康证", "health certificates"),
    Kind(RecordKind.TRIPS, Trip, "出车登记", "vehicle trips"),
    Kind(
        RecordKind.VEHICLE_COSTS,
        VehicleCost,
        "车辆费用",
        "vehicle costs",
        (Link("expense", Reimbursement, "报销单/claim", by="vehicles"),),
    ),
    Kind(
        RecordKind.RECEPTIONS,
        Reception,
        "公务接待",
        "official receptions",
        (Link("expense", Reimbursement, "报销单/claim", by="vehicles"),),
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

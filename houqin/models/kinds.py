"""The kinds of dated record, the file each lives in (YYYY/<name>.yaml) and its id prefix."""

from __future__ import annotations

from dataclasses import dataclass

from houqin.i18n import message
from houqin.models.base import Record
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


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[Record]

    @property
    def zh(self) -> str:
        """What the school calls the kind (the message catalogue's msgctxt kind)."""
        return message(self.name, "zh", "kind")

    @property
    def en(self) -> str:
        return message(self.name, "en", "kind")

    @property
    def prefix(self) -> str:
        return self.model.prefix

    @property
    def filename(self) -> str:
        return f"{self.name}.yaml"


KINDS: tuple[Kind, ...] = (
    Kind("purchases", Purchase),
    Kind("assets", Asset),
    Kind("expenses", Reimbursement),
    Kind("stock-in", StockIn),
    Kind("stock-out", StockOut),
    Kind("loans", Loan),
    Kind("moves", Move),
    Kind("disposals", Disposal),
    Kind("repairs", Repair),
    Kind("damages", Damage),
    Kind("advances", CashAdvance),
    Kind("stocktakes", Stocktake),
    Kind("fee-notices", FeeNotice),
    Kind("fee-settlements", FeeSettlement),
    Kind("income", Income),
    Kind("receipt-books", ReceiptBook),
    Kind("receipt-voids", ReceiptVoid),
    Kind("transfers", Transfer),
    Kind("assertions", BalanceAssertion),
    Kind("budget-adjustments", BudgetAdjustment),
    Kind("closes", Close),
    Kind("reopens", Reopen),
    Kind("openings", YearOpening),
    Kind("meter-readings", MeterReading),
    Kind("patrols", Patrol),
    Kind("print-jobs", PrintJob),
    Kind("shop-batches", ShopBatch),
    Kind("shop-sales", ShopSale),
    Kind("milk-orders", MilkOrder),
    Kind("milk-deliveries", MilkDelivery),
    # the rest of the office (issue #18)
    Kind("recoveries", Recovery),
    Kind("audits", Audit),
    Kind("fire-checks", FireCheck),
    Kind("responsibilities", Responsibility),
    Kind("food-receipts", FoodReceipt),
    Kind("meals", Meal),
    Kind("health-certificates", HealthCertificate),
    Kind("trips", Trip),
    Kind("vehicle-costs", VehicleCost),
    Kind("receptions", Reception),
)

KIND_BY_NAME = {k.name: k for k in KINDS}
KIND_BY_FILE = {k.filename: k for k in KINDS}
KIND_BY_PREFIX = {k.prefix: k for k in KINDS}
KIND_BY_MODEL = {k.model: k for k in KINDS}


def kind_of(record: Record) -> Kind:
    return KIND_BY_MODEL[type(record)]

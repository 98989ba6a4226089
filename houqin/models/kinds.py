"""The kinds of dated record, the file each lives in (YYYY/<name>.yaml) and its id prefix."""

from __future__ import annotations

from dataclasses import dataclass

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
    zh: str
    en: str

    @property
    def prefix(self) -> str:
        return self.model.prefix

    @property
    def filename(self) -> str:
        return f"{self.name}.yaml"


KINDS: tuple[Kind, ...] = (
    Kind("purchases", Purchase, "请购", "purchases"),
    Kind("assets", Asset, "固定资产", "assets"),
    Kind("expenses", Reimbursement, "报销", "reimbursements"),
    Kind("stock-in", StockIn, "入库", "stock in"),
    Kind("stock-out", StockOut, "领用出库", "stock out"),
    Kind("loans", Loan, "借用", "loans"),
    Kind("moves", Move, "调拨", "moves"),
    Kind("disposals", Disposal, "处置", "disposals"),
    Kind("repairs", Repair, "报修", "repairs"),
    Kind("damages", Damage, "损坏赔偿", "damage cases"),
    Kind("advances", CashAdvance, "借款", "cash advances"),
    Kind("stocktakes", Stocktake, "盘点", "stocktakes"),
    Kind("fee-notices", FeeNotice, "收费公示", "fee notices"),
    Kind("fee-settlements", FeeSettlement, "代办费结算", "fee settlements"),
    Kind("income", Income, "收入", "income"),
    Kind("receipt-books", ReceiptBook, "收据领用", "receipt books"),
    Kind("receipt-voids", ReceiptVoid, "作废收据", "voided receipts"),
    Kind("transfers", Transfer, "提现转账", "transfers"),
    Kind("assertions", BalanceAssertion, "对账", "balance assertions"),
    Kind("budget-adjustments", BudgetAdjustment, "预算调整", "budget adjustments"),
    Kind("closes", Close, "月结", "month closes"),
    Kind("reopens", Reopen, "重新开账", "reopened months"),
    Kind("openings", YearOpening, "年终结账", "year-end closes"),
    Kind("meter-readings", MeterReading, "抄表", "meter readings"),
    Kind("patrols", Patrol, "巡视", "daily rounds"),
    Kind("print-jobs", PrintJob, "文印", "print jobs"),
    Kind("shop-batches", ShopBatch, "商店进货", "shop batches"),
    Kind("shop-sales", ShopSale, "商店销售", "shop sales"),
    Kind("milk-orders", MilkOrder, "学生奶订购", "milk orders"),
    Kind("milk-deliveries", MilkDelivery, "学生奶配送", "milk deliveries"),
    # the rest of the office (issue #18)
    Kind("recoveries", Recovery, "盘点问题处理", "count findings resolved"),
    Kind("audits", Audit, "稽核", "audit records"),
    Kind("fire-checks", FireCheck, "消防检查", "fire equipment inspections"),
    Kind("responsibilities", Responsibility, "保管责任书", "keepers' responsibility records"),
    Kind("food-receipts", FoodReceipt, "食材验收", "food receipts"),
    Kind("meals", Meal, "餐次", "canteen meals"),
    Kind("health-certificates", HealthCertificate, "健康证", "health certificates"),
    Kind("trips", Trip, "出车登记", "vehicle trips"),
    Kind("vehicle-costs", VehicleCost, "车辆费用", "vehicle costs"),
    Kind("receptions", Reception, "公务接待", "official receptions"),
)

KIND_BY_NAME = {k.name: k for k in KINDS}
KIND_BY_FILE = {k.filename: k for k in KINDS}
KIND_BY_PREFIX = {k.prefix: k for k in KINDS}
KIND_BY_MODEL = {k.model: k for k in KINDS}


def kind_of(record: Record) -> Kind:
    return KIND_BY_MODEL[type(record)]

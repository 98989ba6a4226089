"""The named checks, in the order they run. An immutable tuple: adding a check is an edit here.

Each check is one or more parts, and each part says what it reads (see checks/engine.py): that is
what lets an unchanged part's findings be reused. A part that reads a kind it does not declare
fails (UndeclaredRead), so a declaration here cannot silently be too narrow."""

from __future__ import annotations

from dataclasses import dataclass

from houqin.checks import (
    advances,
    approvals,
    assets,
    audit,
    budget,
    calendar,
    capitalisation,
    closes,
    damages,
    dates,
    duties,
    fees,
    finance,
    food_safety,
    ids,
    invoices,
    keys,
    loans,
    office,
    purchases,
    receipts,
    refs,
    repairs,
    responsibility,
    safety,
    shop,
    signatures,
    stock,
    stocktake,
    vehicles,
    year_close,
)
from houqin.checks.engine import ALL_KINDS, CheckFn, Part
from houqin.checks.names import CHECK_NAMES as NAMES
from houqin.models.closing import UNSEALED

CLOSE_BOOKS = UNSEALED  # the closes and reopenings, which a close does not seal
SEALED = ALL_KINDS - UNSEALED
ASSET_EVENTS = frozenset({"assets", "moves", "loans", "disposals"})  # what the asset replay reads
STOCK = frozenset({"stock-in", "stock-out", "stocktakes"})  # what stock_moves reads
MONEY = frozenset(
    {"advances", "income", "expenses", "transfers", "assertions", "shop-batches", "fee-settlements"}
)  # what money_flow.flows reads


def whole(run: CheckFn, *reads: frozenset[str] | str, dated: bool = False) -> Part:
    """A part that reads every record of these kinds."""
    return Part(run, _kinds(reads), dated=dated)


def per_file(run: CheckFn, *reads: frozenset[str] | str, sees: dict[str, frozenset[str]] | None = None) -> Part:
    """A part whose findings about a file depend on that file's records alone (and on the kinds in
    `sees`, looked up by id, for files of each kind)."""
    return Part(run, _kinds(reads), per_file=True, sees=sees or {})


def _kinds(reads: tuple[frozenset[str] | str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for r in reads:
        out |= {r} if isinstance(r, str) else r
    return frozenset(out)


@dataclass(frozen=True)
class Check:
    name: str
    parts: tuple[Part, ...]  # none: the schema check, whose findings are the loader's
    zh: str
    en: str


CHECKS: tuple[Check, ...] = (
    Check("schema", (), "文件格式与字段", "file format and fields"),
    Check(
        "ids",
        (per_file(ids.check_id_forms, ALL_KINDS), whole(ids.check_ids_unique, ALL_KINDS)),
        "编号唯一且格式正确",
        "ids unique and well-formed",
    ),
    Check(
        "dates",
        (Part(dates.check_future_dates, ALL_KINDS, per_file=True, dated=True),),
        "日期不晚于今天",
        "no record dated after today",
    ),
    Check(
        "refs",
        (whole(refs.check_place_keepers), per_file(refs.check_refs, ALL_KINDS, sees=refs.LINKS)),
        "人员、地点、物品、分类、预算科目存在且有效",
        "people, places, items, categories, budget lines exist",
    ),
    Check(
        "approval-chain",
        (per_file(approvals.check_approval_chain, ALL_KINDS),),
        "签批环节齐全且有序",
        "approval steps complete and in order",
    ),
    Check(
        "signatures",
        (per_file(signatures.check_signatures, ALL_KINDS), whole(signatures.check_names)),
        "签字人具备相应角色，姓名不会被混淆",
        "signers hold the role on the day; no name can be mistaken for another",
    ),
    Check(
        "keys",
        (whole(keys.check_keys), per_file(keys.check_key_signatures, ALL_KINDS, sees={"*": CLOSE_BOOKS})),
        "密钥经校长签署登记、密钥签名有效且有序",
        "keys registered under the principal's key; key signatures verify, in order",
    ),
    Check(
        "by-key",
        (per_file(keys.check_not_by_key, ALL_KINDS), whole(keys.check_who_has_no_key)),
        "哪些签字尚未用密钥（houqin check --keys）",
        "signatures not yet made by key (houqin check --keys)",
    ),
    Check(
        "separation-of-duties",
        (
            per_file(duties.check_separation, ALL_KINDS),
            whole(duties.check_accountant_not_cashier),
            per_file(duties.check_own_requests, *duties.OWN_KINDS),
        ),
        "不相容职务分离",
        "separation of duties",
    ),
    Check(
        "invoice",
        (
            per_file(invoices.check_invoice_forms, "expenses", "assets"),
            whole(invoices.check_invoices_claimed_once, "expenses"),
        ),
        "发票真实、未过期、未重复报销",
        "invoices well-formed, fresh, claimed once",
    ),
    Check(
        "capitalisation",
        (per_file(capitalisation.check_capitalisation, "assets"),),
        "固定资产标准",
        "capitalisation threshold",
    ),
    Check(
        "assets",
        (whole(assets.check_assets, ASSET_EVENTS), whole(assets.check_category_codes)),
        "资产调拨、处置与交结",
        "asset moves, disposals and handovers",
    ),
    Check("loans", (whole(loans.check_loans, "loans", dated=True),), "借还销号与逾期", "loans returned, overdue loans"),
    Check(
        "repairs", (whole(repairs.check_repairs, "repairs", dated=True),), "报修与验收", "repair tickets and acceptance"
    ),
    Check(
        "damage",
        (whole(damages.check_damages, "damages", "income", ASSET_EVENTS),),
        "公物损坏赔偿",
        "damage compensation",
    ),
    Check(
        "stock",
        (whole(stock.check_stock, STOCK),),
        "库存不为负、来源去向清楚、复印用品主管审批",
        "stock never negative, clear sources, printing supplies approved",
    ),
    Check(
        "purchase",
        (
            whole(purchases.check_purchases, "purchases"),
            per_file(
                purchases.check_booked_goods, "stock-in", "assets", "expenses", sees={"*": frozenset({"purchases"})}
            ),
        ),
        "采购审批、货比三家、三重一大、验收",
        "purchase approval and acceptance",
    ),
    Check(
        "stocktake",
        (
            whole(stocktake.check_stocktakes, STOCK, dated=True),
            whole(stocktake.check_reports, stocktake.FOLLOW_UP, dated=True),
        ),
        "期初清点与期末盘点",
        "term-start and term-end counts",
    ),
    Check(
        "finance",
        (whole(finance.check_finance, MONEY, "fee-notices", "assertions", dated=True),),
        "收支两条线、收费公示、现金与对账",
        "income, fees, cash and balances",
    ),
    Check(
        "fees",
        (whole(fees.check_fees, "fee-notices", "fee-settlements", "income", "expenses", dated=True),),
        "代办费多退少补、公示，一费制",
        "fees collected on behalf settled per term; the 一费制 limit",
    ),
    Check(
        "receipts",
        (whole(receipts.check_receipts, "income", "receipt-books", "receipt-voids", dated=True),),
        "收据领用、按号使用、作废留存、及时入帐",
        "receipt books, numbers used once and in order, voids kept, income booked on time",
    ),
    Check(
        "budget",
        (whole(budget.check_budget, "budget-adjustments", "expenses"),),
        "计划经费限额使用",
        "spending within the budget",
    ),
    Check(
        "advances",
        (whole(advances.check_advances, "advances", "expenses", dated=True),),
        "借款结清",
        "advances settled",
    ),
    Check(
        "close",
        (
            whole(closes.check_closes, CLOSE_BOOKS, dated=True),
            per_file(closes.check_sealed_records, SEALED, sees={"*": CLOSE_BOOKS}),
            whole(closes.check_sealed_missing, SEALED, CLOSE_BOOKS),
        ),
        "每月清结、结账后不得改动",
        "months closed, closed months unchanged",
    ),
    Check(
        "year",
        (
            whole(year_close.check_opening, CLOSE_BOOKS),
            per_file(year_close.check_carried, ALL_KINDS, sees={"*": year_close.YEAR_KINDS}),
            whole(year_close.check_carried_present, ALL_KINDS),
            whole(year_close.check_figures, ALL_KINDS),
            whole(year_close.check_closed_files, year_close.YEAR_KINDS),
        ),
        "年终结账、已结年度不得改动",
        "years closed, closed years unchanged",
    ),
    Check(
        "meters",
        (whole(office.check_meters, "meter-readings", dated=True),),
        "水电表每期一查",
        "meters read each term, no leaks",
    ),
    Check(
        "patrols",
        (whole(office.check_patrols, "patrols", "repairs", dated=True),),
        "每日巡视",
        "daily rounds, findings dealt with",
    ),
    Check(
        "printing",
        (whole(office.check_printing, "print-jobs"),),
        "文印须主管审批",
        "print jobs approved by the supervisor",
    ),
    Check(
        "shop",
        (
            whole(shop.check_shop, "shop-batches", "shop-sales"),
            whole(shop.check_shelf, "shop-batches", "shop-sales", dated=True),
            whole(shop.check_takings, "shop-batches", "shop-sales", "income", dated=True),
        ),
        "商店进售双价、过期商品、货款从账户支付、营业款按日解缴",
        "shop prices, shelf life, purchases paid from the books, takings deposited",
    ),
    Check(
        "milk",
        (whole(shop.check_milk, "milk-orders", "milk-deliveries", "income", "fee-notices", dated=True),),
        "学生奶订、送、收相符",
        "milk ordered, delivered and paid",
    ),
    Check(
        "calendar",
        (whole(calendar.check_calendar, ALL_KINDS, dated=True),),
        "校历：法定节假日与调休",
        "the school calendar: holidays and make-up days",
    ),
    Check(
        "audit",
        (whole(audit.check_audits, "audits", dated=True), whole(audit.check_unaudited, ALL_KINDS, dated=True)),
        "稽核小组每学期稽核",
        "the audit group's term audit",
    ),
    Check(
        "safety",
        (
            whole(safety.check_fire, "fire-checks", dated=True),
            whole(safety.check_dual_issue, "stock-out"),
            whole(safety.check_utilities, dated=True),
        ),
        "消防检查、双人领发、水电气炉专人负责",
        "fire equipment inspected, chemicals issued by two, a person for each utility",
    ),
    Check(
        "responsibility",
        (whole(responsibility.check_responsibilities, ALL_KINDS, dated=True),),
        "保管责任书（责任到人）",
        "keepers' responsibility records",
    ),
    Check(
        "food-safety",
        (
            whole(food_safety.check_receipts, "food-receipts"),
            whole(food_safety.check_meals, "meals", "health-certificates", dated=True),
        ),
        "食堂索证索票、留样、陪餐、健康证",
        "canteen: licences and certificates, samples, leaders at table, health certificates",
    ),
    Check(
        "vehicles",
        (
            whole(vehicles.check_trips, "trips", dated=True),
            whole(vehicles.check_costs, "vehicle-costs", "trips", "expenses"),
            whole(vehicles.check_receptions, "receptions", "expenses", dated=True),
        ),
        "公车出车登记与费用、公务接待",
        "vehicle trips and costs, official receptions",
    ),
)

CHECK_NAMES: tuple[str, ...] = tuple(c.name for c in CHECKS)
assert CHECK_NAMES == NAMES, "houqin/checks/names.py lists the checks of this registry, in order"

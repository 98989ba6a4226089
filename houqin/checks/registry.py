"""The named checks, in the order they run. An immutable tuple: adding a check is an edit here."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from houqin.checks import (
    advances,
    approvals,
    assets,
    budget,
    capitalisation,
    closes,
    damages,
    duties,
    finance,
    ids,
    invoices,
    loans,
    office,
    purchases,
    refs,
    repairs,
    shop,
    signatures,
    stock,
    stocktake,
)
from houqin.checks.names import CHECK_NAMES as NAMES
from houqin.diagnostics import Diagnostic
from houqin.models.config import Policy
from houqin.models.ledger import Ledger

CheckFn = Callable[[Ledger, Policy], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Check:
    name: str
    run: CheckFn | None
    zh: str
    en: str


CHECKS: tuple[Check, ...] = (
    Check("schema", None, "文件格式与字段", "file format and fields"),
    Check("ids", ids.check_ids, "编号唯一且格式正确", "ids unique and well-formed"),
    Check(
        "refs",
        refs.check_refs,
        "人员、地点、物品、分类、预算科目存在且有效",
        "people, places, items, categories, budget lines exist",
    ),
    Check(
        "approval-chain", approvals.check_approval_chain, "签批环节齐全且有序", "approval steps complete and in order"
    ),
    Check("signatures", signatures.check_signatures, "签字人具备相应角色", "signers hold the role on the day"),
    Check("separation-of-duties", duties.check_separation, "不相容职务分离", "separation of duties"),
    Check(
        "invoice", invoices.check_invoices, "发票真实、未过期、未重复报销", "invoices well-formed, fresh, claimed once"
    ),
    Check("capitalisation", capitalisation.check_capitalisation, "固定资产标准", "capitalisation threshold"),
    Check("assets", assets.check_assets, "资产调拨、处置与交结", "asset moves, disposals and handovers"),
    Check("loans", loans.check_loans, "借还销号与逾期", "loans returned, overdue loans"),
    Check("repairs", repairs.check_repairs, "报修与验收", "repair tickets and acceptance"),
    Check("damage", damages.check_damages, "公物损坏赔偿", "damage compensation"),
    Check(
        "stock",
        stock.check_stock,
        "库存不为负、来源去向清楚、复印用品主管审批",
        "stock never negative, clear sources, printing supplies approved",
    ),
    Check(
        "purchase", purchases.check_purchases, "采购审批、货比三家、三重一大、验收", "purchase approval and acceptance"
    ),
    Check("stocktake", stocktake.check_stocktakes, "期初清点与期末盘点", "term-start and term-end counts"),
    Check("finance", finance.check_finance, "收支两条线、收费公示、现金与对账", "income, fees, cash and balances"),
    Check("budget", budget.check_budget, "计划经费限额使用", "spending within the budget"),
    Check("advances", advances.check_advances, "借款结清", "advances settled"),
    Check("close", closes.check_closes, "每月清结、结账后不得改动", "months closed, closed months unchanged"),
    Check("meters", office.check_meters, "水电表每期一查", "meters read each term, no leaks"),
    Check("patrols", office.check_patrols, "每日巡视", "daily rounds, findings dealt with"),
    Check("printing", office.check_printing, "文印须主管审批", "print jobs approved by the supervisor"),
    Check("shop", shop.check_shop, "商店进售双价、过期商品", "shop prices and shelf life"),
    Check("milk", shop.check_milk, "学生奶订、送、收相符", "milk ordered, delivered and paid"),
)

CHECK_NAMES: tuple[str, ...] = tuple(c.name for c in CHECKS)
assert CHECK_NAMES == NAMES, "houqin/checks/names.py lists the checks of this registry, in order"

"""The accounts of 政府会计制度 (财会〔2017〕25号) that houqin's vouchers post to, by role, with the
制度's codes and names as defaults; a school's catalog.yaml (`voucher_accounts`) changes any of them
(docs/finance.md). Pure data."""

from __future__ import annotations

from houqin.models.directory import Catalog

# role → (code, name). 财务会计 (accrual) first, then 预算会计 (budget, cash basis).
DEFAULT_VOUCHER_ACCOUNTS: dict[str, tuple[str, str]] = {
    "cash": ("1001", "库存现金"),
    "bank": ("1002", "银行存款"),
    "canteen": ("1002", "银行存款"),
    "advance": ("1218", "其他应收款"),
    "stock": ("1302", "库存物品"),
    "assets": ("1601", "固定资产"),
    "depreciation": ("1602", "固定资产累计折旧"),
    "suspense": ("1901", "待处理财产损溢"),
    "payable": ("2302", "应付账款"),
    "surplus": ("3001", "累计盈余"),
    "income.grant": ("4001", "财政拨款收入"),
    "income.fee": ("4101", "事业收入"),
    "income.other": ("4609", "其他收入"),
    "expense": ("5001", "业务活动费用"),
    "disposal": ("5801", "资产处置费用"),
    "budget.income.grant": ("6001", "财政拨款预算收入"),
    "budget.income.fee": ("6101", "事业预算收入"),
    "budget.income.other": ("6609", "其他预算收入"),
    "budget.spending": ("7201", "事业支出"),
    "budget.funds": ("8001", "资金结存"),
}
VOUCHER_ROLES = tuple(DEFAULT_VOUCHER_ACCOUNTS)


def voucher_accounts(catalog: Catalog) -> dict[str, tuple[str, str]]:
    """The map in force: the 制度's defaults with the catalog's own lines over them."""
    return {**DEFAULT_VOUCHER_ACCOUNTS, **{a.role: (a.code, a.name) for a in catalog.voucher_accounts}}

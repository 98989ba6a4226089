"""The books as double-entry transactions, for the accountant's own tools (hledger, beancount, a
spreadsheet). Accounts are named in ASCII (hledger and beancount want that), each with its Chinese name
alongside. Every transaction balances; the cashier's balances become balance assertions, so hledger and
bean-check verify them too. Pure: the renderers in houqin.render.books turn this into text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from houqin.models.directory import Account, all_accounts
from houqin.models.ledger import Ledger
from houqin.models.records import (
    BalanceAssertion,
    CashAdvance,
    FeeSettlement,
    Income,
    Reimbursement,
    ShopBatch,
    Transfer,
)
from houqin.models.vouchers import voucher_accounts

ACCOUNT_CODES = {"cash": "Assets:Cash", "bank": "Assets:Bank", "canteen": "Assets:Canteen"}
KIND_CODES = {"cash": "Assets:Cash", "bank": "Assets:Bank", "fund": "Assets:Funds"}


def account_code(account: Account) -> str:
    """The three accounts of old keep their codes; another is filed under its kind (Assets:Bank:Nongshang)."""
    return ACCOUNT_CODES.get(account.id) or f"{KIND_CODES[account.nature]}:{safe(account.id)}"


ADVANCES = ("Assets:Receivable:Advances", "暂付款（借款）")
OPENING = ("Equity:Opening", "期初余额")
INCOME = {
    "fee": ("Income:Fees", "收费"),
    "compensation": ("Income:Compensation", "赔偿收入"),
    "canteen": ("Income:Canteen", "食堂收入"),
    "grant": ("Income:Grants", "拨款收入"),
    "shop": ("Income:Shop", "商店营业收入"),
    "other": ("Income:Other", "其他收入"),
}
SPENT_ON_THE_SPOT = ("Expenses:Unbooked", "坐支（违规）")
SHOP_PURCHASES = ("Expenses:Shop", "商店进货")  # the report's spending line `Shop` (see reports/finance.py)
COUNT_DIFFERENCE = ("Assets:Suspense:CashCount", "待处理财产损溢（现金短缺/溢余）")
_SAFE = re.compile(r"[^A-Za-z0-9-]")


def safe(text: str) -> str:
    """An account component from any id, as hledger and beancount accept it: ASCII letters, digits and
    '-' kept, anything else written as its code point; it starts with a capital letter or a digit."""
    out = _SAFE.sub(lambda m: f"U{ord(m.group(0)):X}", text) or "X"
    if out[0].islower():
        return out[0].upper() + out[1:]
    return out if out[0].isalnum() else f"X{out}"


@dataclass(frozen=True)
class Posting:
    account: str
    amount: Decimal


@dataclass(frozen=True)
class Txn:
    date: dt.date
    code: str  # the record's id
    payee: str
    narration: str
    postings: tuple[Posting, ...]


@dataclass(frozen=True)
class Assertion:
    date: dt.date  # the balance at the end of this day
    code: str
    account: str
    amount: Decimal


@dataclass
class Books:
    names: dict[str, str]  # account → Chinese name
    opened: dict[str, dt.date]  # account → first day it is used
    txns: list[Txn]
    assertions: list[Assertion]
    codes: dict[str, str] = field(default_factory=dict)  # account → its 政府会计制度 code (科目代码)


# Each account's role in the voucher map (models/vouchers.py), by the start of its name.
GOV_ROLES = (
    ("Assets:Cash", "cash"),
    ("Assets:Bank", "bank"),
    ("Assets:Canteen", "canteen"),
    ("Assets:Receivable:Advances", "advance"),
    ("Assets:Suspense", "suspense"),
    ("Equity:Opening", "surplus"),
    ("Income:Fees", "income.fee"),
    ("Income:Grants", "income.grant"),
    ("Income:", "income.other"),
    ("Expenses:", "expense"),
)


def gov_codes(ledger: Ledger, accounts: Iterable[str]) -> dict[str, str]:
    """The 科目代码 of each account, so that the accountant's package maps hledger's accounts to its own."""
    chart = voucher_accounts(ledger.catalog)
    out = {}
    for account in accounts:
        role = next((r for start, r in GOV_ROLES if account.startswith(start)), None)
        if role is not None:
            out[account] = chart[role][0]
    return out


def books(ledger: Ledger) -> Books:
    names: dict[str, str] = {}
    txns: list[Txn] = []

    def acct(pair: tuple[str, str]) -> str:
        names.setdefault(pair[0], pair[1])
        return pair[0]

    known = {k: (account_code(a), a.name) for k, a in all_accounts(ledger.catalog.accounts).items()}

    def booked(account_id: str) -> tuple[str, str]:  # an unknown id is FIN013's; exported as it stands
        return known.get(account_id) or (f"Assets:Unknown:{safe(account_id)}", account_id)

    first_day = min((r.date for r in ledger.all_records()), default=dt.date(2000, 1, 1))
    for account in ledger.catalog.accounts:
        if account.opening:
            day = account.opened or first_day
            txns.append(
                Txn(
                    day,
                    "",
                    "",
                    f"期初余额 {account.name}",
                    (Posting(acct(booked(account.id)), account.opening), Posting(acct(OPENING), -account.opening)),
                )
            )
    lines = {b.id: b.name for b in ledger.catalog.budget_lines}
    advances = {r.id: r for r in ledger.records(CashAdvance)}
    for r in ledger.records(Income):
        kind_account, kind_name = INCOME[r.kind]
        if r.kind == "fee" and r.fee_item:
            kind_account, kind_name = f"{kind_account}:{safe(r.fee_item)}", f"{kind_name}：{r.fee_item}"
        kept = sum((d.amount for d in r.deductions), Decimal("0.00"))
        postings = [
            Posting(acct(booked(r.account)), r.amount - kept),
            Posting(acct((kind_account, kind_name)), -r.amount),
        ]
        if kept:
            postings.append(Posting(acct(SPENT_ON_THE_SPOT), kept))
        txns.append(Txn(r.date, r.id, r.payer, r.purpose or kind_name, tuple(postings)))
    for e in ledger.records(Reimbursement):
        if e.payment is None:
            continue
        expense = acct((f"Expenses:{safe(e.budget_line)}", f"{e.budget_line} {lines.get(e.budget_line, '')}".strip()))
        advance = advances.get(e.advance or "")
        from_advance = min(e.amount, advance.amount) if advance is not None else Decimal("0.00")
        postings = [Posting(expense, e.amount)]
        if from_advance:
            postings.append(Posting(acct(ADVANCES), -from_advance))
        if e.amount - from_advance:
            postings.append(Posting(acct(booked(e.payment.account)), -(e.amount - from_advance)))
        txns.append(Txn(e.payment.on, e.id, e.payee, e.purpose, tuple(postings)))
    for a in advances.values():
        if a.payment is not None:
            txns.append(
                Txn(
                    a.payment.on,
                    a.id,
                    a.person,
                    f"借款：{a.purpose}",
                    (Posting(acct(ADVANCES), a.amount), Posting(acct(booked(a.payment.account)), -a.amount)),
                )
            )
        if a.settlement is not None and a.settlement.cash_returned:
            back = a.settlement.cash_returned
            txns.append(
                Txn(
                    a.settlement.on,
                    a.id,
                    a.person,
                    "借款退回现金",
                    (Posting(acct(booked("cash")), back), Posting(acct(ADVANCES), -back)),
                )
            )
    for t in ledger.records(Transfer):
        txns.append(
            Txn(
                t.date,
                t.id,
                "",
                t.purpose or "转账",
                (
                    Posting(acct(booked(t.to_account)), t.amount),
                    Posting(acct(booked(t.from_account)), -t.amount),
                ),
            )
        )
    for s in ledger.records(FeeSettlement):
        if s.refunded is not None and s.refunds:
            item = (f"{INCOME['fee'][0]}:{safe(s.fee_item)}", f"{INCOME['fee'][1]}：{s.fee_item}")
            given = (Posting(acct(item), s.refunds), Posting(acct(booked(s.refunded.account)), -s.refunds))
            txns.append(Txn(s.refunded.on, s.id, "", f"代办费多退：{s.fee_item}", given))
    for b in ledger.records(ShopBatch):
        if b.paid is not None:
            bought = (Posting(acct(SHOP_PURCHASES), b.value), Posting(acct(booked(b.paid.account)), -b.value))
            txns.append(Txn(b.paid.on, b.id, b.supplier, f"商店进货：{b.goods}", bought))
    for c in ledger.records(BalanceAssertion):
        if c.difference:
            what = "现金短缺" if c.difference < 0 else "现金溢余"
            pair = (Posting(acct(booked(c.account)), c.difference), Posting(acct(COUNT_DIFFERENCE), -c.difference))
            txns.append(Txn(c.date, c.id, c.by, what, pair))
    txns.sort(key=lambda x: (x.date, x.code))
    assertions = [
        Assertion(a.date, a.id, acct(booked(a.account)), a.amount)
        for a in sorted(ledger.records(BalanceAssertion), key=lambda r: r.sort_key)
    ]
    # Every account opens on the books' first day (beancount wants it open before any balance check).
    start = min([x.date for x in txns] + [s.date for s in assertions], default=first_day)
    return Books(names, dict.fromkeys(names, start), txns, assertions, gov_codes(ledger, names))

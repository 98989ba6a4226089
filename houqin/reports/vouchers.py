"""记账凭证 of a month under 政府会计制度 (财会〔2017〕25号), for the accountant's package (docs/finance.md).

Each event is one voucher with its 财务会计 entry (accrual) and, where money moves, its parallel 预算会计
entry (双分录, cash basis): a claim paid, income received. Every voucher balances on each side. The
accounts come from the map in models/vouchers.py, which catalog.yaml may change.

What each record posts (debit / credit):

- claim paid: 5001 业务活动费用 (or 2302 应付账款 for a purchase's goods, booked on receipt) / 1001·1002
  (and 1218 其他应收款 for the part an advance paid); 预算 7201 事业支出 / 8001 资金结存, the whole claim;
- advance paid: 1218 / 1001·1002 (预算会计 does not book an advance until it is spent); cash returned:
  1001 / 1218;
- income: 1001·1002 / 4001·4101·4609 by kind; 预算 8001 / 6001·6101·6609;
- transfer between accounts: to / from (no budget entry: 资金结存 is unchanged); a cash count that
  stands short or over: 1901 待处理财产损溢 against 1001;
- asset registered: 1601 固定资产 / 2302 (bought) or 4609 (donated, transferred in);
- asset disposed: 1602 (its accumulated depreciation) + 1901 (its book value) / 1601 (its cost), then
  5801 资产处置费用 / 1901;
- stock received: 1302 库存物品 / 2302 (bought) or 4609; the month's issues: 5001 / 1302 (moving
  average cost); count differences: 1302 / 1901 (or the reverse);
- the month's depreciation: 5001 / 1602.

The register ties to the books: 1601 and 1602 opened at the register's figures at the end of the month
before, plus the month's vouchers, must equal the register at the month's end (`Tie`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from houqin.errors import UsageError
from houqin.models.asset_state import DISPOSED, replay
from houqin.models.closing import month_bounds
from houqin.models.depreciation import book_value
from houqin.models.ledger import Ledger
from houqin.models.records import (
    Asset,
    BalanceAssertion,
    CashAdvance,
    Disposal,
    Income,
    Purchase,
    Reimbursement,
    StockIn,
    Transfer,
)
from houqin.models.vouchers import VOUCHER_ROLES, voucher_accounts
from houqin.reports.assets import life_of, start_of
from houqin.reports.stock import monthly_movement

ZERO = Decimal("0.00")
INCOME_ROLE = {"grant": "grant", "fee": "fee"}  # every other kind of income is 其他收入


@dataclass(frozen=True)
class Line:
    code: str
    name: str
    debit: Decimal = ZERO
    credit: Decimal = ZERO


@dataclass(frozen=True)
class Voucher:
    number: str  # 记-0001, in the month's order
    date: dt.date
    record: str  # the record it books ("" for the month's depreciation and issues)
    summary: str  # 摘要
    financial: tuple[Line, ...]
    budget: tuple[Line, ...] = ()

    @staticmethod
    def _balanced(lines: tuple[Line, ...]) -> bool:
        return sum((x.debit for x in lines), ZERO) == sum((x.credit for x in lines), ZERO)

    @property
    def balanced(self) -> bool:
        return self._balanced(self.financial) and self._balanced(self.budget)

    @property
    def amount(self) -> Decimal:
        return sum((x.debit for x in self.financial), ZERO)


@dataclass(frozen=True)
class Tie:
    """One account of the register against the books at the month's end."""

    code: str
    name: str
    opening: Decimal  # the register at the end of the month before
    debits: Decimal
    credits: Decimal
    register: Decimal  # the register at the month's end
    credit_side: bool = False  # 1602 累计折旧 grows by credits

    @property
    def books(self) -> Decimal:
        moved = self.credits - self.debits if self.credit_side else self.debits - self.credits
        return self.opening + moved

    @property
    def ties(self) -> bool:
        return self.books == self.register


@dataclass(frozen=True)
class MonthVouchers:
    school: str
    month: str
    vouchers: tuple[Voucher, ...]
    ties: tuple[Tie, ...]

    @property
    def balanced(self) -> bool:
        return all(v.balanced for v in self.vouchers)

    @property
    def tied(self) -> bool:
        return all(t.ties for t in self.ties)


@dataclass
class _Build:
    accounts: dict[str, tuple[str, str]]
    drafts: list[tuple[dt.date, str, str, tuple[Line, ...], tuple[Line, ...]]] = field(default_factory=list)

    def line(self, role: str, debit: Decimal = ZERO, credit: Decimal = ZERO) -> Line:
        code, name = self.accounts[role]
        return Line(code, name, debit, credit)

    def add(self, day: dt.date, record: str, summary: str, fin: Iterable[Line], budget: Iterable[Line] = ()) -> None:
        kept = tuple(x for x in fin if x.debit or x.credit)
        if kept:
            self.drafts.append((day, record, summary, kept, tuple(x for x in budget if x.debit or x.credit)))


def _inside(day: dt.date | None, first: dt.date, last: dt.date) -> bool:
    return day is not None and first <= day <= last


def _money(b: _Build, ledger: Ledger, first: dt.date, last: dt.date) -> None:
    purchases = {r.id for r in ledger.records(Purchase) if r.accepted is not None}
    advances = {r.id: r for r in ledger.records(CashAdvance)}
    for r in ledger.records(Reimbursement):
        if r.payment is None or not _inside(r.payment.on, first, last):
            continue
        advance = advances.get(r.advance or "")
        from_advance = min(r.amount, advance.amount) if advance is not None else ZERO
        debit = "payable" if r.purchase in purchases else "expense"
        b.add(r.payment.on, r.id, f"{r.payee} {r.purpose}",
              (b.line(debit, r.amount), b.line("advance", credit=from_advance),
               b.line(r.payment.account, credit=r.amount - from_advance)),
              (b.line("budget.spending", r.amount), b.line("budget.funds", credit=r.amount)))  # fmt: skip
    for a in advances.values():
        if a.payment is not None and _inside(a.payment.on, first, last):
            b.add(a.payment.on, a.id, f"借款 {a.person} {a.purpose}",
                  (b.line("advance", a.amount), b.line(a.payment.account, credit=a.amount)))  # fmt: skip
        if a.settlement is not None and a.settlement.cash_returned and _inside(a.settlement.on, first, last):
            back = a.settlement.cash_returned
            b.add(a.settlement.on, a.id, f"借款退回现金 {a.person}",
                  (b.line("cash", back), b.line("advance", credit=back)))  # fmt: skip
    for i in ledger.records(Income):
        if not _inside(i.date, first, last):
            continue
        role = INCOME_ROLE.get(i.kind, "other")
        kept = sum((d.amount for d in i.deductions), ZERO)
        b.add(i.date, i.id, f"{i.payer} {i.purpose or ''}".strip(),
              (b.line(i.account, i.amount - kept), b.line("expense", kept), b.line(f"income.{role}", credit=i.amount)),
              (b.line("budget.funds", i.amount - kept), b.line("budget.spending", kept),
               b.line(f"budget.income.{role}", credit=i.amount)))  # fmt: skip
    for t in ledger.records(Transfer):
        if _inside(t.date, first, last):
            b.add(t.date, t.id, t.purpose or "转账",
                  (b.line(t.to_account, t.amount), b.line(t.from_account, credit=t.amount)))  # fmt: skip
    for c in ledger.records(BalanceAssertion):
        if c.difference and _inside(c.date, first, last):
            short, size = c.difference < 0, abs(c.difference)
            lines = (b.line("suspense", size), b.line(c.account, credit=size)) if short else (
                b.line(c.account, size), b.line("suspense", credit=size))  # fmt: skip
            b.add(c.date, c.id, "现金短缺" if short else "现金溢余", lines)


def _register(ledger: Ledger, day: dt.date) -> tuple[Decimal, Decimal]:
    """The register's original value and accumulated depreciation at the end of `day`."""
    states, _ = replay(ledger, until=day)
    cost = accumulated = ZERO
    for s in states.values():
        if s.in_books and s.asset.date <= day:
            v = book_value(
                s.asset.unit_price * s.in_books, s.asset.date, day, life_of(ledger, s.asset), start_of(ledger)
            )
            cost, accumulated = cost + v.cost, accumulated + v.accumulated
    return cost, accumulated


def _assets(b: _Build, ledger: Ledger, first: dt.date, last: dt.date) -> tuple[Tie, Tie]:
    before = first - dt.timedelta(days=1)
    open_cost, open_acc = _register(ledger, before)
    close_cost, close_acc = _register(ledger, last)
    for a in ledger.records(Asset):
        if _inside(a.date, first, last):
            credit = "payable" if a.purchase else "income.other"
            cost = a.unit_price * a.quantity
            b.add(
                a.date,
                a.id,
                f"固定资产入账 {a.name} ×{a.quantity}",
                (b.line("assets", cost), b.line(credit, credit=cost)),
            )
    states, _ = replay(ledger, until=last)
    removed = ZERO
    for s in states.values():
        for e in s.history:
            if e.what in DISPOSED and isinstance(e.record, Disposal) and _inside(e.date, first, last):
                v = book_value(
                    s.asset.unit_price * e.quantity,
                    s.asset.date,
                    e.date,
                    life_of(ledger, s.asset),
                    start_of(ledger),
                    disposed=True,
                )
                removed += v.accumulated
                b.add(e.date, e.record.id, f"固定资产处置 {s.asset.name} ×{e.quantity}",
                      (b.line("depreciation", v.accumulated), b.line("suspense", v.net), b.line("assets", credit=v.cost),
                       b.line("disposal", v.net), b.line("suspense", credit=v.net)))  # fmt: skip
    monthly = close_acc - open_acc + removed
    b.add(last, "", "计提本月固定资产折旧", (b.line("expense", monthly), b.line("depreciation", credit=monthly)))
    return (
        Tie(*b.accounts["assets"], open_cost, ZERO, ZERO, close_cost),
        Tie(*b.accounts["depreciation"], open_acc, ZERO, ZERO, close_acc, credit_side=True),
    )


def _stock(b: _Build, ledger: Ledger, month: str, first: dt.date, last: dt.date) -> Tie:
    for r in ledger.records(StockIn):
        if _inside(r.date, first, last):
            credit = "payable" if r.origin.startswith(Purchase.prefix + "-") else "income.other"
            b.add(
                r.date, r.id, f"入库 {r.item} ×{r.quantity}", (b.line("stock", r.value), b.line(credit, credit=r.value))
            )
    rows = monthly_movement(ledger, month)
    issued = sum((r.issued for r in rows), ZERO)
    adjusted = sum((r.adjusted for r in rows), ZERO)
    b.add(last, "", "本月领用出库", (b.line("expense", issued), b.line("stock", credit=issued)))
    if adjusted:
        size = abs(adjusted)
        lines = (b.line("stock", size), b.line("suspense", credit=size)) if adjusted > 0 else (
            b.line("suspense", size), b.line("stock", credit=size))  # fmt: skip
        b.add(last, "", "盘盈盘亏", lines)
    opening = sum((r.opening for r in rows), ZERO)
    closing = sum((r.closing for r in rows), ZERO)
    return Tie(*b.accounts["stock"], opening, ZERO, ZERO, closing)


def _with_movements(tie: Tie, vouchers: Iterable[Voucher]) -> Tie:
    lines = [x for v in vouchers for x in v.financial if x.code == tie.code]
    debits = sum((x.debit for x in lines), ZERO)
    credits = sum((x.credit for x in lines), ZERO)
    return Tie(tie.code, tie.name, tie.opening, debits, credits, tie.register, tie.credit_side)


def month_vouchers(ledger: Ledger, month: str) -> MonthVouchers:
    try:
        first, last = month_bounds(month)
    except ValueError:
        raise UsageError("voucher_month", value=month) from None
    accounts = voucher_accounts(ledger.catalog)
    unknown = [a.role for a in ledger.catalog.voucher_accounts if a.role not in VOUCHER_ROLES]
    if unknown:
        raise UsageError("voucher_role", role=unknown[0], roles=", ".join(VOUCHER_ROLES))
    b = _Build(accounts)
    _money(b, ledger, first, last)
    assets, depreciation = _assets(b, ledger, first, last)
    stock = _stock(b, ledger, month, first, last)
    b.drafts.sort(key=lambda d: (d[0], d[1] == "", d[1]))
    vouchers = tuple(
        Voucher(f"记-{n:04d}", day, record, summary, fin, budget)
        for n, (day, record, summary, fin, budget) in enumerate(b.drafts, 1)
    )
    ties = tuple(_with_movements(t, vouchers) for t in (assets, depreciation, stock))
    return MonthVouchers(ledger.config.school.name, month, vouchers, ties)


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last`, both included (YYYY-MM)."""
    out, month = [], first
    while month <= last:
        out.append(month)
        month = (month_bounds(month)[1] + dt.timedelta(days=1)).strftime("%Y-%m")
    return out

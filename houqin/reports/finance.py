"""The month's report to the principal (每月清结并报告校长): accounts, income and spending, the budget,
what is still open, consumables by category, assets, damage compensation and the canteen — and the
public version (财务公开/收费公示) with totals only, naming no student, guardian or member of staff."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from houqin.checks.budget import budget_limits
from houqin.checks.fees import on_behalf_items
from houqin.checks.shop import takings_by_day
from houqin.models.as_of import as_of
from houqin.models.base import Record
from houqin.models.closing import month_bounds, month_of, standing_closes
from houqin.models.directory import all_accounts, fund_lines
from houqin.models.kinds import RecordKind
from houqin.models.ledger import Ledger
from houqin.models.money_flow import SHOP, ZERO, Flow, flows
from houqin.models.records import (
    Asset,
    BalanceAssertion,
    CashAdvance,
    Damage,
    Disposal,
    FeeNotice,
    FeeSettlement,
    Income,
    Loan,
    Purchase,
    Reimbursement,
    Repair,
    ShopBatch,
    ShopSale,
)
from houqin.reports.canteen import CanteenMonth, canteen_month
from houqin.reports.office import MeterPeriod, PaperUse, meter_periods, paper_by_department
from houqin.reports.stock import CategoryMonth, monthly_movement

DISPOSAL_NAMES = {"scrap": "报废", "transfer": "转让", "loss": "报损"}
INCOME_NAMES = {
    "fee": "收费",
    "compensation": "赔偿收入",
    "canteen": "食堂收入",
    "grant": "拨款",
    "shop": "商店营业收入",
    "other": "其他收入",
}


@dataclass(frozen=True)
class AccountRow:
    account: str
    name: str
    opening: Decimal
    received: Decimal
    paid: Decimal
    closing: Decimal


@dataclass(frozen=True)
class Line:
    """One line of a breakdown: a key (budget line, income kind, fee item), its name, the amount."""

    key: str
    name: str
    amount: Decimal
    count: int = 0


@dataclass(frozen=True)
class BudgetUse:
    line: str
    name: str
    limit: Decimal
    month: Decimal
    year_to_date: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.limit - self.year_to_date

    @property
    def used(self) -> Decimal:
        return (self.year_to_date / self.limit * 100).quantize(Decimal("0.1")) if self.limit else ZERO


@dataclass(frozen=True)
class OpenItem:
    id: str
    date: dt.date
    who: str
    amount: Decimal
    what: str
    # For a claim or a damage case: its status (a key of houqin.i18n.STATUSES) and the steps it awaits,
    # shown in the reader's language by the renderer.
    status: str = ""
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class StillOpen:
    """An item still open at the month's end (a loan out, a repair not done, goods not accepted …)."""

    id: str
    date: dt.date
    who: str
    what: str


@dataclass
class MonthReport:
    school: str
    month: str
    first: dt.date
    last: dt.date
    public: bool = False
    closed_by: str = ""  # the close record's id, when the month is closed
    accounts: list[AccountRow] = field(default_factory=list)
    income: list[Line] = field(default_factory=list)
    fees: list[Line] = field(default_factory=list)
    spending: list[Line] = field(default_factory=list)
    budget: list[BudgetUse] = field(default_factory=list)
    open_advances: list[OpenItem] = field(default_factory=list)
    open_claims: list[OpenItem] = field(default_factory=list)
    stock: list[CategoryMonth] = field(default_factory=list)
    assets_added: list[Line] = field(default_factory=list)
    assets_disposed: list[Line] = field(default_factory=list)
    damages: list[OpenItem] = field(default_factory=list)
    still_open: list[StillOpen] = field(default_factory=list)
    canteen_income: Decimal = ZERO
    canteen_spending: Decimal = ZERO
    utilities: list[MeterPeriod] = field(default_factory=list)
    paper: list[PaperUse] = field(default_factory=list)

    @property
    def total_income(self) -> Decimal:
        return sum((x.amount for x in self.income), ZERO)

    @property
    def total_spending(self) -> Decimal:
        return sum((x.amount for x in self.spending), ZERO)

    shop: ShopMonth | None = None
    food: CanteenMonth | None = None  # 食堂: food cost per student-meal, in a month with food or meals

    @property
    def canteen_result(self) -> Decimal:
        return self.canteen_income - self.canteen_spending


@dataclass(frozen=True)
class ShopMonth:
    """商店 in the month: what its sales took in, what was deposited, what its goods cost, and its stock
    at the month's end valued at cost (一套账: the shop's money and stock are in the books)."""

    takings: Decimal
    deposited: Decimal
    bought: Decimal
    stock: Decimal


def shop_month(ledger: Ledger, first: dt.date, last: dt.date) -> ShopMonth | None:
    batches = [b for b in ledger.records(ShopBatch) if b.date <= last]
    if not batches:
        return None
    takings = sum((v for day, v in takings_by_day(ledger).items() if first <= day <= last), ZERO)
    deposited = sum(
        (r.amount for r in ledger.records(Income) if r.kind == "shop" and first <= r.date <= last),
        ZERO,
    )
    bought = sum((b.value for b in batches if b.paid is not None and first <= b.paid.on <= last), ZERO)
    gone: dict[str, Decimal] = {}
    for sale in ledger.records(ShopSale):
        if sale.date <= last:
            gone[sale.batch] = gone.get(sale.batch, Decimal(0)) + sale.quantity
    stock = sum((max(b.quantity - gone.get(b.id, Decimal(0)), Decimal(0)) * b.cost for b in batches), ZERO)
    return ShopMonth(takings, deposited, bought, stock.quantize(Decimal("0.01")))


def month_report(ledger: Ledger, month: str, public: bool = False) -> MonthReport:
    first, last = month_bounds(month)
    report = MonthReport(ledger.config.school.name, month, first, last, public)
    close = standing_closes(ledger).get(month)
    report.closed_by = close.id if close else ""
    all_flows = flows(ledger)
    report.accounts = _accounts(ledger, all_flows, first, last)
    within = [f for f in all_flows if first <= f.date <= last and f.what != "opening"]
    report.income = _income_lines(within)
    report.fees = _fee_lines(ledger, first, last)
    report.spending = _spending_lines(ledger, first, last)
    report.budget = _budget(ledger, first, last)
    report.canteen_income = sum((f.amount for f in within if f.account == "canteen" and f.amount > 0), ZERO)
    report.canteen_spending = -sum((f.amount for f in within if f.account == "canteen" and f.amount < 0), ZERO)
    report.stock = monthly_movement(ledger, month)
    report.shop = shop_month(ledger, first, last)
    food = canteen_month(ledger, month)
    report.food = food if food.receipts or food.meals else None
    report.assets_added, report.assets_disposed = _assets(ledger, month)
    report.utilities = meter_periods(ledger, first, last)
    report.paper = paper_by_department(ledger, first, last)
    if not public:
        report.open_advances = _open_advances(ledger, last)
        report.open_claims = _open_claims(ledger, last)
        report.damages = _damages(ledger, month)
        report.still_open = still_open(ledger, last)
    return report


def _accounts(ledger: Ledger, all_flows: list[Flow], first: dt.date, last: dt.date) -> list[AccountRow]:
    rows = []
    for account in ledger.catalog.accounts:
        mine = [f for f in all_flows if f.account == account.id]
        opening = sum((f.amount for f in mine if f.date < first), ZERO)
        received = sum((f.amount for f in mine if first <= f.date <= last and f.amount > 0), ZERO)
        paid = -sum((f.amount for f in mine if first <= f.date <= last and f.amount < 0), ZERO)
        rows.append(AccountRow(account.id, account.name, opening, received, paid, opening + received - paid))
    return rows


def _income_lines(within: list[Flow]) -> list[Line]:
    sums: dict[str, list[Decimal]] = {}
    for f in within:
        key = f.category if f.what == "income" else "advance-return" if f.what == "advance-return" else ""
        if f.what == "fee-refund":  # 代办费多退: fees given back, less income
            key = "fee-refund"
        if (f.amount > 0 or key == "fee-refund") and key:
            entry = sums.setdefault(key, [ZERO, Decimal(0)])
            entry[0] += f.amount
            entry[1] += 1
    names = {**INCOME_NAMES, "advance-return": "借款退回", "fee-refund": "代办费退还"}
    return [Line(k, names.get(k, k), v[0], int(v[1])) for k, v in sorted(sums.items())]


def _fee_lines(ledger: Ledger, first: dt.date, last: dt.date) -> list[Line]:
    """收费公示: collected per fee item in the month (the public report shows these)."""
    names = {item.id: item.name for n in ledger.records(FeeNotice) for item in n.items}
    sums: dict[str, list[Decimal]] = {}
    for r in ledger.records(Income):
        if r.kind == "fee" and first <= r.date <= last:
            entry = sums.setdefault(r.fee_item or "—", [ZERO, Decimal(0)])
            entry[0] += r.amount
            entry[1] += r.students or 0
    return [Line(k, names.get(k, k), v[0], int(v[1])) for k, v in sorted(sums.items())]


def _spending_lines(ledger: Ledger, first: dt.date, last: dt.date) -> list[Line]:
    """Spending by budget line: the claims paid in the month, in full (a claim that settles an advance is
    spent when it is booked; the advance itself is money lent, not spent)."""
    names = {b.id: b.name for b in ledger.catalog.budget_lines}
    accounts = all_accounts(ledger.catalog.accounts)
    names.update({line: accounts[fund].name for line, fund in fund_lines(ledger.catalog.accounts).items()})
    sums: dict[str, list[Decimal]] = {}
    for r in ledger.records(Reimbursement):
        if r.payment is not None and first <= r.payment.on <= last:
            entry = sums.setdefault(r.budget_line, [ZERO, Decimal(0)])
            entry[0] += r.amount
            entry[1] += 1
    for b in ledger.records(ShopBatch):  # 商店进货: paid from the books, on no budget line
        if b.paid is not None and first <= b.paid.on <= last:
            entry = sums.setdefault(SHOP, [ZERO, Decimal(0)])
            entry[0] += b.value
            entry[1] += 1
    names[SHOP] = "商店进货"
    return [Line(k, names.get(k, k), v[0], int(v[1])) for k, v in sorted(sums.items())]


def budget_use(ledger: Ledger, at: dt.date) -> list[BudgetUse]:
    """预算执行 on a day: each line of that year, its budget with approved adjustments, what was claimed in
    the day's month and in the year up to the day."""
    return _budget(ledger, at.replace(day=1), at)


def _budget(ledger: Ledger, first: dt.date, last: dt.date) -> list[BudgetUse]:
    limits = budget_limits(ledger)
    month: dict[str, Decimal] = {}
    ytd: dict[str, Decimal] = {}
    for r in ledger.records(Reimbursement):
        if r.date.year == first.year and r.date <= last:
            ytd[r.budget_line] = ytd.get(r.budget_line, ZERO) + r.amount
            if r.date >= first:
                month[r.budget_line] = month.get(r.budget_line, ZERO) + r.amount
    return [
        BudgetUse(b.id, b.name, limits[(b.id, b.year)], month.get(b.id, ZERO), ytd.get(b.id, ZERO))
        for b in ledger.catalog.budget_lines
        if b.year == first.year
    ]


def _open_advances(ledger: Ledger, last: dt.date) -> list[OpenItem]:
    out = []
    for a in ledger.records(CashAdvance):
        if a.payment is None or a.payment.on > last:
            continue
        if a.settlement is None or a.settlement.on > last:
            out.append(OpenItem(a.id, a.payment.on, a.person, a.amount, a.purpose))
    return out


def _open_claims(ledger: Ledger, last: dt.date) -> list[OpenItem]:
    chain = ledger.config.policy.signatures.chains.get(RecordKind.EXPENSES, ())
    out = []
    for r in ledger.records(Reimbursement):
        if r.date > last:
            continue
        missing = [step for step in chain if (a := r.approval(step)) is None or a.on > last]
        if missing or r.payment is None or r.payment.on > last:
            status = "awaiting" if missing else "unpaid"
            out.append(OpenItem(r.id, r.date, r.payee, r.amount, "", status, tuple(missing)))
    return out


def still_open(ledger: Ledger, last: dt.date) -> list[StillOpen]:
    """未办结事项 at the end of `last`: loans not returned, repairs not done or not accepted, purchases not
    accepted, damage cases not settled, cash differences not decided — each as it stood that day, by id."""
    out: list[StillOpen] = []
    for model in (Loan, Repair, Purchase, Damage, BalanceAssertion):
        for r in ledger.records(model):
            if r.date <= last and (what := _open_state(as_of(r, last))) is not None:
                out.append(StillOpen(r.id, r.date, _who(r), what))
    return sorted(out, key=lambda x: x.id)


def _open_state(r: Record) -> str | None:
    if isinstance(r, Loan):
        return None if r.returned else f"借出未还（应还 {r.due}）"
    if isinstance(r, Repair):
        if r.done is None:
            return "报修未修复"
        return None if r.approval("acceptor") else "已修复待验收"
    if isinstance(r, Purchase):
        return None if r.accepted else "采购未验收"
    if isinstance(r, Damage):
        return None if r.settled else "赔偿未结案"
    if isinstance(r, BalanceAssertion) and r.difference and r.decision is None:
        return f"现金{'短缺' if r.difference < 0 else '溢余'} {abs(r.difference)} 元，待校长决定"
    return None


def _who(r: Record) -> str:
    if isinstance(r, Loan):
        return r.borrower
    if isinstance(r, Repair):
        return r.reporter
    if isinstance(r, Purchase):
        return r.requester
    if isinstance(r, Damage):
        return r.responsible.name
    if isinstance(r, BalanceAssertion):
        return r.by
    return ""


def _assets(ledger: Ledger, month: str) -> tuple[list[Line], list[Line]]:
    """The cards acquired and disposed of in the month, decoding those cards alone (the register of a
    school twenty years in holds 180,000)."""
    first, last = (day.toordinal() for day in month_bounds(month))
    acquired = {rid for rid, _file, _line, day in ledger.id_sources("assets") if first <= day <= last}
    # Every copy of an id held twice is picked: only those of the month are acquired in it.
    added = [Line(a.id, a.name, a.value, a.quantity) for a in ledger.pick(Asset, acquired) if month_of(a.date) == month]
    gone = [d for d in ledger.records(Disposal) if month_of(d.date) == month]
    cards = {a.id: a for a in ledger.pick(Asset, {d.asset for d in gone if d.asset})}  # of an id twice, the later
    disposed = []
    for d in gone:
        asset = cards.get(d.asset)
        if asset is not None:
            qty = d.quantity or asset.quantity
            kind = DISPOSAL_NAMES.get(d.type, d.type)
            disposed.append(Line(asset.id, f"{asset.name}（{kind}）", asset.unit_price * qty, qty))
    return added, disposed


def _damages(ledger: Ledger, month: str) -> list[OpenItem]:
    out = []
    for d in ledger.records(Damage):
        if d.assessed and month_of(d.assessed.on) == month:
            out.append(OpenItem(d.id, d.assessed.on, d.responsible.name, d.assessed.amount, "", "assessed"))
        if d.settled and month_of(d.settled.on) == month:
            amount = d.settled.amount or ZERO
            out.append(OpenItem(d.id, d.settled.on, d.responsible.name, amount, "", d.settled.type))
    return out


@dataclass(frozen=True)
class SettlementNotice:
    """代办费结算公示: the settlement as posted, its item named as the term's fee notice published it
    (练习册费, not the ledger's id workbook-2025-2026-2), or by its id if no notice names it."""

    settlement: FeeSettlement
    item: str


def settlement_notice(ledger: Ledger, settlement: FeeSettlement) -> SettlementNotice:
    found = on_behalf_items(ledger).get(settlement.fee_item)
    return SettlementNotice(settlement, found[1].name if found is not None else settlement.fee_item)

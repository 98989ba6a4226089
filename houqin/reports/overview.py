"""账本概况: what the ledger holds on a day — record counts, assets by class, the year's budget
against spending, claims awaiting signatures, open loans and advances."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from houqin.models.kinds import KINDS, RecordKind
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, CashAdvance, Loan, Reimbursement, StockIn
from houqin.reports.due import DueReport, due

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class KindCount:
    kind: str
    zh: str
    en: str
    count: int


@dataclass(frozen=True)
class CategoryRow:
    code: str
    name: str
    quantity: int
    value: Decimal


@dataclass(frozen=True)
class BudgetRow:
    line: str
    name: str
    budget: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.spent


@dataclass(frozen=True)
class Overview:
    school: str
    as_of: dt.date
    counts: tuple[KindCount, ...]
    categories: tuple[CategoryRow, ...]
    budget: tuple[BudgetRow, ...]
    claims_awaiting: int
    claims_unpaid: int
    loans_open: int
    loans_overdue: int
    advances_open: int
    advances_open_amount: Decimal
    next_steps: tuple[str, ...] = ()  # what a ledger still needs before it keeps the school's books
    due: DueReport | None = None  # what is due or overdue (houqin due), summarised in one line

    @property
    def asset_quantity(self) -> int:
        return sum(c.quantity for c in self.categories)

    @property
    def asset_value(self) -> Decimal:
        return sum((c.value for c in self.categories), ZERO)


def next_steps(ledger: Ledger) -> tuple[str, ...]:
    """What moving in still lacks, in the order a school does it (docs/moving-in.md): the staff list,
    the rooms, the asset register, the storeroom's opening stock, the opening cash and bank balances,
    the year's budget (a claim is refused beyond it, BUD001), and, where policy wants signatures by key,
    the principal's key that every other key is registered under."""
    steps = []
    if not ledger.people:
        steps.append("people")
    if not ledger.places:
        steps.append("places")
    if not ledger.records(Asset):
        steps.append("assets")
    if not ledger.records(StockIn):
        steps.append("stock")
    if all(a.opening == 0 and a.opened is None for a in ledger.catalog.accounts if a.id in ("cash", "bank")):
        steps.append("balances")
    if ledger.catalog.budget_lines and all(b.amount == 0 for b in ledger.catalog.budget_lines):
        steps.append("budget")
    if ledger.config.policy.signatures.require_keys and not any(k.anchor for p in ledger.people for k in p.keys):
        steps.append("keys")
    return tuple(steps)


def overview(ledger: Ledger, as_of: dt.date) -> Overview:
    counts = tuple(
        KindCount(k.name, k.zh, k.en, sum(1 for r in ledger.records(k.model) if r.date <= as_of)) for k in KINDS
    )
    quantity: dict[str, int] = defaultdict(int)
    value: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for a in ledger.records(Asset):
        if a.date <= as_of:
            quantity[a.category] += a.quantity
            value[a.category] += a.value
    categories = tuple(
        CategoryRow(code, getattr(ledger.category_by_code.get(code), "name", "?"), quantity[code], value[code])
        for code in sorted(quantity)
    )
    spent: dict[str, Decimal] = defaultdict(lambda: ZERO)
    awaiting = unpaid = 0
    chain = ledger.config.policy.signatures.chains.get(RecordKind.EXPENSES, ())
    for e in ledger.records(Reimbursement):
        if e.date > as_of:
            continue
        if e.date.year == as_of.year:
            spent[e.budget_line] += e.amount
        if any(e.approval(step) is None for step in chain):
            awaiting += 1
        elif e.payment is None:
            unpaid += 1
    budget = tuple(
        BudgetRow(b.id, b.name, b.amount, spent[b.id]) for b in ledger.catalog.budget_lines if b.year == as_of.year
    )
    loans = [r for r in ledger.records(Loan) if r.date <= as_of and (r.returned is None or r.returned.on > as_of)]
    advances = [
        r for r in ledger.records(CashAdvance) if r.date <= as_of and (r.settlement is None or r.settlement.on > as_of)
    ]
    return Overview(
        school=ledger.config.school.name,
        as_of=as_of,
        counts=counts,
        categories=categories,
        budget=budget,
        claims_awaiting=awaiting,
        claims_unpaid=unpaid,
        loans_open=len(loans),
        loans_overdue=sum(1 for r in loans if ledger.config.calendar.due(r.due) < as_of),
        advances_open=len(advances),
        advances_open_amount=sum((r.amount for r in advances), ZERO),
        next_steps=next_steps(ledger),
        due=due(ledger, as_of),
    )

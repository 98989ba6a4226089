"""Every movement of money through the accounts of the books (现金、银行存款、食堂), derived from the
records — never stored. Pure: the balance check, the monthly close, the reports and the exports all use
this one list, so a figure in the close report is the figure hledger computes from the export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from houqin.models.base import Record
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
from houqin.models.year_close import OpeningHead

ZERO = Decimal("0.00")
SHOP = "Shop"  # the category of the shop's purchases (商店进货), paid from an account but on no budget line


@dataclass(frozen=True, slots=True)
class Flow:
    """`amount` into (+) or out of (−) `account` on `date`, because of `record`. `what` says why:
    opening, income, expense, advance, advance-return, shop-purchase, fee-refund (代办费多退), count-difference (a cash count's shortage or
    surplus, 现金短缺/溢余, booked on its day); `category` is the budget line (spending), the
    income kind (receipts) or the person (advances)."""

    date: dt.date
    account: str
    amount: Decimal
    record: Record | OpeningHead | None  # the year opening's flows name its head (no register built)
    what: str
    category: str


def flows(ledger: Ledger) -> list[Flow]:
    """Every flow, in date order (openings first on their day)."""
    out: list[Flow] = []
    opening = ledger.opened
    if opening is not None:  # the year opened from a year-end close: the balances at the closed year's end
        end = dt.date(opening.closed, 12, 31)
        carried = [Flow(end, b.account, b.amount, opening, "opening", "") for b in opening.balances if b.amount]
    for account in ledger.catalog.accounts:  # an account's own opening (the books began, or it was opened)
        if account.opening:
            out.append(Flow(account.opened or dt.date.min, account.id, account.opening, None, "opening", ""))
    advances = {r.id: r for r in ledger.records(CashAdvance)}
    for r in ledger.records(Income):
        kept = sum((d.amount for d in r.deductions), ZERO)
        out.append(Flow(r.date, r.account, r.amount - kept, r, "income", r.kind))
    for e in ledger.records(Reimbursement):
        if e.payment is not None:
            paid = claim_cash(e, advances.get(e.advance or ""))
            if paid:
                out.append(Flow(e.payment.on, e.payment.account, -paid, e, "expense", e.budget_line))
    for t in ledger.records(Transfer):
        out.append(Flow(t.date, t.from_account, -t.amount, t, "transfer", t.to_account))
        out.append(Flow(t.date, t.to_account, t.amount, t, "transfer", t.from_account))
    for a in advances.values():
        if a.payment is not None:
            out.append(Flow(a.payment.on, a.payment.account, -a.amount, a, "advance", a.person))
        if a.settlement is not None and a.settlement.cash_returned:
            out.append(Flow(a.settlement.on, "cash", a.settlement.cash_returned, a, "advance-return", a.person))
    for s in ledger.records(FeeSettlement):
        if s.refunded is not None and s.refunds:
            out.append(Flow(s.refunded.on, s.refunded.account, -s.refunds, s, "fee-refund", s.fee_item))
    for b in ledger.records(ShopBatch):
        if b.paid is not None:
            out.append(Flow(b.paid.on, b.paid.account, -b.value, b, "shop-purchase", SHOP))
    for c in ledger.records(BalanceAssertion):
        if c.difference:
            kind = "shortage" if c.difference < 0 else "surplus"
            out.append(Flow(c.date, c.account, c.difference, c, "count-difference", kind))
    # On one day: openings, then receipts and transfers in, then payments (the cashier pays from what
    # the day brought in).
    if opening is not None:  # what a carried record moved before the year began is in the balances
        out = carried + [f for f in out if f.date > end]
    out.sort(key=lambda f: (f.date, f.what != "opening", f.amount < 0, f.record.id if f.record else ""))
    return out


def claim_cash(claim: Reimbursement, advance: CashAdvance | None) -> Decimal:
    """What paying a claim takes out of the account: all of it, or — for a claim that settles an advance
    (报销冲账) — only what it exceeds the advance by."""
    if advance is None:
        return claim.amount
    return max(ZERO, claim.amount - advance.amount)


def balances(all_flows: Iterable[Flow], until: dt.date) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for f in all_flows:
        if f.date > until:
            break
        out[f.account] = out.get(f.account, ZERO) + f.amount
    return out


def running(all_flows: Iterable[Flow]) -> Iterator[tuple[Flow, Decimal]]:
    """Each flow with its account's balance after it."""
    held: dict[str, Decimal] = {}
    for f in all_flows:
        held[f.account] = held.get(f.account, ZERO) + f.amount
        yield f, held[f.account]

"""finance: 一本帐 — every receipt goes into an account of the books and none is spent on the spot
(收支两条线、不坐收坐支, R12); fees are collected only for items approved and published beforehand, at the
published amount per student (收费有公示, R13); cash is handled by the cashier alone (R9), no account
ever goes below zero, and the cashier's counts match the books (balance assertions); the canteen runs
at about zero profit over a term (零盈利, R31)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Record
from houqin.models.config import Policy
from houqin.models.directory import Account, account_names, all_accounts, fund_lines
from houqin.models.ledger import Ledger
from houqin.models.money_flow import ZERO, Flow, flows, running
from houqin.models.records import (
    BalanceAssertion,
    CashAdvance,
    FeeItem,
    FeeNotice,
    FeeSettlement,
    Income,
    Reimbursement,
    ShopBatch,
    Transfer,
)
from houqin.models.year_close import OpeningHead


def published_items(ledger: Ledger) -> dict[str, list[tuple[FeeNotice, FeeItem]]]:
    """Fee item id → the approved notices that publish it (a notice counts once the principal signed)."""
    out: dict[str, list[tuple[FeeNotice, FeeItem]]] = {}
    for n in ledger.records(FeeNotice):
        if n.approval("principal") is not None:
            for item in n.items:
                out.setdefault(item.id, []).append((n, item))
    return out


def check_finance(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    items = published_items(ledger)
    for r in ledger.records(Income):
        yield from _income(ledger, r, items)
    yield from _cash_by_cashier(ledger)
    all_flows = flows(ledger)
    yield from _balances(ledger, all_flows)
    yield from _counts(ledger)
    yield from _two_lines(ledger, all_flows, policy, today or clock.today())
    yield from _canteen(ledger, all_flows, policy, today or clock.today())
    yield from _funds(ledger, policy)
    yield from _canteen_months(ledger, all_flows, policy, today or clock.today())


def _income(ledger: Ledger, r: Income, items: dict[str, list[tuple[FeeNotice, FeeItem]]]) -> Iterator[Diagnostic]:
    file = r.source.file
    for d in r.deductions:
        yield diag("FIN002", file, d.line, record=r.id, id=r.id, purpose=d.purpose, amount=d.amount)
    if r.kind != "fee":
        return
    found = [(n, item) for n, item in items.get(r.fee_item or "", []) if n.published <= r.date]
    if not found:
        yield diag("FIN003", file, r.source.line, record=r.id, id=r.id, item=r.fee_item or "—", date=r.date)
        return
    _notice, item = found[-1]
    if r.settlement is not None:
        return  # 少补: a top-up collected against its settlement, not at the published rate (FEE009 judges it)
    if r.students is None or r.class_ is None:
        yield diag("FIN004", file, r.source.line, record=r.id, id=r.id, item=item.name)
    elif r.amount != item.amount * r.students:
        yield diag(
            "FIN005",
            file,
            r.source.line,
            record=r.id,
            id=r.id,
            amount=r.amount,
            students=r.students,
            each=item.amount,
            expected=item.amount * r.students,
        )


def _cash_by_cashier(ledger: Ledger) -> Iterator[Diagnostic]:
    """现金均由出纳员负责办理: cash taken in or paid out by anyone but the keeper of that cash account —
    the cashier (FIN006), or the role catalog.yaml names for a till of its own (FIN014); an account the
    catalog does not know is FIN013."""
    known = all_accounts(ledger.catalog.accounts)
    for record, account, by, day in _handlings(ledger):
        yield from _handled(ledger, known, record, account, by, day)


def _handlings(ledger: Ledger) -> Iterator[tuple[Record, str, str, dt.date]]:
    """Every (record, account, who handled it, day) of the money records."""
    for r in ledger.records(Income):
        yield r, r.account, r.received_by, r.date
    for t in ledger.records(Transfer):
        yield t, t.from_account, t.by, t.date
        yield t, t.to_account, t.by, t.date
    payments: tuple[Reimbursement | CashAdvance, ...] = (*ledger.records(Reimbursement), *ledger.records(CashAdvance))
    for paid in payments:
        if paid.payment is not None:
            yield paid, paid.payment.account, paid.payment.by, paid.payment.on
    for a in ledger.records(BalanceAssertion):
        yield a, a.account, a.by, a.date
    for b in ledger.records(ShopBatch):
        if b.paid is not None:
            yield b, b.paid.account, b.paid.by, b.paid.on
    for f in ledger.records(FeeSettlement):
        if f.refunded is not None:
            yield f, f.refunded.account, f.refunded.by, f.refunded.on


def _handled(
    ledger: Ledger, known: dict[str, Account], r: Record, account: str, by: str, day: dt.date
) -> Iterator[Diagnostic]:
    file, line = r.source
    found = known.get(account)
    if found is None:
        yield diag("FIN013", file, line, record=r.id, id=r.id, account=account, known="、".join(known))
        return
    if found.nature != "cash" or isinstance(r, BalanceAssertion) or ledger.holds(by, found.keeper, day):
        return  # a count by someone else is FIN012's
    if found.keeper == "cashier":
        yield diag("FIN006", file, line, record=r.id, id=r.id, by=by, date=day)
    else:
        yield diag("FIN014", file, line, record=r.id, id=r.id, by=by, date=day, account=found.name, role=found.keeper)


def _balances(ledger: Ledger, all_flows: Sequence[Flow]) -> Iterator[Diagnostic]:
    """No account below zero at the end of any day; each assertion matches the balance that day."""
    names = account_names(ledger.catalog.accounts)
    negative: set[str] = set()
    end_of_day: dict[tuple[str, dt.date], Decimal] = {}
    last: dict[str, Decimal] = {}
    for f, held in running(all_flows):
        end_of_day[(f.account, f.date)] = held
        last[f.account] = held
    for (account, day), held in sorted(end_of_day.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if held < 0 and account not in negative:
            negative.add(account)  # said once, on the first day: later days follow from it
            record = _last_record(all_flows, account, day)
            src = record.source if record else None
            yield diag(
                "FIN001",
                src.file if src else "catalog.yaml",
                src.line if src else 0,
                record=record.id if record else account,
                account=names.get(account, account),
                date=day,
                balance=held,
            )
    # Each assertion against the balance at the end of its day: one walk over the flows, in date order.
    asserted = sorted((a for a in ledger.records(BalanceAssertion)), key=lambda a: a.sort_key)
    held_now: dict[str, Decimal] = {}
    position = 0
    for a in asserted:
        while position < len(all_flows) and all_flows[position].date <= a.date:
            f = all_flows[position]
            held_now[f.account] = held_now.get(f.account, ZERO) + f.amount
            position += 1
        held = held_now.get(a.account, ZERO) - a.difference  # the books before the count's own difference
        if held != (a.books if a.difference else a.amount):
            yield diag(
                "FIN007",
                a.source.file,
                a.source.line,
                record=a.id,
                id=a.id,
                account=names.get(a.account, a.account),
                date=a.date,
                asserted=a.amount,
                books=held,
                difference=a.amount - held,
            )


def _counts(ledger: Ledger) -> Iterator[Diagnostic]:
    """现金由出纳员负责: each count is the cashier's, made once (a second identical count on a day is a
    duplicate); a shortage or surplus (现金短缺/溢余) waits for the principal's decision, and only the
    principal decides it."""
    names = account_names(ledger.catalog.accounts)
    seen: dict[tuple[str, dt.date, Decimal], BalanceAssertion] = {}
    counts = sorted((a for a in ledger.records(BalanceAssertion)), key=lambda a: a.sort_key)
    for a in counts:
        file, line = a.source
        account = names.get(a.account, a.account)
        first = seen.setdefault((a.account, a.date, a.amount), a)
        if first is not a:
            yield diag("FIN011", file, line, record=a.id, id=a.id, other=first.id, date=a.date, account=account, amount=a.amount)  # fmt: skip
        if not ledger.holds(a.by, "cashier", a.date):
            yield diag("FIN012", file, line, record=a.id, id=a.id, by=a.by, date=a.date)
        if not a.difference:
            continue
        if a.decision is None:
            kind = "短缺" if a.difference < 0 else "溢余"
            kind_en = "shortage" if a.difference < 0 else "surplus"
            yield diag(
                "FIN009", file, line, record=a.id, id=a.id, date=a.date, kind=kind, kind_en=kind_en,
                amount=abs(a.difference), counted=a.amount, books=a.books,
            )  # fmt: skip
        elif not ledger.holds(a.decision.by, "principal", a.decision.on):
            yield diag("FIN010", file, line, record=a.id, id=a.id, by=a.decision.by, date=a.decision.on)


def _two_lines(ledger: Ledger, all_flows: Sequence[Flow], policy: Policy, today: dt.date) -> Iterator[Diagnostic]:
    """收支两条线、不坐收坐支 as the school means it, for each cash account: cash taken in (takings) goes to
    the bank in full within `cash_deposit_days` (FIN016) and is never spent; cash is paid out only of the
    float drawn from the bank (or the opening balance, an advance returned) — a payment the float cannot
    cover is paid out of undeposited takings: 坐支 (FIN015). From receipts.since (default `started`)."""
    since = policy.receipts.since or ledger.config.started
    if since is None:
        return
    known = all_accounts(ledger.catalog.accounts)
    cash = {a for a, acc in known.items() if acc.nature == "cash"}
    banks = {a for a, acc in known.items() if acc.nature == "bank"}
    float_: dict[str, Decimal] = {}
    takings: dict[str, list[list[object]]] = {}  # account → [[day, amount left, record]], oldest first
    for f in all_flows:
        if f.account not in cash:
            continue
        held = takings.setdefault(f.account, [])
        if f.date >= since:
            yield from _late(held, f.date, policy.cash_deposit_days)
        if f.what == "income" and f.date >= since:
            held.append([f.date, f.amount, f.record])
        elif f.what == "transfer" and f.amount < 0 and f.category in banks:  # 送存银行: takings first
            left = _take(held, -f.amount)
            float_[f.account] = float_.get(f.account, ZERO) - left
        elif f.amount > 0 or f.date < since or f.what == "count-difference":  # a shortage is no payment
            float_[f.account] = float_.get(f.account, ZERO) + f.amount
        else:
            have = max(float_.get(f.account, ZERO), ZERO)
            short = -f.amount - have
            if short <= 0:
                float_[f.account] = have + f.amount
                continue
            float_[f.account] = ZERO
            spent = short - _take(held, short)
            if spent > 0 and f.record is not None:
                r = f.record
                yield diag("FIN015", r.source.file, r.source.line, record=r.id, id=r.id, date=f.date, amount=-f.amount, takings=spent)  # fmt: skip
    for held in takings.values():
        yield from _late(held, today, policy.cash_deposit_days)


def _take(held: list[list[object]], amount: Decimal) -> Decimal:
    """Take `amount` out of the takings held, oldest first; what is left over (more than they hold)."""
    while held and amount > 0:
        have = held[0][1]
        assert isinstance(have, Decimal)
        take = min(amount, have)
        held[0][1] = have - take
        amount -= take
        if not held[0][1]:
            held.pop(0)
    return amount


def _late(held: list[list[object]], day: dt.date, limit: int) -> Iterator[Diagnostic]:
    """Takings still held on `day` more than `limit` days after they came in (each said once)."""
    for entry in held:
        came, left, record = entry[0], entry[1], entry[2]
        assert isinstance(came, dt.date) and isinstance(left, Decimal) and isinstance(record, Record)
        if left > 0 and (day - came).days > limit and len(entry) == 3:
            entry.append(True)  # said
            yield diag("FIN016", record.source.file, record.source.line, record=record.id, id=record.id, date=came, amount=left, days=limit)  # fmt: skip


def _last_record(all_flows: Sequence[Flow], account: str, day: dt.date) -> Record | OpeningHead | None:
    found = [f.record for f in all_flows if f.account == account and f.date == day and f.record is not None]
    return found[-1] if found else None


def _canteen(ledger: Ledger, all_flows: Sequence[Flow], policy: Policy, today: dt.date) -> Iterator[Diagnostic]:
    """零盈利: over each ended term the canteen's result stays within the policy's share of its income."""
    canteen = [f for f in all_flows if f.account == "canteen" and f.what != "opening"]
    if not canteen:
        return
    for term in ledger.config.terms:
        if term.end >= today:
            continue
        within = [f for f in canteen if term.start <= f.date <= term.end]
        income = sum((f.amount for f in within if f.amount > 0), ZERO)
        result = sum((f.amount for f in within), ZERO)
        if income and abs(result) > income * policy.canteen_margin:
            yield diag(
                "FIN008",
                "catalog.yaml",
                0,
                record=term.id,
                term=term.id,
                result=result,
                income=income,
                share=f"{policy.canteen_margin * 100:.0f}%",
            )


def _funds(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """伙食费 is students' money the school holds: from the day the books began, a claim paid from a fund
    is on the fund's own lines, never a public budget line (FIN017), and never a payout to staff —
    welfare, bonus, a share of the surplus (不分发结余性福利, FIN018)."""
    since = ledger.config.started
    known = all_accounts(ledger.catalog.accounts)
    public = {b.id for b in ledger.catalog.budget_lines}
    owners = fund_lines(ledger.catalog.accounts)
    for r in ledger.records(Reimbursement):
        if r.payment is None or since is None or r.date < since:
            continue
        fund = known.get(r.payment.account)
        file, line = r.source
        owner = owners.get(r.budget_line)
        if owner is not None and owner != r.payment.account:  # the fund's spending paid with other money
            yield diag("FIN020", file, line, record=r.id, id=r.id, line=r.budget_line, fund=known[owner].name, account=fund.name if fund else r.payment.account)  # fmt: skip
        if fund is None or fund.nature != "fund":
            continue
        if r.budget_line in public or (fund.lines and r.budget_line not in fund.lines):
            own = "、".join(fund.lines) or "—"
            yield diag("FIN017", file, line, record=r.id, id=r.id, account=fund.name, line=r.budget_line, own=own)
        said = [w for w in policy.welfare_words if w in r.purpose]
        if said:
            yield diag("FIN018", file, line, record=r.id, id=r.id, account=fund.name, purpose=r.purpose, word=said[0])


def _canteen_months(ledger: Ledger, all_flows: Sequence[Flow], policy: Policy, today: dt.date) -> Iterator[Diagnostic]:
    """零盈利, watched monthly: each ended month since the books began whose canteen result is beyond
    `canteen_month_margin` of its income (a warning; the term's FIN008 is the rule's measure)."""
    since = ledger.config.started
    if since is None:
        return
    by_month: dict[str, list[Decimal]] = {}
    for f in all_flows:
        if f.account == "canteen" and f.what != "opening" and f.date >= since:
            entry = by_month.setdefault(f"{f.date:%Y-%m}", [ZERO, ZERO])
            entry[0] += f.amount if f.amount > 0 else ZERO
            entry[1] += f.amount
    for month, (income, result) in sorted(by_month.items()):
        if month >= f"{today:%Y-%m}" or not income or abs(result) <= income * policy.canteen_month_margin:
            continue
        share = f"{policy.canteen_month_margin * 100:.0f}%"
        yield diag("FIN019", "catalog.yaml", 0, record=month, month=month, result=result, income=income, share=share)

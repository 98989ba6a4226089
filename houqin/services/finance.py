"""The money side as use-cases: receipts, the cashier's counts, paying claims, advances from request to
settlement, budget adjustments, fee notices, and closing or reopening a month. Pure: each returns the
record to write; whether it breaks a rule is the checks' business, so hand edits obey the same rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from houqin import sshsig
from houqin.checks.fees import figures, on_behalf_items
from houqin.diagnostics import Diagnostic, Severity
from houqin.errors import RefusedError, UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.base import Approval, Record
from houqin.models.closing import (
    SEAL,
    UNSEALED,
    chain_digest,
    fingerprint,
    first_link,
    month_bounds,
    month_ids,
    month_of,
    previous_month,
    sealed_records,
    standing_closes,
)
from houqin.models.kinds import KIND_BY_MODEL, KINDS
from houqin.models.ledger import Ledger
from houqin.models.money_flow import balances, flows
from houqin.models.records import (
    BalanceAssertion,
    BudgetAdjustment,
    CashAdvance,
    Close,
    CountDecision,
    FeeItem,
    FeeNotice,
    FeeSettlement,
    Income,
    Payment,
    Reimbursement,
    Reopen,
    Settlement,
    Transfer,
)
from houqin.services.inputs import validated
from houqin.services.lookup import find_record
from houqin.services.signing import KeySigner, key_paid, key_signed, sign_record


def _id(ledger: Ledger, model: type[Record], day: dt.date) -> str:
    return next_id(ledger, KIND_BY_MODEL[model], day.year)


def add_income(ledger: Ledger, day: dt.date, **fields: object) -> Income:
    """收入: a receipt into an account (fees name the published item, the class and how many paid)."""
    return validated(Income, id=_id(ledger, Income, day), date=day, **fields)


def assert_balance(
    ledger: Ledger, account: str, amount: Decimal, day: dt.date, by: str, record_difference: bool = False
) -> BalanceAssertion:
    """对账: what the cashier counted, or the bank statement says, at the end of `day`. With
    `record_difference`, a cash count that differs from the books stands as counted, with the books'
    figure beside it (现金短缺/溢余), for the principal to decide; without it, the checks refuse it."""
    books = None
    if record_difference:
        if account != "cash":
            raise UsageError("difference_cash_only", account=account)
        held = balances(flows(ledger), day).get("cash", Decimal("0.00"))
        books = held if held != amount else None
    return validated(
        BalanceAssertion,
        id=_id(ledger, BalanceAssertion, day),
        date=day,
        account=account,
        amount=amount,
        books=books,
        by=by,
    )


def decide_count(ledger: Ledger, text: str, by: str, decision: str, on: dt.date) -> BalanceAssertion:
    """校长决定: how a cash shortage or surplus is dealt with (whether `by` is the principal is checked)."""
    count = find_record(ledger, text, BalanceAssertion, RecordName("count"))
    if not count.difference:
        raise UsageError("no_difference", id=count.id)
    if count.decision is not None:
        raise UsageError("already_decided", id=count.id, on=count.decision.on)
    return count.model_copy(update={"decision": validated(CountDecision, on=on, by=by, decision=decision)})


def transfer(
    ledger: Ledger, from_account: str, to_account: str, amount: Decimal, by: str, day: dt.date, purpose: str | None
) -> Transfer:
    """提现/存现: the cashier moves money between two accounts of the books."""
    if from_account == to_account:
        raise UsageError("same_account", account=from_account)
    return validated(
        Transfer,
        id=_id(ledger, Transfer, day),
        date=day,
        from_account=from_account,
        to_account=to_account,
        amount=amount,
        by=by,
        purpose=purpose,
    )


def pay_claim(
    ledger: Ledger, text: str, account: str, by: str, on: dt.date, key: KeySigner | None = None
) -> Reimbursement:
    """付款: the cashier pays a claim; refused (by the checks) before its three signatures are complete."""
    claim = find_record(ledger, text, Reimbursement, RecordName("reimbursement"))
    if claim.payment is not None:
        raise UsageError("already_paid", id=claim.id)
    paid = claim.model_copy(update={"payment": validated(Payment, on=on, by=by, account=account)})
    return paid if key is None else key_paid(ledger, paid, key)


def request_advance(
    ledger: Ledger,
    person: str,
    amount: Decimal,
    purpose: str,
    day: dt.date,
    route: Mapping[str, object] | None = None,
) -> CashAdvance:
    """借条: who borrows how much, for what (the principal's own: with its `route`, meeting or authority)."""
    return validated(
        CashAdvance,
        id=_id(ledger, CashAdvance, day),
        date=day,
        person=person,
        amount=amount,
        purpose=purpose,
        **dict(route or {}),
    )


def approve_advance(ledger: Ledger, text: str, by: str, on: dt.date, key: KeySigner | None = None) -> CashAdvance:
    return sign_record(ledger, text, "principal", by, on, model=CashAdvance, label=RecordName("advance"), key=key)


def pay_advance(
    ledger: Ledger, text: str, by: str, on: dt.date, account: str = "cash", key: KeySigner | None = None
) -> CashAdvance:
    """出纳付款: refused (by the checks) without the principal's approval (没有校长批准出纳员有权拒付)."""
    advance = find_record(ledger, text, CashAdvance, RecordName("advance"))
    if advance.payment is not None:
        raise UsageError("already_paid", id=advance.id)
    paid = advance.model_copy(update={"payment": validated(Payment, on=on, by=by, account=account)})
    return paid if key is None else key_paid(ledger, paid, key)


def settle_advance(
    ledger: Ledger, text: str, claims: Sequence[str], cash_returned: Decimal, on: dt.date
) -> CashAdvance:
    """报销冲账: the claims that spent the advance and the cash returned; they must add up (checked)."""
    advance = find_record(ledger, text, CashAdvance, RecordName("advance"))
    if advance.payment is None:
        raise UsageError("advance_unpaid", id=advance.id)
    if advance.settlement is not None:
        raise UsageError("advance_settled", id=advance.id)
    ids = tuple(find_record(ledger, c, Reimbursement, RecordName("reimbursement")).id for c in claims)
    settlement = validated(Settlement, on=on, expenses=ids, cash_returned=cash_returned)
    return advance.model_copy(update={"settlement": settlement})


def adjust_budget(
    ledger: Ledger, line: str, year: int, amount: Decimal, reason: str, day: dt.date, principal: str | None
) -> BudgetAdjustment:
    approvals = (Approval(role="principal", by=principal, on=day),) if principal else ()
    return validated(
        BudgetAdjustment,
        id=_id(ledger, BudgetAdjustment, day),
        date=day,
        budget_line=line,
        year=year,
        amount=amount,
        reason=reason,
        approvals=approvals,
    )


def publish_fees(
    ledger: Ledger,
    term: str,
    items: Sequence[dict[str, object]],
    published: dt.date,
    where: str,
    day: dt.date,
) -> FeeNotice:
    """收费公示: the term's fee items, to be approved by the principal (houqin sign … --as principal)."""
    return validated(
        FeeNotice,
        id=_id(ledger, FeeNotice, day),
        date=day,
        term=term,
        items=tuple(validated(FeeItem, **item) for item in items),
        published=published,
        where=where,
    )


@dataclass(frozen=True)
class Obstacle:
    """One reason a month cannot close: an i18n key and its parameters."""

    key: str
    params: tuple[tuple[str, str], ...] = ()


class CloseRefused(RefusedError):
    """A close refused: the obstacles, and the month's errors as diagnostics. Exit code 1."""

    def __init__(self, month: str, obstacles: Sequence[Obstacle], errors: Sequence[Diagnostic]) -> None:
        super().__init__("close_refused", errors, month=month)
        self.obstacles = tuple(obstacles)
        self.details = tuple((o.key, dict(o.params)) for o in obstacles)


def close_obstacles(
    ledger: Ledger, month: str, diagnostics: Sequence[Diagnostic], day: dt.date | None = None
) -> list[Obstacle]:
    """Why `month` cannot close on `day`: not over yet, errors in its records, already closed, the month
    before still open, or cash and bank without the cashier's balance at the month's end."""
    first, last = month_bounds(month)
    out: list[Obstacle] = []
    if day is not None and day <= last:
        out.append(Obstacle("close.not_over", (("last", str(last)),)))
    errors = month_errors(ledger, month, diagnostics)
    if errors:
        out.append(Obstacle("close.errors", (("count", str(len(errors))),)))
    standing = standing_closes(ledger)
    if month in standing:
        out.append(Obstacle("close.closed", (("close", standing[month].id),)))
    earlier = open_months_before(ledger, month, standing)
    if earlier == [previous_month(month)]:
        out.append(Obstacle("close.previous", (("month", earlier[0]),)))
    elif earlier:
        out.append(Obstacle("close.earlier", (("months", "、".join(earlier)),)))
    counts = [a for a in ledger.records(BalanceAssertion)]
    for a in counts:
        if a.difference and a.decision is None and first <= a.date <= last:
            kind = "短缺" if a.difference < 0 else "溢余"
            out.append(Obstacle("close.undecided", (("id", a.id), ("kind", kind), ("amount", str(abs(a.difference))))))
    asserted = {a.account for a in counts if a.date == last}
    for account in ("cash", "bank"):
        if account not in asserted:
            out.append(Obstacle("close.assertion", (("account", account), ("date", str(last)))))
    return out


def month_errors(ledger: Ledger, month: str, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
    """The errors that stand in a month's way: those about its records, and those about no record."""
    records = month_ids(ledger, month)
    return [d for d in diagnostics if d.severity is Severity.ERROR and (d.record in records or not d.record)]


def open_months_before(ledger: Ledger, month: str, standing: Mapping[str, Close]) -> list[str]:
    """The months before `month` whose books are not closed: every month since the books began in houqin
    (`started`), or, without it, every earlier month with a record. A month before them needs no close."""
    started = ledger.config.started
    if started is not None:
        months = _months_between(month_of(started), month)
    else:
        months = sorted(
            {
                month_of(dt.date.fromordinal(day))
                for kind in KINDS
                if kind.name not in UNSEALED
                for _id, _file, _line, day in ledger.id_sources(kind.name)
            }
        )
    return [m for m in months if m < month and m not in standing]


def _months_between(first: str, before: str) -> list[str]:
    out: list[str] = []
    while first < before:
        out.append(first)
        year, mon = int(first[:4]), int(first[5:7])
        first = f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"
    return out


def close_month(
    ledger: Ledger,
    month: str,
    by: str,
    day: dt.date,
    diagnostics: Sequence[Diagnostic],
    key: KeySigner | None = None,
) -> Close:
    """月结: refuse while anything stands in the way; otherwise seal the month's records. The close
    carries the accountant's signature (by key with `key`); the principal acknowledges it with
    houqin sign JZ-… --as principal (清结情况报告校长)."""
    obstacles = close_obstacles(ledger, month, diagnostics, day)
    if obstacles:
        raise CloseRefused(month, obstacles, month_errors(ledger, month, diagnostics))
    _first, last = month_bounds(month)
    prints = tuple(fingerprint(r, last, SEAL) for r in sealed_records(ledger, month))
    standing = standing_closes(ledger)
    before = standing.get(previous_month(month))
    previous = before.digest if before else first_link(ledger, month, standing)
    close = validated(
        Close,
        id=_id(ledger, Close, day),
        date=day,
        month=month,
        closed_by=by,
        seal=SEAL,
        records=len(prints),
        fingerprints=prints,
        previous=previous,
        digest=chain_digest(previous, prints),
        approvals=(Approval(role="accountant", by=by, on=day),),
    )
    return close if key is None else key_signed(ledger, close, 0, key)


def reopen_month(
    ledger: Ledger, month: str, reason: str, principal: str, day: dt.date, key: KeySigner | None = None
) -> Reopen:
    """重新开账: undo the month's close, on or after its day, once no later month is closed (a month is
    corrected from the latest closed month backwards, so no closed month rests on an open one)."""
    standing = standing_closes(ledger)
    close = standing.get(month)
    if close is None:
        raise UsageError("month_not_closed", month=month)
    if day < close.date:
        raise UsageError("reopen_before_close", month=month, close=close.id, closed=close.date, day=day)
    later = sorted(m for m in standing if m > month)
    if later:
        raise UsageError("reopen_later_first", month=month, later=later[-1], close=standing[later[-1]].id)
    reopen = validated(
        Reopen,
        id=_id(ledger, Reopen, day),
        date=day,
        month=month,
        close=close.id,
        reason=reason,
        approvals=(Approval(role="principal", by=principal, on=day),),
    )
    if month in standing_closes(ledger.with_record(reopen)):  # never report a reopening that changed nothing
        raise RuntimeError(f"a reopening of {month} would not undo {close.id}")  # a bug: exit 3
    return reopen if key is None else key_signed(ledger, reopen, 0, key)


def settle_fee(ledger: Ledger, term: str, item: str, by: str, day: dt.date, where: str) -> FeeSettlement:
    """代办费结算: an item collected on behalf, its spending shared by head, each class refunded or topped
    up (多退少补), published where the notice was; refused for an item not collected on behalf that term.
    It carries the accountant's step; the principal approves it (houqin sign JS-… --as principal)."""
    found = on_behalf_items(ledger).get(item)
    if found is None or found[0].term != term:
        raise UsageError("not_on_behalf", item=item, term=term)
    earlier = [s for s in ledger.records(FeeSettlement) if s.fee_item == item]
    if earlier:
        raise UsageError("already_settled", item=item, id=earlier[0].id, date=earlier[0].date)
    books = figures(ledger, item)
    if not books.classes:
        raise UsageError("nothing_collected", item=item, term=term)
    classes = [
        {"class": c.class_, "students": c.students, "collected": c.collected, "spent": c.spent,
         "refund": c.refund, "top_up": c.top_up}
        for c in books.classes
    ]  # fmt: skip
    return validated(
        FeeSettlement, id=_id(ledger, FeeSettlement, day), date=day, term=term, fee_item=item,
        collected=books.collected, spent=books.spent, classes=classes, by=by, published=day, where=where,
        approvals=(Approval(role="accountant", by=by, on=day),),
    )  # fmt: skip


def collect_top_up(
    ledger: Ledger,
    text: str,
    klass: str,
    by: str,
    day: dt.date,
    account: str | None = None,
    amount: Decimal | None = None,
    receipt: int | None = None,
    receipt_date: dt.date | None = None,
) -> Income:
    """少补: a class's top-up collected against its settlement, as fee income of the item with its receipt;
    by default the whole top-up still owed, into the account the class's fees went to (the 代办费 fund)."""
    from houqin.checks.fees import top_ups_collected

    settlement = find_record(ledger, text, FeeSettlement, RecordName("fee_settlement"))
    owing = [c for c in settlement.classes if c.top_up]
    row = next((c for c in owing if c.class_ == klass), None)
    if row is None:
        raise UsageError("no_top_up", id=settlement.id, klass=klass, classes="、".join(c.class_ for c in owing) or "—")
    earlier = top_ups_collected(ledger).get((settlement.id, klass), [])
    owed = row.top_up - sum((r.amount for r in earlier), Decimal("0.00"))
    if owed <= 0:
        raise UsageError("top_up_collected", id=settlement.id, klass=klass, owed=row.top_up, incomes="、".join(r.id for r in earlier))  # fmt: skip
    paid_into = [
        r.account
        for r in ledger.records(Income)
        if r.fee_item == settlement.fee_item and r.class_ == klass and r.settlement is None
    ]
    return validated(
        Income, id=_id(ledger, Income, day), date=day, kind="fee", amount=amount or owed,
        account=account or (paid_into[-1] if paid_into else "bank"), payer=klass, received_by=by,
        purpose=f"{settlement.fee_item} 少补（{settlement.id}）", fee_item=settlement.fee_item, class_=klass,
        students=row.students, settlement=settlement.id, receipt=receipt, receipt_date=receipt_date,
    )  # fmt: skip


def refund_fee(
    ledger: Ledger, text: str, by: str, account: str, on: dt.date, key: KeySigner | None = None
) -> FeeSettlement:
    """多退: the cashier pays each class its refund, from an account of the books (checked: FIN006, FIN013);
    with `key`, the payment is signed by the cashier's key, like a claim's."""
    settlement = find_record(ledger, text, FeeSettlement, RecordName("fee_settlement"))
    if settlement.refunded is not None:
        raise UsageError("already_paid", id=settlement.id)
    if not settlement.refunds:
        raise UsageError("nothing_to_refund", id=settlement.id)
    payment = validated(Payment, on=on, by=by, account=account)
    refunded = settlement.model_copy(update={"refunded": payment})
    return refunded if key is None else key_paid(ledger, refunded, key)


def opening_balances(
    ledger: Ledger,
    text: str,
    wanted: Sequence[tuple[str, Decimal]],
    day: dt.date,
    by: str,
    key: sshsig.PublicKey | None = None,
    key_path: str = "",
) -> str:
    """catalog.yaml with the accounts' opening balances (期初余额) as of the end of `day`, for houqin
    finance open: the accountant's (`by`) figures, one per account. Refused while a month is closed
    (the closes sealed the balances that followed from the old openings: reopen first) and when an
    account already has money recorded before `day` (an opening comes before the books it opens).
    With `key`, it must be the accountant's registered key on `day` (the commit is signed by it)."""
    from houqin.checks.keys import must_sign_by_key, trust_of
    from houqin.ledger.directory import with_openings
    from houqin.models.directory import all_accounts

    if not wanted:
        raise UsageError("open_nothing")
    if not ledger.holds(by, "accountant", day):
        raise UsageError("open_not_accountant", name=by, on=day)
    known = all_accounts(ledger.catalog.accounts)
    openings: dict[str, tuple[str, Decimal]] = {}
    for account, amount in wanted:
        if account not in known:
            raise UsageError("open_unknown_account", account=account, known="、".join(known))
        if account in openings:
            raise UsageError("open_twice", account=account)
        openings[account] = (known[account].name, amount)
    closed = sorted(standing_closes(ledger))
    if closed:
        raise UsageError("open_after_close", month=closed[-1])
    for f in flows(ledger):
        if f.account in openings and f.what != "opening" and f.date < day and f.record is not None:
            raise UsageError("open_after_money", account=f.account, record=f.record.id, on=f.date, day=day)
    if key is None and must_sign_by_key(ledger, ledger.config.policy, by, day):
        raise UsageError("open_needs_key", name=by)
    if key is not None and trust_of(ledger.config.school.name, ledger.people).key_of(by, key.fingerprint, day) is None:
        raise UsageError("key_not_signers", path=key_path, fp=key.fingerprint, by=by, on=day)
    new = with_openings(text, openings, day)
    if new == text:
        raise UsageError("open_unchanged", day=day)
    return new

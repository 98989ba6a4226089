"""damage: 公物损坏赔偿制度, 谁损坏谁赔偿 — a case is assessed at no more than the asset's book value
unless a reason is given, and settled either by a payment booked as income (from the day the books
began: 一套账, the money reaches an account; before, a receipt number was enough) or by a waiver the
principal signed."""

from __future__ import annotations

from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.asset_state import DISPOSED, replay
from houqin.models.config import Policy
from houqin.models.depreciation import book_value
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Damage, Income


def check_damage_values(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """A case is assessed at no more than its asset's book value unless a reason is given (DMG001).
    Per file of cards, seeing the cases and the asset events: the file's cards that cases name are
    replayed, so a new card elsewhere re-checks nothing here."""
    assessed = [d for d in ledger.seen(Damage) if d.assessed is not None and not d.assessed.reason]
    cards = {a.id: a for a in ledger.own(Asset, {d.asset for d in assessed})}  # the file's cards they name alone
    cases = [d for d in assessed if d.asset in cards]
    if not cases:
        return
    states, _ = replay(ledger)  # one replay for every case: what each asset held on a case's day follows from it
    for d in cases:
        asset = cards[d.asset]
        assert d.assessed is not None  # chosen above
        category = ledger.category_by_code.get(asset.category)
        life = category.life_years if category else 0
        state = states.get(asset.id)
        gone = sum(e.quantity for e in state.history if e.date <= d.date and e.what in DISPOSED) if state else 0
        quantity = max(asset.quantity - gone, 1)
        ceiling = book_value(asset.unit_price * quantity, asset.date, d.date, life, policy.depreciation.start).net
        if life == 0:
            ceiling = asset.unit_price * quantity
        if d.assessed.amount > ceiling:
            file, line = d.source
            yield diag("DMG001", file, line, record=d.id, id=d.id, amount=d.assessed.amount, value=ceiling)


def check_damages(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """A case is settled by a payment booked as income (DMG003, DMG005, DMG006) or a waiver the
    principal signed (DMG002), and a settled case was assessed (DMG004)."""
    since = policy.receipts.since or ledger.config.started  # before it, a receipt number was enough
    for d in ledger.records(Damage):
        file, line = d.source
        if d.settled is None:
            continue
        if d.settled.type == "waived":
            if d.approval("principal") is None:
                yield diag("DMG002", file, line, record=d.id, id=d.id)
        elif since is not None and d.settled.on >= since and not d.settled.income:
            yield diag("DMG003", file, line, record=d.id, id=d.id)  # 一套账: the payment is booked as income
        elif not (d.settled.receipt or d.settled.income):
            yield diag("DMG003", file, line, record=d.id, id=d.id)
        else:
            yield from _booked(ledger, d)
        if d.assessed is None:
            yield diag("DMG004", file, line, record=d.id, id=d.id)


def _booked(ledger: Ledger, d: Damage) -> Iterator[Diagnostic]:
    """The income a paid case names is the compensation for this case, of the amount paid, under the
    receipt the case names (不设账外账: the money reaches an account)."""
    settled = d.settled
    if settled is None or settled.income is None:
        return
    file, line = d.source
    income = ledger.find(settled.income, Income)
    if income is None or income.kind != "compensation" or income.damage != d.id:
        yield diag("DMG005", file, line, record=d.id, id=d.id, income=settled.income)
        return
    paid = settled.amount if settled.amount is not None else d.assessed.amount if d.assessed else None
    receipt = str(income.receipt) if income.receipt is not None else None
    if (paid is not None and paid != income.amount) or (settled.receipt and receipt and settled.receipt != receipt):
        yield diag(
            "DMG006", file, line, record=d.id, id=d.id, income=income.id, amount=paid or "—",
            booked=income.amount, receipt=settled.receipt or "—", booked_receipt=receipt or "—",
        )  # fmt: skip

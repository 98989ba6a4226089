"""shop, milk: 商店 — goods from suppliers named in full, sold below the price outside the school
(进售双价), never past their shelf life (严查产品生产日期, R35), never more than the batch held; 学生奶 —
ordered per class against a published fee item, delivered and paid as ordered (a warning at term end)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from houqin import clock
from houqin.checks.finance import published_items
from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.identifiers import supplier_id_ok
from houqin.models.ledger import Ledger
from houqin.models.records import Income, MilkDelivery, MilkOrder, ShopBatch, ShopSale


def check_shop(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    batches = {r.id: r for r in ledger.records(ShopBatch)}
    for batch in batches.values():
        where = (batch.source.file, batch.source.line)
        if batch.date >= batch.expires:
            yield diag("SHP004", *where, record=batch.id, id=batch.id, goods=batch.goods, expires=batch.expires)
        if not supplier_id_ok(batch.supplier_id):
            yield diag(
                "SHP005", *where, record=batch.id, id=batch.id, supplier=batch.supplier, number=batch.supplier_id
            )
        reference = policy.shop_references.get(batch.goods)
        if reference is not None and batch.price >= reference:
            yield diag(
                "SHP003", batch.source.file, batch.source.line, record=batch.id, id=batch.id, goods=batch.goods,
                price=batch.price,
                reference=reference,
            )  # fmt: skip
    sold: dict[str, Decimal] = {}
    for s in sorted((r for r in ledger.records(ShopSale)), key=lambda r: r.sort_key):
        b = batches.get(s.batch)
        if b is None:
            continue  # refs reports an unknown batch
        if s.date >= b.expires and not s.removed:
            yield diag(
                "SHP001", s.source.file, s.source.line, record=s.id, id=s.id, goods=b.goods, batch=b.batch,
                expires=b.expires,
            )  # fmt: skip
        if s.date < b.date:
            yield diag("SHP002", s.source.file, s.source.line, record=s.id, id=s.id, goods=b.goods, left=0)
            continue
        before = sold.get(b.id, Decimal(0))
        sold[b.id] = before + s.quantity
        if sold[b.id] > b.quantity:
            yield diag(
                "SHP002", s.source.file, s.source.line, record=s.id, id=s.id, goods=b.goods, left=b.quantity - before
            )


def check_shelf(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    """Expired goods still on the shelf today: what is left of a batch past its day, never taken off."""
    today = today or clock.today()
    for batch, left in expiring(ledger, today, 0):
        if batch.expires <= today:
            yield diag(
                "SHP006", batch.source.file, batch.source.line, record=batch.id, id=batch.id, goods=batch.goods,
                left=left, unit=batch.unit, expires=batch.expires,
            )  # fmt: skip


def expiring(ledger: Ledger, day: dt.date, within: int) -> list[tuple[ShopBatch, Decimal]]:
    """Batches still on the shelf that expire within `within` days of `day` (or already have)."""
    sold: dict[str, Decimal] = {}
    for s in ledger.records(ShopSale):
        if s.date <= day:
            sold[s.batch] = sold.get(s.batch, Decimal(0)) + s.quantity
    out = []
    for b in ledger.records(ShopBatch):
        if b.date <= day:
            left = b.quantity - sold.get(b.id, Decimal(0))
            if left > 0 and b.expires <= day + dt.timedelta(days=within):
                out.append((b, left))
    return sorted(out, key=lambda x: x[0].expires)


def check_milk(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    items = published_items(ledger)
    terms = {t.id: t for t in ledger.config.terms}
    orders = [r for r in ledger.records(MilkOrder)]
    for o in orders:
        if not any(n.published <= o.date for n, _item in items.get(o.fee_item, [])):
            yield diag("MLK001", o.source.file, o.source.line, record=o.id, id=o.id, item=o.fee_item)
    ordered = {(o.term, o.class_): o for o in orders}
    delivered: dict[tuple[str, str], int] = {}
    for d in ledger.records(MilkDelivery):
        term = ledger.config.term_of(d.date)
        key = (term.id if term else "", d.class_)
        if key not in ordered:
            yield diag("MLK004", d.source.file, d.source.line, record=d.id, id=d.id, klass=d.class_, date=d.date)
            continue
        delivered[key] = delivered.get(key, 0) + d.cartons
    paid: dict[tuple[str, str], Decimal] = {}
    for r in ledger.records(Income):
        if r.kind == "fee" and r.class_:
            term = ledger.config.term_of(r.date)
            key = (term.id if term else "", r.class_)
            if key in ordered and ordered[key].fee_item == r.fee_item:
                paid[key] = paid.get(key, Decimal(0)) + r.amount
    for key, o in sorted(ordered.items()):
        term = terms.get(o.term)
        if term is None or term.end >= today:
            continue  # judged once the term is over
        if delivered.get(key, 0) != o.cartons:
            yield diag(
                "MLK002", o.source.file, o.source.line, record=o.id, id=o.id, klass=o.class_, ordered=o.cartons,
                delivered=delivered.get(key, 0),
            )  # fmt: skip
        each = next((item.amount for _n, item in items.get(o.fee_item, [])), None)
        if each is not None and paid.get(key, Decimal(0)) != each * o.students:
            yield diag(
                "MLK003", o.source.file, o.source.line, record=o.id, id=o.id, klass=o.class_,
                expected=each * o.students, paid=paid.get(key, Decimal("0.00")),
            )  # fmt: skip


def takings_by_day(ledger: Ledger) -> dict[dt.date, Decimal]:
    """营业款: what each day's sales took in, at the batch's sale price (goods taken off unsold take nothing)."""
    batches = {r.id: r for r in ledger.records(ShopBatch)}
    out: dict[dt.date, Decimal] = {}
    for s in ledger.records(ShopSale):
        if not s.removed and s.batch in batches:
            out[s.date] = out.get(s.date, Decimal("0.00")) + s.quantity * batches[s.batch].price
    return out


def check_takings(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    """一套账，不设账外账: from the day the income rules apply (receipts.since, default `started`), the
    shop's purchases are paid from an account (SHP007) and each day's takings are deposited as income of
    kind shop within `shop_deposit_days`, in full and no more (SHP008-SHP010)."""
    since = policy.receipts.since or ledger.config.started
    if since is None:
        return
    today = today or clock.today()
    for b in ledger.records(ShopBatch):
        if b.paid is None and b.date >= since:
            yield diag("SHP007", b.source.file, b.source.line, record=b.id, id=b.id, goods=b.goods, value=b.value)
    # A deposit is weighed against every day's takings it covers, also days before `since` (a sale
    # recorded the day before the books began is banked like any other); what must have been banked
    # (SHP010) is judged from `since` on.
    every_day = takings_by_day(ledger)
    takings = {day: amount for day, amount in every_day.items() if day >= since}
    deposited: set[dt.date] = set()
    for r in sorted((r for r in ledger.records(Income) if r.kind == "shop"), key=lambda r: r.sort_key):  # fmt: skip
        first, last = r.takings_from or r.date, r.takings_to or r.date
        days = [day for day in every_day if first <= day <= last]
        deposited.update(days)
        took = sum((every_day[day] for day in days), Decimal("0.00"))
        if r.amount != took:
            code = "SHP008" if r.amount > took else "SHP009"
            yield diag(code, r.source.file, r.source.line, record=r.id, id=r.id, amount=r.amount, takings=took, first=first, last=last, difference=abs(r.amount - took))  # fmt: skip
    sales = {s.date: s for s in sorted(ledger.records(ShopSale), key=lambda s: s.sort_key)}
    for day, amount in sorted(takings.items()):
        if day not in deposited and (today - day).days > policy.shop_deposit_days:
            sale = sales[day]
            yield diag("SHP010", sale.source.file, sale.source.line, record=sale.id, date=day, amount=amount, days=policy.shop_deposit_days)  # fmt: skip

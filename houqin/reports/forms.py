"""The paper form of one record (docs/paper.md): 报销单 with its 粘贴单, 入库单, 领用单, 借用单, 借条,
固定资产卡片, 报废/报损申请表, 报修单, 请购单, 调拨单, 损坏赔偿单, 盘点报告, 月结报告 — the lines the school's
paper form has, its tables, a box per signature (filled from the books, or blank to sign by hand) and
the code its QR holds (houqin verify-form reads it back).

A form names its labels by i18n key and its values as text; render/forms.py lays it out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from houqin.checks.purchases import required_steps
from houqin.checks.stocktake import approvals_needed
from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.models.asset_state import replay
from houqin.models.base import Record, Signed
from houqin.models.depreciation import book_value
from houqin.models.directory import account_names
from houqin.models.forms import form_code, form_fingerprint, read_form_code
from houqin.models.kinds import KIND_BY_MODEL, KIND_BY_NAME, KIND_BY_PREFIX, RecordKind, kind_of
from houqin.models.ledger import Ledger
from houqin.models.records import (
    Asset,
    CashAdvance,
    Close,
    Damage,
    Disposal,
    Invoice,
    Loan,
    Move,
    Payment,
    Purchase,
    Reimbursement,
    Repair,
    StockIn,
    StockOut,
    Stocktake,
)
from houqin.money import fmt_yuan, yuan_in_words
from houqin.reports.assets import life_of, start_of
from houqin.reports.finance import MonthReport, month_report
from houqin.services.lookup import resolve_id

BLANK_ROWS = 8  # empty rows of a table on a blank form


@dataclass(frozen=True)
class Grid:
    """A table of the form (粘贴单's invoices, a card's history): a title, columns and rows."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()
    total: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignBox:
    """One signature box: the step (a ROLES key or a form.sign.* key), and when the books hold it, who
    signed, on which day and — signed by key — the key's fingerprint."""

    step: str
    name: str = ""
    on: dt.date | None = None
    key: str = ""


@dataclass(frozen=True)
class Form:
    kind: str  # the record kind (models/kinds.py)
    title: str  # form.title.<kind>, or form.title.<kind>.<variant>
    school: str
    record: str  # "" on a blank form
    date: dt.date | None
    lines: tuple[tuple[str, str], ...]  # (label key, value)
    grids: tuple[Grid, ...]
    signs: tuple[SignBox, ...]
    code: str  # the QR's text; "" on a blank form
    fingerprint: str = ""
    month: MonthReport | None = None  # a close's form carries the month's report to the principal


@dataclass(frozen=True)
class Layout:
    """What a kind's paper form has, filled or blank."""

    title: str
    lines: tuple[str, ...]
    grids: tuple[Grid, ...]
    steps: Callable[[Ledger, Any], tuple[str, ...]]
    fill: Callable[[Ledger, Any, dt.date], tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]]


def _chain(kind: str, *extra: str) -> Callable[[Ledger, Any], tuple[str, ...]]:
    def steps(ledger: Ledger, _record: Any) -> tuple[str, ...]:
        return (*ledger.config.policy.signatures.chains.get(kind, ()), *extra)

    return steps


def _person(step: str, name: str | None, on: dt.date | None) -> dict[str, SignBox]:
    return {step: SignBox(step, name, on)} if name else {}


def _key_shown(sig: str | None) -> str:
    """The key a box shows: its fingerprint when signed by key, "?" for a signature that does not read."""
    from houqin import sshsig

    return (sshsig.signer_fingerprint(sig) or "?") if sig else ""


def _payer(pay: Payment) -> dict[str, SignBox]:
    """The cashier's box: who paid, when, and — paid by key — the key's fingerprint."""
    return {"cashier": SignBox("cashier", pay.by, pay.on, _key_shown(pay.sig))}


def _paid(ledger: Ledger, pay: Payment | None) -> str:
    """The day and the account a payment was made from, by the account's name (银行存款, not bank)."""
    if pay is None:
        return ""
    return f"{pay.on} {account_names(ledger.catalog.accounts).get(pay.account, pay.account)}"


def _yuan(value: Decimal | None) -> str:
    return fmt_yuan(value) if value is not None else ""


def _item(ledger: Ledger, item: str) -> str:
    found = ledger.item_by_id.get(item)
    return f"{item} {found.name}" if found else item


def _unit(ledger: Ledger, item: str) -> str:
    found = ledger.item_by_id.get(item)
    return found.unit if found else ""


def _budget(ledger: Ledger, line: str, year: int) -> str:
    found = ledger.budget_line_by_key.get((line, year))
    return f"{line} {found.name}" if found else line


def _asset_name(ledger: Ledger, asset: str | None) -> str:
    found = ledger.find(asset, Asset)
    return f"{asset} {found.name}" if found is not None else asset or ""


def _place(ledger: Ledger, place: str | None) -> str:
    found = ledger.place_by_id.get(place) if place else None
    return f"{place} {found.name}" if found else place or ""


INVOICE_COLUMNS = (
    "form.no",
    "form.invoice_number",
    "form.invoice_code",
    "form.invoice_date",
    "form.issuer",
    "col.amount",
)


def _invoices(invoices: Sequence[Invoice], claimed: Decimal | None = None) -> Grid:
    """The 粘贴单. A claim's one invoice written without its amount is the claim's amount (the invoice
    check holds a claim to its invoices where they carry amounts); with several, an unknown one is blank."""
    lone = claimed if claimed is not None and len(invoices) == 1 and invoices[0].amount is None else None
    rows = tuple(
        (str(i), v.number, v.code or "", str(v.date), v.issuer or "", _yuan(v.amount if lone is None else lone))
        for i, v in enumerate(invoices, 1)
    )
    total = lone if lone is not None else sum((v.amount for v in invoices if v.amount is not None), Decimal("0.00"))
    return Grid("form.grid.invoices", INVOICE_COLUMNS, rows, ("form.total", "", "", "", "", fmt_yuan(total)))


def _expense(
    ledger: Ledger, r: Reimbursement, _at: dt.date
) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    pay = r.payment
    values = {
        "col.date": str(r.date),
        "col.payee": r.payee,
        "col.purpose": r.purpose,
        "col.budget_line": _budget(ledger, r.budget_line, r.date.year),
        "col.amount": fmt_yuan(r.amount),
        "form.in_words": yuan_in_words(r.amount),
        "form.attachments": str(len(r.invoices)),
        "form.purchase": r.purchase or "",
        "form.advance": r.advance or "",
        "form.paid": _paid(ledger, pay),
    }
    signs = _payer(pay) if pay else {}
    return values, (_invoices(r.invoices, r.amount),), signs


def _stock_in(ledger: Ledger, r: StockIn, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    values = {
        "col.date": str(r.date),
        "col.item": _item(ledger, r.item),
        "col.quantity": f"{r.quantity} {_unit(ledger, r.item)}",
        "col.unit_price": fmt_yuan(r.unit_price),
        "col.amount": fmt_yuan(r.value),
        "form.in_words": yuan_in_words(r.value),
        "col.supplier": r.supplier or "",
        "form.origin": r.origin,
    }
    return values, (), _person("acceptor", r.acceptor, r.date)


def _stock_out(
    ledger: Ledger, r: StockOut, _at: dt.date
) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    values = {
        "col.date": str(r.date),
        "col.item": _item(ledger, r.item),
        "col.quantity": f"{r.quantity} {_unit(ledger, r.item)}",
        "col.department": r.department or "",
        "col.purpose": r.purpose,
    }
    signs = {
        **_person("form.sign.issued_by", r.issued_by, r.date),
        **_person("form.sign.recipient", r.receiver, r.date),
    }
    return values, (), signs


def _loan(ledger: Ledger, r: Loan, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    back = r.returned
    values = {
        "form.asset": _asset_name(ledger, r.asset),
        "col.quantity": str(r.quantity),
        "col.borrower": r.borrower,
        "col.purpose": r.purpose or "",
        "form.lent_on": str(r.date),
        "col.due": str(r.due),
        "form.returned_on": f"{back.on} {back.condition or ''}".strip() if back else "",
    }
    signs = _person("form.sign.borrower", r.borrower, r.date)
    if back:
        signs.update(_person("form.sign.returned_to", back.received_by, back.on))
    return values, (), signs


def _advance(
    ledger: Ledger, r: CashAdvance, _at: dt.date
) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    pay, done = r.payment, r.settlement
    values = {
        "col.date": str(r.date),
        "form.advance_person": r.person,
        "col.purpose": r.purpose,
        "col.amount": fmt_yuan(r.amount),
        "form.in_words": yuan_in_words(r.amount),
        "form.paid": _paid(ledger, pay),
        "form.settled": (
            f"{done.on} {'、'.join(done.expenses)} {fmt_yuan(done.cash_returned)}".replace("  ", " ") if done else ""
        ),
    }
    signs = _person("form.sign.advance_person", r.person, r.date)
    if pay:
        signs.update(_payer(pay))
    return values, (), signs


def _card(ledger: Ledger, r: Asset, at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    states, _ = replay(ledger, until=at)
    state = states.get(r.id)
    held = state.in_books if state is not None else r.quantity
    value = book_value(r.unit_price * held, r.date, at, life_of(ledger, r), start_of(ledger))
    category = ledger.category_by_code.get(r.category)
    holdings = sorted(state.holdings.items()) if state is not None else []
    values = {
        "form.asset_id": r.id,
        "col.name": r.name,
        "col.model": r.model or "",
        "col.category": f"{r.category} {category.name}" if category else r.category,
        "col.quantity": f"{held} / {r.quantity} {r.unit}",
        "col.unit_price": fmt_yuan(r.unit_price),
        "col.funding": r.funding,
        "col.supplier": r.supplier or "",
        "col.acquired": str(r.date),
        "form.invoice_number": r.invoice.number if r.invoice else "",
        "form.purchase": r.purchase or "",
        "col.place": "；".join(f"{_place(ledger, p)} {k} ×{q}" for (p, k), q in holdings),
        "col.value": fmt_yuan(value.cost),
        "col.accumulated": f"{fmt_yuan(value.accumulated)} ({value.months}/{value.life_months})",
        "col.net": fmt_yuan(value.net),
        "form.as_of": str(at),
    }
    history = tuple(
        (str(e.date), f"event.{e.what}", e.record.id, str(e.quantity)) for e in (state.history if state else ())
    )
    grid = Grid("form.grid.history", ("col.date", "col.event", "col.record", "col.quantity"), history)
    return values, (grid,), _person("keeper", r.keeper, r.date)


def _disposal(ledger: Ledger, r: Disposal, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    asset = ledger.find(r.asset, Asset)
    qty = r.quantity or (asset.quantity if asset else 1)
    value = (
        book_value(asset.unit_price * qty, asset.date, r.date, life_of(ledger, asset), start_of(ledger), disposed=True)
        if asset
        else None
    )
    values = {
        "col.date": str(r.date),
        "form.asset": _asset_name(ledger, r.asset),
        "col.model": (asset.model or "") if asset else "",
        "col.quantity": f"{qty} {asset.unit if asset else ''}".strip(),
        "col.acquired": str(asset.date) if asset else "",
        "col.value": _yuan(value.cost if value else None),
        "col.accumulated": _yuan(value.accumulated if value else None),
        "col.net": _yuan(value.net if value else None),
        "col.place": _place(ledger, r.from_place or (asset.place if asset else None)),
        "form.reason": r.reason,
        "form.recipient": r.recipient or "",
        "form.authority": r.authority or "",
        "form.proceeds": _yuan(r.proceeds),
    }
    return values, (), {}


def _repair(ledger: Ledger, r: Repair, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    done = r.done
    values = {
        "col.date": str(r.date),
        "form.asset": _asset_name(ledger, r.asset),
        "col.place": _place(ledger, r.place),
        "form.reporter": r.reporter,
        "form.fault": r.fault,
        "form.done_on": str(done.on) if done else "",
        "form.work": done.work if done else "",
        "form.repairer": (done.repairer or "") if done else "",
        "form.cost": _yuan(done.cost) if done else "",
    }
    return values, (), _person("form.sign.reporter", r.reporter, r.date)


def _purchase(ledger: Ledger, r: Purchase, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    total = r.estimate
    meeting, accepted = r.meeting, r.accepted
    values = {
        "col.date": str(r.date),
        "col.department": r.department,
        "col.requester": r.requester,
        "col.budget_line": _budget(ledger, r.budget_line, r.date.year),
        "col.purpose": r.purpose,
        "form.estimate": fmt_yuan(total),
        "form.in_words": yuan_in_words(total),
        "form.meeting": f"{meeting.on} {'、'.join(meeting.attendees)}：{meeting.decision}" if meeting else "",
        "form.accepted": f"{accepted.on} {accepted.supplier or ''}".strip() if accepted else "",
    }
    lines = tuple(
        (
            str(i),
            _item(ledger, line.item) if line.item else f"{line.asset} {line.category or ''}".strip(),
            str(line.quantity),
            fmt_yuan(line.estimate),
            fmt_yuan(line.total),
        )
        for i, line in enumerate(r.lines, 1)
    )
    quotes = tuple((str(i), q.supplier, fmt_yuan(q.amount), str(q.on)) for i, q in enumerate(r.quotes, 1))
    grids = (
        Grid(
            "form.grid.lines",
            ("form.no", "col.item", "col.quantity", "form.unit_estimate", "col.amount"),
            lines,
            ("form.total", "", "", "", fmt_yuan(total)),
        ),
        Grid("form.grid.quotes", ("form.no", "col.supplier", "col.amount", "col.date"), quotes),
    )
    signs = _person("col.requester", r.requester, r.date)
    if accepted:
        signs.update(_person("acceptor", accepted.acceptor, accepted.on))
        signs.update(_person("witness", accepted.witness, accepted.on))
    return values, grids, signs


def _move(ledger: Ledger, r: Move, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    values = {
        "col.date": str(r.date),
        "form.asset": _asset_name(ledger, r.asset),
        "col.quantity": str(r.quantity or ""),
        "form.from_place": _place(ledger, r.from_place),
        "form.to_place": _place(ledger, r.to_place),
        "form.to_keeper": r.to_keeper,
        "form.reason": r.reason or "",
    }
    return values, (), {}


def _damage(ledger: Ledger, r: Damage, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    who, assessed, settled = r.responsible, r.assessed, r.settled
    values = {
        "col.date": str(r.date),
        "form.asset": _asset_name(ledger, r.asset),
        "form.responsible": " ".join(x for x in (who.name, who.class_ or "", who.guardian or "") if x),
        "form.description": r.description,
        "form.assessed": f"{assessed.on} {assessed.by} {fmt_yuan(assessed.amount)}" if assessed else "",
        "form.settled": f"{settled.on} {settled.type} {_yuan(settled.amount)}".strip() if settled else "",
    }
    return values, (), _person("form.sign.assessor", assessed.by, assessed.on) if assessed else {}


def _stocktake(
    ledger: Ledger, r: Stocktake, _at: dt.date
) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    values = {
        "col.date": str(r.date),
        "form.term": f"{r.term} {r.at}",
        "form.places": "、".join(_place(ledger, p) for p in r.places),
        "form.counted_by": "、".join(r.counted_by),
        "form.adjusted_value": fmt_yuan(r.adjusted_value),
    }
    adjustments = tuple(
        (
            _item(ledger, a.item),
            str(a.book),
            str(a.counted),
            str(a.difference),
            fmt_yuan(a.unit_cost),
            fmt_yuan(a.value),
        )
        for a in r.adjustments
    )
    findings = tuple(
        (
            f.asset or f.name or "",
            _place(ledger, f.place),
            f"finding.{f.kind}",
            str(f.book or ""),
            str(f.counted or ""),
            f.detail or "",
        )
        for f in r.findings
    )
    grids = (
        Grid(
            "form.grid.adjustments",
            ("col.item", "form.book", "form.counted", "form.difference", "col.unit_price", "col.amount"),
            adjustments,
        ),
        Grid(
            "form.grid.findings",
            ("form.asset", "col.place", "form.finding", "form.book", "form.counted", "form.detail"),
            findings,
        ),
    )
    signs = {
        f"form.sign.counter.{i}": SignBox("form.sign.counter", name, r.date) for i, name in enumerate(r.counted_by)
    }
    return values, grids, signs


def _close(ledger: Ledger, r: Close, _at: dt.date) -> tuple[dict[str, str], tuple[Grid, ...], dict[str, SignBox]]:
    values = {
        "form.month": r.month,
        "col.date": str(r.date),
        "form.closed_by": r.closed_by,
        "form.records": str(r.records),
        "form.digest": r.digest,
        "form.previous": r.previous or "",
    }
    return values, (), {}


def _steps_purchase(ledger: Ledger, r: Purchase | None) -> tuple[str, ...]:
    if r is None:
        return (
            "col.requester",
            *ledger.config.policy.signatures.chains.get(RecordKind.PURCHASES, ()),
            "acceptor",
            "witness",
        )
    return ("col.requester", *required_steps(r, ledger.config.policy), "acceptor", "witness")


def _steps_stocktake(ledger: Ledger, r: Stocktake | None) -> tuple[str, ...]:
    counters = tuple(f"form.sign.counter.{i}" for i in range(len(r.counted_by) if r else 2))
    if r is None:
        return (*counters, *ledger.config.policy.signatures.chains.get(RecordKind.STOCKTAKES, ()))
    return (*counters, *approvals_needed(abs(r.adjusted_value), ledger.config.policy))


def _fixed(*steps: str) -> Callable[[Ledger, Any], tuple[str, ...]]:
    return lambda _ledger, _record: steps


L = Layout
LAYOUTS: dict[type[Record], Layout] = {
    Reimbursement: L(
        "form.title.expenses",
        (
            "col.date",
            "col.payee",
            "col.purpose",
            "col.budget_line",
            "col.amount",
            "form.in_words",
            "form.attachments",
            "form.purchase",
            "form.advance",
            "form.paid",
        ),
        (Grid("form.grid.invoices", INVOICE_COLUMNS),),
        _chain(RecordKind.EXPENSES, "cashier"),
        _expense,
    ),
    StockIn: L(
        "form.title.stock-in",
        (
            "col.date",
            "col.item",
            "col.quantity",
            "col.unit_price",
            "col.amount",
            "form.in_words",
            "col.supplier",
            "form.origin",
        ),
        (),
        _fixed("acceptor", "keeper"),
        _stock_in,
    ),
    StockOut: L(
        "form.title.stock-out",
        ("col.date", "col.item", "col.quantity", "col.department", "col.purpose"),
        (),
        _fixed("form.sign.recipient", "form.sign.issued_by"),
        _stock_out,
    ),
    Loan: L(
        "form.title.loans",
        ("form.asset", "col.quantity", "col.borrower", "col.purpose", "form.lent_on", "col.due", "form.returned_on"),
        (),
        _chain(RecordKind.LOANS, "form.sign.borrower", "form.sign.returned_to"),
        _loan,
    ),
    CashAdvance: L(
        "form.title.advances",
        ("col.date", "form.advance_person", "col.purpose", "col.amount", "form.in_words", "form.paid", "form.settled"),
        (),
        _chain(RecordKind.ADVANCES, "form.sign.advance_person", "cashier"),
        _advance,
    ),
    Asset: L(
        "form.title.assets",
        (
            "form.asset_id",
            "col.name",
            "col.model",
            "col.category",
            "col.quantity",
            "col.unit_price",
            "col.funding",
            "col.supplier",
            "col.acquired",
            "form.invoice_number",
            "form.purchase",
            "col.place",
            "col.value",
            "col.accumulated",
            "col.net",
            "form.as_of",
        ),
        (Grid("form.grid.history", ("col.date", "col.event", "col.record", "col.quantity")),),
        _fixed("keeper"),
        _card,
    ),
    Disposal: L(
        "form.title.disposals",
        (
            "col.date",
            "form.asset",
            "col.model",
            "col.quantity",
            "col.acquired",
            "col.value",
            "col.accumulated",
            "col.net",
            "col.place",
            "form.reason",
            "form.recipient",
            "form.authority",
            "form.proceeds",
        ),
        (),
        _chain(RecordKind.DISPOSALS),
        _disposal,
    ),
    Repair: L(
        "form.title.repairs",
        (
            "col.date",
            "form.asset",
            "col.place",
            "form.reporter",
            "form.fault",
            "form.done_on",
            "form.work",
            "form.repairer",
            "form.cost",
        ),
        (),
        _chain(RecordKind.REPAIRS, "form.sign.reporter"),
        _repair,
    ),
    Purchase: L(
        "form.title.purchases",
        (
            "col.date",
            "col.department",
            "col.requester",
            "col.budget_line",
            "col.purpose",
            "form.estimate",
            "form.in_words",
            "form.meeting",
            "form.accepted",
        ),
        (
            Grid("form.grid.lines", ("form.no", "col.item", "col.quantity", "form.unit_estimate", "col.amount")),
            Grid("form.grid.quotes", ("form.no", "col.supplier", "col.amount", "col.date")),
        ),
        _steps_purchase,
        _purchase,
    ),
    Move: L(
        "form.title.moves",
        ("col.date", "form.asset", "col.quantity", "form.from_place", "form.to_place", "form.to_keeper", "form.reason"),
        (),
        _chain(RecordKind.MOVES),
        _move,
    ),
    Damage: L(
        "form.title.damages",
        ("col.date", "form.asset", "form.responsible", "form.description", "form.assessed", "form.settled"),
        (),
        _chain(RecordKind.DAMAGES, "form.sign.assessor"),
        _damage,
    ),
    Stocktake: L(
        "form.title.stocktakes",
        ("col.date", "form.term", "form.places", "form.counted_by", "form.adjusted_value"),
        (
            Grid(
                "form.grid.adjustments",
                ("col.item", "form.book", "form.counted", "form.difference", "col.unit_price", "col.amount"),
            ),
            Grid(
                "form.grid.findings",
                ("form.asset", "col.place", "form.finding", "form.book", "form.counted", "form.detail"),
            ),
        ),
        _steps_stocktake,
        _stocktake,
    ),
    Close: L(
        "form.title.closes",
        ("form.month", "col.date", "form.closed_by", "form.records", "form.digest", "form.previous"),
        (),
        _fixed("accountant", "principal"),
        _close,
    ),
}
FORM_KINDS = tuple(KIND_BY_MODEL[model].name for model in LAYOUTS)


def _no_form(text: str) -> UsageError:
    return UsageError("form_no_kind", id=text, kinds=", ".join(FORM_KINDS))


def _signed(record: Record) -> dict[str, SignBox]:
    """The boxes the record's own approvals fill, with the key's fingerprint where signed by key."""
    approvals = record.approvals if isinstance(record, Signed) else ()
    return {a.role: SignBox(a.role, a.by, a.on, _key_shown(a.sig)) for a in approvals}


def form_of(ledger: Ledger, text: str, at: dt.date) -> Form:
    """The filled form of the record `text` names (an id as typed or scanned), as of `at`."""
    rid = resolve_id(text)
    record = ledger.record_by_id.get(rid)
    if record is None:
        raise UsageError("unknown_record", id=text, kind=RecordName("record"))
    layout = LAYOUTS.get(type(record))
    if layout is None:
        raise _no_form(text)
    values, grids, named = layout.fill(ledger, record, at)
    signed = _signed(record)
    steps = layout.steps(ledger, record)
    boxes = {**named, **signed}
    signs = [
        boxes.get(step, SignBox(step.rsplit(".", 1)[0] if step.startswith("form.sign.counter.") else step))
        for step in steps
    ]
    signs += [box for step, box in signed.items() if step not in steps]
    title = layout.title + (f".{record.type}" if isinstance(record, Disposal) else "")
    return Form(
        kind=kind_of(record).name,
        title=title,
        school=ledger.config.school.name,
        record=record.id,
        date=record.date,
        lines=tuple((label, values.get(label, "")) for label in layout.lines),
        grids=grids,
        signs=tuple(signs),
        code=form_code(record),
        fingerprint=form_fingerprint(record),
        month=month_report(ledger, record.month) if isinstance(record, Close) else None,
    )


def blank_form(ledger: Ledger, text: str) -> Form:
    """The empty form of a kind (its name, its id prefix or its Chinese name: expenses, BX, 报销)."""
    wanted = text.strip()
    kind = KIND_BY_NAME.get(wanted) or KIND_BY_PREFIX.get(wanted.upper())
    kind = kind or next((k for k in KIND_BY_NAME.values() if wanted in (k.zh, k.en)), None)
    layout = LAYOUTS.get(kind.model) if kind is not None else None
    if kind is None or layout is None:
        raise _no_form(text)
    grids = tuple(
        Grid(g.title, g.columns, tuple(("",) * len(g.columns) for _ in range(BLANK_ROWS))) for g in layout.grids
    )
    steps = layout.steps(ledger, None)
    signs = tuple(SignBox(s.rsplit(".", 1)[0] if s.startswith("form.sign.counter.") else s) for s in steps)
    return Form(
        kind.name,
        layout.title,
        ledger.config.school.name,
        "",
        None,
        tuple((label, "") for label in layout.lines),
        grids,
        signs,
        "",
    )


@dataclass(frozen=True)
class FormCheck:
    """What `houqin verify-form` found: the record, the fingerprint the paper holds and the books' own."""

    record: str
    kind: str
    paper: str
    books: str

    @property
    def matches(self) -> bool:
        return self.paper == self.books


def verify_form(ledger: Ledger, scanned: str) -> FormCheck:
    code = read_form_code(scanned)
    if code is None:
        raise UsageError("form_code_unreadable", text=scanned.strip()[:80])
    record = ledger.record_by_id.get(code.record)
    if record is None:
        raise UsageError("unknown_record", id=code.record, kind=RecordName("record"))
    return FormCheck(record.id, kind_of(record).name, code.fingerprint, form_fingerprint(record))

"""invoice: 杜绝过期或伪发票入账 — a well-formed number, claimed once in the whole ledger, issued on or
before the claim and not older than the policy's limit; the invoices add up to the claim."""

from __future__ import annotations

import re
from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Invoice, Reimbursement

DIGITAL = re.compile(r"^\d{20}$")
CODE = re.compile(r"^(\d{10}|\d{12})$")
NUMBER = re.compile(r"^\d{8}$")


def invoice_well_formed(inv: Invoice) -> bool:
    if inv.code is None:
        return bool(DIGITAL.match(inv.number))
    return bool(CODE.match(inv.code) and NUMBER.match(inv.number))


def check_invoice_forms(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Each invoice well-formed, dated on or before its claim and fresh, adding up to the claim."""
    limit = policy.invoice_max_age_days
    for r in ledger.records(Reimbursement):
        file = r.source.file
        for inv in r.invoices:
            if not invoice_well_formed(inv):
                yield diag("INV001", file, inv.line, record=r.id, number=inv.key)
            elif inv.date > r.date:
                yield diag("INV003", file, inv.line, record=r.id, invoice_date=inv.date, date=r.date)
            elif (r.date - inv.date).days > limit:
                yield diag(
                    "INV004",
                    file,
                    inv.line,
                    record=r.id,
                    invoice_date=inv.date,
                    days=(r.date - inv.date).days,
                    limit=limit,
                )
        amounts = [inv.amount for inv in r.invoices]
        if all(a is not None for a in amounts):
            total = sum(a for a in amounts if a is not None)
            if total != r.amount:
                yield diag("INV005", file, r.source.line, record=r.id, total=total, amount=r.amount)
    for a in ledger.records(Asset):
        if a.invoice is not None and not invoice_well_formed(a.invoice):
            yield diag("INV001", a.source.file, a.invoice.line, record=a.id, number=a.invoice.key)


def check_invoices_claimed_once(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """No invoice claimed twice, across every claim of every year."""
    claimed: dict[str, str] = {}
    opened = ledger.opened
    if opened is not None:  # the numbers claimed in the closed years that may still come back
        claimed = {n: f"{opened.closed} ({opened.id})" for n in opened.invoices}
    for r in ledger.records(Reimbursement):
        for inv in r.invoices:
            if not invoice_well_formed(inv):
                continue
            number = inv.key
            if number in claimed:
                yield diag("INV002", r.source.file, inv.line, record=r.id, number=number, other=claimed[number])
            else:
                claimed[number] = r.id

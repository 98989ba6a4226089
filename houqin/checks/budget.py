"""budget: 计划经费限额使用 — a year's spending on a budget line stays within the line's amount plus the
adjustments the principal approved (R14); an adjustment counts only with that approval."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from houqin.diagnostics import Diagnostic, diag
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import BudgetAdjustment, Reimbursement


def budget_limits(ledger: Ledger) -> dict[tuple[str, int], Decimal]:
    """(line, year) → the line's amount plus every approved adjustment."""
    limits = {(b.id, b.year): b.amount for b in ledger.catalog.budget_lines}
    for a in ledger.records(BudgetAdjustment):
        if a.approval("principal") is not None and (a.budget_line, a.year) in limits:
            limits[(a.budget_line, a.year)] += a.amount
    return limits


def check_budget(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    for a in ledger.records(BudgetAdjustment):
        if a.approval("principal") is None:
            yield diag("BUD002", a.source.file, a.source.line, record=a.id, id=a.id, line=a.budget_line)
    limits = budget_limits(ledger)
    names = {(b.id, b.year): b.name for b in ledger.catalog.budget_lines}
    claims = sorted((r for r in ledger.records(Reimbursement)), key=lambda r: r.sort_key)
    yield from _cuts_below_spent(ledger, claims, names)
    spent: dict[tuple[str, int], Decimal] = {}
    for r in claims:
        key = (r.budget_line, r.date.year)
        if key not in limits:
            continue  # refs reports an unknown line
        before = spent.get(key, Decimal("0.00"))
        spent[key] = before + r.amount
        if before <= limits[key] < spent[key]:  # said on the claim that crosses the limit
            yield diag(
                "BUD001",
                r.source.file,
                r.source.line,
                record=r.id,
                id=r.id,
                line=f"{r.budget_line} {names[key]}",
                line_id=r.budget_line,
                year=r.date.year,
                spent=spent[key],
                limit=limits[key],
            )


def _cuts_below_spent(
    ledger: Ledger, claims: list[Reimbursement], names: dict[tuple[str, int], str]
) -> Iterator[Diagnostic]:
    """A cut never takes a line below zero, nor below what the line had already spent on the cut's day."""
    limits = {(b.id, b.year): b.amount for b in ledger.catalog.budget_lines}
    adjustments = sorted(
        (a for a in ledger.records(BudgetAdjustment) if a.approval("principal") is not None),
        key=lambda a: a.sort_key,
    )
    for a in adjustments:
        key = (a.budget_line, a.year)
        if key not in limits:
            continue  # refs reports an unknown line
        limits[key] += a.amount
        if a.amount >= 0:
            continue
        spent = sum(
            (r.amount for r in claims if (r.budget_line, r.date.year) == key and r.date <= a.date), Decimal("0.00")
        )
        where = (a.source.file, a.source.line)
        line = f"{a.budget_line} {names[key]}"
        if limits[key] < 0:
            yield diag("BUD003", *where, record=a.id, id=a.id, line=line, year=a.year, limit=limits[key])
        elif limits[key] < spent:
            yield diag("BUD004", *where, record=a.id, id=a.id, line=line, year=a.year, limit=limits[key], spent=spent)

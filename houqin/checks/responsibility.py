"""responsibility: 责任到人 (R22, R30) — each place's keeper has signed a responsibility record (保管责任书)
for the school year; at the start of a term (once the policy's grace days have passed) a place whose
keeper has none is warned; a record is signed as its keeper by that keeper, nobody else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from houqin import clock
from houqin.diagnostics import Diagnostic, diag
from houqin.layout import PLACES_FILE
from houqin.models.config import Policy, Term
from houqin.models.ledger import Ledger
from houqin.models.records import Responsibility


def school_year(term: Term) -> str:
    """The school year a term belongs to: 2026-2027 for 2026-2027-1 (the term id without its number)."""
    return term.id.rsplit("-", 1)[0] if term.id.count("-") >= 2 else term.id


def current_term(ledger: Ledger, today: dt.date) -> Term | None:
    """The latest term begun by today."""
    begun = [t for t in ledger.config.terms if t.start <= today]
    return max(begun, key=lambda t: t.start) if begun else None


def signed_by_keeper(r: Responsibility) -> bool:
    return any(a.role == "responsible" and a.by == r.keeper for a in r.approvals)


def check_responsibilities(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    records = [r for r in ledger.records(Responsibility)]
    for r in records:
        for a in r.approvals:
            if a.role == "responsible" and a.by != r.keeper:
                yield diag("RSP002", r.source.file, a.line, record=r.id, id=r.id, by=a.by, keeper=r.keeper)
    term = current_term(ledger, today)
    # Terms begun since the books began (`started`), or without it the terms after the first one
    # holding a record (Ledger.terms_after_the_first: that one kept its responsibilities on paper).
    if term is None:
        return
    started = ledger.config.started
    if started is not None and term.start < started:
        return
    if started is None and term not in (ledger.terms_after_the_first() or ()):
        return
    if term.start + dt.timedelta(days=policy.stocktake_grace_days) >= today:
        return
    year = school_year(term)
    held = {(r.place, r.keeper) for r in records if r.year == year and signed_by_keeper(r)}
    for place in ledger.places:
        if place.active and (place.id, place.keeper) not in held:
            yield diag(
                "RSP001", PLACES_FILE, place.line, record=place.id, place=place.id, name=place.name, keeper=place.keeper,
                year=year, term=term.id,
            )  # fmt: skip

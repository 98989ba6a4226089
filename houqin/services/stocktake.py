"""The stocktake record (盘点记录): signed by the counters, adjusting the books of consumables only for the
differences approved per policy, and flagging each asset finding with what is to be done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from houqin.checks.stocktake import approvals_needed
from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.ledger.store import next_id
from houqin.models.base import Approval
from houqin.models.counting import Difference, Reconciliation
from houqin.models.kinds import KIND_BY_MODEL
from houqin.models.ledger import Ledger
from houqin.models.records import Adjustment, Finding, Recovery, Responsibility, Stocktake
from houqin.services.inputs import validated
from houqin.services.lookup import find_record


def adjustment_value(rec: Reconciliation) -> Decimal:
    return sum((abs(d.value) for d in rec.consumables), Decimal("0.00"))


def stocktake_record(
    ledger: Ledger,
    rec: Reconciliation,
    *,
    term: str,
    at: str,
    counted_by: Sequence[str],
    director: str | None = None,
    principal: str | None = None,
    note: str | None = None,
) -> tuple[Stocktake, bool]:
    """The record, and whether the consumable differences were approved (and so adjust the books)."""
    if term not in {t.id for t in ledger.config.terms}:
        raise UsageError("unknown_term", term=term, terms="、".join(t.id for t in ledger.config.terms) or "-")
    if not counted_by:
        raise UsageError("counters_needed")
    day = rec.day
    signers = {"director": director, "principal": principal}
    approvals = tuple(Approval(role=role, by=name, on=day) for role, name in signers.items() if name)
    needed = approvals_needed(adjustment_value(rec), ledger.config.policy)
    approved = all(signers.get(step) for step in needed)
    adjustments = (
        tuple(
            validated(Adjustment, item=d.id, book=d.book, counted=d.counted, unit_cost=d.unit_cost)
            for d in rec.consumables
        )
        if approved
        else ()
    )
    findings = tuple(_finding(d) for d in rec.differences if d.asset or not approved)
    record = validated(
        Stocktake,
        id=next_id(ledger, KIND_BY_MODEL[Stocktake], day.year),
        date=day,
        term=term,
        at=at,
        places=rec.places,
        counted_by=tuple(counted_by),
        adjustments=adjustments,
        findings=findings,
        approvals=approvals,
        note=note,
    )
    return record, approved


def _finding(d: Difference) -> Finding:
    return validated(
        Finding,
        asset=d.id if d.asset and d.id and d.kind != "surplus" else None,
        name=None if d.asset and d.id and d.kind != "surplus" else (d.name or d.id or None),
        place=d.place,
        kind=d.kind,
        action=d.action if d.action != "adjust" else "none",
        book=d.book,
        counted=d.counted,
        detail=d.detail or None,
    )


def term_dates(ledger: Ledger, term: str) -> tuple[dt.date, dt.date]:
    for t in ledger.config.terms:
        if t.id == term:
            return t.start, t.end
    raise UsageError("unknown_term", term=term, terms="、".join(t.id for t in ledger.config.terms) or "-")


def record_recovery(
    ledger: Ledger, stocktake: str, asset: str, by: str, place: str, detail: str, day: dt.date
) -> Recovery:
    """盘点问题处理: the asset a count found missing or out of place is found again, or put back (找回、归位)."""
    count = find_record(ledger, stocktake, Stocktake, RecordName("stocktake"))
    if not any(f.asset == asset for f in count.findings):
        found = "、".join(sorted({f.asset for f in count.findings if f.asset})) or "-"
        raise UsageError("no_such_finding", stocktake=count.id, asset=asset, assets=found)
    return validated(
        Recovery,
        id=next_id(ledger, KIND_BY_MODEL[Recovery], day.year),
        date=day,
        stocktake=count.id,
        asset=asset,
        place=place,
        by=by,
        detail=detail,
    )


def issue_responsibility(ledger: Ledger, place: str, year: str, director: str | None, day: dt.date) -> Responsibility:
    """保管责任书: for a school year, to the place's keeper as places.yaml names them; the director's signature
    when given (the keeper signs with houqin sign … --as responsible)."""
    found = ledger.place_by_id.get(place)
    if found is None:
        raise UsageError("unknown_place", place=place)
    approvals = (Approval(role="director", by=director, on=day),) if director else ()
    return validated(
        Responsibility,
        id=next_id(ledger, KIND_BY_MODEL[Responsibility], day.year),
        date=day,
        year=year,
        place=found.id,
        keeper=found.keeper,
        approvals=approvals,
    )

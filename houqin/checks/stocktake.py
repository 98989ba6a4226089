"""stocktake: 每学期结束全面检查、每期期初清点 — every term that began or ended more than the policy's grace
days ago has its count on record (R29, R30, warnings); a count adjusts the books only from the quantity
the books really held that day, and only with the approvals policy asks for the value it moves; its
report is acknowledged by the principal (书面上报校长室, R40) and each asset finding is resolved — a damage
case, an approved write-off, a move, a repair or a recovery — within the policy's days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from houqin import clock
from houqin.checks.stock import stock_moves
from houqin.diagnostics import Diagnostic, diag
from houqin.i18n import Words
from houqin.layout import CONFIG_FILE
from houqin.models.base import Record
from houqin.models.config import Policy
from houqin.models.kinds import RecordKind, kinds
from houqin.models.ledger import Ledger
from houqin.models.records import Damage, Disposal, Move, Recovery, Repair, Stocktake


def approvals_needed(value: Decimal, policy: Policy) -> tuple[str, ...]:
    """Who approves count differences moving `value` yuan (absolute): nobody for none; the director up to
    the policy's limit; the principal as well above it."""
    if not value:
        return ()
    chain = policy.signatures.chains.get(RecordKind.STOCKTAKES, ("director", "principal"))
    if value <= policy.stocktake_director_limit:
        return tuple(step for step in chain if step != "principal")
    return chain


def check_stocktakes(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    counts = [r for r in ledger.records(Stocktake)]
    done = {(r.term, r.at) for r in counts}
    grace = dt.timedelta(days=policy.stocktake_grace_days)
    started = ledger.config.started or dt.date.min
    for term in ledger.config.terms:
        if started <= term.start and term.start + grace < today and (term.id, "term-start") not in done:
            yield diag("PD002", CONFIG_FILE, 0, record=term.id, term=term.id, start=term.start)
        if started <= term.end and term.end + grace < today and (term.id, "term-end") not in done:
            yield diag("PD001", CONFIG_FILE, 0, record=term.id, term=term.id, end=term.end)
    for r in counts:
        for step in approvals_needed(r.adjusted_value, policy):
            if r.approval(step) is None:
                yield diag(
                    "PD004",
                    r.source.file,
                    r.source.line,
                    record=r.id,
                    id=r.id,
                    value=r.adjusted_value,
                    step=step,
                    limit=policy.stocktake_director_limit,
                )
    yield from _book_quantities(ledger)
    yield from _counted_twice(counts)


AT_NAMES = Words("count_at")  # term-start → 期初清点 / term-start count (the message catalogue)


def _counted_twice(counts: list[Stocktake]) -> Iterator[Diagnostic]:
    """每期期初清点、期末盘点 once: a later stocktake of the same term and moment that counts a place
    already counted is a duplicate (a second `inventory reconcile --record`)."""
    seen: dict[tuple[str, str, str], Stocktake] = {}
    for r in sorted(counts, key=lambda r: r.sort_key):
        first: Stocktake | None = None
        again: list[str] = []
        for place in r.places:
            earlier = seen.get((r.term, r.at, place))
            if earlier is None:
                seen[(r.term, r.at, place)] = r
            else:
                first = first or earlier
                again.append(place)
        if first is not None:
            zh, en = AT_NAMES.get(r.at, (r.at, r.at))
            yield diag(
                "PD006", r.source.file, r.source.line, record=r.id, id=r.id, other=first.id, term=r.term,
                at=zh, at_en=en, places="、".join(again),
            )  # fmt: skip


def _book_quantities(ledger: Ledger) -> Iterator[Diagnostic]:
    on_hand: dict[str, Decimal] = {}
    checked: set[str] = set()
    for m in stock_moves(ledger):
        r = m.record
        if isinstance(r, Stocktake) and r.id not in checked:
            checked.add(r.id)
            for a in r.adjustments:
                have = on_hand.get(a.item, Decimal(0))
                if a.book != have:
                    file = r.source.file
                    yield diag(
                        "PD003", file, a.line, record=r.id, id=r.id, item=a.item, book=a.book, have=have, date=r.date
                    )
        on_hand[m.item] = on_hand.get(m.item, Decimal(0)) + m.delta


# --- 书面上报校长室 (R40): the report acknowledged, each asset finding resolved

# What must be followed up, with the words the report uses for it.
ASSET_FINDINGS = Words("asset_finding")  # the message catalogue
FOLLOWING: tuple[type[Damage | Disposal | Move | Repair | Recovery], ...] = (Damage, Disposal, Move, Repair, Recovery)
FOLLOW_UP = kinds(Stocktake, *FOLLOWING)  # what it reads


def follow_ups(ledger: Ledger) -> dict[str, list[Record]]:
    """The records that may resolve a finding about each asset, by asset id."""
    out: dict[str, list[Record]] = {}
    for model in FOLLOWING:
        for r in ledger.records(model):
            if r.asset is not None:
                out.setdefault(r.asset, []).append(r)
    return out


def resolution_of(
    follow: dict[str, list[Record]], count: Stocktake, asset: str, kind: str, chain: tuple[str, ...]
) -> Record | None:
    """What resolved a count's finding about an asset: on or after the count day, a damage case, an
    approved write-off (a 处置 whose chain, `chain`, is signed), a move on the books, a repair of a
    damaged asset, or a recovery recorded for this count."""
    found: list[Record] = []
    for r in follow.get(asset, []):
        if r.date < count.date:
            continue
        resolves = (
            (isinstance(r, Recovery) and r.stocktake == count.id)
            or isinstance(r, Damage | Move)
            or (isinstance(r, Repair) and kind == "condition")
            or (isinstance(r, Disposal) and all(r.approval(step) for step in chain))
        )
        if resolves:
            found.append(r)
    return min(found, key=lambda r: r.sort_key) if found else None


def check_reports(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    cal = ledger.config.calendar
    follow = follow_ups(ledger)
    chain = policy.signatures.chains.get(RecordKind.DISPOSALS, ())
    for r in ledger.records(Stocktake):
        zh, en = AT_NAMES.get(r.at, (r.at, r.at))
        age = cal.elapsed(r.date, today)
        if r.approval("principal") is None and age > policy.stocktake_report_days:
            yield diag(
                "PD007", r.source.file, r.source.line, record=r.id, id=r.id, at=zh, at_en=en, term=r.term,
                days=age, limit=policy.stocktake_report_days,
            )  # fmt: skip
        for f in r.findings:
            if f.asset is None or f.kind not in ASSET_FINDINGS:
                continue
            if resolution_of(follow, r, f.asset, f.kind, chain) is None and age > policy.finding_resolve_days:
                yield diag(
                    "PD008", r.source.file, f.line, record=r.id, id=r.id, asset=f.asset, place=f.place,
                    kind_zh=ASSET_FINDINGS[f.kind][0], kind_en=ASSET_FINDINGS[f.kind][1], days=age,
                    limit=policy.finding_resolve_days,
                )  # fmt: skip
    for rec in ledger.records(Recovery):
        count = ledger.find(rec.stocktake, Stocktake)
        if count is None or not any(f.asset == rec.asset for f in count.findings) or rec.date < count.date:
            yield diag(
                "PD009", rec.source.file, rec.source.line, record=rec.id, id=rec.id, stocktake=rec.stocktake,
                asset=rec.asset,
            )  # fmt: skip

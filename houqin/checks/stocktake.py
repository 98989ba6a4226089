"""stocktake: 每学期结束全面检查、每期期初清点 — every term that began or ended more than the policy's grace
days ago has its count on record (R29, R30, warnings); a count adjusts the books only from the quantity
the books really held that day, and only with the approvals policy asks for the value it moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from houqin import clock
from houqin.checks.stock import stock_moves
from houqin.diagnostics import Diagnostic, diag
from houqin.layout import CONFIG_FILE
from houqin.models.config import Policy
from houqin.models.ledger import Ledger
from houqin.models.records import Stocktake


def approvals_needed(value: Decimal, policy: Policy) -> tuple[str, ...]:
    """Who approves count differences moving `value` yuan (absolute): nobody for none; the director up to
    the policy's limit; the principal as well above it."""
    if not value:
        return ()
    chain = policy.signatures.chains.get("stocktakes", ("director", "principal"))
    if value <= policy.stocktake_director_limit:
        return tuple(step for step in chain if step != "principal")
    return chain


def check_stocktakes(ledger: Ledger, policy: Policy, today: dt.date | None = None) -> Iterator[Diagnostic]:
    today = today or clock.today()
    counts = [r for r in ledger.of_kind("stocktakes") if isinstance(r, Stocktake)]
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


AT_NAMES = {"term-start": ("期初清点", "term-start count"), "term-end": ("期末盘点", "term-end count")}


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

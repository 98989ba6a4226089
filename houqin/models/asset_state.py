"""Where each asset is, who keeps it, how much is lent or gone — derived by replaying the records,
never stored. Pure: the checks, the reports and the write commands all use this one replay."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from houqin.models.base import Record
from houqin.models.kinds import RecordKind
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Disposal, Loan, Move, OpeningAsset

Holding = tuple[str, str]  # (place, keeper)
DISPOSED = frozenset({"scrap", "transfer", "loss"})  # the events by which a quantity leaves the books


@dataclass(frozen=True)
class Event:
    """One line of an asset's history (资产卡片 变动记录)."""

    date: dt.date
    what: str  # acquired | moved | lent | returned | scrap | transfer | loss
    record: Record
    quantity: int


@dataclass(frozen=True)
class Problem:
    """Something a record asks that the asset's state at that day does not allow."""

    code: str
    record: Record
    params: tuple[tuple[str, str], ...]


@dataclass
class AssetState:
    asset: Asset
    holdings: dict[Holding, int] = field(default_factory=dict)
    lent: int = 0
    disposed: int = 0
    open_loans: list[Loan] = field(default_factory=list)
    history: list[Event] = field(default_factory=list)

    @property
    def in_books(self) -> int:
        """Quantity still on the books (lent items included)."""
        return sum(self.holdings.values())

    @property
    def available(self) -> int:
        return self.in_books - self.lent

    @property
    def status(self) -> str:
        if self.in_books == 0:
            return "disposed"
        if self.lent and self.lent >= self.in_books:
            return "on_loan"
        return "in_use"

    @property
    def places(self) -> list[str]:
        return sorted({p for p, _ in self.holdings})

    @property
    def keepers(self) -> list[str]:
        return sorted({k for _, k in self.holdings})

    def holds(self, place: str | None = None, keeper: str | None = None) -> int:
        return sum(q for (p, k), q in self.holdings.items() if place in (None, p) and keeper in (None, k))


def disposal_effective(ledger: Ledger, d: Disposal) -> bool:
    """A disposal takes effect once its whole approval chain has signed."""
    chain = ledger.config.policy.signatures.chains.get(RecordKind.DISPOSALS, ())
    return all(d.approval(step) is not None for step in chain)


_ORDER = {"moved": 1, "returned": 0, "lent": 2, "disposed": 3}


def _events(ledger: Ledger) -> list[tuple[dt.date, int, str, str, Record]]:
    out: list[tuple[dt.date, int, str, str, Record]] = []
    for m in ledger.seen(Move):
        out.append((m.date, _ORDER["moved"], m.id, "moved", m))
    for loan in ledger.seen(Loan):
        out.append((loan.date, _ORDER["lent"], loan.id, "lent", loan))
        if loan.returned is not None:
            out.append((loan.returned.on, _ORDER["returned"], loan.id, "returned", loan))
    for d in ledger.seen(Disposal):
        if disposal_effective(ledger, d):
            out.append((d.date, _ORDER["disposed"], d.id, "disposed", d))
    out.sort(key=lambda e: e[:3])
    return out


def _p(**params: object) -> tuple[tuple[str, str], ...]:
    return tuple((k, str(v)) for k, v in params.items())


def _take(state: AssetState, r: Move | Disposal, problems: list[Problem]) -> tuple[Holding, int] | None:
    """Which holding a move or disposal takes from, and how much; None (and a problem) if it cannot."""
    if r.from_place is not None:
        candidates = [h for h in state.holdings if h[0] == r.from_place]
    else:
        candidates = list(state.holdings)
    if not candidates:
        problems.append(
            Problem("AST002", r, _p(asset=state.asset.id, wanted=r.quantity or "?", have=0, place=r.from_place or "-"))
        )
        return None
    if len(candidates) > 1:
        problems.append(
            Problem("AST003", r, _p(asset=state.asset.id, places="、".join(sorted({h[0] for h in candidates}))))
        )
        return None
    holding = candidates[0]
    have = state.holdings[holding]
    wanted = r.quantity if r.quantity is not None else have
    free = min(have, state.available)
    if wanted > free:
        code = "AST004" if wanted <= have else "AST002"
        problems.append(
            Problem(code, r, _p(asset=state.asset.id, wanted=wanted, have=free, place=holding[0], lent=state.lent))
        )
        return None
    return holding, wanted


Checkpoint = Callable[[dt.date, dict[str, AssetState]], None]


def replay(
    ledger: Ledger,
    until: dt.date | None = None,
    checkpoints: Mapping[dt.date, Checkpoint] | None = None,
    *,
    named: bool = False,
) -> tuple[dict[str, AssetState], list[Problem]]:
    """Every asset's state after the records dated up to `until` (all, if None), and what went wrong.

    Each checkpoint is called with the states as they stood at the end of its day (assets acquired
    later are left out), so one replay answers questions about many days. In a file view (a per-file
    check of one asset file) the cards are the file's own, the moves, loans and disposals every one
    the check sees: each card's state follows from its own card, its opening entry and its events.
    The opening's register is built only when a card carried by it is met. `named`: only the cards
    a move, loan or disposal names are replayed (and decoded, where the holder can: Ledger.own) — every
    problem is an event's, so the problems are the same, not the states (at 1M records the year's
    9,000 cards, of which the events name a third)."""
    states: dict[str, AssetState] = {}
    opened: dict[str, OpeningAsset] | None = None
    events = _events(ledger)
    if named:
        cards = ledger.own(Asset, {rid for *_, r in events if isinstance(rid := getattr(r, "asset", None), str)})
    else:
        cards = ledger.records(Asset)
    for a in cards:
        if until is None or a.date <= until:
            carried = None
            if ledger.opened is not None and ledger.carried_to(a.id, a.source.file):
                if opened is None:
                    opened = {x.asset: x for x in ledger.opening.assets} if ledger.opening is not None else {}
                carried = opened.get(a.id)
            held = {(a.place, a.keeper): a.quantity}
            if carried is not None:  # where the year opening found it (年终结账)
                held = {(h.place, h.keeper): h.quantity for h in carried.holdings}
            states[a.id] = AssetState(a, held, history=[Event(a.date, "acquired", a, a.quantity)])
    problems: list[Problem] = []
    pending = sorted((checkpoints or {}).items())

    def reach(day: dt.date | None) -> None:
        while pending and (day is None or pending[0][0] < day):
            when, call = pending.pop(0)
            call(when, {k: v for k, v in states.items() if v.asset.date <= when})

    for day, _rank, _rid, what, r in events:
        if until is not None and day > until:
            break
        reach(day)
        state = states.get(getattr(r, "asset", ""))
        if state is None:
            continue  # refs reports an unknown asset
        if state.in_books == 0 and what != "returned":
            problems.append(Problem("AST001", r, _p(asset=state.asset.id)))
            continue
        if isinstance(r, Move):
            taken = _take(state, r, problems)
            if taken is None:
                continue
            holding, qty = taken
            _check_move_signatures(state, r, holding, problems)
            _shift(state.holdings, holding, (r.to_place, r.to_keeper), qty)
            state.history.append(Event(day, "moved", r, qty))
        elif isinstance(r, Loan) and what == "lent":
            if r.quantity > state.available:
                code = "AST004" if state.lent else "AST002"
                problems.append(
                    Problem(
                        code,
                        r,
                        _p(asset=state.asset.id, wanted=r.quantity, have=state.available, place="-", lent=state.lent),
                    )
                )
                continue
            state.lent += r.quantity
            state.open_loans.append(r)
            state.history.append(Event(day, "lent", r, r.quantity))
        elif isinstance(r, Loan):
            if r in state.open_loans:
                state.lent -= r.quantity
                state.open_loans.remove(r)
                state.history.append(Event(day, "returned", r, r.quantity))
        elif isinstance(r, Disposal):
            taken = _take(state, r, problems)
            if taken is None:
                continue
            holding, qty = taken
            state.holdings[holding] -= qty
            if state.holdings[holding] == 0:
                del state.holdings[holding]
            state.disposed += qty
            state.history.append(Event(day, r.type, r, qty))
    reach(None)
    return states, problems


def _shift(holdings: dict[Holding, int], source: Holding, target: Holding, qty: int) -> None:
    holdings[source] -= qty
    if holdings[source] == 0:
        del holdings[source]
    holdings[target] = holdings.get(target, 0) + qty


def _check_move_signatures(state: AssetState, m: Move, holding: Holding, problems: list[Problem]) -> None:
    giver, receiver = m.approval("giver"), m.approval("receiver")
    if giver is not None and giver.by != holding[1]:
        problems.append(Problem("AST005", m, _p(step="giver", by=giver.by, expected=holding[1])))
    if receiver is not None and receiver.by != m.to_keeper:
        problems.append(Problem("AST005", m, _p(step="receiver", by=receiver.by, expected=m.to_keeper)))


def kept_by(states: Iterable[AssetState], person: str) -> tuple[list[AssetState], list[Loan]]:
    """What a person still keeps or has borrowed (公物交结 before leaving)."""
    kept = [s for s in states if any(k == person for _, k in s.holdings)]
    loans = [loan for s in states for loan in s.open_loans if loan.borrower == person]
    return kept, loans

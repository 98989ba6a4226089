"""year: 年终结账 — the year opening the open years start from is what it says: its digest is taken over
what it states and chains to the closed year's last close (YRC001); each open item it carried is in the
open year as it stood at the year's end (YRC002, YRC003); the closed years' files are as it found them
(YRC004); nothing is dated in a closed year that it did not carry (YRC005); and, read with every year
(`houqin check --full`), its balances, stock and asset register are what the closed years' records give
(YRC006); a year reopened (`houqin finance reopen-year`) no longer has the opening it undid (YRC008).
The figures are taken here once, for the close and for the check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from houqin.checks.stock import books_at
from houqin.diagnostics import Diagnostic, diag
from houqin.models.as_of import as_of
from houqin.models.asset_state import AssetState, replay
from houqin.models.closing import SEAL, chain_digest, fingerprint, standing_closes
from houqin.models.config import Policy
from houqin.models.depreciation import book_value
from houqin.models.kinds import KIND_BY_MODEL, KINDS, kinds
from houqin.models.ledger import Ledger
from houqin.models.money_flow import ZERO, balances, flows
from houqin.models.records import Asset, Disposal, Reopen, YearOpening
from houqin.models.year_close import (
    Opening,
    carried_ids,
    closed_files,
    highest_given,
    opening_digest,
    reopen_lines,
    reopened_year,
    year_end,
    year_reopens,
)

YEAR_KINDS = kinds(YearOpening)
# Cards of assets acquired in a closed year may be brought into the books later (a register found or
# moved in after the close, 盘盈): dated when acquired, written in the open year, moving no money.
BROUGHT_IN = kinds(Asset)


def opening_balances(ledger: Ledger, end: dt.date) -> dict[str, Decimal]:
    """Each account's balance at the end of `end` (every account of the catalog, and any other a flow names)."""
    held = balances(flows(ledger), end)
    known = [a.id for a in ledger.catalog.accounts]
    return {a: held.get(a, ZERO) for a in known} | {k: v for k, v in sorted(held.items()) if k not in known and v}


def opening_stock(ledger: Ledger, end: dt.date) -> list[dict[str, Any]]:
    books = books_at(ledger, end)
    return [
        {"item": item, "quantity": q, "value": books.value.get(item, ZERO)}
        for item, q in sorted(books.quantity.items())
        if q
    ]


def year_end_states(ledger: Ledger, end: dt.date) -> dict[str, AssetState]:
    """Every asset's state at the end of `end`, its disposals as they stood then (at_year_end)."""
    states, _problems = replay(at_year_end(ledger, end), end)
    return states


def opening_assets(
    ledger: Ledger, end: dt.date, states: Mapping[str, AssetState] | None = None
) -> list[dict[str, Any]]:
    """Every asset on the books at the end of `end`: where it stood, its accumulated depreciation and
    net value (`states`: year_end_states, when the caller has them already)."""
    states = year_end_states(ledger, end) if states is None else states
    out = []
    for rid, state in sorted(states.items()):
        if state.in_books <= 0:
            continue
        a = state.asset
        category = ledger.category_by_code.get(a.category)
        life = category.life_years if category else 0
        value = book_value(a.unit_price * state.in_books, a.date, end, life, ledger.config.policy.depreciation.start)
        holdings = [{"place": p, "keeper": k, "quantity": q} for (p, k), q in sorted(state.holdings.items()) if q]
        out.append({"asset": rid, "holdings": holdings, "depreciation": value.accumulated, "net": value.net})
    return out


def expected_previous(ledger: Ledger, closed: int) -> str | None:
    """What an opening of the years up to `closed` chains to: the last month close of those years, else
    the opening they were themselves opened from — and, once the year was reopened (重新开账), the
    reopenings after it, so that a close written again names every reopening before it."""
    standing = standing_closes(ledger)
    last = max((m for m in standing if m <= f"{closed:04d}-12"), default=None)
    if last is not None:
        base: str | None = standing[last].digest
    else:
        earlier = [o for o in _openings(ledger) if o.closed < closed]
        base = max(earlier, key=lambda o: o.closed).digest if earlier else None
    reopened = year_reopens(ledger.seen(Reopen), closed)
    return chain_digest(base, reopen_lines(reopened)) if reopened else base


def check_openings_file(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """One file's openings (per file: a write to the closes does not decode the register again): one a
    year (YRC007, read from an opening: read whole, check_opening compares across the files), and the
    digest of each over what it states (YRC001)."""
    if ledger.opened is not None:
        yield from _one_a_year(ledger.records(YearOpening))
    for opening in ledger.records(YearOpening):
        if opening.digest != opening_digest(opening):
            src = opening.source
            yield diag("YRC001", src.file, src.line, record=opening.id, id=opening.id, year=opening.closed)


def check_opening(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """The openings read whole: one a year across every file, each chained to the close before it
    (YRC007, YRC001: said once with check_openings_file's, one check's findings); and a reopened
    year's opening gone (YRC008, from the openings' ids: no register built)."""
    if ledger.opened is None:
        yield from _one_a_year(_openings(ledger))
        for opening in _openings(ledger):
            src = opening.source
            if opening.previous != expected_previous(ledger, opening.closed):
                yield diag("YRC001", src.file, src.line, record=opening.id, id=opening.id, year=opening.closed)
    standing = ledger.id_set(KIND_BY_MODEL[YearOpening].name)
    for r in ledger.seen(Reopen):  # a year reopened undoes its opening: one still there undid nothing
        year = reopened_year(r)
        if year is not None and r.close in standing:
            src = r.source
            yield diag("YRC008", src.file, src.line, record=r.id, id=r.id, year=year, opening=r.close)


def _one_a_year(openings: Iterable[YearOpening]) -> Iterator[Diagnostic]:
    """A second opening of a year would quietly replace the approved one (YRC007)."""
    seen: dict[int, YearOpening] = {}
    for other in sorted(openings, key=lambda o: o.year):
        first = seen.setdefault(other.year, other)
        if first is not other:
            src = other.source
            yield diag("YRC007", src.file, src.line, record=other.id, id=other.id, year=other.year, first=first.id)


def check_carried(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """One file's records against the opening (per file: a write re-reads only the file it changed): a
    carried copy as it stood at the year's end (YRC002), nothing else dated in a closed year (YRC005)."""
    openings = _in_force(ledger)
    if not openings:
        return
    seen = [(kind, ledger.records(kind.model)) for kind in KINDS if kind.name not in YEAR_KINDS]
    for opening in openings:
        end = year_end(opening)
        carried = carried_ids(opening, {r.id for _kind, records in seen for r in records})
        last = end.toordinal()
        opened = f"{opening.year:04d}/"
        given = highest_given(opening)
        for kind, records in seen:
            brought_in = kind.name in BROUGHT_IN
            for record in records:
                rid, src = record.id, record.source
                sealed = carried.get(rid)
                if sealed is not None and ledger.carried_to(rid, src.file):
                    if fingerprint(record, end, SEAL).split(" ", 1)[1] != sealed:
                        yield diag(
                            "YRC002", src.file, src.line, record=rid, id=rid, opening=opening.id, year=opening.closed
                        )
                    continue
                if brought_in and not _given_out(rid, given):
                    continue  # a card brought into the books after the close, numbered above the closed years'
                if record.date.toordinal() <= last and sealed is None and src.file.startswith(opened):
                    yield diag(
                        "YRC005", src.file, src.line, record=rid, id=rid, year=opening.closed, opening=opening.id
                    )


def check_carried_present(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Every record the opening carried is in the open year (YRC003): from the ids alone, no record built."""
    for opening in _in_force(ledger):
        carried = carried_ids(opening)
        prefixes = {rid[:2] for rid in carried}
        present: set[str] = set()  # ids in the open year's files that carried_to takes as carried there
        for kind in KINDS:
            if kind.prefix in prefixes:
                present |= ledger.carried_in(kind.name)
        src = opening.source
        if carried.keys() - present:  # in C: at 1M records 180,000 ids, nearly always none missing
            for rid in carried:
                if rid not in present:
                    yield diag("YRC003", src.file, src.line, record=rid, id=rid, opening=opening.id, year=opening.year)


def check_figures(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Read whole (houqin check --full): each opening's balances, stock and register against what the
    closed years' records give (YRC006). Read from an opening there is nothing to compare it with."""
    if ledger.opened is None:
        for opening in _openings(ledger):
            yield from _figures(ledger, opening)


def _in_force(ledger: Ledger) -> list[Opening]:
    """The opening the ledger was read from (its head: no register built), or, read whole, every opening."""
    return [ledger.opened] if ledger.opened is not None else [*_openings(ledger)]


def check_closed_files(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """The closed years' files as the opening found them: none changed, added or taken away (YRC004)."""
    for opening in _in_force(ledger):
        yield from _files_of(ledger.closed_files, opening)


def _files_of(files: Mapping[str, str], opening: Opening) -> Iterator[Diagnostic]:
    found = {rel: d for rel, d in files.items() if rel[:4].isdigit() and int(rel[:4]) <= opening.closed}
    kept = closed_files(opening)
    for rel in sorted(set(found) | set(kept)):
        if found.get(rel) != kept.get(rel):
            yield diag(
                "YRC004", opening.source.file, opening.source.line, record=opening.id, id=opening.id,
                file=rel, year=opening.closed,
            )  # fmt: skip


def _openings(ledger: Ledger) -> list[YearOpening]:
    return sorted(ledger.seen(YearOpening), key=lambda o: o.year)


def _given_out(rid: str, given: Mapping[str, int]) -> bool:
    """Was this id given out by a closed year (at or below the highest it gave)?"""
    head, _, number = rid.rpartition("-")
    return number.isdigit() and int(number) <= given.get(head, 0)


def at_year_end(ledger: Ledger, end: dt.date) -> Ledger:
    """The ledger as its disposals stood at the year's end: an approval signed after it takes effect in
    the year it was signed in, never in the closed year (the register the opening carried)."""
    late = [as_of(d, end) for d in ledger.records(Disposal) if d.date <= end]
    return ledger.with_records(late) if late else ledger


def _figures(ledger: Ledger, opening: YearOpening) -> Iterator[Diagnostic]:
    """Read whole: the opening's figures against what the closed years' records give at their end."""
    end = year_end(opening)
    stated = {b.account: b.amount for b in opening.balances}
    found = opening_balances(ledger, end)
    for account, amount in found.items():
        if stated.get(account, ZERO) != amount:
            yield _differs(opening, f"balance {account}", stated.get(account, ZERO), amount)
    for account, amount in stated.items():
        if account not in found and amount:
            yield _differs(opening, f"balance {account}", amount, ZERO)
    held = {s.item: (s.quantity, s.value) for s in opening.stock}
    for row in opening_stock(ledger, end):
        stated_stock = held.pop(row["item"], None)
        if stated_stock != (row["quantity"], row["value"]):
            shown = f"{stated_stock[0]} {stated_stock[1]}" if stated_stock else "-"
            yield _differs(opening, f"stock {row['item']}", shown, f"{row['quantity']} {row['value']}")
    for item in held:
        yield _differs(opening, f"stock {item}", "-", "0")
    assets = {a.asset: a for a in opening.assets}
    carried = carried_ids(opening)
    for row in opening_assets(ledger, end):
        card = ledger.record_by_id.get(row["asset"])
        if card is not None and card.source.file[:4] > str(opening.closed) and card.id not in carried:
            continue  # brought into the books after the close
        a = assets.pop(row["asset"], None)
        holdings = [(h["place"], h["keeper"], h["quantity"]) for h in row["holdings"]]
        stated_holdings = [(h.place, h.keeper, h.quantity) for h in a.holdings] if a is not None else []
        if stated_holdings != holdings:
            yield _differs(opening, f"asset {row['asset']}", _held(stated_holdings), _held(holdings))
        elif a is not None and (a.depreciation, a.net) != (row["depreciation"], row["net"]):
            shown = f"{a.depreciation}/{a.net}"
            yield _differs(opening, f"depreciation {row['asset']}", shown, f"{row['depreciation']}/{row['net']}")
    for rid in assets:
        yield _differs(opening, f"asset {rid}", "-", "0")


def _held(holdings: list[tuple[str, str, int]]) -> str:
    return ";".join(f"{p},{k},{q}" for p, k, q in holdings) or "-"


def _differs(opening: YearOpening, what: str, stated: object, found: object) -> Diagnostic:
    s = opening.source
    return diag(
        "YRC006", s.file, s.line, record=opening.id, id=opening.id, what=what, stated=stated, found=found,
        year=opening.closed,
    )  # fmt: skip

"""assets: 校产登记、保管、调拨、报废、转让 — every move, loan and disposal fits what the asset holds
at that day; nothing happens to an asset once it has left the books; moves are signed by the
giving and the receiving keeper; big disposals carry the authority's approval; nobody leaves the
school while keeping or borrowing school property (公物交结)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from houqin.diagnostics import Diagnostic, diag
from houqin.layout import CATALOG_FILE, PEOPLE_FILE, PLACES_FILE
from houqin.models.asset_state import AssetState, disposal_effective, kept_by, replay
from houqin.models.config import Policy
from houqin.models.directory import Person
from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Disposal


def check_asset_events(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """One asset file's cards replayed with every move, loan and disposal that names them (per file:
    an `asset add` replays only the file it wrote, the carried register's findings stay cached): a
    move or disposal takes no more than the card holds there (AST002-AST004), nothing happens to a card
    once it has left the books (AST001), a move is signed by the giving and receiving keeper (AST005)."""
    _states, problems = replay(ledger, named=True)
    for p in problems:
        params: dict[str, Any] = dict(p.params)
        yield diag(p.code, p.record.source.file, p.record.source.line, record=p.record.id, id=p.record.id, **params)


def check_disposal_authority(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """A disposal of a card of this file worth more than the threshold carries the authority's approval
    (AST006; per file of cards, seeing the disposals)."""
    disposals = ledger.seen(Disposal)
    cards = {a.id: a for a in ledger.own(Asset, {d.asset for d in disposals})}  # the file's cards they name alone
    for d in disposals:
        asset = cards.get(d.asset)
        if asset is None:
            continue
        value = asset.unit_price * (d.quantity or asset.quantity)
        if value > policy.disposal_authority_threshold and not d.authority and disposal_effective(ledger, d):
            yield diag(
                "AST006",
                d.source.file,
                d.source.line,
                record=d.id,
                id=d.id,
                value=value,
                threshold=policy.disposal_authority_threshold,
            )


def check_handover(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """公物交结: nobody leaves the school still keeping or borrowing school property (DEP001, on their
    last day, across every card: the whole replay runs only when somebody has left)."""
    leaving: dict[dt.date, list[Person]] = {}
    for person in ledger.people:
        if person.left is not None:
            leaving.setdefault(person.left - dt.timedelta(days=1), []).append(person)
    if not leaving:
        return
    handovers: list[Diagnostic] = []

    def on_last_day(day: dt.date, states: dict[str, AssetState]) -> None:
        for person in leaving[day]:
            kept, loans = kept_by(states.values(), person.name)
            if kept or loans:
                ids = [s.asset.id for s in kept] + [loan.id for loan in loans]
                handovers.append(
                    diag(
                        "DEP001",
                        PEOPLE_FILE,
                        person.line,
                        record=person.name,
                        name=person.name,
                        left=person.left,
                        count=len(ids),
                        ids="、".join(ids[:5]) + ("…" if len(ids) > 5 else ""),
                    )
                )

    replay(ledger, checkpoints=dict.fromkeys(leaving, on_last_day))
    yield from handovers


def check_place_keepers(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """A place in use is not kept by somebody who has left (AST007: the directory alone)."""
    for place in ledger.places:
        keeper = ledger.person_by_name.get(place.keeper)
        if place.active and keeper is not None and keeper.left is not None:
            yield diag(
                "AST007", PLACES_FILE, place.line, record=place.id, place=place.id, name=place.keeper, left=keeper.left
            )


def check_category_codes(ledger: Ledger, _policy: Policy) -> Iterator[Diagnostic]:
    """The asset categories of catalog.yaml against the code table houqin ships (GB/T 14885-2022,
    houqin/templates/asset_codes.yaml): a code the edition gives to another class since the codes
    moved (AST009), or a class that has finer classes under it, not a leaf (AST008). A code the table
    does not know is not judged: the table holds only what could be sourced (docs/assets.md)."""
    from houqin.ledger.asset_codes import code_table

    table = code_table()
    for c in ledger.catalog.asset_categories:
        moved = table.moved.get(c.code)
        if moved is not None and moved[0] == c.name and table.names.get(c.code) != c.name:
            yield diag(
                "AST009", CATALOG_FILE, c.line, record=c.code, code=c.code, name=c.name, edition=table.edition,
                theirs=table.names.get(c.code, "?"), new=moved[1],
            )  # fmt: skip
        elif table.is_class(c.code):
            under = [code for code in table.under(c.code) if not table.is_class(code)]
            yield diag(
                "AST008", CATALOG_FILE, c.line, record=c.code, code=c.code, name=c.name, edition=table.edition,
                leaves="、".join(f"{code} {table.names[code]}" for code in under[:3]) or "-",
            )  # fmt: skip

"""Asset labels (资产标签), one per unit of a lot (docs/paper.md): ZC-2026-0001-03 is the third of the lot
ZC-2026-0001, and is taken wherever the lot's id is. Laid out on an A4 sticker sheet (models/labels.py)
from the offset of a partly used sheet, each label as many times as asked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from houqin.errors import UsageError
from houqin.models.asset_state import replay
from houqin.models.labels import LAYOUTS, SheetLayout, sheet_layout
from houqin.models.ledger import Ledger
from houqin.models.records import Asset
from houqin.services.asset_events import find_asset
from houqin.services.lookup import resolve_unit, unit_label

MAX_LABELS = 200_000


@dataclass(frozen=True)
class Label:
    id: str  # the unit's label id (or the lot's, for a single asset or --lot)
    lot: str
    name: str
    place: str


@dataclass(frozen=True)
class LabelSheet:
    school: str
    layout: SheetLayout
    offset: int  # labels already used on the first sheet
    labels: tuple[Label, ...]  # in print order, copies included

    @property
    def sheets(self) -> int:
        used = self.offset + len(self.labels)
        return max(1, -(-used // self.layout.per_sheet))


def _layout(ledger: Ledger, name: str | None) -> SheetLayout:
    wanted = name or ledger.config.policy.label_layout
    layout = sheet_layout(wanted)
    if layout is None:
        raise UsageError("label_layout", layout=wanted, known=", ".join(LAYOUTS))
    if not layout.fits():
        raise UsageError("label_layout_fit", layout=wanted, width=layout.width, height=layout.height)
    return layout


def _where(ledger: Ledger, places: Sequence[str]) -> str:
    shown = []
    for p in places:
        known = ledger.place_by_id.get(p)
        shown.append(f"{known.name}（{p}）" if known else p)
    return "、".join(shown)


def label_sheet(
    ledger: Ledger,
    day: dt.date,
    assets: Sequence[str] = (),
    place: str | None = None,
    *,
    per_lot: bool = False,
    layout: str | None = None,
    offset: int = 0,
    copies: int = 1,
) -> LabelSheet:
    """The labels of the assets named (a unit's label: that unit alone), or of every asset at `place`."""
    sheet = _layout(ledger, layout)
    if not 0 <= offset < sheet.per_sheet:
        raise UsageError("label_offset", offset=offset, per_sheet=sheet.per_sheet)
    states, _ = replay(ledger, until=day)
    chosen: list[tuple[Asset, int | None]] = []
    if assets:
        chosen = [(find_asset(ledger, text), resolve_unit(text)[1]) for text in assets]
    elif place:
        if place not in ledger.place_by_id:
            raise UsageError("unknown_place", place=place)
        chosen = [(s.asset, None) for s in states.values() if s.holds(place)]
    else:
        raise UsageError("label_what")
    labels: list[Label] = []
    for asset, unit in chosen:
        state = states.get(asset.id)
        where = _where(ledger, state.places if state is not None else [asset.place])
        if unit is not None:
            ids = [unit_label(asset.id, unit, asset.quantity)]
        elif per_lot or asset.quantity == 1:
            ids = [asset.id]
        else:
            ids = [unit_label(asset.id, n, asset.quantity) for n in range(1, asset.quantity + 1)]
        for label_id in ids:
            labels.extend([Label(label_id, asset.id, asset.name, where)] * copies)
    if len(labels) > MAX_LABELS:
        raise UsageError("label_too_many", count=len(labels), limit=MAX_LABELS)
    return LabelSheet(ledger.config.school.name, sheet, offset, tuple(labels))

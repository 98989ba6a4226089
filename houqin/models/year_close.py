"""What a year-end close (年终结账) carries into the new year, and how its digest is taken. Pure
functions shared by `houqin finance close-year`, the loader (which reads the open years only) and the
year check (checks/year_close.py).

A year opening holds the figures the open year starts from — the accounts' balances, the stock on
hand with its cost, where each asset on the books stood and its depreciation — the fingerprints of
the open items copied into the new year's files as they stood at the year's end, the invoice numbers
a later claim may not use again, and the SHA-256 of every file of the closed years. Its digest chains
to the closed year's last month close (or to the previous opening), so a change to any of it, or to
a closed year's file, is caught without reading the closed years again."""

from __future__ import annotations

import datetime as dt
import functools
import types
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, fields
from functools import cached_property
from typing import TypeVar

from houqin.models.base import Approval, Record, Source
from houqin.models.closing import chain_digest
from houqin.models.records import OpeningBalance, OpeningStock, Reopen, YearOpening


@dataclass(frozen=True)
class OpeningHead:
    """A year opening's facts but its asset register: what every command of the open year needs of
    it (which years are closed, the files and fingerprints they left, the numbers they gave out, the
    balances and stock the year starts from), read without building the register's cards (16,000 at
    100k records, 180,000 at 1M). The register is read by the asset replay and the year check alone,
    through the record itself (Standing.record)."""

    id: str
    source: Source
    date: dt.date
    year: int
    closed: int
    balances: tuple[OpeningBalance, ...]
    stock: tuple[OpeningStock, ...]
    carried: tuple[str, ...]
    invoices: tuple[str, ...]
    last_ids: tuple[str, ...]
    receipts: tuple[str, ...]
    files: tuple[str, ...]
    previous: str | None
    digest: str
    approvals: tuple[Approval, ...]  # the accountant's step: when the year was closed (closing.opened_on)

    def approval(self, role: str) -> Approval | None:
        return next((a for a in self.approvals if a.role == role), None)


HEAD_FIELDS = tuple(f.name for f in fields(OpeningHead))
Opening = YearOpening | OpeningHead  # what the functions below take: the record or its head
AnOpening = TypeVar("AnOpening", YearOpening, OpeningHead)


class Standing:
    """The opening a ledger was read from: its head at once, the record (with the register) built
    the first time it is asked for, once for the ledger and every view of it."""

    def __init__(self, head: OpeningHead, build: Callable[[], YearOpening]) -> None:
        self.head = head
        self._build = build

    @cached_property
    def record(self) -> YearOpening:
        found = self._build()
        if (found.id, found.source) != (self.head.id, self.head.source):
            raise RuntimeError(f"the opening read ({found.id}) is not the one its head named ({self.head.id})")
        return found


def year_end(opening: Opening) -> dt.date:
    """The last day the opening's closed years cover: 31 December of `closed`."""
    return dt.date(opening.closed, 12, 31)


def year_start(opening: Opening) -> dt.date:
    """The first day of the year it opens."""
    return dt.date(opening.year, 1, 1)


def file_year(rel: str) -> int | None:
    """The year directory of a record file ('2026/loans.yaml' → 2026), None for a directory file."""
    head = rel.split("/", 1)[0]
    return int(head) if len(head) == 4 and head.isdigit() and "/" in rel else None


def in_closed_year(rel: str, opening: Opening | None) -> bool:
    year = file_year(rel)
    return opening is not None and year is not None and year <= opening.closed


def opening_lines(opening: YearOpening) -> list[str]:
    """Everything the opening states, one line each, in a fixed order: what its digest is taken over."""
    lines = [f"year {opening.year} closed {opening.closed}"]
    lines += [f"balance {b.account} {b.amount}" for b in opening.balances]
    lines += [f"stock {s.item} {s.quantity} {s.value}" for s in opening.stock]
    for a in opening.assets:
        held = ";".join(f"{h.place},{h.keeper},{h.quantity}" for h in a.holdings)
        lines.append(f"asset {a.asset} {held} {a.depreciation} {a.net}")
    lines += [f"carried {c}" for c in opening.carried]
    lines += [f"invoice {n}" for n in opening.invoices]
    lines += [f"last {i}" for i in opening.last_ids]
    lines += [f"receipts {r}" for r in opening.receipts]
    lines += [f"file {f}" for f in opening.files]
    return lines


def opening_digest(opening: YearOpening) -> str:
    return chain_digest(opening.previous, opening_lines(opening))


def standing_opening(openings: Iterable[AnOpening]) -> AnOpening | None:
    """The opening in force: the one of the latest year opened (a year has one: a second is YRC007; an
    opening deleted leaves the first close after it chained to nothing, CLS004)."""
    found = sorted(openings, key=lambda o: (o.year, o.id))
    return found[-1] if found else None


def carried_ids(opening: Opening, among: AbstractSet[str] | None = None) -> Mapping[str, str]:
    """id → fingerprint hash of each record the opening carried (worked out once per opening: at 1M
    records it is 180,000 entries). `among`: of these ids alone — when they are few (a write checks
    again the record it touched), found in one pass over the opening's lines, no map of all built."""
    if among is None or len(among) * _FEW > len(opening.carried):
        return _carried(opening.carried)
    wanted = tuple(f"{rid} " for rid in among)
    return dict(c.split(" ", 1) for c in opening.carried if c.startswith(wanted))


_FEW = 64  # ids this many times fewer than the opening carried are looked for, not mapped


@functools.lru_cache(maxsize=4)
def _carried(carried: tuple[str, ...]) -> Mapping[str, str]:
    return types.MappingProxyType(dict(c.split(" ", 1) for c in carried if " " in c))


def closed_files(opening: Opening) -> dict[str, str]:
    """path → SHA-256 of each file of the closed years, as the opening found them."""
    return dict(f.rsplit(" ", 1) for f in opening.files if " " in f)


def highest_given(opening: Opening) -> dict[str, int]:
    """'ZC-2019' → the highest number that kind and closed year gave out (from `last_ids`)."""
    out: dict[str, int] = {}
    for rid in opening.last_ids:
        head, _, number = rid.rpartition("-")
        out[head] = int(number)
    return out


def receipts_done(opening: Opening) -> dict[str, int]:
    """A carried receipt book's id → the highest of its numbers the closed years wrote or voided."""
    return {book: int(n) for book, n in (r.split(" ", 1) for r in opening.receipts)}


def reopened_year(reopen: Reopen) -> int | None:
    """The year a reopening reopens (重新开账 of a year: `month` is the year, `close` the opening it
    undid), None for the reopening of a month."""
    return int(reopen.month) if len(reopen.month) == 4 and reopen.month.isdigit() else None


def year_reopens(records: Iterable[Record], closed: int) -> list[Reopen]:
    """The reopenings of the year `closed`, in the order they were written."""
    found = [r for r in records if isinstance(r, Reopen) and reopened_year(r) == closed]
    return sorted(found, key=lambda r: (r.date, r.id))


def reopen_lines(reopens: Iterable[Reopen]) -> list[str]:
    """What an opening written after reopenings of its year chains over, beside the close before it."""
    return [f"reopen {r.id} {r.close} {r.date.isoformat()}" for r in reopens]

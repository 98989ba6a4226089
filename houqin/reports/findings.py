"""The term's count report as the principal reads it (书面上报校长室): each stocktake with its
acknowledgement, and each asset finding with what resolved it (the same rule PD007/PD008 apply)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from houqin.checks.stocktake import ASSET_FINDINGS, AT_NAMES, follow_ups, resolution_of
from houqin.models.kinds import RecordKind, kind_of
from houqin.models.ledger import Ledger
from houqin.models.records import Stocktake


@dataclass(frozen=True)
class FindingRow:
    asset: str
    place: str
    kind: str
    kind_zh: str
    detail: str | None
    resolved_by: str | None  # the record's id
    resolved_kind: str | None  # its kind (damages, disposals, moves, repairs, recoveries)
    resolved_on: dt.date | None


@dataclass(frozen=True)
class CountReport:
    id: str
    term: str
    at: str
    at_zh: str
    date: dt.date
    acknowledged_by: str | None
    acknowledged_on: dt.date | None
    days: int  # since the count, holidays not counted
    findings: tuple[FindingRow, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "term": self.term,
            "at": self.at,
            "date": self.date.isoformat(),
            "acknowledged_by": self.acknowledged_by,
            "acknowledged_on": self.acknowledged_on.isoformat() if self.acknowledged_on else None,
            "findings": [
                {
                    "asset": f.asset,
                    "place": f.place,
                    "kind": f.kind,
                    "detail": f.detail,
                    "resolved_by": f.resolved_by,
                    "resolved_kind": f.resolved_kind,
                    "resolved_on": f.resolved_on.isoformat() if f.resolved_on else None,
                }
                for f in self.findings
            ],
        }


def count_reports(
    ledger: Ledger, today: dt.date, stocktake: str | None = None, term: str | None = None
) -> list[CountReport]:
    follow = follow_ups(ledger)
    chain = ledger.config.policy.signatures.chains.get(RecordKind.DISPOSALS, ())
    out = []
    for r in sorted(ledger.records(Stocktake), key=lambda r: r.sort_key):
        if (stocktake and r.id != stocktake) or (term and r.term != term):
            continue
        rows = []
        for f in r.findings:
            if f.asset is None or f.kind not in ASSET_FINDINGS:
                continue
            done = resolution_of(follow, r, f.asset, f.kind, chain)
            rows.append(
                FindingRow(
                    f.asset,
                    f.place,
                    f.kind,
                    ASSET_FINDINGS[f.kind][0],
                    f.detail,
                    done.id if done else None,
                    kind_of(done).name if done else None,
                    done.date if done else None,
                )
            )
        ack = r.approval("principal")
        out.append(
            CountReport(
                r.id,
                r.term,
                r.at,
                AT_NAMES.get(r.at, (r.at, r.at))[0],
                r.date,
                ack.by if ack else None,
                ack.on if ack else None,
                ledger.config.calendar.elapsed(r.date, today),
                tuple(rows),
            )
        )
    return out

"""A school's ledger as the rows of the county's Parquet dataset (ledger/parquet.py, docs/county.md):
every record of every kind as it stands, and what the school's own reports compute — the assets'
book values at each year's end (资产年报), the budget lines with their approved adjustments, the
findings of its own check — so that the bureau adds up the school's figures instead of redoing them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from houqin import clock
from houqin.checks.budget import budget_limits
from houqin.diagnostics import Diagnostic
from houqin.errors import InputError
from houqin.ledger.parquet import RENAMED, Partition, WriteResult, write_dataset
from houqin.models.asset_state import AssetState, replay
from houqin.models.base import Record
from houqin.models.depreciation import book_value
from houqin.models.kinds import KINDS
from houqin.models.ledger import Ledger
from houqin.models.records import Asset


def school_id(ledger: Ledger) -> str:
    """The school's id in the county: houqin.yaml's `school.code` (学校标识码)."""
    code = ledger.config.school.code
    if not code:
        raise InputError("no_school_code")
    if "/" in code or "=" in code or code.startswith("."):
        raise InputError("bad_school_code", code=code)
    return code


def _record_rows(ledger: Ledger, model: type[Record]) -> dict[int, list[dict[str, Any]]]:
    by_year: dict[int, list[dict[str, Any]]] = {}
    for r in sorted(ledger.records(model), key=lambda r: r.sort_key):
        row = r.model_dump(mode="python", by_alias=True)
        for old, new in RENAMED.items():
            if old in row:
                row[new] = row.pop(old)
        by_year.setdefault(r.date.year, []).append(row)
    return by_year


def year_ends(ledger: Ledger, as_of: dt.date) -> list[dt.date]:
    """The days of the asset report: each year's last day from the first asset's year, the last one
    `as_of` itself (a year not yet over is reported as it stands)."""
    assets = ledger.records(Asset)
    if not assets:
        return []
    first = min(a.date.year for a in assets)
    return [min(dt.date(y, 12, 31), as_of) for y in range(first, as_of.year + 1)]


def _asset_rows(ledger: Ledger, as_of: dt.date) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}

    def take(day: dt.date, states: dict[str, AssetState]) -> None:
        rows = out.setdefault(day.year, [])
        for state in sorted(states.values(), key=lambda s: s.asset.id):
            if state.in_books == 0:
                continue
            a = state.asset
            category = ledger.category_by_code.get(a.category)
            life = category.life_years if category else 0
            value = book_value(
                a.unit_price * state.in_books, a.date, day, life, ledger.config.policy.depreciation.start
            )
            rows.append(
                {
                    "at": day,
                    "asset": a.id,
                    "name": a.name,
                    "category": a.category,
                    "category_name": category.name if category else "?",
                    "funding": a.funding,
                    "quantity": state.in_books,
                    "cost": value.cost,
                    "accumulated": value.accumulated,
                    "net": value.net,
                    "keepers": state.keepers,
                }
            )

    days = year_ends(ledger, as_of)
    if days:
        replay(ledger, until=as_of, checkpoints={d: take for d in days})
    return out


def _budget_rows(ledger: Ledger) -> dict[int, list[dict[str, Any]]]:
    limits = budget_limits(ledger)
    out: dict[int, list[dict[str, Any]]] = {}
    for b in ledger.catalog.budget_lines:
        row = {"line": b.id, "name": b.name, "planned": b.amount, "limit": limits[(b.id, b.year)]}
        out.setdefault(b.year, []).append(row)
    return out


def _finding_rows(findings: Iterable[Diagnostic]) -> list[dict[str, Any]]:
    return [
        {
            "code": d.code,
            "severity": d.severity.value,
            "file": d.file,
            "line": d.line,
            "record": d.record,
            "params": json.dumps(dict(d.params), ensure_ascii=False, sort_keys=True),
        }
        for d in sorted(findings, key=lambda d: (d.file, d.line, d.code, d.record))
    ]


def partitions(ledger: Ledger, findings: Sequence[Diagnostic], as_of: dt.date) -> list[Partition]:
    """Every partition of one school's export."""
    school = school_id(ledger)
    parts: list[Partition] = []
    for kind in KINDS:
        for year, rows in sorted(_record_rows(ledger, kind.model).items()):
            parts.append(Partition(kind.name, school, year, rows))
    for year, rows in sorted(_asset_rows(ledger, as_of).items()):
        parts.append(Partition("asset_values", school, year, rows))
    for year, rows in sorted(_budget_rows(ledger).items()):
        parts.append(Partition("budget", school, year, rows))
    config = ledger.config
    info = {
        "name": config.school.name,
        "as_of": as_of,
        "advance_settle_days": config.policy.advance_settle_days,
        "currency": config.currency,
    }
    parts.append(Partition("schools", school, None, [info]))
    parts.append(Partition("findings", school, None, _finding_rows(findings)))
    people = [
        {"name": p.name, "roles": sorted({r.role for r in p.roles}), "left": p.left}
        for p in sorted(ledger.people, key=lambda p: p.name)
    ]
    parts.append(Partition("people", school, None, people))
    return parts


@dataclass(frozen=True)
class Exported:
    school: str
    commit: str
    out: Path
    result: WriteResult


def head_commit(root: Path) -> str:
    """The commit a school's rows are exported from; refused while the ledger differs from it."""
    from houqin.ledger.files import WorktreeSource
    from houqin.ledger.git import changed_since_head, git

    proc = git(root, "rev-parse", "-q", "--verify", "HEAD", check=False)
    if proc.returncode != 0:
        raise InputError("export_no_commit", path=str(root))
    changed = changed_since_head(root, WorktreeSource(root).paths())
    if changed:
        raise InputError("export_uncommitted", files=", ".join(changed[:5]), count=len(changed))
    return proc.stdout.decode().strip()


def export_parquet(root: Path, out: Path, today: dt.date | None = None) -> Exported:
    """houqin export parquet: this school's partitions in the dataset at `out`, the other schools'
    there kept, unchanged partitions not rewritten."""
    from houqin.ledger.load import open_ledger
    from houqin.services.checking import check_ledger

    as_of = today or clock.today()
    commit = head_commit(root)
    ledger = open_ledger(root, full=True)
    school = school_id(ledger)
    parts = partitions(ledger, check_ledger(root, today=as_of), as_of)
    from houqin.ledger.parquet import dataset_lock

    with dataset_lock(out):
        return _export(out, school, commit, ledger.config.school.name, parts, as_of)


def _export(out: Path, school: str, commit: str, name: str, parts: list[Partition], as_of: dt.date) -> Exported:
    from houqin.ledger.parquet import read_manifest

    old = read_manifest(out) or {}
    others = {e.get("school") for e in old.get("partitions", {}).values()} - {school}
    schools = dict(old.get("schools", {})) if isinstance(old.get("schools"), dict) else {}
    schools[school] = {"commit": commit, "name": name, "as_of": as_of.isoformat()}
    result = write_dataset(
        out,
        parts,
        commits={school: commit},
        keep_schools=[s for s in others if isinstance(s, str)],
        extra={"schools": dict(sorted(schools.items()))},
    )
    return Exported(school, commit, out, result)

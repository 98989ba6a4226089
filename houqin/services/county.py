"""houqin county build: the county bureau's dataset of every school's ledger (docs/county.md).

Each source (a local repository or a git URL) is cloned, or fetched, into the build's own clones, so
the county reads exactly what a school committed, never a working tree. A school is accepted only when
its ledger at that commit passes its own check with no error (the closes' seals and signatures are
checks like the others) and names its school code; a school whose commit has not moved since the last
build is kept as it was, without being read again. Two sources claiming one school code are both
refused: the bureau cannot tell which is the school's. What was accepted and why not is recorded in
the dataset's manifest (`build`), and the whole dataset is written beside the old one and swapped in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from houqin import clock
from houqin.diagnostics import Severity
from houqin.errors import HouqinError, UsageError
from houqin.layout import CONFIG_FILE
from houqin.ledger.parquet import (
    SCHEMA_VERSION,
    DatasetWriter,
    Partition,
    dataset_lock,
    manifest_version,
    read_manifest,
)
from houqin.ledger.sources import SourceRefused, fetch_source, head_of, restore
from houqin.models.records import Close


@dataclass
class SchoolOutcome:
    """One source of the build: the school it holds, the commit read, accepted or not and why."""

    source: str
    school: str = ""
    name: str = ""
    commit: str = ""
    status: str = "refused"  # exported | unchanged | refused
    reason: str = ""  # an i18n key (county.reason.*) when refused
    params: dict[str, Any] = field(default_factory=dict)
    errors: int = 0
    warnings: int = 0
    closes: int = 0
    as_of: str = ""

    @property
    def accepted(self) -> bool:
        return self.status != "refused"

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "school": self.school,
            "name": self.name,
            "commit": self.commit,
            "status": self.status,
            "reason": self.reason,
            "params": self.params,
            "errors": self.errors,
            "warnings": self.warnings,
            "closes": self.closes,
            "as_of": self.as_of,
        }


@dataclass(frozen=True)
class Build:
    out: Path
    as_of: dt.date
    schools: tuple[SchoolOutcome, ...]
    written: int
    kept: int
    migrated_from: int | None = None

    @property
    def refused(self) -> tuple[SchoolOutcome, ...]:
        return tuple(s for s in self.schools if not s.accepted)


def clones_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.clones"


def _verify(outcome: SchoolOutcome, clone: Path, as_of: dt.date) -> list[Partition] | None:
    """The school's partitions if its ledger passes its own check, else None (and why, in `outcome`)."""
    from houqin.ledger.load import open_ledger
    from houqin.services.checking import check_ledger
    from houqin.services.dataset import partitions, school_id

    restore(clone)
    if not (clone / CONFIG_FILE).is_file():
        outcome.reason, outcome.params = "county.reason.not_ledger", {}
        return None
    try:
        found = check_ledger(clone, today=as_of)
        errors = [d for d in found if d.severity is Severity.ERROR]
        outcome.errors, outcome.warnings = len(errors), len(found) - len(errors)
        if errors:
            codes = sorted({d.code for d in errors})
            outcome.reason = "county.reason.check_errors"
            outcome.params = {"count": len(errors), "codes": ", ".join(codes[:8])}
            return None
        ledger = open_ledger(clone, full=True)
        outcome.school, outcome.name = school_id(ledger), ledger.config.school.name
        outcome.closes = len(ledger.records(Close))
        return partitions(ledger, found, as_of)
    except HouqinError as err:
        outcome.reason, outcome.params = "county.reason.unreadable", {"error": err.key, **err.params}
        return None


@dataclass(frozen=True)
class Previous:
    """The last build: its outcomes by source and its day (none for a dataset of another version)."""

    sources: dict[str, Any]
    day: str = ""


def _previous(out: Path, rebuild: bool) -> Previous:
    old = read_manifest(out)
    if old is None:
        return Previous({})
    version = manifest_version(old)
    if version != SCHEMA_VERSION:
        return Previous({})
    build = old.get("build")
    if rebuild or not isinstance(build, dict):
        return Previous({})
    rows = build.get("schools", [])
    found = {r["source"]: r for r in rows if isinstance(r, dict) and isinstance(r.get("source"), str)}
    return Previous(found, str(build.get("as_of", "")))


def build_county(
    sources: Sequence[str],
    out: Path,
    *,
    today: dt.date | None = None,
    rebuild: bool = False,
    finish: Callable[[Path], None] | None = None,
) -> Build:
    """`finish` works out what needs every school (the cross-school invoices: reports/county.py) on the
    new dataset before it replaces the old."""
    if not sources:
        raise UsageError("county_no_sources")
    with dataset_lock(out):
        return _build(sources, out, today or clock.today(), rebuild, finish)


def _build(
    sources: Sequence[str], out: Path, as_of: dt.date, rebuild: bool, finish: Callable[[Path], None] | None
) -> Build:
    last = _previous(out, rebuild)
    outcomes = [SchoolOutcome(source, as_of=as_of.isoformat()) for source in dict.fromkeys(sources)]
    clones = {o.source: _fetch(o, out, last.sources.get(o.source)) for o in outcomes}
    claimed: dict[str, list[SchoolOutcome]] = defaultdict(list)
    for o in outcomes:
        if o.status == "unchanged":
            claimed[o.school].append(o)
    with DatasetWriter(out) as writer:
        for o in outcomes:
            clone = clones[o.source]
            if o.status != "refused" or o.reason or clone is None:
                continue
            parts = _verify(o, clone, as_of)  # one school's rows at a time: written, then let go
            if parts is None:
                continue
            o.status = "exported"
            claimed[o.school].append(o)
            if len(claimed[o.school]) == 1:
                writer.add(o.school, o.commit, parts)
        for school, claimants in claimed.items():
            if len(claimants) > 1:
                _refuse_claimants(school, claimants)
                writer.drop(school)
        accepted = [o for o in outcomes if o.accepted]
        extra = {
            "schools": {o.school: {"commit": o.commit, "name": o.name, "as_of": o.as_of} for o in accepted},
            "build": {"as_of": as_of.isoformat(), "schools": [o.as_dict() for o in outcomes]},
        }
        before = {r.get("school") for r in last.sources.values() if r.get("status") != "refused"}
        same = {o.school for o in accepted} == before == writer.old_schools() and last.day == as_of.isoformat()
        if same and all(o.status == "unchanged" for o in accepted):
            # The same schools at the same commits on the same day: not one file changes.
            result = writer.manifest_only(extra)
        else:
            for o in accepted:
                if o.status == "unchanged":
                    writer.keep(o.school)
            result = writer.close(extra, finish)
    return Build(out, as_of, tuple(outcomes), len(result.written), len(result.kept), writer.migrated_from)


def _fetch(outcome: SchoolOutcome, out: Path, before: dict[str, Any] | None) -> Path | None:
    """The source's clone, with `outcome` told its commit and, when that has not moved since the last
    build, what that build found (status `unchanged`); None when the source cannot be had."""
    try:
        clone = fetch_source(outcome.source, clones_dir(out))
    except SourceRefused as refused:
        outcome.reason, outcome.params = refused.key, refused.params
        return None
    outcome.commit = head_of(clone)
    if before and before.get("status") != "refused" and before.get("commit") == outcome.commit:
        for key in ("school", "name", "errors", "warnings", "closes", "as_of"):
            setattr(outcome, key, before.get(key, getattr(outcome, key)))
        outcome.status = "unchanged"
    return clone


def _refuse_claimants(school: str, claimants: list[SchoolOutcome]) -> None:
    """Two sources or more claim one school code: all refused, each naming the others."""
    for o in claimants:
        others = ", ".join(c.source for c in claimants if c is not o)
        o.status, o.reason, o.params = "refused", "county.reason.duplicate", {"school": school, "others": others}

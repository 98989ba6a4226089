"""The Parquet dataset the county bureau's engines read (docs/county.md): one dataset per kind of
record and a few derived ones, hive-partitioned `school=…/year=…`, with a fixed, versioned schema.

The schema of a record kind follows its model, field by field: money DECIMAL(18,2), quantities
DECIMAL(18,3), days DATE, ids, names and words as strings, a nested step a struct, a list of steps a
list of structs; every row also carries the `commit` it was exported from (the school and the year are
the partition's). `SCHEMA_VERSION` names this mapping; tests/test_parquet.py pins the schema itself,
so a model change that changes a column fails until the version is raised.

A write builds the whole new tree in a directory beside the old one and swaps the two by rename, so a
reader sees the old dataset or the new, never half of one. A partition whose rows are unchanged
(same SHA-256 of its Arrow data, commit aside) is not rewritten: its file is hard-linked from the old
tree and keeps the commit it was first exported from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from houqin.errors import InputError
from houqin.models.kinds import KINDS

if TYPE_CHECKING:
    import pyarrow as pa

SCHEMA_VERSION = (
    2  # 2: the year openings (年终结账); receipt books, voids and fee settlements signed, income.settlement
)
FORMAT = "houqin-parquet"
MANIFEST = "houqin-dataset.json"
PART = "part-0.parquet"
MONEY_CHECKS = frozenset({"_money", "_positive_money", "_money_or_zero", "_nonzero_money"})
QUANTITY_CHECKS = frozenset({"_quantity", "_count_or_zero"})


def _pa() -> Any:
    import pyarrow

    return pyarrow


def _validator_names(metadata: Iterable[Any]) -> set[str]:
    return {getattr(getattr(m, "func", None), "__name__", "") for m in metadata}


def arrow_type(annotation: Any, metadata: Sequence[Any] = ()) -> pa.DataType:
    """The Arrow type of one field of a model, from its annotation (and the validators that say
    whether a Decimal is money or a quantity)."""
    pa = _pa()
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        return arrow_type(inner, [*metadata, *extra])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(args[0], metadata)
    if origin is typing.Literal:
        return pa.string()
    if origin is tuple:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    if origin is dict:
        return pa.map_(pa.string(), arrow_type(typing.get_args(annotation)[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation))
    if annotation is Decimal:
        names = _validator_names(metadata)
        if names & MONEY_CHECKS:
            return pa.decimal128(18, 2)
        if names & QUANTITY_CHECKS:
            return pa.decimal128(18, 3)
        return pa.decimal128(18, 4)
    simple = {str: pa.string(), int: pa.int64(), bool: pa.bool_(), dt.date: pa.date32()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Parquet type for {annotation!r}")


# A field whose name is a partition's: a budget adjustment's `year` is the budget's, not the record's.
RENAMED = {"year": "budget_year"}


def column_name(name: str, alias: str | None, top: bool) -> str:
    key = alias or name
    return RENAMED.get(key, key) if top else key


def _fields(model: type[BaseModel], top: bool = False) -> list[pa.Field]:
    pa = _pa()
    out = []
    for name, info in model.model_fields.items():
        if info.exclude:
            continue  # where a record stands in its file (source, line): not data
        out.append(pa.field(column_name(name, info.alias, top), arrow_type(info.annotation, info.metadata)))
    return out


# The derived datasets: what a school's own reports compute, so that the county's figures are the
# school's (docs/county.md). Each is (name, partitioned by year, columns).
def _derived() -> dict[str, tuple[bool, list[pa.Field]]]:
    pa = _pa()
    money, s, i = pa.decimal128(18, 2), pa.string(), pa.int64()
    return {
        "schools": (
            False,
            [
                pa.field("name", s),
                pa.field("as_of", pa.date32()),
                pa.field("advance_settle_days", i),
                pa.field("currency", s),
            ],
        ),
        "asset_values": (
            True,
            [
                pa.field("at", pa.date32()),
                pa.field("asset", s),
                pa.field("name", s),
                pa.field("category", s),
                pa.field("category_name", s),
                pa.field("funding", s),
                pa.field("quantity", i),
                pa.field("cost", money),
                pa.field("accumulated", money),
                pa.field("net", money),
                pa.field("keepers", pa.list_(s)),
            ],
        ),
        "budget": (
            True,
            [pa.field("line", s), pa.field("name", s), pa.field("planned", money), pa.field("limit", money)],
        ),
        "findings": (
            False,
            [
                pa.field("code", s),
                pa.field("severity", s),
                pa.field("file", s),
                pa.field("line", i),
                pa.field("record", s),
                pa.field("params", s),
            ],
        ),
        "people": (False, [pa.field("name", s), pa.field("roles", pa.list_(s)), pa.field("left", pa.date32())]),
    }


def datasets() -> dict[str, tuple[bool, pa.Schema]]:
    """Every dataset's name → (partitioned by year, schema of its files, `commit` last)."""
    pa = _pa()
    commit = pa.field("commit", pa.string())
    out = {k.name: (True, pa.schema([*_fields(k.model, top=True), commit])) for k in KINDS}
    for name, (by_year, cols) in _derived().items():
        out[name] = (by_year, pa.schema([*cols, commit]))
    return out


def schema_text() -> str:
    """The schema as docs/county.md lists it (and tests/test_parquet.py pins)."""
    lines = [f"schema_version {SCHEMA_VERSION}"]
    for name, (by_year, schema) in datasets().items():
        lines.append(f"{name}/school=…{'/year=…' if by_year else ''}")
        lines.extend(f"  {f.name}: {f.type}" for f in schema)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Partition:
    """One dataset's rows for one school (and year): plain Python values in the schema's columns."""

    dataset: str
    school: str
    year: int | None
    rows: Sequence[Mapping[str, Any]]

    @property
    def path(self) -> str:
        year = f"/year={self.year}" if self.year is not None else ""
        return f"{self.dataset}/school={self.school}{year}"


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of the dataset in `out`, None when `out` is missing or empty; refuses a folder that
    holds something else (never overwritten) or a manifest that does not read."""
    if not out.exists():
        return None
    if not out.is_dir():
        raise InputError("dataset_not_dir", path=str(out))
    path = out / MANIFEST
    if not path.is_file():
        if any(out.iterdir()):
            raise InputError("dataset_foreign", path=str(out))
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InputError("dataset_broken", path=str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("partitions"), dict):
        raise InputError("dataset_broken", path=str(path))
    return data


def manifest_version(manifest: Mapping[str, Any]) -> int:
    version = manifest.get("schema_version")
    return version if isinstance(version, int) else 0


def _table(part: Partition, schema: pa.Schema) -> pa.Table:
    pa = _pa()
    data = schema.remove(schema.get_field_index("commit"))
    try:
        return pa.Table.from_pylist(list(part.rows), schema=data)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError) as exc:
        raise ValueError(f"{part.path}: {exc}") from exc


def _digest(table: pa.Table) -> str:
    pa = _pa()
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return hashlib.sha256(sink.getvalue().to_pybytes()).hexdigest()


class DatasetWriter:
    """The dataset in `out` written anew, school by school, in a tree beside the old one that `close()`
    swaps in: a school's partitions are written as soon as they are given (so a build of hundreds of
    schools holds one school's rows at a time), an unchanged partition hard-linked from the old tree
    instead of rewritten, a school kept as it was linked whole. Leaving the `with` block by an error
    removes the new tree and leaves the old one as it was."""

    def __init__(self, out: Path) -> None:
        self.out = out
        old = read_manifest(out)
        self.migrated_from = (
            manifest_version(old) if old is not None and manifest_version(old) != SCHEMA_VERSION else None
        )
        self.old_parts: dict[str, Any] = (
            {} if old is None or self.migrated_from is not None else dict(old["partitions"])
        )
        self.parts: dict[str, Any] = {}
        self.result = WriteResult()
        self.staging = out.with_name(f".{out.name}.houqin-new-{os.getpid()}")
        shutil.rmtree(self.staging, ignore_errors=True)
        self._opened = False

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is not None:
            shutil.rmtree(self.staging, ignore_errors=True)

    def old_schools(self) -> set[str]:
        return {e["school"] for e in self.old_parts.values() if isinstance(e.get("school"), str)}

    def _target(self, rel: str) -> Path:
        if not self._opened:
            self.staging.mkdir(parents=True)
            self._opened = True
        target = self.staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def keep(self, school: str) -> None:
        """The school's partitions as the old tree has them."""
        for rel, entry in sorted(self.old_parts.items()):
            if entry.get("school") == school:
                _link(self.out / rel, self._target(rel))
                self.parts[rel] = entry
                self.result.kept.append(rel)

    def add(self, school: str, commit: str, partitions: Iterable[Partition]) -> None:
        """The whole export of one school (its partitions not given are dropped)."""
        pq, pa, schemas = _pa_parquet(), _pa(), datasets()
        for part in partitions:
            _, schema = schemas[part.dataset]
            rel = f"{part.path}/{PART}"
            table = _table(part, schema)
            digest = _digest(table)
            before = self.old_parts.get(rel)
            if before is not None and before.get("sha256") == digest and (self.out / rel).is_file():
                _link(self.out / rel, self._target(rel))
                self.parts[rel] = before
                self.result.kept.append(rel)
                continue
            table = table.append_column(schema.field("commit"), pa.array([commit] * table.num_rows, pa.string()))
            pq.write_table(table, self._target(rel), compression="zstd")
            self.parts[rel] = {
                "dataset": part.dataset,
                "school": school,
                "year": part.year,
                "rows": table.num_rows,
                "sha256": digest,
                "commit": commit,
            }
            self.result.written.append(rel)

    def drop(self, school: str) -> None:
        """What was given of a school, taken out again (two sources claimed its code)."""
        for rel in [r for r, e in self.parts.items() if e.get("school") == school]:
            (self.staging / rel).unlink()
            del self.parts[rel]
        self.result.written = [r for r in self.result.written if r in self.parts]
        self.result.kept = [r for r in self.result.kept if r in self.parts]

    def manifest_only(self, extra: Mapping[str, Any] | None) -> WriteResult:
        """Nothing in the tree changes (the same schools at the same commits): only the manifest."""
        self.result.kept = sorted(self.old_parts)
        _write_manifest(self.out / MANIFEST, self.old_parts, extra)
        return self.result

    def close(
        self,
        extra: Mapping[str, Any] | None = None,
        finish: Callable[[Path], None] | None = None,
    ) -> WriteResult:
        """The manifest (with `extra` beside the partitions), then `finish` on the complete new tree (what
        is worked out from the whole dataset), then the swap."""
        self._target(MANIFEST)
        self.result.removed = sorted(set(self.old_parts) - set(self.parts))
        _write_manifest(self.staging / MANIFEST, self.parts, extra)
        if finish is not None:
            finish(self.staging)
        _swap(self.staging, self.out)
        return self.result


def write_dataset(
    out: Path,
    partitions: Sequence[Partition],
    *,
    commits: Mapping[str, str],
    keep_schools: Iterable[str] = (),
    extra: Mapping[str, Any] | None = None,
) -> WriteResult:
    """The dataset in `out` with `partitions` (each school's whole export) and the schools of
    `keep_schools` kept as they are; every other school dropped (houqin export parquet)."""
    with DatasetWriter(out) as writer:
        for school in sorted(set(keep_schools)):
            writer.keep(school)
        by_school: dict[str, list[Partition]] = {}
        for part in partitions:
            by_school.setdefault(part.school, []).append(part)
        for school, parts in by_school.items():
            writer.add(school, commits[school], parts)
        return writer.close(extra)


@contextlib.contextmanager
def dataset_lock(out: Path) -> Iterator[None]:
    """One build or export of a dataset at a time (an flock beside it, dropped if the process dies)."""
    import fcntl

    out.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(out.with_name(f".{out.name}.lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError("dataset_busy", path=str(out)) from None
        yield
    finally:
        os.close(fd)


def _write_manifest(path: Path, parts: Mapping[str, Any], extra: Mapping[str, Any] | None) -> None:
    from houqin.ledger.save import atomic_write

    manifest = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        **(extra or {}),
        "partitions": dict(sorted(parts.items())),
    }
    atomic_write(path, (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _pa_parquet() -> Any:
    import pyarrow.parquet

    return pyarrow.parquet


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _swap(staging: Path, out: Path) -> None:
    """Put the new tree in place of the old: two renames, the old tree deleted only after."""
    old = out.with_name(f".{out.name}.houqin-old-{os.getpid()}")
    if out.exists():
        out.rename(old)
    staging.rename(out)
    with contextlib.suppress(OSError):
        fd = os.open(out.parent, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
    shutil.rmtree(old, ignore_errors=True)

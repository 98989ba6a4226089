"""load_ledger(): the one entry point that reads a whole ledger. It returns the ledger and the
diagnostics of everything it could not read; it never raises on bad data.

The work per file (parse, then validate each record on its own so one bad record does not hide the
others) is a pure function of the file's bytes, so it can be cached by content hash.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import marshal
import operator
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard, TypeVar

from pydantic import BaseModel, ValidationError

from houqin.diagnostics import (
    Diagnostic,
    DiagnosticText,
    Severity,
    decode_diagnostic,
    diag,
    encode_diagnostic,
    is_unreadable,
    unreadable_files,
)
from houqin.errors import InputError
from houqin.layout import CATALOG_FILE, CONFIG_FILE, PEOPLE_FILE, PLACES_FILE, TOP_FILES
from houqin.ledger.cache import HEAD_SUFFIX, ROWS_SUFFIX, Cache, cache_of, file_key
from houqin.ledger.chunks import item_chunks, shift_lines
from houqin.ledger.codec import fields_decoder, model_codec
from houqin.ledger.files import (
    FileSource,
    MemorySource,
    WorktreeSource,
    digest_of,
    is_record_path,
    marker_diagnostic,
)
from houqin.ledger.yamlio import LinedDict, LinedList, parse
from houqin.models.as_of import last_step
from houqin.models.base import IdTop, Record, id_tally, top_of
from houqin.models.config import Config, School
from houqin.models.directory import (
    Account,
    AssetCategory,
    BudgetLine,
    Catalog,
    FireEquipment,
    Item,
    Meter,
    Person,
    Place,
    Utility,
    Vehicle,
    VoucherAccount,
)
from houqin.models.kinds import KIND_BY_FILE, KIND_BY_NAME, KIND_BY_PREFIX, Kind
from houqin.models.ledger import IdSource, Ledger, Records, Superseded
from houqin.models.records import YearOpening
from houqin.models.year_close import (
    HEAD_FIELDS,
    OpeningHead,
    Standing,
    carried_ids,
    file_year,
    in_closed_year,
    standing_opening,
    year_start,
)

M = TypeVar("M", bound=BaseModel)
PARALLEL_MIN_BYTES = 1 << 20


@dataclass(frozen=True)
class FileEdit:
    """How a write changed one record file, record by record: the file's hash before the write, the
    ids of the records it rewrote or appended (`added`: those appended, new to the file), and the
    lines it moved — (first line after the old text, lines added), in the order made. Every other
    record of the file is the same record, at its line moved so: what lets a check keep its findings
    about them (checks/engine.py: a part by record, and a part by ids when nothing was added)."""

    before: str  # "" for a file the write created
    ids: frozenset[str]
    moves: tuple[tuple[int, int], ...] = ()
    added: frozenset[str] = frozenset()

    def moved(self, line: int) -> int:
        """Where a line of the file before the write stands after it (a line outside every edit)."""
        for first, added in self.moves:
            if line >= first:
                line += added
        return line

    def then(self, ids: AbstractSet[str], move: tuple[int, int] | None = None, *, added: bool = False) -> FileEdit:
        """This edit followed by another of the same file (`added`: which appended the records `ids`)."""
        moves = (*self.moves, *((move,) if move and move[1] else ()))
        return FileEdit(self.before, self.ids | ids, moves, self.added | ids if added else self.added)


@dataclass(frozen=True)
class LoadResult:
    ledger: Ledger
    diagnostics: tuple[Diagnostic, ...]
    # The content hash (SHA-256, hex) of every file read, by path: what cached check results key on.
    digests: Mapping[str, str] = field(default_factory=dict)
    # For a ledger a write derived from the one it read: the record files it changed record by record.
    edits: Mapping[str, FileEdit] = field(default_factory=dict)


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector roughly doubles YAML load time and quadruples validation on big ledgers; and
    once a ledger is loaded its objects live until the command ends, so they are frozen out of
    later collections (otherwise every collection walks the whole ledger again)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def line_of(raw: Any, loc: Sequence[int | str]) -> int:
    """The line of the deepest part of `loc` that the raw YAML data knows."""
    line = getattr(raw, "line", 0)
    node = raw
    for part in loc:
        if isinstance(node, LinedDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, LinedList) and isinstance(part, int) and 0 <= part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
    return int(line)


def validation_diagnostics(exc: ValidationError, raw: Any, file: str, record: str = "") -> list[Diagnostic]:
    out = []
    for err in exc.errors(include_url=False):
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        field = ".".join(str(p) for p in loc) or "-"
        ctx = err.get("ctx") or {}
        value = ctx.get("value", err.get("input") if not isinstance(err.get("input"), (dict, list)) else "")
        out.append(
            diag(
                "SCH001",
                file,
                line_of(raw, loc),
                record=record,
                field=field,
                kind=err["type"],
                value=value if value is not None else "",
                detail=err["msg"],
            )
        )
    return out


def validate_one(model: type[M], raw: Any, file: str, line: int) -> tuple[M | None, list[Diagnostic]]:
    if not isinstance(raw, dict):
        return None, [diag("SCH003", file, line)]
    try:
        return model.model_validate(raw, context={"file": file}), []
    except ValidationError as exc:
        rid = raw.get("id") if isinstance(raw.get("id"), str) else raw.get("name", "")
        return None, validation_diagnostics(exc, raw, file, record=str(rid or ""))


def parse_file(file: str, data: bytes) -> tuple[Any, list[Diagnostic]]:
    marked = marker_diagnostic(data)
    if marked is not None:
        found: dict[str, Any] = dict(marked[1])
        return None, [diag(marked[0], file, 0, **found)]
    value, problem = parse(data)
    if problem is not None:
        params: dict[str, Any] = dict(problem.params)
        return None, [diag(problem.code, file, problem.line, **params)]
    return value, []


def load_list(file: str, data: bytes, model: type[M]) -> tuple[list[M], list[Diagnostic]]:
    """A file whose top level is a list of items of one model (people, places, records)."""
    value, diags = parse_file(file, data)
    if value is None:
        return [], diags
    if not isinstance(value, LinedList):
        return [], [diag("YAML005", file, getattr(value, "line", 1))]
    return validate_list(file, value, model, diags)


def validate_list(
    file: str, value: LinedList, model: type[M], diags: list[Diagnostic] | None = None
) -> tuple[list[M], list[Diagnostic]]:
    diags = diags if diags is not None else []
    items: list[M] = []
    for raw, line in zip(value, value.item_lines, strict=True):
        item, problems = validate_one(model, raw, file, line)
        diags.extend(problems)
        if item is not None:
            items.append(item)
    return items, diags


def load_records(file: str, data: bytes, kind: Kind) -> tuple[list[Record], list[Diagnostic]]:
    return load_list(file, data, kind.model)


# The cache's form of one record file: its kind, (id, line, day) of each record, the records themselves
# as one marshal blob (decoded only when a command asks for that kind), its diagnostics, and the
# latest step day of each record (its own day when it has none; the file's latest is their maximum),
# and what its ids and days sum up to (Summary).
# In the cache the rows are an entry of their own (ROWS_SUFFIX, `put_payload`), and a payload read
# from there holds b"" in their place until they are asked for (`LazyRecords.rows_of`).
IdEntry = tuple[str, int, int]  # a record's id, line and day (an ordinal)
# A file's ids and days summed up, so that questions about them are answered without walking them
# (at 1M records the carried register's 180,000): the highest number of each id prefix and desk block
# (models/base.id_tops, the next id), the first and last of the records' days (0, 0: no record), and
# how many ids are not of the numbered shape (models/base.id_tally: with none, and every prefix the
# kind's own, the file holds no id another kind could hold too).
Summary = tuple[tuple[IdTop, ...], int, int, int]
Payload = tuple[str, tuple[IdEntry, ...], bytes, tuple[Any, ...], tuple[int, ...], Summary]
Part = tuple[str, tuple[IdEntry, ...], bytes]


def summary_of(ids: Sequence[IdEntry], before: Summary | None = None) -> Summary:
    """The summary of a file's ids; `before`: that of the records before these (an append)."""
    first, last = day_span(ids)
    if before is not None and before[2]:
        first, last = (min(first, before[1]), max(last, before[2])) if last else (before[1], before[2])
    names = (entry[0] for entry in ids)
    tops, odd = id_tally(names, before[0], before[3]) if before is not None else id_tally(names)
    return tops, first, last, odd


def day_span(ids: Sequence[IdEntry]) -> tuple[int, int]:
    """The first and last of these records' days (0, 0: none)."""
    days = tuple(map(operator.itemgetter(2), ids))
    return min(days, default=0), max(days, default=0)


def put_payload(store: Cache, key: str, payload: Payload) -> None:
    """A file's payload in the cache as two entries: its rows, then the rest with b"" for the rows (so
    an entry read implies its rows were written: should they be gone, the file is parsed again)."""
    store.put(key + ROWS_SUFFIX, payload[2])
    store.put(key, (payload[0], payload[1], b"", *payload[3:]))


def cached_rows(store: Cache, key: str) -> bytes | None:
    """The encoded rows of the file entry `key` (None: missing or unsound)."""
    hit = store.get(key + ROWS_SUFFIX)
    return hit if isinstance(hit, bytes) and hit else None


def parse_payload(rel: str, data: bytes, kind_name: str) -> Payload:
    """Parse and validate one record file into the cache's compact form (runs in worker processes)."""
    kind = KIND_BY_NAME[kind_name]
    with gc_paused():
        records, diags = load_records(rel, data, kind)
        return payload_of(kind, records, diags)


def payload_of(kind: Kind, records: Sequence[Record], diags: Sequence[Diagnostic]) -> Payload:
    """The cache's form of a file's records (in the file's order) and diagnostics."""
    encode = model_codec(kind.model)[0]
    ids = tuple((r.id, r.source.line, r.date.toordinal()) for r in records)
    return (
        kind.name,
        ids,
        marshal.dumps(tuple(encode(r) for r in records)),
        tuple(encode_diagnostic(d) for d in diags),
        tuple(last_step(r).toordinal() for r in records),
        summary_of(ids),
    )


def _well_formed(hit: Any, kind: str) -> TypeGuard[Payload]:
    return (
        isinstance(hit, tuple)
        and len(hit) == 6
        and hit[0] == kind
        and isinstance(hit[1], tuple)
        and isinstance(hit[2], bytes)
        and isinstance(hit[3], tuple)
        and isinstance(hit[4], tuple)
        and len(hit[4]) == len(hit[1])
        and isinstance(hit[5], tuple)
        and len(hit[5]) == 4
    )


def parse_piece(rel: str, piece: bytes, kind_name: str, lines_before: int, items: int) -> Payload | None:
    """One piece of a big record file (see ledger/chunks.py), or None if it does not read as exactly
    its items — then the file is read whole (runs in worker processes)."""
    kind = KIND_BY_NAME[kind_name]
    with gc_paused():
        value, problem = parse(piece)
        if problem is not None or not isinstance(value, LinedList) or len(value) != items:
            return None
        shift_lines(value, lines_before)
        records, diags = validate_list(rel, value, kind.model)
        return payload_of(kind, records, diags)


Job = tuple[str, bytes, str, int, int]  # (file, bytes, kind, lines before, items): items -1 for a whole file


def _run(job: Job) -> Payload | None:
    rel, data, kind_name, _lines_before, items = job
    return parse_payload(rel, data, kind_name) if items < 0 else parse_piece(*job)


def _joined(pieces: list[Payload]) -> Payload:
    return (
        pieces[0][0],
        tuple(row for p in pieces for row in p[1]),
        marshal.dumps(tuple(row for p in pieces for row in marshal.loads(p[2]))),
        tuple(row for p in pieces for row in p[3]),
        tuple(day for p in pieces for day in p[4]),
        summary_of([entry for p in pieces for entry in p[1]]),
    )


def _parse_all(todo: list[tuple[str, bytes, str]]) -> list[Payload]:
    """Parse changed files, a very large one piece by piece, on every core when there is enough to be
    worth a process pool. The cost stays linear in the file and its parse tree bounded by a piece."""
    jobs: list[Job] = []
    owner: list[int] = []
    for n, (rel, data, kind_name) in enumerate(todo):
        pieces = item_chunks(data)
        for lines_before, piece, items in pieces or [(0, data, -1)]:
            jobs.append((rel, piece, kind_name, lines_before, items))
            owner.append(n)
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers < 2 or sum(len(job[1]) for job in jobs) < PARALLEL_MIN_BYTES:
        done = [_run(job) for job in jobs]
    else:  # the pool's modules load only for a read this big (a write's few changed files parse here)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            done = list(pool.map(_run, jobs, chunksize=1))
    results: list[list[Payload | None]] = [[] for _ in todo]
    for n, payload in zip(owner, done, strict=True):
        results[n].append(payload)
    out = []
    for (rel, data, kind_name), parts in zip(todo, results, strict=True):
        if len(parts) == 1 and parts[0] is not None:
            out.append(parts[0])
        elif all(p is not None for p in parts):
            out.append(_joined([p for p in parts if p is not None]))
        else:  # a piece that did not read as its items: the whole file decides
            out.append(parse_payload(rel, data, kind_name))
    return out


class LazyRecords(Records):
    """The records of a ledger by kind, each kind decoded from the cache's form the first time it is
    asked for (then sorted by date and id, as every reader expects). Which kinds exist, and the id and
    line of every record, are known without decoding anything."""

    def __init__(
        self,
        parts: dict[str, list[Part]],
        summaries: dict[tuple[str, str], Summary],
        steps: dict[tuple[str, str], tuple[int, ...]] | None = None,
        fetch: Callable[[str, str], bytes] | None = None,
    ) -> None:
        self._parts = parts
        self._summaries = summaries  # each file's (Summary), by kind and file
        self._fetch = fetch  # (kind, file) → the file's encoded rows, for a part that holds b"" for them
        self._blobs: dict[tuple[str, str], bytes] = {}
        self._decoded: dict[str, tuple[Record, ...]] = {}
        self._steps = steps or {}  # each file's records' latest step days, in the file's order
        self._latest: dict[tuple[str, str], int] = {}  # each file's latest of them, once asked for
        self._rows: dict[tuple[str, str], dict[int, Record]] = {}  # rows decoded alone (pick), by index
        self._refused: dict[str, InputError] = {}
        self._files: dict[tuple[str, str], tuple[Record, ...]] = {}  # one file's records, decoded on their own
        self._id_sets: dict[str, frozenset[str]] = {}

    def refuse(self, kind: str, error: InputError) -> None:
        """Asking for this kind (its records, a file of it, its ids) raises `error`: one of its files
        cannot be read, and a command that needs the kind must not answer from what is left."""
        self._refused[kind] = error

    def _readable(self, kind: str) -> None:
        if kind in self._refused:
            raise self._refused[kind]

    def __getitem__(self, kind: str) -> tuple[Record, ...]:
        self._readable(kind)
        found = self._decoded.get(kind)
        if found is None:
            if kind not in self._parts:
                raise KeyError(kind)
            decode = model_codec(KIND_BY_NAME[kind].model)[1]
            with gc_paused():
                rows: list[Record] = []
                for rel, _ids, blob in self._parts[kind]:
                    done = self._files.pop((kind, rel), None)  # decoded on its own already: not again
                    rows.extend(done if done is not None else self._file_rows(kind, rel, blob, decode))
                found = self._decoded[kind] = tuple(sorted(rows, key=lambda r: r.sort_key))
        return found

    def __contains__(self, kind: object) -> bool:
        return kind in self._parts

    def parts(self, kind: str) -> list[Part]:
        """The kind's files as cached: (file, ids, the encoded rows), none decoded."""
        self._readable(kind)
        return self._parts.get(kind, [])

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)

    def file_records(self, kind: str, file: str) -> tuple[Record, ...] | None:
        """One file's records, decoded on their own while the kind as a whole is not (None: ask the kind)."""
        self._readable(kind)
        if kind in self._decoded:
            return None
        found = self._files.get((kind, file))
        if found is not None:
            return found
        decode = model_codec(KIND_BY_NAME[kind].model)[1]
        found = ()
        with gc_paused():
            for rel, _ids, blob in self._parts.get(kind, ()):
                if rel == file:
                    found = tuple(sorted(self._file_rows(kind, rel, blob, decode), key=lambda r: r.sort_key))
                    break
        self._files[(kind, file)] = found
        return found

    def latest_step(self, kind: str, file: str) -> int | None:
        """The day (ordinal) of the latest step on any record of one file, known without decoding it."""
        days = self._steps.get((kind, file))
        if days is None:
            return None
        found = self._latest.get((kind, file))
        if found is None:
            found = self._latest[(kind, file)] = max(days, default=0)
        return found

    def id_set(self, kind: str) -> frozenset[str]:
        self._readable(kind)
        found = self._id_sets.get(kind)
        if found is None:
            first = operator.itemgetter(0)
            found = self._id_sets[kind] = frozenset().union(
                *(map(first, ids) for _rel, ids, _blob in self._parts.get(kind, ()))
            )
        return found

    def pick(self, kind: str, ids: AbstractSet[str]) -> tuple[Record, ...]:
        """The records of these ids, decoding only their rows (the rows of a file are in its ids' order)."""
        self._readable(kind)
        if kind in self._decoded:
            return tuple(r for r in self._decoded[kind] if r.id in ids)
        if kind in self._id_sets and ids.isdisjoint(self._id_sets[kind]):
            return ()  # none of them here: no file's ids walked
        decode = model_codec(KIND_BY_NAME[kind].model)[1]
        first = operator.itemgetter(0)
        out: list[Record] = []
        with gc_paused():
            for rel, part_ids, blob in self._parts.get(kind, ()):
                if ids.isdisjoint(map(first, part_ids)):
                    continue
                done = self._files.get((kind, rel))
                if done is not None:
                    out.extend(r for r in done if r.id in ids)
                    continue
                memo = self._rows.setdefault((kind, rel), {})
                wanted = [n for n, entry in enumerate(part_ids) if entry[0] in ids]
                if any(n not in memo for n in wanted):  # else every row asked for is decoded already
                    rows = marshal.loads(self.rows_of(kind, rel, blob))
                    memo.update((n, decode(rows[n])) for n in wanted if n not in memo)
                out.extend(memo[n] for n in wanted)
        return tuple(sorted(out, key=lambda r: r.sort_key))

    def rows_of(self, kind: str, rel: str, blob: bytes) -> bytes:
        """A part's encoded rows: `blob` itself, or, when the part was read from the cache without them
        (b""), its rows entry, read the first time they are asked for."""
        if blob or self._fetch is None:
            return blob
        found = self._blobs.get((kind, rel))
        if found is None:
            found = self._blobs[(kind, rel)] = self._fetch(kind, rel)
        return found

    def _file_rows(self, kind: str, rel: str, blob: bytes, decode: Callable[[Any], Record]) -> list[Record]:
        """A file's records decoded, in the file's order: those picked already are the same objects
        (a fingerprint taken of one is not taken again)."""
        rows = marshal.loads(self.rows_of(kind, rel, blob))
        memo = self._rows.pop((kind, rel), {})
        return [memo[n] if n in memo else decode(row) for n, row in enumerate(rows)]

    def late_steps(self, kind: str, first: int) -> frozenset[str] | None:
        self._readable(kind)
        out: set[str] = set()
        for rel, ids, _blob in self._parts.get(kind, ()):
            latest = self.latest_step(kind, rel)
            if latest is None:
                return None
            if latest >= first:
                out.update(entry[0] for entry, day in zip(ids, self._steps[(kind, rel)], strict=True) if day >= first)
        return frozenset(out)

    def id_count(self, kind: str) -> int:
        self._readable(kind)
        return sum(len(ids) for _rel, ids, _blob in self._parts.get(kind, ()))

    def highest_number(self, kind: str, prefix: str, block: int) -> int | None:
        self._readable(kind)
        sums = self._summaries
        return top_of(
            (t for rel, _ids, _blob in self._parts.get(kind, ()) for t in sums[(kind, rel)][0]), prefix, block
        )

    def foreign_ids(self, kind: str) -> frozenset[str]:
        self._readable(kind)
        own = f"{KIND_BY_NAME[kind].prefix}-"
        found: set[str] = set()
        for rel, ids, _blob in self._parts.get(kind, ()):
            tops, _first, _last, odd = self._summaries[(kind, rel)]
            if odd or not all(top[0].startswith(own) for top in tops):  # else none is: not walked
                found.update(entry[0] for entry in ids if not entry[0].startswith(own))
        return frozenset(found)

    def years_dated(self, kind: str, first: int, last: int) -> set[int]:
        self._readable(kind)
        days: set[int] = set()
        for rel, ids, _blob in self._parts.get(kind, ()):
            _tops, low, high, _odd = self._summaries[(kind, rel)]
            if high and low <= last and high >= first:  # a file dated wholly outside is not walked
                days.update(entry[2] for entry in ids if first <= entry[2] <= last)
        return {dt.date.fromordinal(day).year for day in days}

    def ids_under(self, kind: str, folder: str) -> frozenset[str]:
        self._readable(kind)
        first = operator.itemgetter(0)
        return frozenset().union(
            *(map(first, ids) for rel, ids, _blob in self._parts.get(kind, ()) if rel.startswith(folder))
        )

    def id_sources(self, kind: str) -> Iterator[IdSource]:
        self._readable(kind)
        for rel, ids, _blob in self._parts.get(kind, ()):  # the same whether or not the kind is decoded
            for rid, line, day in ids:
                yield rid, rel, line, day


def remember_file(root: Path, rel: str, data: bytes, records: Sequence[Record], diags: Sequence[Diagnostic]) -> None:
    """Leave in the cache what loading these bytes of `rel` gives, when the caller knows it exactly (a
    write that appended a record it has read back), so the next load does not parse the file again."""
    if os.environ.get("HOUQIN_NO_CACHE") or not records:
        return
    kind = KIND_BY_FILE[rel.rsplit("/", 1)[1]]
    ordered = sorted(records, key=lambda r: r.source.line)
    put_payload(Cache(root), file_key(rel, digest_of(data)), payload_of(kind, ordered, diags))


def remember_appended(root: Path, rel: str, was: str, data: bytes, added: Sequence[Record]) -> bool:
    """remember_file for records appended to a file whose entry under its old hash `was` is cached:
    its rows, ids, days and diagnostics stand (appending moves no line) and only the new records are
    encoded after them — at 1M records the year's 9,000 cards are neither decoded nor encoded again
    for one card added. False when there is no sound entry (then the caller remembers the whole file)."""
    store = cache_of(root)
    if store is None:
        return True  # nothing to remember
    kind = KIND_BY_FILE[rel.rsplit("/", 1)[1]]
    hit = store.get(file_key(rel, was))
    rows = cached_rows(store, file_key(rel, was))
    if not added or rows is None or not _well_formed(hit, kind.name) or any(r.source.line <= 0 for r in added):
        return False
    if hit[1] and hit[1][-1][1] >= min(r.source.line for r in added):  # the entry is in the file's order
        return False  # not after the records it holds: not an append
    encode = model_codec(kind.model)[0]
    ordered = sorted(added, key=lambda r: r.source.line)
    new = tuple((r.id, r.source.line, r.date.toordinal()) for r in ordered)
    with gc_paused():  # 9,000 rows unmarshalled and marshalled again: no collection of the whole heap
        put_payload(
            store,
            file_key(rel, digest_of(data)),
            (
                kind.name,
                (*hit[1], *new),
                marshal.dumps((*marshal.loads(rows), *(encode(r) for r in ordered))),
                hit[3],
                (*hit[4], *(last_step(r).toordinal() for r in ordered)),
                summary_of(new, hit[5]),
            ),
        )
    return True


def remember_rewritten(root: Path, rel: str, was: str, data: bytes, records: Sequence[Record], index: int) -> None:
    """remember_file for a clean file whose records from `index` on were rewritten or moved (one
    record signed: it and those after it): the rows before it are taken as they are from the file's
    entry under its old hash `was`, only the rest encoded, and so the records' latest step days.
    Anything unexpected in the old entry: the whole file is encoded."""
    store = cache_of(root)
    if store is None or not records:
        return
    kind = KIND_BY_FILE[rel.rsplit("/", 1)[1]]
    hit = store.get(file_key(rel, was))
    rows = cached_rows(store, file_key(rel, was))
    ordered = sorted(records, key=lambda r: r.source.line)
    head = ordered[:index]
    if (
        rows is None
        or not _well_formed(hit, kind.name)
        or hit[3]
        or len(hit[1]) <= index
        or [entry[0] for entry in hit[1][: index + 1]] != [r.id for r in ordered[: index + 1]]
        or [entry[1] for entry in hit[1][:index]] != [r.source.line for r in head]
    ):
        put_payload(store, file_key(rel, digest_of(data)), payload_of(kind, ordered, ()))
        return
    encode = model_codec(kind.model)[0]
    tail = ordered[index:]
    steps = (*hit[4][:index], *(last_step(r).toordinal() for r in tail))
    ids = (*hit[1][:index], *((r.id, r.source.line, r.date.toordinal()) for r in tail))
    same_ids = [entry[0] for entry in hit[1][index:]] == [r.id for r in tail]  # then the same tops
    summary = (hit[5][0], *day_span(ids), hit[5][3]) if same_ids else summary_of(ids)
    put_payload(
        store,
        file_key(rel, digest_of(data)),
        (kind.name, ids, marshal.dumps((*marshal.loads(rows)[:index], *(encode(r) for r in tail))), (), steps, summary),
    )


def load_file_records(root: Path, rel: str, data: bytes, kind: Kind) -> tuple[list[Record], list[Diagnostic]]:
    """One record file read as load_ledger reads it (and cached for it)."""
    records, diags = _load_record_files(root, [(rel, data, kind)], {rel: digest_of(data)}, True, prune=False)
    return list(records[kind.name]), diags


def _load_record_files(
    root: Path,
    files: Sequence[tuple[str, bytes | None, Kind]],
    digests: dict[str, str],
    use_cache: bool,
    prune: bool,
    read: Callable[[str], bytes | None] | None = None,
    beside: Callable[[], list[tuple[str, Kind, str | None]]] | None = None,
    seen: dict[str, Payload] | None = None,
    kept: AbstractSet[str] = frozenset(),
) -> tuple[LazyRecords, list[Diagnostic]]:
    """The record files' entries from the file cache by their content hashes, the others parsed (and
    cached). A file given without its bytes (None: the stat memo gave its hash) is read by `read` only
    when the cache has no entry; its hash is then the bytes' own, in `digests` and in the key. When a
    file must be parsed and there is a cache, the files `beside` gives (with the stat memo's hash, if
    it has one) that the cache lacks too are read, parsed with it in the same pool, and left in the
    cache for the caller's next read. `seen`: the entries this load has had already, by key (the year
    opening's file, read first for its head, is not read from the cache again: at 1M records 15 MB),
    and those it has now. `kept`: other entries the prune keeps (the people's and the places')."""
    store = cache_of(root, use_cache)
    payloads: dict[str, Payload] = {}
    keys = {rel: file_key(rel, digests[rel]) for rel, _data, _ in files}
    seen = {} if seen is None else seen
    todo = []
    for rel, data, kind in files:
        hit = seen.get(keys[rel]) or (store.get(keys[rel]) if store else None)
        if _well_formed(hit, kind.name):
            payloads[rel] = hit
            continue
        if data is None:
            data = (read(rel) if read is not None else None) or b""
            digests[rel] = digest_of(data)
            keys[rel] = file_key(rel, digests[rel])
        todo.append((rel, data, kind.name))
    beside_keys: dict[str, str] = {}  # the files parsed beside: file → its cache key
    if todo and store and beside is not None and read is not None:
        for rel, kind, known in beside():
            if rel in keys or (known is not None and store.has(file_key(rel, known))):
                continue
            data = read(rel)
            if data is None or store.has(key := file_key(rel, digest_of(data))):
                continue
            beside_keys[rel] = key
            todo.append((rel, data, kind.name))
    for (rel, _data, _kind), payload in zip(todo, _parse_all(todo), strict=True):
        if store:
            put_payload(store, beside_keys.get(rel) or keys[rel], payload)
        if rel not in beside_keys:
            payloads[rel] = payload
    seen.update((keys[rel], payload) for rel, payload in payloads.items())
    if store and prune:
        store.prune({*keys.values(), *kept})
    parts: dict[str, list[Part]] = {}
    diagnostics: list[Diagnostic] = []
    steps: dict[tuple[str, str], tuple[int, ...]] = {}
    summaries: dict[tuple[str, str], Summary] = {}
    for rel, _bytes, _file_kind in files:
        kind_name, ids, blob, diag_rows, days, summary = payloads[rel]
        parts.setdefault(kind_name, []).append((rel, ids, blob))
        steps[(kind_name, rel)] = days
        summaries[(kind_name, rel)] = summary
        diagnostics.extend(decode_diagnostic(row) for row in diag_rows)
    given = {rel: data for rel, data, _kind in files if data is not None and read is None and not payloads[rel][2]}
    fetch = functools.partial(_fetch_rows, store, dict(keys), read or given.get) if store else None
    return LazyRecords(parts, summaries, steps, fetch), diagnostics


def _fetch_rows(
    store: Cache, keys: Mapping[str, str], read: Callable[[str], bytes | None], kind: str, rel: str
) -> bytes:
    """The encoded rows of a file whose entry was read without them: from their own entry, or, should
    it be gone or unsound, by parsing the file again — the very bytes of the hash the entry is under
    (a file changed since is refused: its ids and lines were read from the entry of the old bytes)."""
    key = keys[rel]
    found = cached_rows(store, key)
    if found is not None:
        return found
    data = read(rel)
    if data is None or file_key(rel, digest_of(data)) != key:
        raise InputError("changed_while_read", path=rel)
    payload = parse_payload(rel, data, kind)
    put_payload(store, key, payload)
    return payload[2]


def _directory_file(
    store: Cache | None,
    kept: set[str],
    rel: str,
    data: bytes,
    digest: str,
    model: type[M],
    read: Callable[[bytes], tuple[Sequence[M], list[Diagnostic]]],
) -> tuple[list[M], list[Diagnostic]]:
    """A list of the directory (people.yaml, places.yaml) as `read` parses and validates it, kept in
    the cache under its content hash as a record file's records are (and kept by the prune: `kept`):
    an unchanged one is neither parsed nor validated again, nor its model's validator built (15–20 ms
    of every command at 100k records; 5 ms from the cache). `digest`: the bytes' content hash."""
    if store is None:
        items, diags = read(data)
        return list(items), diags
    key = file_key(rel, digest)
    kept.add(key)
    encode, decode = model_codec(model)
    hit = store.get(key)
    if isinstance(hit, tuple) and len(hit) == 3 and hit[0] == model.__name__:
        return [decode(row) for row in hit[1]], [decode_diagnostic(row) for row in hit[2]]
    items, diags = read(data)
    store.put(key, (model.__name__, tuple(encode(i) for i in items), tuple(encode_diagnostic(d) for d in diags)))
    return list(items), diags


def _read_config(data: bytes | None) -> tuple[Config, list[Diagnostic]]:
    """houqin.yaml: the school's config, or (missing, unreadable or invalid) a stand-in the diagnostics
    explain. Read and validated every time: the codecs of its fourteen models would cost as much to
    build as validating it does (12 ms), unlike the people's and the places' (see _directory_file)."""
    fallback = Config(school=School(name="?"))
    if data is None:
        return fallback, []
    value, diags = parse_file(CONFIG_FILE, data)
    if value is None:
        return fallback, diags
    config, problems = validate_one(Config, value, CONFIG_FILE, getattr(value, "line", 1))
    return (config or fallback), diags + problems


def _read_catalog(data: bytes | None) -> tuple[Catalog, list[Diagnostic]]:
    """catalog.yaml, section by section (read every time, as houqin.yaml is)."""
    if data is None:
        return Catalog(), []
    value, diags = parse_file(CATALOG_FILE, data)
    if value is None:
        return Catalog(), diags
    if not isinstance(value, LinedDict):
        return Catalog(), [diag("YAML008", CATALOG_FILE, getattr(value, "line", 1))]
    parts: dict[str, Any] = {}
    sections: Mapping[str, type[BaseModel]] = {
        "items": Item,
        "asset_categories": AssetCategory,
        "budget_lines": BudgetLine,
        "accounts": Account,
        "meters": Meter,
        "voucher_accounts": VoucherAccount,
        "fire_equipment": FireEquipment,
        "utilities": Utility,
        "vehicles": Vehicle,
    }
    for key, raw in value.items():
        line = value.key_lines[key]
        model = sections.get(key)
        if model is None:
            if key == "funding_sources":
                parts[key] = raw
            else:
                diags.append(
                    diag(
                        "SCH001",
                        CATALOG_FILE,
                        line,
                        field=key,
                        kind="extra_forbidden",
                        value="",
                        detail="unknown section",
                    )
                )
            continue
        if not isinstance(raw, LinedList):
            diags.append(diag("YAML005", CATALOG_FILE, line))
            continue
        good = []
        for item, item_line in zip(raw, raw.item_lines, strict=True):
            ok, problems = validate_one(model, item, CATALOG_FILE, item_line)
            diags.extend(problems)
            if ok is not None:
                good.append(ok)
        parts[key] = tuple(good)
    try:
        return Catalog.model_validate(parts), diags
    except ValidationError as exc:
        return Catalog(), diags + validation_diagnostics(exc, value, CATALOG_FILE)


def unreadable_error(diagnostics: Sequence[Diagnostic], file: str) -> InputError:
    """The refusal of a command that needs `file`, which cannot be read: it names the file and why."""
    first = next(d for d in diagnostics if d.file == file and is_unreadable(d))
    return InputError("needs_unreadable", path=file, problem=DiagnosticText(first))


def _refuse_unreadable(diagnostics: Sequence[Diagnostic], records: LazyRecords) -> None:
    for file in unreadable_files(diagnostics):
        if file in TOP_FILES:
            raise unreadable_error(diagnostics, file)
        kind = KIND_BY_FILE.get(file.rsplit("/", 1)[-1])
        if kind is not None and "/" in file:
            records.refuse(kind.name, unreadable_error(diagnostics, file))


OPENINGS = KIND_BY_NAME["openings"]


def _standing_opening(
    root: Path, src: FileSource, paths: Sequence[str], use_cache: bool, seen: dict[str, Payload]
) -> tuple[OpeningHead | None, str, LazyRecords | None]:
    """The opening of the latest year opened, if its file reads cleanly (else None: every year is read,
    and the year check reports the file): its head, decoded from the cached rows without building the
    asset register; the file with its content hash; and the file's records, not yet decoded."""
    files = sorted(rel for rel in paths if is_record_path(rel) and rel.endswith("/" + OPENINGS.filename))
    if not files:
        return None, "", None
    rel = files[-1]
    waiting = getattr(src, "left_unread", None)
    digest = waiting(rel) if waiting is not None else None
    data = None if digest is not None else src.read(rel)
    if digest is None:
        if data is None or marker_diagnostic(data) is not None:
            return None, rel, None
        digest = digest_of(data)
    digests = {rel: digest}
    records, problems = _load_record_files(
        root,
        [(rel, data, OPENINGS)],
        digests,
        use_cache,
        False,
        src.read,
        lambda: _open_year_files(src, paths, rel),
        seen,
    )
    digest = digests[rel]  # the bytes', should they have been read after all
    if problems or OPENINGS.name not in records:
        return None, rel, None
    head_of = fields_decoder(YearOpening, HEAD_FIELDS)
    heads = [OpeningHead(**head_of(row)) for row in _head_rows(root, rel, digest, records, use_cache)]
    opening = standing_opening(h for h in heads if h.year == file_year(rel))
    return opening, f"{rel}={digest}", records


def _head_rows(root: Path, rel: str, digest: str, records: LazyRecords, use_cache: bool) -> tuple[Any, ...]:
    """The cached rows of the openings in `rel` with every field but the head's left out (None): at 1M
    records the register is 10 MB of the row and unmarshalling it 0.2 s of every command. Kept beside
    the file's entry (HEAD_SUFFIX), made from the file's rows when missing."""
    store = cache_of(root, use_cache)
    key = file_key(rel, digest) + HEAD_SUFFIX
    hit = store.get(key) if store else None
    if isinstance(hit, tuple) and all(isinstance(row, tuple) and len(row) == len(_OPENING_FIELDS) for row in hit):
        return hit
    rows = tuple(
        tuple(value if name in HEAD_FIELDS else None for name, value in zip(_OPENING_FIELDS, row, strict=True))
        for part, _ids, blob in records.parts(OPENINGS.name)
        for row in marshal.loads(records.rows_of(OPENINGS.name, part, blob))
    )
    if store:
        store.put(key, rows)
    return rows


_OPENING_FIELDS = tuple(YearOpening.model_fields)


def _open_year_files(src: FileSource, paths: Sequence[str], opening: str) -> list[tuple[str, Kind, str | None]]:
    """The record files of the opening's year and after, with the stat memo's hash where it has one:
    those load_ledger will read once the opening is known, parsed beside the opening when it must be
    parsed itself (a cold read), on every core."""
    year = file_year(opening) or 0
    waiting = getattr(src, "left_unread", None)
    out: list[tuple[str, Kind, str | None]] = []
    for rel in paths:
        kind = KIND_BY_FILE.get(rel.rsplit("/", 1)[1]) if is_record_path(rel) else None
        if kind is None or rel == opening or (file_year(rel) or 0) < year:
            continue
        out.append((rel, kind, waiting(rel) if waiting is not None else None))
    return out


def _opening_record(records: Records, head: OpeningHead) -> YearOpening:
    """The standing opening itself, among the records of its file (decoding the kind once)."""
    for r in records.get(OPENINGS.name, ()):
        if isinstance(r, YearOpening) and (r.id, r.source) == (head.id, head.source):
            return r
    raise RuntimeError(f"the year opening {head.id} is not among the records of {head.source.file}")


def _openings(records: Records) -> list[YearOpening]:
    return [r for r in records.get(OPENINGS.name, ()) if isinstance(r, YearOpening)]


def _superseded(records: LazyRecords) -> tuple[Records, frozenset[tuple[str, int]]]:
    """Every year's records, each carried item once: the originals a later opening carried forward are
    left out (their copies in the later year hold the steps since); and (id, year) of each copy."""
    openings = _openings(records)
    if not openings:
        return records, frozenset()
    dropped: set[tuple[str, str, str]] = set()
    copies: set[tuple[str, int]] = set()
    for opening in openings:
        carried = carried_ids(opening)
        copies.update((rid, opening.year) for rid in carried)
        copies.add(("*", opening.year))
        kinds = {KIND_BY_PREFIX[rid[:2]].name for rid in carried if rid[:2] in KIND_BY_PREFIX}
        for kind in kinds:
            for rid, file, _line, _day in records.id_sources(kind):
                if rid in carried and in_closed_year(file, opening):
                    dropped.add((kind, file, rid))
    return Superseded(records, frozenset(dropped)), frozenset(copies)


def open_ledger(
    root: Path,
    *,
    since: dt.date | None = None,
    record: str | None = None,
    full: bool = False,
    read: Ledger | None = None,
) -> Ledger:
    """The ledger as a command reads it: refusing, naming the file, to answer from unreadable data.

    Once a year is closed, the open years from their opening — unless the command reads history: every
    year when `full` (an export, a search), or when it asks about a day (`since`) or a record of a
    closed year (年终结账: the closed years are read only when asked for). `read`: the ledger as a
    write just left the files, read as strictly (the report a close prints is not read again)."""
    ledger = read if read is not None else load_ledger(root, strict=True).ledger
    opening = ledger.opened
    if opening is None:
        return ledger
    old = record is not None and record[3:7].isdigit() and int(record[3:7]) <= opening.closed
    if full or old or (since is not None and since.year <= opening.closed):
        return load_ledger(root, strict=True, full=True).ledger
    return ledger


def ensure_ledger(root: Path) -> None:
    if not (root / CONFIG_FILE).is_file():
        raise InputError("not_a_ledger", path=str(root))


def load_ledger(
    root: Path,
    source: FileSource | None = None,
    *,
    use_cache: bool = True,
    prune: bool | None = None,
    strict: bool = False,
    full: bool = False,
) -> LoadResult:
    """Read a whole ledger. Raises only when `root` is not a ledger at all (InputError, exit 2).

    Once a year is closed (年终结账), only the open years' files are parsed, from the year opening on;
    the closed years' files are read for their digests alone (the year check compares them with the
    opening's). `full` reads every year, each open item once (as its copy in the year it was carried to).

    Record files come from the content-hash cache when unchanged; changed ones are parsed, in
    parallel when there are many, and cached. `strict` is for commands, which must not answer from
    part of the books: an unreadable directory file (houqin.yaml, people, places, catalog) refuses at
    once, an unreadable record file when its kind is first asked for, naming the file (exit 2)."""
    if source is None:
        ensure_ledger(root)
    # From the working tree as a check reads it: a record file the stat memo knows is taken by its
    # hash, unread (at 1M records a month's report hashed the open year's 80 MB: 0.2 s); read whole
    # (`full`: history, an export) or without the cache, every file is hashed.
    src = source or MemorySource.read_all(WorktreeSource(root), memo=use_cache and not full, lazy=True)
    diagnostics: list[Diagnostic] = []
    record_files: list[tuple[str, bytes | None, Kind]] = []
    digests: dict[str, str] = {}
    with gc_paused():
        store = cache_of(root, use_cache)
        kept: set[str] = set()  # the people's and places' cache entries
        config, problems = _read_config(src.read(CONFIG_FILE))
        diagnostics += problems
        people: list[Person] = []
        places: list[Place] = []
        paths = src.paths()
        seen: dict[str, Payload] = {}  # the file entries read so far
        opening, opening_file, first_read = (
            (None, "", None) if full else _standing_opening(root, src, paths, use_cache, seen)
        )
        known = getattr(src, "digest", None)
        waiting = getattr(src, "left_unread", None)
        for rel in paths:
            if known is not None and in_closed_year(rel, opening) and (closed := known(rel)) is not None:
                digests[rel] = closed  # a closed year's file is known by its hash alone (maybe never read)
                continue
            kind = KIND_BY_FILE.get(rel.rsplit("/", 1)[1]) if is_record_path(rel) else None
            if kind is not None and waiting is not None and (remembered := waiting(rel)) is not None:
                digests[rel] = remembered  # read only if the file cache has no entry for that hash
                record_files.append((rel, None, kind))
                continue
            data = src.read(rel)
            if data is None:
                continue
            digests[rel] = (known(rel) if known else None) or digest_of(data)
            if rel in (CONFIG_FILE, CATALOG_FILE) or in_closed_year(rel, opening):
                continue
            if rel == PEOPLE_FILE:
                people, problems = _directory_file(
                    store, kept, rel, data, digests[rel], Person, functools.partial(load_list, rel, model=Person)
                )
                diagnostics += problems
            elif rel == PLACES_FILE:
                places, problems = _directory_file(
                    store, kept, rel, data, digests[rel], Place, functools.partial(load_list, rel, model=Place)
                )
                diagnostics += problems
            elif is_record_path(rel) and rel.rsplit("/", 1)[1] in KIND_BY_FILE:
                record_files.append((rel, data, KIND_BY_FILE[rel.rsplit("/", 1)[1]]))
            elif rel not in TOP_FILES:
                diagnostics.append(diag("SCH002", rel, 0, severity=Severity.WARNING))
        catalog, problems = _read_catalog(src.read(CATALOG_FILE))
        diagnostics += problems
        records, problems = _load_record_files(
            root,
            record_files,
            digests,
            use_cache,
            source is None if prune is None else prune,  # (the caller's source: None, the working tree)
            src.read,
            seen=seen,
            kept=kept,
        )
        diagnostics += problems
        if strict:
            _refuse_unreadable(diagnostics, records)
        opening_rel, _, read_as = opening_file.partition("=")
        standing = None
        if opening is not None and first_read is not None:
            # The record itself is built from the very bytes read first (the books' own, when the same).
            whole = records if digests.get(opening_rel) == read_as else first_read
            standing = Standing(opening, functools.partial(_opening_record, whole, opening))
        held, carried = (records, frozenset()) if opening is not None or not full else _superseded(records)
        last = None if opening is not None or not full else standing_opening(_openings(records))
        if opening is not None and (config.started is None or config.started < year_start(opening)):
            config = config.model_copy(update={"started": year_start(opening)})  # these books begin there
        ledger = Ledger(
            config=config,
            people=tuple(people),
            places=tuple(places),
            catalog=catalog,
            held=held,
            root=root,
            standing=standing,
            carried=carried,
            closed_files={rel: d for rel, d in digests.items() if in_closed_year(rel, opening or last)},
        )
    return LoadResult(ledger, tuple(diagnostics), digests)

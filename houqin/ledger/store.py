"""A write session: lock the ledger, load it, let a service decide the new or changed record,
write that one record minimally and atomically, and commit it to git — or leave everything as it
was. This is the only place that turns a record into bytes on disk."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from pathlib import Path

from houqin.diagnostics import Diagnostic, sort_key, unreadable_files
from houqin.errors import DiskFullError, IndexBehindError, InputError
from houqin.ledger import git
from houqin.ledger.files import (
    GIT_IDS,
    MemorySource,
    WorktreeSource,
    digest_of,
    git_blob_id,
    marker_diagnostic,
    read_ledger_file,
)
from houqin.ledger.load import (
    FileEdit,
    LoadResult,
    ensure_ledger,
    load_file_records,
    load_ledger,
    load_list,
    remember_appended,
    remember_file,
    remember_rewritten,
    unreadable_error,
)
from houqin.ledger.roundtrip import (
    append_record_text,
    is_block_list,
    record_spans,
    render_records,
    replace_record_text,
)
from houqin.ledger.save import DISK_FULL, OldFiles, atomic_write, ledger_lock
from houqin.ledger.yamlio import LinedList, parse
from houqin.models.base import ID_NUMBERED, Record, id_tops, top_of
from houqin.models.directory import Person, Place
from houqin.models.kinds import KINDS, Kind, kind_of
from houqin.models.ledger import Ledger
from houqin.models.records import YearOpening
from houqin.models.year_close import carried_ids, file_year


def record_file(root: Path, record: Record, opened: int | None = None) -> Path:
    """Where a record lives: the file of its kind in its id's year — or, once the years up to it are
    closed, in the year `opened` (an open item carried forward lives on in the open year: in the file of
    its kind, or, for a kind whose copies are kept apart, the asset cards, in its carried file)."""
    m = ID_NUMBERED.match(record.id)
    year = int(m.group(1)) if m else record.date.year
    kind = kind_of(record)
    if opened is not None and year < opened:
        return root / f"{opened:04d}" / (kind.carried_filename or kind.filename)
    return root / f"{year:04d}" / kind.filename


def next_id(ledger: Ledger, kind: Kind, year: int) -> str:
    """The next free id of a kind and year in this clone's desk block: one above the highest in use
    there (never reusing a gap). Desk 0 numbers 0001–9999; desk n numbers n×10000+1 onwards."""
    from houqin.ledger.desk import BLOCK, read_desk

    prefix = f"{kind.prefix}-{year}-"
    desk = read_desk(ledger.root)
    low = desk * BLOCK
    found = [ledger.highest_number(kind.name, prefix, desk)]  # from each file's tops: no id walked
    if ledger.opened is not None:  # and those the closed years gave out (年终结账)
        found.append(top_of(id_tops(i for i in ledger.opened.last_ids if i.startswith(prefix)), prefix, desk))
    highest = max([low, *(n for n in found if n is not None)])
    if highest + 1 >= low + BLOCK:
        raise InputError("desk_full", prefix=prefix, desk=low // BLOCK)
    return f"{prefix}{highest + 1:04d}"


def file_header(kind: Kind, year: str, name: str | None = None) -> str:
    """The comment a new record file starts with (`name`: the file's, when it is the carried register)."""
    if name is not None and name == kind.carried_filename:
        return (
            f"# {year} 年{kind.zh}记录：以前年度结转 ({kind.en} carried forward into {year}) — houqin ledger,"
            " see docs/ledger-format.md\n"
        )
    return f"# {year} 年{kind.zh}记录 ({kind.en}, {year}) — houqin ledger, see docs/ledger-format.md\n"


@dataclass
class WriteSession:
    root: Path
    # The ledger's files as this session found them under the lock: those it read, and the record
    # files the stat memo knows, listed with their hashes and read only when the write changes them.
    source: MemorySource
    loaded: LoadResult
    # path → (the file as first read, its new bytes; None: the file is removed)
    _pending: dict[Path, tuple[bytes | None, bytes | None]] = field(default_factory=dict)
    _after: LoadResult | None = None
    # The year a year-end close opens, while its write carries the open items into it.
    carry_into: int | None = None
    # path → (the staged bytes, their SHA-256): a file staged once is hashed once, however often asked.
    _hashed: dict[Path, tuple[bytes, str]] = field(default_factory=dict)
    # The git object id of every ledger file a check without errors saw with the pending writes (see
    # services.guard): the commit of exactly those files needs no second check by the hook.
    vouched: dict[str, str] | None = None
    # The record files changed record by record so far (see FileEdit), and those changed otherwise.
    _edits: dict[str, FileEdit] = field(default_factory=dict)
    _rewritten: set[str] = field(default_factory=set)

    @property
    def opened(self) -> int | None:
        """The first open year, when earlier years are closed: older records live on in its files."""
        opening = self.loaded.ledger.opened
        return self.carry_into or (opening.year if opening is not None else None)

    @property
    def loaded_after(self) -> LoadResult:
        """The ledger as it will be once the pending writes land, exactly as a fresh load would read it."""
        return self._after if self._after is not None else self.loaded

    @property
    def digests(self) -> Mapping[str, str]:
        """The content hash of every ledger file as it stands."""
        return self.loaded.digests

    def digests_after(self) -> dict[str, str]:
        """The content hash of every ledger file as it will be once the pending writes land."""
        after = dict(self.loaded.digests)
        for path, (_old, new) in self._pending.items():
            rel = path.relative_to(self.root).as_posix()
            if new is None:
                after.pop(rel, None)
            else:
                known = self._hashed.get(path)
                if known is None or known[0] is not new:  # each staged text hashed once
                    known = self._hashed[path] = (new, digest_of(new))
                after[rel] = known[1]
        return after

    def source_after(self) -> MemorySource:
        """Every ledger file as it will be once the pending writes land (those unread left unread)."""
        changes = {path.relative_to(self.root).as_posix(): new for path, (_old, new) in self._pending.items()}
        return self.source.after(changes, self.digests_after())

    def blob_ids_after(self) -> dict[str, str]:
        """git's object id of every ledger file once the pending writes land (a file the stat memo knows
        from the content hash it was remembered by, GIT_IDS; the others hashed)."""
        after = self.source_after()
        ids: dict[str, str] = {}
        for rel in after.paths():
            known = GIT_IDS.get(after.digest(rel) or "")
            data = None if known is not None else after.read(rel)
            if known is not None or data is not None:
                ids[rel] = known or git_blob_id(data or b"")
        return ids

    def read(self, rel: str) -> bytes | None:
        """A file as this session found it (read now, if it was left unread)."""
        return self.source.read(rel)

    @property
    def ledger(self) -> Ledger:
        return self.loaded.ledger

    def add(self, record: Record) -> tuple[Path, Record]:
        """Stage `record` appended to its file; returns the path and the record as read back (with its source).
        An id the ledger already holds is never appended a second time (the check after the write would see
        the new record in place of the old one, and no duplicate)."""
        ledger = self.loaded_after.ledger  # from the ids alone: no record of the kind need be built for it
        if record.id in ledger.id_set(kind_of(record).name):
            raise InputError("record_exists", id=record.id)
        path = record_file(self.root, record, self.opened)
        rel = path.relative_to(self.root).as_posix()
        old = self._current(path)
        was = self.digests_after().get(rel) if old else None  # the file's hash as this write finds it
        text = old.decode("utf-8") if old else file_header(kind_of(record), path.parent.name, path.name)
        self._ensure_appendable(path, text)
        new, chunk = append_record_text(text, record)
        placed = self._verify(path, new.count("\n") - chunk.count("\n"), chunk, record)
        data = new.encode("utf-8")
        self._stage(path, old, data)
        # Appending moves no other line: the records read so far stand as they are, and the file now
        # reads as its old records, the new one and its old diagnostics (left in the cache as such:
        # the old entry with the new record after it, or, with none, the file's records encoded).
        before = self.loaded_after
        after = before.ledger.with_record(placed)
        if was is None or not remember_appended(self.root, rel, was, data, [placed]):
            own = after.file_records(kind_of(record).name, rel)
            remember_file(self.root, rel, data, own, [d for d in before.diagnostics if d.file == rel])
        self._edited(rel, {placed.id}, added=True)
        self._after = LoadResult(after, before.diagnostics, self.digests_after(), dict(self._edits))
        return path, placed

    def add_many(self, records: Sequence[Record], *, carried: bool = False) -> list[Record]:
        """Stage many new records (an import) appended to their files: each file's new text is built,
        read back and staged once, and the ledger after the write sorted once, where `add` per record
        would copy a growing file and re-sort the ledger for every row. Returns the records as read back.
        `carried`: the open items a year-end close copies into the new year keep the ids they have."""
        before = self.loaded_after
        known = before.ledger.record_by_id
        by_path: dict[Path, list[Record]] = {}
        for record in records:
            if record.id in known and not carried:
                raise InputError("record_exists", id=record.id)
            by_path.setdefault(record_file(self.root, record, self.opened), []).append(record)
        placed: list[Record] = []
        diagnostics = before.diagnostics
        files: list[tuple[str, bytes, str]] = []
        for path, group in by_path.items():
            old = self._current(path)
            text = old.decode("utf-8") if old else file_header(kind_of(group[0]), path.parent.name, path.name)
            self._ensure_appendable(path, text)
            if text and not text.endswith("\n"):
                text += "\n"
            chunk = render_records(group)
            rel = path.relative_to(self.root).as_posix()
            back, problems = load_list(rel, ("\n" * text.count("\n") + chunk).encode("utf-8"), kind_of(group[0]).model)
            if problems or [r.model_dump() for r in back] != [r.model_dump() for r in group]:
                raise InputError("write_mismatch", path=rel, id=group[0].id)
            data = (text + chunk).encode("utf-8")
            self._stage(path, old, data)
            placed += back
            files.append((rel, data, kind_of(group[0]).name))
            self._edited(rel, {r.id for r in back}, added=True)
        after = before.ledger.with_records(placed)
        for rel, data, kind in files:
            remember_file(
                self.root, rel, data, after.file_records(kind, rel), [d for d in diagnostics if d.file == rel]
            )
        self._after = LoadResult(after, diagnostics, self.digests_after(), dict(self._edits))
        return placed

    def replace(self, record: Record) -> tuple[Path, Record]:
        """Stage the record of the same id rewritten as `record`, touching only its own lines."""
        path = self._home(record)
        old = self._current(path)
        if old is None:
            raise InputError("record_not_found", id=record.id)
        text = old.decode("utf-8")
        rel = path.relative_to(self.root).as_posix()
        was = self.digests_after().get(rel, "")  # the file's hash as this write finds it
        kind = kind_of(record)
        before = self.loaded_after
        own = sorted(before.ledger.file_records(kind.name, rel), key=lambda r: r.source.line)
        starts = self._clean_starts(rel, text, own, before)
        if starts is None:  # not a file houqin can read item by item: find the record the slow way
            index, item_lines = self._index_of(path, old, record.id)
        else:
            item_lines = starts
            index = next((i for i, r in enumerate(own) if r.id == record.id), -1)
            if index < 0:
                raise InputError("record_not_found", id=record.id)
        span = record_spans(text, item_lines)[index]
        new, region = replace_record_text(text, span, record)
        placed = self._verify(path, span[0], region, record)
        data = new.encode("utf-8")
        self._stage(path, old, data)
        # An edit moves the lines of the records after it: read those again (only those, when the
        # file is clean), as the next load will, and leave the file's records in the cache for it.
        records = self._reread_tail(rel, new, span, region, own, index, placed) if starts is not None else None
        if records is not None:
            remember_rewritten(self.root, rel, was, data, records, index)
            diags: list[Diagnostic] = []
            # Lines after the record's old text (1-based: from span[1] + 1) move by the lines it gained.
            self._edited(rel, {record.id}, (span[1] + 1, region.count("\n") - (span[1] - span[0])))
        else:
            records, diags = load_file_records(self.root, rel, data, kind)
            self._edited(rel, None)
        self._after = LoadResult(
            before.ledger.with_file(rel, kind.name, records),
            tuple(sorted((*(d for d in before.diagnostics if d.file != rel), *diags), key=sort_key)),
            self.digests_after(),
            dict(self._edits),
        )
        return path, placed

    def _edited(
        self, rel: str, ids: AbstractSet[str] | None, move: tuple[int, int] | None = None, *, added: bool = False
    ) -> None:
        """Note how a record file was changed: these records rewritten (or, `added`, appended), the lines
        after `move[0]` moved by `move[1]` (see FileEdit); None: otherwise (its findings are found afresh)."""
        before = self.digests.get(rel)
        if before is None and added and ids is not None and rel not in self._rewritten and rel not in self._edits:
            before = ""  # a file the write creates: its records all appended (FileEdit.before)
        if ids is None or before is None or rel in self._rewritten:
            self._rewritten.add(rel)
            self._edits.pop(rel, None)
            return
        edit = self._edits.get(rel)
        self._edits[rel] = (edit or FileEdit(before, frozenset())).then(ids, move, added=added)

    def _home(self, record: Record) -> Path:
        """The file the record to rewrite is in: where record_file places it, or, for a copy carried
        by a close made before carried cards were kept apart, the open year's file of its kind."""
        path = record_file(self.root, record, self.opened)
        kind = kind_of(record)
        if path.name != kind.carried_filename:
            return path
        year = f"{path.parent.name}/"
        for rid, file, _line, _day in self.loaded_after.ledger.id_sources(kind.name):
            if rid == record.id and file.startswith(year):
                return self.root / file
        return path

    def reload(self) -> None:
        """Read the ledger after the pending writes afresh from the files as they will be (a year-end
        close: the next command reads the open year from the new opening)."""
        self._after = load_ledger(self.root, self.source_after(), strict=True)

    def take_down(self, opening: YearOpening) -> list[Record]:
        """年终结账 undone (重新开账 of a year): stage the opening removed from its file and every record it
        carried put back where it came from — its copy, with the steps added since, in place of the
        original in the closed year's file, and the copy taken out of the open year's — then read the
        ledger afresh as the next command will (from the opening before it, or every year). Returns the
        records put back, as read back."""
        self._rewrite(opening.source.file, {}, {opening.id})
        # Read without the opening: the closed years' originals and the open year's copies side by side.
        between = load_ledger(self.root, self.source_after(), strict=True).ledger
        carried = carried_ids(opening)
        put: dict[str, dict[str, Record]] = {}
        taken: dict[str, set[str]] = {}
        for kind in KINDS:
            if not any(rid[:2] == kind.prefix for rid in carried):
                continue
            where: dict[str, list[str]] = {}
            for rid, file, _line, _day in between.id_sources(kind.name):
                if rid in carried:
                    where.setdefault(rid, []).append(file)
            for rid, files in where.items():
                copy_file = next((f for f in files if file_year(f) == opening.year), None)
                originals = [f for f in files if (file_year(f) or 9999) <= opening.closed]
                if copy_file is None or not originals:
                    continue  # nothing to put back (a copy removed is YRC003 of the opening)
                home = max(originals, key=lambda f: file_year(f) or 0)
                copy = next(r for r in between.file_records(kind.name, copy_file) if r.id == rid)
                put.setdefault(home, {})[rid] = copy
                taken.setdefault(copy_file, set()).add(rid)
        for rel, records in put.items():
            self._rewrite(rel, records, set())
        for rel, ids in taken.items():
            self._rewrite(rel, {}, ids)
        self.reload()
        back: list[Record] = []
        after = self.loaded_after.ledger.record_by_id
        for rel, records in put.items():
            for rid, copy in records.items():
                found = after.get(rid)
                if found is None or found.source.file != rel or found.model_dump() != copy.model_dump():
                    raise InputError("write_mismatch", path=rel, id=rid)
                back.append(found)
        return back

    def _rewrite(self, rel: str, replace: Mapping[str, Record], remove: set[str]) -> None:
        """Stage a record file with the records of these ids rewritten (each touching only its own lines)
        or taken out; a file left without records is removed."""
        path = self.root / rel
        old = self._current(path)
        value, problem = parse(old) if old is not None else (None, None)
        if old is None or problem is not None or not isinstance(value, LinedList):
            raise InputError("file_unreadable", path=rel)
        text = old.decode("utf-8")
        lines = text.splitlines(keepends=True)
        out: list[str] = []
        kept = pos = 0
        for raw, (start, end) in zip(value, record_spans(text, value.item_lines), strict=True):
            rid = raw.get("id") if isinstance(raw, dict) else None
            out.append("".join(lines[pos:start]))
            if rid in remove:
                pass
            elif isinstance(rid, str) and rid in replace:
                out.append(replace_record_text("".join(lines[start:end]), (0, end - start), replace[rid])[1])
                kept += 1
            else:
                out.append("".join(lines[start:end]))
                kept += 1
            pos = end
        out.append("".join(lines[pos:]))
        self._edited(rel, None)
        self._stage(path, old, "".join(out).encode("utf-8") if kept else None)

    def stage_directory(self, rel: str, data: bytes) -> None:
        """Stage a directory file (people.yaml: a key registered or revoked) rewritten as `data`; the
        ledger after it is read afresh from the files as they will be."""
        path = self.root / rel
        self._current(path)  # refuses a file houqin may not read
        self._stage(path, self.source.read(rel), data)
        self._after = load_ledger(self.root, self.source_after(), strict=True)

    @staticmethod
    def _clean_starts(rel: str, text: str, own: list[Record], before: LoadResult) -> list[int] | None:
        """The line of every top-level item, read off the text, when that is certain: the file had no
        diagnostics and every item line is exactly a record's line (else None: parse the file)."""
        if any(d.file == rel for d in before.diagnostics):
            return None
        starts = [n for n, line in enumerate(text.splitlines(), start=1) if line.startswith("- ") or line == "-"]
        return starts if starts == [r.source.line for r in own] else None

    def _reread_tail(
        self, rel: str, new: str, span: tuple[int, int], region: str, own: list[Record], index: int, placed: Record
    ) -> list[Record] | None:
        """The file's records after the edit: those before it as they were, the edited one, and those
        after it read again at their new lines. None if the re-read does not give back exactly the
        records that followed (then the whole file is read again)."""
        first = span[0] + region.count("\n")  # 0-based index of the first line after the edited record
        lines = new.splitlines(keepends=True)
        tail, problems = load_list(rel, ("\n" * first + "".join(lines[first:])).encode("utf-8"), type(placed))
        after = own[index + 1 :]
        if problems or [r.id for r in tail] != [r.id for r in after]:
            return None
        return [*own[:index], placed, *tail]

    def add_directory(self, people: Sequence[Person], places: Sequence[Place], funding: Sequence[str]) -> list[Path]:
        """Stage people, places and funding sources appended to people.yaml, places.yaml and
        catalog.yaml (one line each); the ledger after the write holds them."""
        from houqin.ledger import directory

        changes: list[tuple[str, Callable[[str], str]]] = []
        if people:
            changes.append(
                (
                    "people.yaml",
                    lambda t: directory.appended(t, [directory.person_line(p) for p in people], "people.yaml"),
                )
            )
        if places:
            changes.append(
                (
                    "places.yaml",
                    lambda t: directory.appended(t, [directory.place_line(p) for p in places], "places.yaml"),
                )
            )
        if funding:
            defaults = self.ledger.catalog.funding_sources
            changes.append(("catalog.yaml", lambda t: directory.with_funding(t, list(funding), defaults)))
        paths = []
        for name, change in changes:
            path = self.root / name
            old = self._current(path)
            self._stage(path, old, change(old.decode("utf-8") if old else "").encode("utf-8"))
            paths.append(path)
        before = self.loaded_after
        ledger = before.ledger
        catalog = ledger.catalog.model_copy(update={"funding_sources": (*ledger.catalog.funding_sources, *funding)})
        after = replace(ledger, people=(*ledger.people, *people), places=(*ledger.places, *places), catalog=catalog)
        self._after = LoadResult(after, before.diagnostics, self.digests_after(), dict(self._edits))
        return paths

    def _current(self, path: Path) -> bytes | None:
        """The file as this session read it under the ledger's lock (never read again: a FIFO swapped
        in meanwhile cannot block the write); a file houqin may not read refuses the write."""
        if path in self._pending:
            return self._pending[path][1]
        rel = path.relative_to(self.root).as_posix()
        data = self.source.read(rel)
        if data is None and os.path.lexists(path):
            data = read_ledger_file(self.root, rel)
        if data is not None and marker_diagnostic(data) is not None:
            raise InputError("file_unreadable", path=rel)
        return data

    def _stage(self, path: Path, old: bytes | None, new: bytes | None) -> None:
        first = self._pending[path][0] if path in self._pending else old
        self._pending[path] = (first, new)

    def _index_of(self, path: Path, data: bytes, rid: str) -> tuple[int, list[int]]:
        """Which top-level item of the file holds `rid`, and the line every item starts on."""
        value, problem = parse(data)
        if problem is not None or not isinstance(value, LinedList):
            raise InputError("file_unreadable", path=path.relative_to(self.root).as_posix())
        for i, raw in enumerate(value):
            if isinstance(raw, dict) and raw.get("id") == rid:
                return i, value.item_lines
        raise InputError("record_not_found", id=rid)

    def _ensure_appendable(self, path: Path, text: str) -> None:
        rel = path.relative_to(self.root).as_posix()
        unreadable = any(d.file == rel and d.code.startswith("YAML") for d in self.loaded.diagnostics)
        if unreadable or not is_block_list(text):
            raise InputError("file_unreadable", path=rel)

    def _verify(self, path: Path, first_line: int, chunk: str, record: Record) -> Record:
        """Read the record's new text back with the fast reader, at the line where it will stand:
        it must give exactly this record. (Only the record is re-read; the rest of the file is
        untouched bytes.)"""
        rel = path.relative_to(self.root).as_posix()
        records, problems = load_list(rel, ("\n" * first_line + chunk).encode("utf-8"), kind_of(record).model)
        if problems or len(records) != 1 or records[0].model_dump() != record.model_dump():
            raise InputError("write_mismatch", path=rel, id=record.id)
        return records[0]

    def flush(self, message: str, commit: bool, sign_with: Path | None = None) -> list[Path]:
        """Write every pending file and commit them — or leave the ledger exactly as it was. Each old
        file is kept (a hard link: no new space) until the commit has landed, so putting it back is a
        rename, which a full disk does not refuse."""
        paths = list(self._pending)
        if commit:
            git.refuse_uncommitted(self.root, paths)
        need = sum(len(new or b"") for _old, new in self._pending.values())
        restore = OldFiles()
        writing: Path = self.root
        try:
            for path, (_old, new) in self._pending.items():
                writing = path
                restore.keep(path)
                if new is None:
                    path.unlink(missing_ok=True)
                else:
                    atomic_write(path, new, settled=commit)  # dated back: git hashes it once, not five times
            writing = self.root / ".git"
            if commit:
                git.commit_paths(self.root, paths, message, sign_with=sign_with, vouched=self.vouched)
        except IndexBehindError:
            restore.drop()  # the commit has landed: what is written stays
            self._pending.clear()
            raise
        except BaseException as exc:
            restore.put_back()
            self._pending.clear()
            if isinstance(exc, OSError) and exc.errno in DISK_FULL:
                where = str(exc.filename or writing)
                raise DiskFullError("disk_full", path=where, reason=exc.strerror or "", need=_size(need)) from None
            raise
        restore.drop()
        self._pending.clear()
        return paths


def _size(data_bytes: int) -> str:
    """What to free: the new files twice over (the file and git's copy) and a megabyte for git's index."""
    return f"{(2 * data_bytes + 2**20) / 2**20:.1f} MB"


@contextlib.contextmanager
def write_session(root: Path) -> Iterator[WriteSession]:
    ensure_ledger(root)
    with ledger_lock(root):
        files = MemorySource.read_all(WorktreeSource(root), lazy=True)
        loaded = load_ledger(root, files, prune=True, strict=True)
        broken = unreadable_files(loaded.diagnostics)
        if broken:  # a write is checked against the whole ledger, which houqin cannot read
            raise unreadable_error(loaded.diagnostics, broken[0])
        yield WriteSession(root, files, loaded)

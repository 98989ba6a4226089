"""Where a ledger's files are read from: the working tree, or git's index (for the pre-commit hook)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

from houqin.layout import CONFIG_FILE, TOP_FILES

YEAR_DIR = re.compile(r"^\d{4}$")
# What a file that is not one houqin may read reads as: a marker (no YAML starts with NUL) that the
# loader turns into a diagnostic. A link out of the ledger (to /etc/passwd, /dev/zero) is never followed;
# a link to another file of the ledger is not read twice; a FIFO, device or socket is never opened for
# reading in a way that can block; a file above the size bound is not read at all.
MARK = b"\x00houqin:"
OUTSIDE = MARK + b" this file leads outside the ledger\x00"
LINKED = MARK + b" link\x00"
SPECIAL = MARK + b" not a regular file\x00"
TOO_BIG = MARK + b" too big\x00"
MAX_FILE_BYTES = 64 << 20  # a year of one kind at a large school is a few MB; this bounds time and memory
SPECIAL_KINDS = (
    (stat.S_ISFIFO, "FIFO"),
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISDIR, "directory"),
)


def marker_diagnostic(data: bytes) -> tuple[str, dict[str, str]] | None:
    """The diagnostic (code, parameters) a marker stands for, or None for real bytes."""
    if not data.startswith(MARK):
        return None
    if data == OUTSIDE:
        return "YAML010", {}
    if data.startswith(LINKED):
        return "YAML012", {"target": data[len(LINKED) :].decode("utf-8", "replace")}
    if data.startswith(SPECIAL):
        return "YAML011", {"kind": data[len(SPECIAL) :].decode()}
    if data.startswith(TOO_BIG):
        return "YAML009", {"size": data[len(TOO_BIG) :].decode(), "limit": str(MAX_FILE_BYTES >> 20)}
    return None


def _special(mode: int) -> bytes | None:
    for test, kind in SPECIAL_KINDS:
        if test(mode):
            return SPECIAL + kind.encode()
    return None


def read_ledger_file(root: Path, rel: str) -> bytes | None:
    """A ledger file's bytes, read without following a link and without blocking: a link reads as
    where it leads (outside the ledger, or another of its files), a FIFO, device or socket as what
    it is, a file above the bound as its size. None if there is no such file."""
    return _read_file(root, rel)[0]


def _read_file(root: Path, rel: str) -> tuple[bytes | None, os.stat_result | None]:
    """read_ledger_file, and the status of the regular file it read whole (None for anything else)."""
    path = root / rel
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None, None
    if stat.S_ISLNK(mode):
        target = path.resolve()
        top = root.resolve()
        if not target.is_relative_to(top):
            return OUTSIDE, None
        return LINKED + target.relative_to(top).as_posix().encode("utf-8", "surrogateescape"), None
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None, None
    except OSError:  # a link swapped in meanwhile (ELOOP), or a socket (ENXIO): never read
        return (_special(os.lstat(path).st_mode) if path.exists() else None), None
    try:
        info = os.fstat(fd)
        special = _special(info.st_mode)
        if special is not None:
            return special, None
        if info.st_size > MAX_FILE_BYTES:
            return TOO_BIG + str(info.st_size >> 20).encode(), None
        chunks = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, max(info.st_size + 1, 1 << 16)))  # most files in one read
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = chunks[0] if len(chunks) == 1 else b"".join(chunks)
        if len(data) > MAX_FILE_BYTES:
            return TOO_BIG + str(len(data) >> 20).encode(), None
        return data, info
    finally:
        os.close(fd)


def digest_of(data: bytes) -> str:
    """What a file is known by in every cache: the SHA-256 of its bytes, never its modification time."""
    return hashlib.sha256(data).hexdigest()


def is_record_path(rel: str) -> bool:
    parts = rel.split("/")
    return len(parts) == 2 and bool(YEAR_DIR.match(parts[0])) and parts[1].endswith((".yaml", ".yml"))


class FileSource(Protocol):
    """The ledger's files by path relative to its root, with '/' separators."""

    def paths(self) -> list[str]: ...

    def read(self, rel: str) -> bytes | None: ...


class WorktreeSource:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.stats: dict[str, os.stat_result] = {}  # of each regular file read whole, as it was read

    def paths(self) -> list[str]:
        """The directory files and every entry of every year directory that is not a directory itself:
        links, FIFOs and devices included, so that each is reported rather than passed over."""
        found = [name for name in TOP_FILES if os.path.lexists(self.root / name)]
        for year in sorted(self.root.iterdir()):
            if year.is_dir() and YEAR_DIR.match(year.name):
                found.extend(f"{year.name}/{f.name}" for f in sorted(year.iterdir()) if not _is_real_dir(f))
        return found

    def read(self, rel: str) -> bytes | None:
        try:
            data, info = _read_file(self.root, rel)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None
        if info is not None:
            self.stats[rel] = info
        return data


def _is_real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True  # gone meanwhile: nothing to list


class MemorySource:
    """Files already read (once) from another source, so they can be hashed and parsed without a second read.

    A record file whose content hash the stat memo gives may be left unread (`unread`): it is listed,
    its hash is known, and its bytes are read from the working tree only if asked for (the loader takes
    a closed year's file by its hash alone, and an open year's from the file cache by that hash,
    reading it only if the cache has no entry; a write reads the files it changes)."""

    def __init__(
        self,
        files: dict[str, bytes],
        digests: Mapping[str, str] | None = None,
        *,
        unread: Mapping[str, Path] | None = None,
        order: Iterable[str] | None = None,
    ) -> None:
        """`digests`: content hashes known already (of these very bytes), not computed again;
        `unread`: files not read, by path relative to the root, with the root they are read from."""
        self.files = files
        self.unread: dict[str, Path] = dict(unread or {})
        self._digests: dict[str, str] = {
            rel: d for rel, d in (digests or {}).items() if rel in files or rel in self.unread
        }
        self._order = list(order) if order is not None else None

    def digest(self, rel: str) -> str | None:
        """The content hash of a file (SHA-256, hex), computed once."""
        found = self._digests.get(rel)
        if found is None and rel in self.files:
            found = self._digests[rel] = digest_of(self.files[rel])
        return found

    def digests(self) -> dict[str, str]:
        return {rel: self.digest(rel) or "" for rel in self.paths()}

    def left_unread(self, rel: str) -> str | None:
        """The content hash of a file not read (yet), as the stat memo gave it; None for a file read."""
        return self._digests.get(rel) if rel in self.unread and rel not in self.files else None

    def after(self, changes: Mapping[str, bytes | None], digests: Mapping[str, str]) -> MemorySource:
        """These files with some changed (None: removed), the others read or unread as here; `digests`:
        the content hash of every file after the change."""
        files = {rel: data for rel, data in self.files.items() if rel not in changes}
        files.update((rel, data) for rel, data in changes.items() if data is not None)
        unread = {rel: root for rel, root in self.unread.items() if rel not in changes and rel not in files}
        order = [*self.paths(), *(rel for rel in changes if rel not in self.files and rel not in self.unread)]
        return MemorySource(files, digests, unread=unread, order=order)

    @classmethod
    def read_all(cls, source: FileSource, *, memo: bool = True, lazy: bool = False) -> MemorySource:
        """Every file of `source`, read once. From the working tree, the content hashes of the record
        files come from the stat memo when their status has not changed (`memo_digests`); `memo=False`
        hashes every file (check --full, a check without the cache). `lazy` (a check, a write) leaves
        unread the record files whose hash the memo gives, and lets go of the bytes of every other
        record file once hashed: most are a closed year's, taken by their hash alone (at 1M records
        330 MB); a file the loader must parse is read again then."""
        memo = memo and isinstance(source, WorktreeSource) and not os.environ.get("HOUQIN_NO_CACHE")
        paths = source.paths()
        if not (memo and lazy and isinstance(source, WorktreeSource)):
            found = cls({rel: data for rel in paths if (data := source.read(rel)) is not None})
            if memo and isinstance(source, WorktreeSource):
                found._digests.update(memo_digests(source.root, found.files, source.stats))
            return found
        held = _memo(source.root)
        known = remembered_digests(source.root, paths, held)
        files: dict[str, bytes] = {}
        hashed: dict[str, tuple[str, str]] = {}  # record files hashed as read, and let go
        for rel in paths:
            if rel in known or (data := source.read(rel)) is None:
                continue
            if is_record_path(rel) and rel in source.stats:
                hashed[rel] = (digest_of(data), git_blob_id(data))
            else:
                files[rel] = data
        unread = dict.fromkeys([*known, *hashed], source.root)
        found = cls(files, known | {rel: h[0] for rel, h in hashed.items()}, unread=unread, order=paths)
        found._digests.update(memo_digests(source.root, files, source.stats, keep=known, memo=held, hashed=hashed))
        return found

    def paths(self) -> list[str]:
        if self._order is None:
            return [*self.files, *(rel for rel in self.unread if rel not in self.files)]
        return [rel for rel in self._order if rel in self.files or rel in self.unread]

    def read(self, rel: str) -> bytes | None:
        found = self.files.get(rel)
        if found is None and rel in self.unread:
            found = read_ledger_file(self.unread[rel], rel)
            if found is not None:
                self.files[rel] = found
                self._digests[rel] = digest_of(found)  # the bytes as read now, whatever the memo said
        return found


# The one cache key that is not content (docs/architecture.md, "The stat memo"): the content hash of a
# record file, remembered under its status. Any write to a file changes its
# ctime, which no program can set back (os.utime sets mtime and atime, and moves ctime to now); a file
# replaced by a rename is another inode; so an unchanged (size, mtime_ns, ctime_ns, inode, device) is
# unchanged bytes, but for a write within the clock tick of the status taken: a file changed less than
# RACY_SECONDS before it was hashed is not remembered (git's "racily clean" rule).
STAT_MEMO = "stat-hashes"
RACY_SECONDS = 2.0


def _status(info: os.stat_result) -> tuple[int, ...]:
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev


Memo = dict[str, tuple[tuple[int, ...], str, str]]  # rel → (status, content hash, git object id)


def _memo(root: Path) -> Memo:
    from houqin.ledger.cache import Cache

    held = Cache(root).get(STAT_MEMO)
    if not isinstance(held, dict):
        return {}
    return {rel: (tuple(v[0]), v[1], v[2]) for rel, v in held.items() if _well_formed(v)}


def _memoised(paths: Iterable[str]) -> list[str]:
    """The files the stat memo answers for: every record file (the directory files are always read)."""
    return [rel for rel in paths if is_record_path(rel)]


def remembered_digests(root: Path, paths: Iterable[str], memo: Memo | None = None) -> dict[str, str]:
    """The content hashes of the record files that the memo holds under their status as it is now
    (taken by lstat, a link never followed), without reading them; a file changed within RACY_SECONDS
    of now is not taken from the memo."""
    paths = list(paths)
    names = _memoised(paths)
    if not names:
        return {}
    memo = _memo(root) if memo is None else memo
    settled = time.time_ns() - int(RACY_SECONDS * 1e9)
    out: dict[str, str] = {}
    for rel in names:
        known = memo.get(rel)
        if known is None:
            continue
        try:
            info = os.lstat(root / rel)
        except OSError:
            continue
        status = _status(info)
        if stat.S_ISREG(info.st_mode) and known[0] == status and status[1] < settled and status[2] < settled:
            out[rel] = known[1]
            GIT_IDS[known[1]] = known[2]
    return out


def memo_digests(
    root: Path,
    files: Mapping[str, bytes],
    stats: Mapping[str, os.stat_result],
    *,
    keep: Mapping[str, str] | None = None,
    memo: Memo | None = None,
    hashed: Mapping[str, tuple[str, str]] | None = None,
) -> dict[str, str]:
    """The content hashes of the record files among `files` and `hashed` (hashed as they were read,
    their bytes let go: rel → content hash and git object id): from the memo where the file's status is
    the one it was hashed at, hashed (and remembered, unless racy) otherwise. Their git object ids go
    to GIT_IDS, by content hash, for the result a write leaves for the hook. `keep`: files left unread
    because the memo gave their hash (remembered_digests); they stay in it."""
    from houqin.ledger.cache import Cache

    keep = keep or {}
    hashed = hashed or {}
    names = [rel for rel in _memoised([*files, *hashed]) if rel in stats]
    if not names and not keep:
        return {}
    store = Cache(root)
    memo = _memo(root) if memo is None else memo
    out: dict[str, str] = {}
    kept: Memo = {rel: memo[rel] for rel in keep if rel in memo}
    settled = time.time_ns() - int(RACY_SECONDS * 1e9)
    changed = len(memo) != len(names) + len(kept)
    for rel in names:
        status = _status(stats[rel])
        known = memo.get(rel)
        if known is None or known[0] != status:
            digest, blob_id = hashed[rel] if rel in hashed else (digest_of(files[rel]), git_blob_id(files[rel]))
            known = (status, digest, blob_id)
            changed = True
            if not (status[1] < settled and status[2] < settled):
                out[rel] = known[1]
                GIT_IDS[known[1]] = known[2]
                continue
        out[rel] = known[1]
        GIT_IDS[known[1]] = known[2]
        kept[rel] = known
    if changed:
        store.put(STAT_MEMO, {rel: (list(v[0]), v[1], v[2]) for rel, v in kept.items()})
    return out


# Content hash (SHA-256) → git's object id of the same bytes, for the record files the memo knows: a
# write leaves its result under the object ids of every file, and these are not hashed a second time.
GIT_IDS: dict[str, str] = {}


def git_blob_id(data: bytes) -> str:
    """The id git gives a file of these bytes (its SHA-1 object name), as `git hash-object` would."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _well_formed(value: object) -> bool:
    return (
        isinstance(value, (tuple, list))
        and len(value) == 3
        and isinstance(value[0], (tuple, list))
        and len(value[0]) == 5
        and all(isinstance(x, int) for x in value[0])
        and isinstance(value[1], str)
        and isinstance(value[2], str)
    )


def find_root(start: Path) -> Path | None:
    """The nearest directory at or above `start` holding a houqin.yaml."""
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    return None

"""The read cache (.houqin/cache): what parsing and validating a file produced, keyed by the file's
content, so an unchanged file is never parsed twice; and the diagnostics of a whole-ledger check,
keyed by the content of every file, so an unchanged ledger is never checked twice.

Keys are SHA-256 of houqin's own fingerprint (its version, every module as it stands, the Python and
the versions of the libraries that read and validate records),
the file's path and its bytes — never a modification time. Every entry carries a BLAKE2 digest of its
payload; an entry that is truncated, corrupted or unreadable is deleted and rebuilt, never trusted.
The cache is safe to delete at any time and is never committed (.houqin/ ignores itself).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import sys
import time
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import houqin
from houqin.ledger.save import state_dir

FORMAT = b"houqin-cache-2\n"
DIGEST_SIZE = 32
RESULT_PREFIX = "result-"
PART_PREFIX = "part-"
STAT_PREFIX = "stat-"  # the stat memo of closed years' content hashes (ledger/files.py), kept by prune
# An entry beside a file's (its key and this): what is kept of the file's rows for a quicker read (the
# year opening's head without its asset register), as long as the file's own entry is kept.
HEAD_SUFFIX = "-head"
# A record file's encoded rows, beside its entry (which holds the ids, lines, days and diagnostics):
# read only when its records are decoded, so a write at 1M records does not read, digest and copy the
# carried register's 18 MB of rows nor the year opening's 15 MB to learn its ids.
ROWS_SUFFIX = "-rows"
BESIDE = (HEAD_SUFFIX, ROWS_SUFFIX)


# The libraries whose code shapes a parsed and validated record (their installed versions).
LIBRARIES = ("pydantic", "pydantic_core", "pyyaml", "ruamel.yaml")


# A module changed this recently (seconds) is known by its bytes, not its stat: two changes of the same
# size within the clock's tick (a few milliseconds) would leave its stat as it was (git's "racy" files).
SETTLED_SECONDS = 2.0


@cache
def fingerprint() -> bytes:
    """Changes whenever any of houqin's code changes (a money pattern in money.py shapes records as
    much as the models do), or the Python or a library that reads and validates records, so no entry
    outlives the code that made it. Each module is known by its path and its stat — size, inode, the
    modification and the change time to the nanosecond; a change of the file changes its change time,
    which no tool sets back — and, changed in the last SETTLED_SECONDS, by its bytes as well: 2 ms for
    houqin's 230 modules, where reading them all took 15 ms of every command."""
    h = hashlib.sha256(FORMAT + houqin.__version__.encode() + sys.version.encode())
    h.update(code_identity(Path(houqin.__file__).parent))
    for name in library_versions():
        h.update(name.encode() + b"\0")
    return h.digest()


def code_identity(package: Path) -> bytes:
    """What tells this state of a package's modules from any other (see fingerprint)."""
    h = hashlib.sha256()
    recent = time.time_ns() - int(SETTLED_SECONDS * 1e9)
    for rel, path, st in sorted(_modules(str(package), "")):
        h.update(f"{rel}\0{st.st_size} {st.st_ino} {st.st_mtime_ns} {st.st_ctime_ns}\0".encode())
        if max(st.st_mtime_ns, st.st_ctime_ns) >= recent:
            with contextlib.suppress(OSError):
                h.update(Path(path).read_bytes())
    return h.digest()


def _modules(folder: str, rel: str) -> Iterator[tuple[str, str, os.stat_result]]:
    """Every .py file under `folder`: its path relative to the package, its path, its stat."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    yield from _modules(entry.path, f"{rel}{entry.name}/")
            elif entry.name.endswith(".py"):
                yield f"{rel}{entry.name}", entry.path, entry.stat()


def library_versions() -> list[str]:
    """The dist-info names (name-version) of LIBRARIES on the path, without importing them (a warm
    check never imports pydantic) and without importlib.metadata (70 ms)."""
    wanted = {name.replace(".", "_").replace("-", "_").lower() for name in LIBRARIES}
    found: list[str] = []
    for entry in sys.path:
        with contextlib.suppress(OSError):
            for name in os.listdir(entry or "."):
                if name.endswith(".dist-info") and name.split("-", 1)[0].replace(".", "_").lower() in wanted:
                    found.append(name)
    return sorted(found)


def file_key(rel: str, digest: str) -> str:
    """The key of one file's parsed records: its path and its content's hash (see load.digest_of)."""
    return hashlib.sha256(fingerprint() + rel.encode() + b"\0" + digest.encode()).hexdigest()


def result_key(digests: Mapping[str, str], *context: str) -> str:
    """The key of a whole-ledger result: every file's path and content hash, and what else it depends on."""
    h = hashlib.sha256(fingerprint() + "\0".join(context).encode())
    for rel in sorted(digests):
        h.update(rel.encode() + b"\0" + digests[rel].encode() + b"\n")
    return RESULT_PREFIX + h.hexdigest()


def part_key(*context: str) -> str:
    """The key of one check's (or one check's part's) findings: the caller names everything they
    depend on — the check, the directory's hash, the day if it matters, each file read and its hash."""
    h = hashlib.sha256(fingerprint())
    for item in context:
        h.update(item.encode() + b"\0")
    return PART_PREFIX + h.hexdigest()


def cache_of(root: Path, use_cache: bool = True) -> Cache | None:
    """The ledger's cache, unless the caller or the environment (HOUQIN_NO_CACHE) does without it."""
    return Cache(root) if use_cache and not os.environ.get("HOUQIN_NO_CACHE") else None


class Cache:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._dir: Path | None = None

    @property
    def dir(self) -> Path:
        if self._dir is None:
            self._dir = state_dir(self.root) / "cache"
            self._dir.mkdir(exist_ok=True)
        return self._dir

    def get(self, key: str) -> Any | None:
        path = self.dir / key
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        body = blob[len(FORMAT) + DIGEST_SIZE :]
        if (
            blob[: len(FORMAT)] != FORMAT
            or hashlib.blake2b(body, digest_size=DIGEST_SIZE).digest() != blob[len(FORMAT) : len(FORMAT) + DIGEST_SIZE]
        ):
            self._discard(path)
            return None
        collecting = gc.isenabled()
        gc.disable()  # a big entry's tuples would set off collections of the whole heap (17 ms for 9,000 rows)
        try:
            return marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            self._discard(path)
            return None
        finally:
            if collecting:
                gc.enable()

    def has(self, key: str) -> bool:
        """Is there an entry (not read, so not proven sound: `get` is)?"""
        return (self.dir / key).is_file()

    def put(self, key: str, value: Any) -> None:
        """Best effort: a read-only ledger or a full disk only costs speed."""
        tmp = self.dir / f".{key}.{os.getpid()}.tmp"
        try:
            body = marshal.dumps(value)
            tmp.write_bytes(FORMAT + hashlib.blake2b(body, digest_size=DIGEST_SIZE).digest() + body)
            os.replace(tmp, self.dir / key)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                tmp.unlink()  # a half-written entry on a full disk would only take the room that is left

    def put_result(self, key: str, value: Any, keep: int = 8) -> None:
        """Store a whole-ledger result, keeping only the few most recent ones."""
        self.put(key, value)
        with contextlib.suppress(OSError):
            results = sorted(
                (e for e in os.scandir(self.dir) if e.name.startswith(RESULT_PREFIX)),
                key=lambda e: e.stat().st_mtime,
                reverse=True,
            )
            for entry in results[keep:]:
                self._discard(Path(entry.path))

    def prune(self, keep: set[str]) -> None:
        """Drop file entries no file of the current ledger uses (old versions of edited files)."""
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.dir):
                if any(entry.name.endswith(end) and entry.name.removesuffix(end) in keep for end in BESIDE):
                    continue
                if entry.name not in keep and not entry.name.startswith((RESULT_PREFIX, PART_PREFIX, STAT_PREFIX)):
                    self._discard(Path(entry.path))

    def prune_parts(self, keep: set[str]) -> None:
        """Drop the findings of checks that a complete check of the current ledger no longer used."""
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.dir):
                if entry.name.startswith(PART_PREFIX) and entry.name not in keep:
                    self._discard(Path(entry.path))

    @staticmethod
    def _discard(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()

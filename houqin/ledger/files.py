"""Where a ledger's files are read from: the working tree, or git's index (for the pre-commit hook)."""

from __future__ import annotations

import hashlib
import os
import re
import stat
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
    path = root / rel
    try:
        mode = os.lstat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    if stat.S_ISLNK(mode):
        target = path.resolve()
        top = root.resolve()
        if not target.is_relative_to(top):
            return OUTSIDE
        return LINKED + target.relative_to(top).as_posix().encode("utf-8", "surrogateescape")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError:  # a link swapped in meanwhile (ELOOP), or a socket (ENXIO): never read
        return _special(os.lstat(path).st_mode) if path.exists() else None
    try:
        info = os.fstat(fd)
        special = _special(info.st_mode)
        if special is not None:
            return special
        if info.st_size > MAX_FILE_BYTES:
            return TOO_BIG + str(info.st_size >> 20).encode()
        chunks = []
        left = MAX_FILE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        return TOO_BIG + str(len(data) >> 20).encode() if len(data) > MAX_FILE_BYTES else data
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
            return read_ledger_file(self.root, rel)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return None


def _is_real_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except FileNotFoundError:
        return True  # gone meanwhile: nothing to list


class MemorySource:
    """Files already read (once) from another source, so they can be hashed and parsed without a second read."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self._digests: dict[str, str] = {}

    def digest(self, rel: str) -> str | None:
        """The content hash of a file (SHA-256, hex), computed once."""
        found = self._digests.get(rel)
        if found is None and rel in self.files:
            found = self._digests[rel] = digest_of(self.files[rel])
        return found

    def digests(self) -> dict[str, str]:
        return {rel: self.digest(rel) or "" for rel in self.files}

    @classmethod
    def read_all(cls, source: FileSource) -> MemorySource:
        return cls({rel: data for rel in source.paths() if (data := source.read(rel)) is not None})

    def paths(self) -> list[str]:
        return list(self.files)

    def read(self, rel: str) -> bytes | None:
        return self.files.get(rel)


def find_root(start: Path) -> Path | None:
    """The nearest directory at or above `start` holding a houqin.yaml."""
    for candidate in (start, *start.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate
    return None

"""Where a ledger's files are read from: the working tree, or git's index (for the pre-commit hook)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Protocol

from houqin.layout import CONFIG_FILE, TOP_FILES

YEAR_DIR = re.compile(r"^\d{4}$")
# What a file that leads outside the ledger (a symlink to /etc/passwd, say) reads as: never its target.
OUTSIDE = b"\x00houqin: this file leads outside the ledger\x00"


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
        found = [name for name in TOP_FILES if (self.root / name).is_file()]
        for year in sorted(self.root.iterdir()):
            if year.is_dir() and YEAR_DIR.match(year.name):
                found.extend(f"{year.name}/{f.name}" for f in sorted(year.iterdir()) if f.is_file())
        return found

    def read(self, rel: str) -> bytes | None:
        path = self.root / rel
        try:
            if not path.resolve().is_relative_to(self.root.resolve()):
                return OUTSIDE  # a link out of the ledger is reported, never followed
            return path.read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            return None


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

"""git's `index.lock`: held by a running git, or left behind by one that died. git does not flock
it, so whether anyone holds it is decided by what can be seen — conservatively: a lock is stale
only when it is at least STALE_AFTER old and no git process on this machine works in the
repository (by its working directory or its GIT_DIR, GIT_WORK_TREE or GIT_INDEX_FILE). Where
processes cannot be seen (no /proc), no lock is ever called stale. A git on another computer
(a ledger on a network share) cannot be seen at all: that is why a person removes the lock, with
`houqin repair-lock`, and houqin never removes it on its own."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER = 60.0  # seconds: a git that is working keeps its lock for moments, or is visible
PROC = Path("/proc")
GIT_ENV = (b"GIT_DIR=", b"GIT_WORK_TREE=", b"GIT_INDEX_FILE=")


@dataclass(frozen=True)
class IndexLock:
    path: Path
    age: float  # seconds since git last wrote it
    holders: tuple[int, ...]  # git processes on this machine working in the repository
    visible: bool  # whether this machine's processes could be seen at all

    @property
    def minutes(self) -> int:
        return max(0, int(self.age // 60))

    @property
    def stale(self) -> bool:
        return self.visible and not self.holders and self.age >= STALE_AFTER


def git_dir(root: Path) -> tuple[Path, Path] | None:
    """The repository's working tree and git directory, found without running git: the nearest
    `.git` at or above the ledger (a directory, or a file `gitdir: …` in a worktree or submodule)."""
    for top in (root, *root.parents):
        dot = top / ".git"
        if dot.is_dir():
            return top, dot.resolve()
        if dot.is_file():
            text = dot.read_text(encoding="utf-8", errors="replace").strip()
            if text.startswith("gitdir:"):
                return top, (top / text.removeprefix("gitdir:").strip()).resolve()
    return None


def find_index_lock(root: Path) -> IndexLock | None:
    found = git_dir(root)
    if found is None:
        return None
    top, gitdir = found
    lock = gitdir / "index.lock"
    try:
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return None
    holders, visible = git_processes_in((top.resolve(), gitdir))
    return IndexLock(lock, age, holders, visible)


def git_processes_in(places: tuple[Path, ...]) -> tuple[tuple[int, ...], bool]:
    """The git processes on this machine working in these directories, and whether processes can be
    seen at all. A git whose directory cannot be read counts as working here."""
    if not (PROC / "self").is_dir():
        return (), False
    holders = []
    for entry in PROC.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if not (entry / "comm").read_text(errors="replace").startswith("git"):
                continue
        except OSError:
            continue  # gone, or not ours to see: not a git we can name
        if _works_in(entry, places):
            holders.append(int(entry.name))
    return tuple(sorted(holders)), True


def _works_in(proc: Path, places: tuple[Path, ...]) -> bool:
    try:
        seen = [Path(os.readlink(proc / "cwd"))]
        for var in (proc / "environ").read_bytes().split(b"\0"):
            if var.startswith(GIT_ENV):
                value = var.partition(b"=")[2].decode("utf-8", "replace")
                seen.append(Path(value) if os.path.isabs(value) else seen[0] / value)
    except FileNotFoundError:
        return False  # it has just exited
    except OSError:
        return True  # a git we may not look at: it may be working here
    return any(p.resolve().is_relative_to(place) for p in seen for place in places)


def dead_private_indexes(gitdir: Path) -> list[Path]:
    """houqin's own indexes (see git.commit_paths) left by a houqin that died mid-commit."""
    from houqin.ledger.git import PRIVATE_INDEX

    if not (PROC / "self").is_dir():
        return []  # which processes live cannot be seen: keep them
    out = []
    for path in gitdir.glob(f"{PRIVATE_INDEX}*"):
        pid = path.name.removeprefix(PRIVATE_INDEX).removesuffix(".lock")
        if pid.isdigit() and not (PROC / pid).exists():
            out.append(path)
    return sorted(out)


def remove_stale_lock(root: Path) -> IndexLock | None:
    """Remove git's index lock if it is stale (and houqin's own indexes of dead writers), under the
    ledger's write lock so no houqin starts a commit meanwhile. None if there was no lock; a
    UsageError (exit 2) naming why if it may be in use."""
    from houqin.errors import UsageError
    from houqin.ledger.save import ledger_lock

    with ledger_lock(root, timeout=5.0):
        found = git_dir(root)
        if found is not None:
            for path in dead_private_indexes(found[1]):
                path.unlink(missing_ok=True)
        lock = find_index_lock(root)
        if lock is None:
            return None
        if not lock.visible:
            raise UsageError("index_lock_unseen", path=str(lock.path))
        if lock.holders:
            raise UsageError("index_lock_held", path=str(lock.path), pids=", ".join(map(str, lock.holders)))
        if not lock.stale:
            raise UsageError(
                "index_lock_young", path=str(lock.path), seconds=int(lock.age), wait=int(STALE_AFTER - lock.age) + 1
            )
        lock.path.unlink(missing_ok=True)
        return lock

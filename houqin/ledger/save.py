"""Atomic, durable file writes and the ledger's write lock.

A write goes to a temporary file in the same directory, is flushed and fsynced, renamed over the
target, and the directory is fsynced: after a crash the file holds the old text or the new, never
a torn one. One houqin process writes a ledger at a time (an flock on .houqin/lock).
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from houqin.errors import InputError

TMP_SUFFIX = ".houqin-tmp"
STATE_DIR = ".houqin"


# How far back a file for git is dated (`atomic_write(…, settled=True)`).
SETTLED_NS = 2_000_000_000


def atomic_write(path: Path, data: bytes, *, settled: bool = False) -> None:
    """Write `data` to `path` all or nothing. A failure names `path` (never the temporary file).

    `settled`: the file is dated two seconds back (its modification time; its change time is the
    write's, which nothing can set). git takes a file modified in the very second its index was
    written as "racily clean" and hashes it again in every command that reads the index — the add,
    the tree, the commit, the index brought up after it: at 1M records 6.7 MB of claims hashed five
    times, 0.19 s of a signature. Dated back, the file is older than any index written after it, and
    a later change to it still moves its time to the present, which git sees."""
    if not path.name or path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_replace(path, data, settled)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, str(path)) from None
    _fsync_dir(path.parent)


def _write_replace(path: Path, data: bytes, settled: bool = False) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if settled:
                then = time.time_ns() - SETTLED_NS
                with contextlib.suppress(OSError):  # a file system that cannot date a file: git hashes it again
                    os.utime(f.fileno(), ns=(then, then))
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise


# The errors of a disk with no room: full, over quota, or a file past `ulimit -f`.
DISK_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


class OldFiles:
    """The files a write replaces, kept as they were until the write has landed: each old file gets a
    second name (a hard link, which takes no new space), and putting it back is a rename. A file that
    did not exist is put back by removing it. A kept name left by a killed process ends in
    .houqin-tmp, so git ignores it and houqin check reports it."""

    def __init__(self) -> None:
        self._kept: list[tuple[Path, Path | bytes | None]] = []

    def keep(self, path: Path) -> None:
        if any(p == path for p, _ in self._kept):
            return
        if not path.exists():
            self._kept.append((path, None))
            return
        spare = path.with_name(f".{path.name}.{os.getpid()}.old{TMP_SUFFIX}")
        spare.unlink(missing_ok=True)
        try:
            os.link(path, spare)
        except OSError:  # a file system without hard links: keep the bytes, and write them back
            self._kept.append((path, path.read_bytes()))
            return
        self._kept.append((path, spare))

    def put_back(self) -> None:
        for path, spare in reversed(self._kept):
            if spare is None:
                path.unlink(missing_ok=True)
            elif isinstance(spare, bytes):
                atomic_write(path, spare)
            elif path.exists() and os.path.samefile(spare, path):
                spare.unlink()  # the write never landed: the old file is still in place
            else:
                os.replace(spare, path)
        for parent in {path.parent for path, _ in self._kept}:
            _fsync_dir(parent)
        self._kept.clear()

    def drop(self) -> None:
        for _path, spare in self._kept:
            if isinstance(spare, Path):
                spare.unlink(missing_ok=True)
        self._kept.clear()


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def state_dir(root: Path) -> Path:
    """houqin's own corner of a ledger (lock, cache): safe to delete, and ignoring itself in git."""
    state = root / STATE_DIR
    if not state.is_dir():
        state.mkdir(exist_ok=True)
        try:
            (state / ".gitignore").write_text("# houqin's lock and cache: never committed\n*\n")
        except OSError:  # a full disk: leave no directory git would show
            with contextlib.suppress(OSError):
                (state / ".gitignore").unlink(missing_ok=True)
                state.rmdir()
            raise
    return state


@contextlib.contextmanager
def ledger_lock(root: Path, timeout: float = 30.0) -> Iterator[None]:
    """Hold the ledger's write lock; the kernel drops it if the process dies, so no lock goes stale."""
    state = state_dir(root)
    fd = os.open(state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() > deadline:
                    raise InputError("ledger_locked", path=str(root), seconds=int(timeout)) from None
                time.sleep(0.05)
        with contextlib.suppress(OSError):  # who holds it, for a person to see; a full disk may refuse it
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)

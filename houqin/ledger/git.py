"""git: the ledger's history. Commits of houqin's own writes, the pre-commit hook, and reading the
index so the hook checks exactly what is being committed."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shlex
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from houqin.errors import GitError
from houqin.layout import TOP_FILES
from houqin.ledger.files import is_record_path

HOOK_MARK = "# installed by houqin"
HOOK_PROGRAM = """import sys
try:
    from houqin.cli.app import main
except ImportError:
    sys.exit(127)
sys.argv = ["houqin", "--ledger", sys.argv[1], "check", "--staged"]
main()"""


def git(cwd: Path, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git_missing") from None
    if check and proc.returncode != 0:
        raise GitError("git_failed", command=" ".join(args[:2]), output=_text(proc))
    return proc


def _text(proc: subprocess.CompletedProcess[bytes]) -> str:
    return (proc.stdout + proc.stderr).decode("utf-8", "replace").strip()


def toplevel(path: Path) -> Path | None:
    proc = git(path, "rev-parse", "--show-toplevel", check=False)
    return Path(proc.stdout.decode().strip()) if proc.returncode == 0 else None


def own_dirs(root: Path) -> list[Path]:
    """git's own directories for this repository: the git directory, the one shared by its
    worktrees, and the hooks git runs (core.hooksPath may put them anywhere)."""
    proc = git(root, "rev-parse", "--absolute-git-dir", "--git-common-dir", "--git-path", "hooks", check=False)
    if proc.returncode != 0:
        return []
    return [(root / line).resolve() for line in proc.stdout.decode().splitlines() if line]


def is_tracked(top: Path, path: Path) -> bool:
    """Whether git tracks this file (in the index) in the repository at `top`."""
    rel = os.path.relpath(path, top)
    proc = git(top, "ls-files", "-z", "--", rel, check=False)
    return proc.returncode == 0 and bool(proc.stdout.strip(b"\0"))


def init_repo(root: Path) -> None:
    git(root, "init", "-q")
    # A ledger works even where the machine has no git identity yet; the user can change it later.
    if git(root, "config", "user.name", check=False).returncode != 0:
        git(root, "config", "user.name", "houqin")
    if git(root, "config", "user.email", check=False).returncode != 0:
        git(root, "config", "user.email", "houqin@localhost")


def ensure_index_free(root: Path) -> None:
    """Refuse to start a write while git's index is locked: another git is running, or one was killed
    mid-commit and left `.git/index.lock` behind. houqin never deletes the lock itself — only a person
    can know that no git is running — but says which file it is and how old."""
    proc = git(root, "rev-parse", "--git-path", "index.lock", check=False)
    if proc.returncode != 0:
        return
    lock = (root / proc.stdout.decode().strip()).resolve()
    try:
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return
    raise GitError("index_locked", path=str(lock), minutes=max(0, int(age // 60)))


def commit_paths(root: Path, paths: list[Path], message: str) -> str:
    """Commit exactly these paths (other staged work stays staged). Returns the new commit id."""
    rel = [os.path.relpath(p, root) for p in paths]
    git(root, "add", "--", *rel)
    proc = git(root, "commit", "-q", "-m", message, "--", *rel, check=False)
    if proc.returncode != 0:
        git(root, "reset", "-q", "--", *rel, check=False)
        raise GitError("commit_refused", output=_text(proc))
    return git(root, "rev-parse", "HEAD").stdout.decode().strip()


def hook_path(root: Path) -> Path:
    proc = git(root, "rev-parse", "--git-path", "hooks/pre-commit")
    return (root / proc.stdout.decode().strip()).resolve()


def install_hook(root: Path) -> Path:
    """Write the pre-commit hook. It runs `houqin check --staged` on the ledger inside the repository,
    with the Python that installed it (falling back to `houqin` on PATH)."""
    top = toplevel(root)
    if top is None:
        raise GitError("not_a_repo", path=str(root))
    ledger_rel = os.path.relpath(root.resolve(), top.resolve())
    path = hook_path(root)
    if path.exists() and HOOK_MARK not in path.read_text(errors="replace"):
        raise GitError("hook_exists", path=str(path))
    python = shlex.quote(sys.executable)
    ledger = shlex.quote(ledger_rel)
    # One interpreter start: the Python that installed houqin runs the check, or says (127) that it
    # no longer has houqin, and then `houqin` on PATH does.
    script = f"""#!/bin/sh
{HOOK_MARK}: refuse a commit that breaks the school's rules.
cd "$(git rev-parse --show-toplevel)" || exit 2
if [ -x {python} ]; then
    {python} -c '{HOOK_PROGRAM}' {ledger}
    code=$?
    [ "$code" -eq 127 ] || exit "$code"
fi
exec houqin --ledger {ledger} check --staged
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(script)
    path.chmod(0o755)
    return path


def install_merge_driver(root: Path) -> None:
    """Register houqin's record-aware merge driver in this clone (git does not copy it on clone)."""
    python = shlex.quote(sys.executable)
    git(root, "config", "merge.houqin.name", "houqin: merge ledger record files record by record")
    git(root, "config", "merge.houqin.driver", f"{python} -m houqin merge-driver %O %A %B")


def blob_id(data: bytes) -> str:
    """The id git gives a file of these bytes (its SHA-1 object name), as `git hash-object` would."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


class _GitBlobs:
    """Ledger files read from git objects (`_blobs`: path → blob id), all in one `git cat-file --batch`,
    and only when first asked for: the blob ids alone name the content (see `blob_ids`)."""

    root: Path
    _blobs: dict[str, str]
    _loaded: dict[str, bytes] | None = None

    @property
    def _data(self) -> dict[str, bytes]:
        if self._loaded is None:
            self._loaded = self._read_all()
        return self._loaded

    def _listed(self, names: list[str]) -> list[str]:
        top = [n for n in TOP_FILES if n in names]
        return top + sorted(n for n in names if n not in TOP_FILES and "/" in n and n[:4].isdigit())

    def blob_ids(self) -> dict[str, str]:
        """Each ledger file's git object id, by path: a content hash, known without reading a blob."""
        return {rel: self._blobs[rel] for rel in self._listed(list(self._blobs))}

    def _keep(self, rel: str) -> bool:
        return rel in TOP_FILES or is_record_path(rel) or rel.count("/") == 1

    def _read_all(self) -> dict[str, bytes]:
        if not self._blobs:
            return {}
        names = list(self._blobs)
        out = git(self.root, "cat-file", "--batch", stdin="".join(self._blobs[n] + "\n" for n in names).encode()).stdout
        data: dict[str, bytes] = {}
        pos = 0
        for name in names:
            header_end = out.index(b"\n", pos)
            size = int(out[pos:header_end].split()[2])
            start = header_end + 1
            data[name] = out[start : start + size]
            pos = start + size + 1
        return data

    def paths(self) -> list[str]:
        return self._listed(list(self._data))

    def read(self, rel: str) -> bytes | None:
        return self._data.get(rel)


class GitIndexSource(_GitBlobs):
    """The ledger's files as staged in git's index: what the commit under way will contain."""

    def __init__(self, root: Path) -> None:
        self.root = root
        out = git(root, "ls-files", "-s", "-z", "--", ".").stdout
        self._blobs = {}
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            _mode, sha, stage = meta.decode().split()
            rel = name.decode("utf-8", "surrogateescape")
            if stage == "0" and self._keep(rel):
                self._blobs[rel] = sha


class GitCommitSource(_GitBlobs):
    """The ledger's files as they stood in one commit (for `houqin check --since`)."""

    def __init__(self, root: Path, commit: str) -> None:
        self.root = root
        out = git(root, "ls-tree", "-r", "-z", commit, "--", ".").stdout
        self._blobs = {}
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            _mode, kind, sha = meta.decode().split()
            rel = name.decode("utf-8", "surrogateescape")
            if kind == "blob" and self._keep(rel):
                self._blobs[rel] = sha


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    date: str
    subject: str
    signature: str  # git's %G?: G good, U good but untrusted, N none, B bad, E cannot check …
    signer: str


def commits_since(root: Path, since: str) -> list[Commit]:
    """The commits after `since` up to HEAD that touch the ledger, oldest first."""
    fmt = "%H%x1f%an%x1f%ad%x1f%s%x1f%G?%x1f%GS%x1e"
    proc = git(root, "log", "--reverse", "--date=short", f"--format={fmt}", f"{since}..HEAD", "--", ".", check=False)
    if proc.returncode != 0:
        raise GitError("bad_revision", rev=since, output=_text(proc))
    out = []
    for entry in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        fields = entry.strip("\n").split("\x1f")
        if len(fields) == 6:
            out.append(Commit(*fields))
    return out


def parent_of(root: Path, commit: str) -> str | None:
    proc = git(root, "rev-parse", "--verify", "-q", f"{commit}^", check=False)
    return proc.stdout.decode().strip() if proc.returncode == 0 else None


def log_between(root: Path, since: dt.date, until: dt.date) -> list[tuple[str, str, str, str, str]]:
    """Who changed what in the ledger between two days: (commit, author, date, subject, files)."""
    proc = git(
        root, "log", "--date=short", f"--since={since} 00:00", f"--until={until} 23:59:59",
        "--format=%x1e%H%x1f%an%x1f%ad%x1f%s", "--name-only", "--", ".", check=False,
    )  # fmt: skip
    if proc.returncode != 0:
        return []
    out = []
    for entry in proc.stdout.decode("utf-8", "replace").split("\x1e"):
        head, _, files = entry.strip("\n").partition("\n")
        fields = head.split("\x1f")
        if len(fields) == 4:
            out.append((fields[0][:10], fields[1], fields[2], fields[3], " ".join(files.split())))
    return out

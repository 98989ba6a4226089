"""git: the ledger's history. Commits of houqin's own writes, the pre-commit hook, and reading the
index so the hook checks exactly what is being committed."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from houqin.errors import GitError
from houqin.ledger.files import TOP_FILES, is_record_path

HOOK_MARK = "# installed by houqin"


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


def init_repo(root: Path) -> None:
    git(root, "init", "-q")
    # A ledger works even where the machine has no git identity yet; the user can change it later.
    if git(root, "config", "user.name", check=False).returncode != 0:
        git(root, "config", "user.name", "houqin")
    if git(root, "config", "user.email", check=False).returncode != 0:
        git(root, "config", "user.email", "houqin@localhost")


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
    script = f"""#!/bin/sh
{HOOK_MARK}: refuse a commit that breaks the school's rules.
cd "$(git rev-parse --show-toplevel)" || exit 2
if [ -x {python} ] && {python} -c 'import houqin' 2>/dev/null; then
    exec {python} -m houqin --ledger {shlex.quote(ledger_rel)} check --staged
fi
exec houqin --ledger {shlex.quote(ledger_rel)} check --staged
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


class GitIndexSource:
    """The ledger's files as staged in git's index: what the commit under way will contain."""

    def __init__(self, root: Path) -> None:
        self.root = root
        out = git(root, "ls-files", "-s", "-z", "--", ".").stdout
        self._blobs: dict[str, str] = {}
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            _mode, sha, stage = meta.decode().split()
            rel = name.decode("utf-8", "surrogateescape")
            if stage == "0" and (rel in TOP_FILES or is_record_path(rel) or rel.count("/") == 1):
                self._blobs[rel] = sha
        self._data = self._read_all()

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
        top = [n for n in TOP_FILES if n in self._data]
        return top + sorted(n for n in self._data if n not in TOP_FILES and "/" in n and n[:4].isdigit())

    def read(self, rel: str) -> bytes | None:
        return self._data.get(rel)

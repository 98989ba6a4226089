"""The schools' ledgers as the county reads them: each source (a local repository or a git URL)
cloned, or fetched if cloned before, into the build's own clones, so that only what a school
committed is read, never a working tree."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from houqin.ledger.git import git


class SourceRefused(Exception):
    """A source that cannot be had; `key` names the reason in houqin.i18n (county.reason.*)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


# A build runs unattended: a source that asks for a password is unreachable, not a prompt that hangs.
NO_PROMPT = {"GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": "true", "SSH_ASKPASS": "true"}


def _is_url(source: str) -> bool:
    return "://" in source or (":" in source and "@" in source.split(":", 1)[0])


def fetch_source(source: str, clones: Path) -> Path:
    """A clone of `source` at its newest commit; raises SourceRefused when it cannot be had."""
    if not _is_url(source):
        path = Path(source).expanduser()
        if not path.is_dir():
            raise SourceRefused("county.reason.no_such_path", path=source)
        verified = git(path, "rev-parse", "-q", "--verify", "HEAD", check=False)
        if verified.returncode != 0:
            raise SourceRefused("county.reason.not_git", path=source)
        source = str(path.resolve())
        target = _clone_dir(clones, source)
        if (target / ".git").is_dir() and head_of(target) == verified.stdout.decode().strip():
            return target  # a local source whose HEAD has not moved: nothing to fetch
    target = _clone_dir(clones, source)
    if (target / ".git").is_dir():
        proc = git(target, "fetch", "-q", "origin", "HEAD", check=False, env=NO_PROMPT)
        if proc.returncode == 0:
            proc = git(target, "reset", "-q", "--hard", "FETCH_HEAD", check=False)
    else:
        clones.mkdir(parents=True, exist_ok=True)
        proc = git(clones, "clone", "-q", source, target.name, check=False, env=NO_PROMPT)
    if proc.returncode != 0:
        words = (proc.stdout + proc.stderr).decode("utf-8", "replace").strip().splitlines()
        fatal = [w for w in words if w.startswith("fatal:")] or words
        raise SourceRefused("county.reason.unreachable", source=source, output=fatal[0] if fatal else "")
    return target


def _clone_dir(clones: Path, source: str) -> Path:
    return clones / hashlib.sha256(source.encode()).hexdigest()[:16]


def restore(clone: Path) -> None:
    """The clone's files exactly as its HEAD has them, before they are read (the clones are the build's,
    but nothing read is trusted)."""
    git(clone, "reset", "-q", "--hard", "HEAD")


def head_of(root: Path) -> str:
    return git(root, "rev-parse", "HEAD").stdout.decode().strip()

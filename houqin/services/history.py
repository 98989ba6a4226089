"""The auditor's look back (稽核): every commit since a revision checked as it stood, so a commit that
skipped the hook (`git commit --no-verify`) and brought errors in is found, with who made it and when;
and, when policy asks for signed commits, every commit that is not signed by a trusted key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from houqin.diagnostics import Diagnostic
from houqin.ledger import git
from houqin.services.checking import check_ledger
from houqin.services.guard import new_errors

GOOD_SIGNATURES = frozenset({"G", "U"})  # git %G?: good (U: good, key not fully trusted)


@dataclass(frozen=True)
class CommitAudit:
    commit: git.Commit
    introduced: tuple[Diagnostic, ...]  # errors this commit brought in (not there in its parent)
    unsigned: bool  # policy asks for signed commits and this one is not signed by a good key

    @property
    def clean(self) -> bool:
        return not self.introduced and not self.unsigned


def audit_since(
    root: Path,
    commits: Sequence[git.Commit],
    require_signed: bool,
    progress: Callable[[int], None] = lambda done: None,
) -> list[CommitAudit]:
    previous: Sequence[Diagnostic] | None = None
    out = []
    for n, c in enumerate(commits, start=1):
        if previous is None:
            parent = git.parent_of(root, c.sha)
            previous = check_ledger(root, source=git.GitCommitSource(root, parent)) if parent else []
        now = check_ledger(root, source=git.GitCommitSource(root, c.sha))
        introduced = tuple(new_errors(previous, now))
        out.append(CommitAudit(c, introduced, require_signed and c.signature not in GOOD_SIGNATURES))
        previous = now
        progress(n)
    return out


@dataclass(frozen=True)
class History:
    """`houqin check --since`: each commit since the revision or day, audited, and whether the policy
    asks for signed commits (then who signed each one is part of the answer)."""

    audits: tuple[CommitAudit, ...]
    require_signed: bool

    @property
    def bad(self) -> tuple[CommitAudit, ...]:
        return tuple(a for a in self.audits if not a.clean)


def audit_history(
    root: Path,
    since: str | dt.date,
    progress: Callable[[int], AbstractContextManager[Callable[[int], None]]] = lambda total: nullcontext(
        lambda done: None
    ),
) -> History:
    """Every commit since `since` (a revision, or a day) checked as it stood; `progress` is given the
    number of commits (one `git log`) and the work reports to what it returns."""
    from houqin.ledger.load import load_ledger

    require = load_ledger(root).ledger.config.policy.require_signed_commits
    commits = git.commits_since(root, since)
    with progress(len(commits)) as advance:
        return History(tuple(audit_since(root, commits, require, advance)), require)

"""Domain errors. Services raise these; only the CLI maps them to messages and exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from houqin.diagnostics import Diagnostic


class HouqinError(Exception):
    """Base of every error a user can cause. `key` names a message in houqin.i18n; exit code 2."""

    exit_code = 2

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        # Further reasons, each an i18n key with its parameters, printed one per line under the message.
        self.details: tuple[tuple[str, dict[str, object]], ...] = ()


class UsageError(HouqinError):
    """A wrong option, argument or id given on the command line."""


class InputError(HouqinError):
    """A ledger or input file that cannot be read."""


class RefusedError(HouqinError):
    """A write refused because the ledger would break a rule; carries the diagnostics. Exit code 1."""

    exit_code = 1

    def __init__(self, key: str, diagnostics: Sequence[Diagnostic], **params: object) -> None:
        super().__init__(key, **params)
        self.diagnostics = tuple(diagnostics)


class GitError(HouqinError):
    """git failed (not installed, a refused commit, a broken repository)."""


class DiskFullError(HouqinError):
    """The disk (or a quota, or `ulimit -f`) has no room for a write: the school's to free. Exit code 2."""


class IndexBehindError(GitError):
    """A commit landed but git's index could not be brought up to it: the commit stands."""


class Findings(Exception):
    """Raised by a command once its answer is shown, when that answer must fail the run: a rule broken,
    something overdue, a school refused, a signature that does not stand, a merge git must leave to a
    person (exit 1). Nothing more is printed; cli/app.py turns it into the exit code."""

    exit_code = 1


class UnreadableFindings(Findings):
    """What was found includes input that could not be read at all (a broken YAML file, a sheet's
    row with no diagnostic of its own): exit 2, as for any unreadable input."""

    exit_code = 2


def fail_on(diagnostics: Sequence[Diagnostic]) -> None:
    """After a check's answer is shown: an unreadable file fails the run with exit 2, a broken rule with
    exit 1; warnings alone pass."""
    from houqin.diagnostics import Severity, has_errors

    if any(d.code.startswith("YAML") and d.severity is Severity.ERROR for d in diagnostics):
        raise UnreadableFindings
    if has_errors(diagnostics):
        raise Findings

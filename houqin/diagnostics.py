"""Diagnostics are data: a stable code, a severity, a place, and parameters for the message.

The text is looked up in houqin.messages by code and language only when rendered, so the same
diagnostic prints in Chinese or English and compares equal in tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    file: str
    line: int
    params: tuple[tuple[str, str], ...] = ()
    severity: Severity = Severity.ERROR
    check: str = ""
    record: str = ""

    @property
    def args(self) -> dict[str, str]:
        return dict(self.params)

    def message(self, lang: str = "zh") -> str:
        from houqin.messages import render_message

        return render_message(self.code, lang, self.args)

    def hint(self, lang: str = "zh", refused: bool = False) -> str:
        """What to do; `refused`: as said at a write refused, when nothing was written."""
        from houqin.messages import render_hint

        return render_hint(self.code, lang, self.args, self.record, refused)

    def location(self) -> str:
        if not self.file:
            return "houqin"
        return f"{self.file}:{self.line}" if self.line else self.file

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": str(self.severity),
            "code": self.code,
            "check": self.check,
            "record": self.record,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "params": self.args,
        }


class DiagnosticText:
    """A diagnostic as a parameter of an error message: rendered in the reader's language (t())."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic

    def render(self, lang: str) -> str:
        d = self.diagnostic
        return f"{d.location()}: {d.code} {d.message(lang)}"

    def __str__(self) -> str:
        return self.render("zh")


def diag(
    code: str,
    file: str,
    line: int,
    /,
    *,
    record: str = "",
    severity: Severity | None = None,
    **params: object,
) -> Diagnostic:
    """Build a diagnostic; the severity defaults to the one the catalog gives the code."""
    from houqin.messages import default_severity

    return Diagnostic(
        code=code,
        file=file,
        line=line,
        params=tuple((k, str(v)) for k, v in params.items()),
        severity=severity or default_severity(code),
        record=record,
    )


def is_unreadable(d: Diagnostic) -> bool:
    """A file that could not be read at all (its encoding, its YAML, its shape): nothing in it counts."""
    return d.code.startswith("YAML") and d.severity is Severity.ERROR


def unreadable_files(diagnostics: Iterable[Diagnostic]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(d.file for d in diagnostics if is_unreadable(d)))


HELD_BACK = "SCH004"  # the count of findings held back because they rest on an unreadable file


def sort_key(d: Diagnostic) -> tuple[int, str, int, str]:
    """Unreadable files first (every other finding may follow from them) and the count of what was
    held back for them, then by place."""
    rank = 0 if is_unreadable(d) else 1 if d.code == HELD_BACK else 2
    return (rank, d.file, d.line, d.code)


def count_by_severity(diagnostics: Iterable[Diagnostic]) -> Mapping[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def encode_diagnostic(d: Diagnostic) -> tuple[Any, ...]:
    """The cache's form of a diagnostic (plain tuples for marshal)."""
    return (d.code, d.file, d.line, d.params, str(d.severity), d.check, d.record)


def decode_diagnostic(row: tuple[Any, ...]) -> Diagnostic:
    code, file, line, params, severity, check, record = row
    return Diagnostic(code, file, line, tuple(tuple(p) for p in params), Severity(severity), check, record)

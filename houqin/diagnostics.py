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

    def hint(self, lang: str = "zh") -> str:
        from houqin.messages import render_hint

        return render_hint(self.code, lang, self.args)

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


def sort_key(d: Diagnostic) -> tuple[str, int, str]:
    return (d.file, d.line, d.code)


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

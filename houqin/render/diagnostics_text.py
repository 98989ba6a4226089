"""Diagnostics as plain text lines, without Rich: what `houqin check` prints through its console, and
what the pre-commit hook prints when it answers from the cache without starting Rich at all."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from houqin.diagnostics import Diagnostic, Severity, count_by_severity
from houqin.i18n import nt, t


@cache
def _lines(path: str) -> list[str]:
    """The file's lines for an excerpt; a file saved as GB18030 (YAML006) is shown as what it says."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace").splitlines()


def display_path(root: Path | None, rel: str) -> str:
    """A path the user can open from where they stand: relative to the working directory if inside it."""
    if root is None or not rel:
        return rel
    full = root.resolve() / rel  # the ledger's own path, even when the file is a link elsewhere
    try:
        return os.path.relpath(full, Path.cwd()) if full.is_relative_to(Path.cwd()) else str(full)
    except ValueError:
        return str(full)


ANSI = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
DIM, RESET = "\x1b[2m", "\x1b[0m"


def diagnostic_lines(
    diagnostics: Sequence[Diagnostic],
    lang: str,
    root: Path | None,
    excerpt: bool = True,
    colour: bool = False,
    refused: bool = False,
) -> list[str]:
    """One block per diagnostic: `FILE:LINE: severity[CODE] message`, the line itself, the hint (with
    `refused`, the hint said at a refused write, where nothing was written).

    Plain text (ANSI colour on a terminal) rather than Rich's renderer: a broken ledger can have
    thousands of diagnostics, and they must print in a blink and stay greppable."""
    lines = []
    for d in diagnostics:
        place = display_path(root, d.file)
        where = f"{place}:{d.line}" if d.line else (place or "houqin")
        label = f"{d.severity}[{d.code}]"
        lines.append(f"{where}: {ANSI[d.severity] + label + RESET if colour else label} {d.message(lang)}")
        if excerpt and root is not None and d.file and d.line:
            source = _lines(str(root / d.file))
            if 0 < d.line <= len(source):
                gutter = f"  {d.line:>5} |"
                lines.append(f"{DIM + gutter + RESET if colour else gutter} {source[d.line - 1]}")
        hint = d.hint(lang, refused)
        if hint:
            text = f"  {t('hint', lang)}: {hint}"
            lines.append(DIM + text + RESET if colour else text)
    return lines


def summary_line(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    counts = count_by_severity(diagnostics)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    return t(
        "summary_counts",
        lang,
        errors=nt("summary.errors", errors, lang),
        warnings=nt("summary.warnings", warnings, lang),
    )

"""`houqin check`'s answer, imported on every check: Rich only when it would write more than the plain
text, so a clean ledger's check (and the hook's fallback) starts no faster or slower than before, and
the findings of a check piped or captured (what the hook, scripts and the benchmarks see) are written
without importing Rich at all."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from houqin.diagnostics import Diagnostic

# What makes Rich treat a stream as a terminal (colour) although it is not one.
TERMINAL_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def show_findings(diagnostics: Sequence[Diagnostic], as_json: bool, lang: str, root: Path, stderr: bool) -> None:
    """The findings as JSON, or each with its line and hint and a summary (nothing at all for a clean
    ledger); on stderr under the hook."""
    if as_json:
        from houqin.render.console import diagnostics_json

        print(diagnostics_json(diagnostics, lang))
    elif diagnostics:
        from houqin.render.diagnostics_text import diagnostic_lines, summary_line

        stream = sys.stderr if stderr else sys.stdout
        summary = summary_line(diagnostics, lang)
        if plain_stream(stream, summary):
            lines = diagnostic_lines(diagnostics, lang, root, colour=False)
            stream.write("\n".join([*lines, summary]) + "\n")
            stream.flush()
            return
        from houqin.render.console import console, print_diagnostics, print_summary

        out = console(stderr=stderr)
        print_diagnostics(out, diagnostics, lang, root)
        print_summary(out, diagnostics, lang)


def plain_stream(stream: TextIO, summary: str) -> bool:
    """Would Rich write exactly the plain text here? Yes when the stream is no terminal and nothing
    makes Rich take it for one (so no colour), and the summary line, which Rich prints, is plain
    (no markup bracket, no emoji colon) and narrower than the width Rich wraps at (render/console.py:
    COLUMNS, 80 if it does not read as a number, else 160; a character at most two cells)."""
    isatty = getattr(stream, "isatty", None)
    if isatty is None or isatty() or any(name in os.environ for name in TERMINAL_ENV):
        return False
    if "[" in summary or ":" in summary:
        return False
    columns = os.environ.get("COLUMNS")
    width = 160 if columns is None else int(columns) if columns.strip().isdigit() else 80
    return 2 * len(summary) < width

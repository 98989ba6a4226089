"""`houqin check`'s answer, imported on every check: Rich only when it would write more than the plain
text, so a clean ledger's check (and the hook's fallback) starts no faster or slower than before, and
the findings of a check piped or captured (what the hook, scripts and the benchmarks see) are written
without importing Rich at all."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from houqin.diagnostics import Diagnostic
from houqin.render.plain import plain_stream


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

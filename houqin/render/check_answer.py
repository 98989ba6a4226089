"""`houqin check`'s answer, imported on every check: Rich only once there is something to show, so a
clean ledger's check (and the hook's fallback) starts no faster or slower than before."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from houqin.diagnostics import Diagnostic


def show_findings(diagnostics: Sequence[Diagnostic], as_json: bool, lang: str, root: Path, stderr: bool) -> None:
    """The findings as JSON, or each with its line and hint and a summary (nothing at all for a clean
    ledger); on stderr under the hook."""
    if as_json:
        from houqin.render.console import diagnostics_json

        print(diagnostics_json(diagnostics, lang))
    elif diagnostics:
        from houqin.render.console import console, print_diagnostics, print_summary

        out = console(stderr=stderr)
        print_diagnostics(out, diagnostics, lang, root)
        print_summary(out, diagnostics, lang)

"""The pre-commit hook's program (what `houqin hook install` writes runs this): the commit under way
is answered from the result cache, by git's object ids of the staged files, without starting Typer,
Rich, pydantic or the checks — a commit houqin itself just made was checked by that write, which left
its result under those ids. A cached result with no error lets the commit through (its warnings
printed as `houqin check` prints them); anything else — no cached result, or an error — runs the
whole `houqin check --staged`, which decides and says why."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main(ledger: str) -> None:
    try:
        from houqin.diagnostics import has_errors
        from houqin.services.checking import staged_result

        found = staged_result(Path(ledger))
    except Exception:
        found = None
    if found is not None and not has_errors(found):
        if found:
            from houqin.render.diagnostics_text import diagnostic_lines, summary_line

            lang = "en" if os.environ.get("HOUQIN_LANG") == "en" else "zh"  # as the CLI: zh unless told
            lines = diagnostic_lines(found, lang, Path(ledger), colour=sys.stderr.isatty())
            sys.stderr.write("\n".join([*lines, summary_line(found, lang)]) + "\n")
        sys.exit(0)
    from houqin.cli.app import main as houqin

    sys.argv = ["houqin", "--ledger", ledger, "check", "--staged"]
    houqin()

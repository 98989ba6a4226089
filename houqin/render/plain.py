"""Lines Rich would print as they are, written without importing Rich: to no terminal (a pipe, a file,
the hook, a script, a benchmark), nothing of Rich's shows but the text, and Rich costs a command
more to import than the rest of its answer."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from houqin.i18n import t
from houqin.render.diagnostics_text import display_path

# What makes Rich treat a stream as a terminal (colour) although it is not one.
TERMINAL_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def plain_stream(stream: TextIO, *printed: str) -> bool:
    """Would Rich write exactly the plain text here? Yes when the stream is no terminal and nothing
    makes Rich take it for one (so no colour), and each line Rich would print is plain (no markup
    bracket, no emoji colon) and narrower than the width Rich wraps at (render/console.py: COLUMNS,
    80 if it does not read as a number, else 160; a character at most two cells)."""
    isatty = getattr(stream, "isatty", None)
    if isatty is None or isatty() or any(name in os.environ for name in TERMINAL_ENV):
        return False
    if any("[" in line or ":" in line or "\n" in line for line in printed):
        return False
    columns = os.environ.get("COLUMNS")
    width = 160 if columns is None else int(columns) if columns.strip().isdigit() else 80
    return all(2 * len(line) < width for line in printed)


def print_written(record_id: str, path: Path, message: str, committed: bool, lang: str, root: Path) -> None:
    """What a write says: the record written to its file, and the commit (or that none was made)."""
    lines = (
        t("written", lang, id=record_id, path=display_path(root, path.relative_to(root).as_posix())),
        t("committed", lang, message=message) if committed else t("not_committed", lang),
    )
    if plain_stream(sys.stdout, *lines):
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
        return
    from houqin.render.console import console

    out = console()
    for line in lines:
        out.print(line)

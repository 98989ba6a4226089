"""Rich consoles, diagnostics and errors on the terminal. The only package that imports Rich."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from houqin.diagnostics import Diagnostic, Severity, count_by_severity
from houqin.errors import HouqinError, RefusedError
from houqin.i18n import t


def console(stderr: bool = False) -> Console:
    """A console for people; piped into a file it is wide enough that tables are not cut."""
    out = Console(stderr=stderr, highlight=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out = Console(stderr=stderr, highlight=False, width=160)
    return out


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


def print_diagnostics(
    out: Console, diagnostics: Sequence[Diagnostic], lang: str, root: Path | None, excerpt: bool = True
) -> None:
    """One block per diagnostic: `FILE:LINE: severity[CODE] message`, the line itself, the hint.

    Written as plain text (ANSI colour on a terminal) rather than through Rich's renderer: a broken
    ledger can have thousands of diagnostics, and they must print in a blink and stay greppable."""
    colour = out.is_terminal and not out.no_color
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
        hint = d.hint(lang)
        if hint:
            text = f"  {t('hint', lang)}: {hint}"
            lines.append(DIM + text + RESET if colour else text)
    if lines:
        out.file.write("\n".join(lines) + "\n")
        out.file.flush()


def print_summary(out: Console, diagnostics: Sequence[Diagnostic], lang: str) -> None:
    counts = count_by_severity(diagnostics)
    out.print(t("summary_counts", lang, errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING]))


def diagnostics_json(diagnostics: Sequence[Diagnostic], lang: str) -> str:
    counts = count_by_severity(diagnostics)
    return json.dumps(
        {
            "schema": "houqin.check/1",  # docs/json.md
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "diagnostics": [d.to_dict(lang) for d in diagnostics],
        },
        ensure_ascii=False,
        indent=2,
    )


def print_error(err: HouqinError, lang: str, root: Path | None = None) -> None:
    out = console(stderr=True)
    out.print(f"[bold red]houqin:[/] {escape(t(err.key, lang, **err.params))}")
    for key, params in err.details:
        out.print(f"  • {escape(t(key, lang, **params))}")
    if isinstance(err, RefusedError) and err.diagnostics:
        # The refused record was never written: there is no line on disk to quote.
        print_diagnostics(out, err.diagnostics, lang, root, excerpt=False)


def print_internal_error(exc: BaseException, lang: str) -> None:
    console(stderr=True).print(
        f"[bold red]houqin:[/] {escape(t('internal_error', lang, error=f'{type(exc).__name__}: {exc}'))}"
    )


def print_written(record_id: str, path: Path, message: str, committed: bool, lang: str, root: Path) -> None:
    out = console()
    out.print(t("written", lang, id=record_id, path=display_path(root, path.relative_to(root).as_posix())))
    out.print(t("committed", lang, message=message) if committed else t("not_committed", lang))

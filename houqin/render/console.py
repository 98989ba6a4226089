"""Rich consoles, diagnostics and errors on the terminal. The only package that imports Rich."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from houqin.diagnostics import Diagnostic, Severity, count_by_severity
from houqin.errors import HouqinError, RefusedError
from houqin.i18n import nt, t
from houqin.render.diagnostics_text import diagnostic_lines, display_path
from houqin.render.plain import print_written as print_written  # written plainly where Rich adds nothing


def console(stderr: bool = False) -> Console:
    """A console for people; piped into a file it is wide enough that tables are not cut."""
    out = Console(stderr=stderr, highlight=False)
    if not out.is_terminal and "COLUMNS" not in os.environ:
        out = Console(stderr=stderr, highlight=False, width=160)
    return out


def print_diagnostics(
    out: Console,
    diagnostics: Sequence[Diagnostic],
    lang: str,
    root: Path | None,
    excerpt: bool = True,
    refused: bool = False,
) -> None:
    """One block per diagnostic (render/diagnostics_text.py), in colour on a terminal; `refused`: of a
    write refused, whose hints say what to do now that nothing was written."""
    colour = out.is_terminal and not out.no_color
    lines = diagnostic_lines(diagnostics, lang, root, excerpt, colour=colour, refused=refused)
    if lines:
        out.file.write("\n".join(lines) + "\n")
        out.file.flush()


def print_summary(out: Console, diagnostics: Sequence[Diagnostic], lang: str) -> None:
    counts = count_by_severity(diagnostics)
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    out.print(
        t(
            "summary_counts",
            lang,
            errors=nt("summary.errors", errors, lang),
            warnings=nt("summary.warnings", warnings, lang),
        )
    )


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
        print_diagnostics(out, err.diagnostics, lang, root, excerpt=False, refused=True)


def print_internal_error(exc: BaseException, lang: str) -> None:
    console(stderr=True).print(
        f"[bold red]houqin:[/] {escape(t('internal_error', lang, error=f'{type(exc).__name__}: {exc}'))}"
    )


def print_opened(
    opened: list[tuple[str, Decimal]],
    day: dt.date,
    by: str,
    path: Path,
    committed: bool,
    signed: bool,
    lang: str,
    root: Path,
) -> None:
    """houqin finance open: each account's opening balance, and the commit."""
    out = console()
    where = display_path(root, path.relative_to(root).as_posix())
    for account, amount in opened:
        out.print(escape(t("opened", lang, account=account, amount=f"{amount:,.2f}", day=day, by=by, path=where)))
    out.print(escape(t("committed", lang, message="finance open")) if committed else t("not_committed", lang))
    if committed and signed:
        out.print(t("opened_signed", lang))

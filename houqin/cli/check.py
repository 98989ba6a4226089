"""houqin check: run the named checks, print every problem, exit 1 on errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat
from houqin.cli.state import get_state
from houqin.errors import Findings


def check(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None, typer.Argument(help="Checks to run (default: all). 要运行的检查。", show_default=False)
    ] = None,
    fmt: Format = OutputFormat.text,
    staged: Annotated[
        bool, typer.Option("--staged", help="Check what git is about to commit (the hook uses this).")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every file afresh instead of using .houqin/cache.")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            help="稽核: check every commit after REV (or made since a day, e.g. 2026-02-20) as it stood; list "
            "those that brought errors in (e.g. made with --no-verify) or, if policy asks, are unsigned.",
            metavar="REV|DAY",
        ),
    ] = None,
    keys: Annotated[
        bool,
        typer.Option(
            "--keys", help="也列出尚未用密钥的签字和尚无密钥的人（by-key）。 Also list signatures not made by key."
        ),
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="年终结账后：重读已结年度的全部记录，核对年初结转。 After a year-end close: read every closed "
            "year again and check each opening against it.",
        ),
    ] = False,
) -> None:
    """检查账本 / Check the ledger against the school's rules.

    Prints nothing and exits 0 when clean; warnings are shown and allowed; errors exit 1;
    an unreadable file exits 2. Example: houqin check signatures invoice --format json
    """
    from houqin.errors import fail_on
    from houqin.render.check_answer import show_findings
    from houqin.services.checking import check_command

    state = get_state(ctx)
    root = state.root()
    if since is not None:
        _audit(root, since, state.lang)
        return
    found = check_command(root, names, staged=staged, with_keys=keys, use_cache=not no_cache, full=full)
    show_findings(found, fmt is OutputFormat.json, state.lang, root, stderr=staged)
    fail_on(found)


def _audit(root: Path, since: str, lang: str) -> None:
    from houqin.i18n import t
    from houqin.render.assets import progress_bar
    from houqin.render.console import console
    from houqin.render.history import print_audit
    from houqin.services.history import audit_history

    history = audit_history(root, _revision_or_day(since), lambda total: progress_bar(total, t("audit.progress", lang)))
    print_audit(console(), history, since, lang, root)
    if history.bad:
        raise Findings


def _revision_or_day(since: str) -> str | dt.date:
    """--since takes a revision or a day: text that reads as a day (2026-02-20, 2026年2月20日) is one."""
    from houqin import dates
    from houqin.errors import UsageError

    try:
        return dates.parse_day(since)
    except dates.NotADay as err:
        if err.why == "no_such_day":
            raise UsageError("day_no_such_day", option="--since", value=since, forms=dates.FORMS) from None
        return since

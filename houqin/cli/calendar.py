"""houqin calendar: 校历 — terms, national holidays and make-up days (houqin.yaml)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import Format, NoCommit, OutputFormat, parse_day
from houqin.cli.state import get_state

app = typer.Typer(help="校历 / The school calendar: terms, holidays, make-up days.", no_args_is_help=True)


@app.command("show")
def calendar_show(
    ctx: typer.Context,
    term: Annotated[str | None, typer.Option("--term", help="学期 Only this term.")] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """校历 / Each term's working days, with the national holidays and 调休 days in it and the notice
    they come from (houqin.yaml calendar:).

    Example: houqin calendar show --term 2026-2027-1
    """
    from houqin.render.calendar import calendar_json, print_calendar
    from houqin.render.output import show
    from houqin.reports.calendar import school_calendar

    state = get_state(ctx)
    report = school_calendar(state.books(), term)
    show(
        fmt,
        "calendar show",
        report,
        lambda out: print_calendar(out, report, state.lang),
        pages={"json": lambda: calendar_json(report)},
    )


def _holiday(value: str) -> tuple[str, dt.date, dt.date]:
    """名称:起[:止] — 春节:2027-02-06:2027-02-12, or 元旦:2027-01-01 for one day."""
    from houqin.errors import UsageError

    parts = value.split(":")
    if len(parts) not in (2, 3) or not parts[0].strip():
        raise UsageError("calendar_holiday_form", value=value)
    start = parse_day(parts[1], "--holiday")
    end = parse_day(parts[2], "--holiday") if len(parts) == 3 else start
    return parts[0].strip(), start, end


@app.command("notice")
def calendar_notice(
    ctx: typer.Context,
    year: Annotated[int, typer.Option("--year", min=1999, max=2199, help="通知安排的年份 The year it arranges.")],
    holiday: Annotated[
        list[str], typer.Option("--holiday", help="放假 名称:起:止 (e.g. 春节:2027-02-06:2027-02-12). Repeat.")
    ],
    workday: Annotated[
        list[str] | None, typer.Option("--workday", help="调休上班日 A Saturday or Sunday worked. Repeat.")
    ] = None,
    number: Annotated[str | None, typer.Option("--number", help="文号 e.g. 国办发明电〔2026〕8号.")] = None,
    published: Annotated[str | None, typer.Option("--published", help="发布日期 The day it was published.")] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="标题 (default: 国务院办公厅关于YEAR年部分节假日安排的通知).")
    ] = None,
    no_commit: NoCommit = False,
) -> None:
    """录入放假安排 / Enter the State Council's holiday notice for a year in the calendar (houqin.yaml),
    its holidays and make-up days, in one commit; until then that year counts weekends only.

    Example: houqin calendar notice --year 2027 --number 国办发明电〔2026〕8号 --published 2026-11-05 --holiday 元旦:2027-01-01:2027-01-03 --holiday 春节:2027-02-06:2027-02-12 --workday 2027-02-20
    """
    from houqin.layout import CONFIG_FILE
    from houqin.ledger.config_edit import add_notice
    from houqin.models.ledger import Ledger
    from houqin.render.console import print_written
    from houqin.services.calendar import notice_entry
    from houqin.services.writes import write_directory

    state = get_state(ctx)
    root = state.root(write=True)
    holidays = [_holiday(h) for h in holiday]
    workdays = [parse_day(d, "--workday") for d in workday or []]
    day = parse_day(published, "--published")

    def build(ledger: Ledger, text: str) -> str:
        return add_notice(text, *notice_entry(ledger, year, number, day, holidays, workdays, title))

    message = f"calendar notice {year}" + (f" {number}" if number else "")
    path = write_directory(root, CONFIG_FILE, build, message, commit=not no_commit)
    print_written(str(year), path, message, not no_commit, state.lang, root)

"""houqin meter / patrol / print: 水电表抄表、每日巡视、文印."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import NoCommit, OnDay, parse_day
from houqin.cli.state import get_state
from houqin.cli.writing import run_write
from houqin.clock import today

meter_app = typer.Typer(help="水电表 / Meters: readings, consumption and cost.", no_args_is_help=True)
patrol_app = typer.Typer(help="每日巡视 / Daily rounds: log, findings, the term's report.", no_args_is_help=True)
print_app = typer.Typer(help="文印 / Print jobs: request, done, paper per department.", no_args_is_help=True)


@meter_app.command("read")
def meter_read(
    ctx: typer.Context,
    meter: Annotated[str, typer.Argument(help="表编号 Meter id (catalog.yaml meters).")],
    reading: Annotated[str, typer.Argument(help="读数 The reading.")],
    by: Annotated[str, typer.Option("--by", help="抄表人 Who read it.")],
    replaced: Annotated[bool, typer.Option("--replaced", help="换表: this is a new meter's first reading.")] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="读数变小的原因 Why it is lower.")] = None,
    date: OnDay = None,
    no_commit: NoCommit = False,
) -> None:
    """抄表 / Record a meter reading; a reading below the last needs --replaced or --reason.

    Example: houqin meter read E-JXL 48210 --by 周强
    """
    from houqin.cli.options import parse_reading
    from houqin.services.office import read_meter

    day = parse_day(date) or today()
    value = parse_reading(reading)
    run_write(
        ctx,
        lambda ledger: read_meter(ledger, meter, value, by, day, replaced, reason),
        lambda r: f"meter read {r.id} {meter} {value}",
        no_commit=no_commit,
    )


@meter_app.command("list")
def meter_list(ctx: typer.Context) -> None:
    """水电表 / Every meter with its last reading.

    Example: houqin meter list
    """
    from houqin.checks.office import readings_by_meter
    from houqin.ledger.load import load_ledger
    from houqin.render.console import console
    from houqin.render.office import print_meters

    state = get_state(ctx)
    ledger = load_ledger(state.root()).ledger
    last = {m: rows[-1] for m, rows in readings_by_meter(ledger).items()}
    print_meters(console(), ledger.catalog.meters, last, state.lang)


@meter_app.command("report")
def meter_report(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", help="Periods ending on or after this day.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Periods ending on or before this day.")] = None,
) -> None:
    """用水用电 / Consumption per period and meter: cost from the policy's tariffs, per head, and the same
    period a year before.

    Example: houqin meter report --since 2026-09-01
    """
    from houqin.ledger.load import load_ledger
    from houqin.render.console import console
    from houqin.render.office import print_meter_periods
    from houqin.reports.office import meter_periods

    state = get_state(ctx)
    ledger = load_ledger(state.root()).ledger
    print_meter_periods(console(), meter_periods(ledger, parse_day(since), parse_day(until)), state.lang)


@patrol_app.command("log")
def patrol_log(
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="巡视人 Who walked the round.")],
    place: Annotated[list[str], typer.Option("--place", help="巡视地点 Places walked. Repeat.")],
    finding: Annotated[
        list[str] | None,
        typer.Option("--finding", help="PLACE:KIND:WHAT[:repair] — kind safety|hygiene|damage|fire|other. Repeat."),
    ] = None,
    date: OnDay = None,
    no_commit: NoCommit = False,
) -> None:
    """巡视记录 / Log the day's round; a finding ending in :repair opens a repair ticket in the same commit.

    Example: houqin patrol log --by 周强 --place JX-101 --place TY-001 --finding JX-101:damage:后门锁坏:repair
    """
    from houqin.services.office import Seen, log_patrol
    from houqin.services.writes import write_many

    seen = []
    for text in finding or []:
        parts = [p.strip() for p in text.split(":")]
        if len(parts) not in (3, 4) or not all(parts) or (len(parts) == 4 and parts[3] != "repair"):
            raise typer.BadParameter(f"{text!r}: 格式为 / the form is PLACE:KIND:WHAT[:repair]")
        seen.append(Seen(parts[0], parts[1], parts[2], len(parts) == 4))
    day = parse_day(date) or today()
    state = get_state(ctx)
    root = state.root()
    from houqin.i18n import t
    from houqin.render.console import console, print_written

    outcome = write_many(
        root,
        lambda session: log_patrol(session.ledger, by, place, seen, day),
        lambda rs: f"patrol log {rs[0].id} {by}" + (f" (repairs {', '.join(r.id for r in rs[1:])})" if rs[1:] else ""),
        commit=not no_commit,
    )
    print_written(outcome.records[0].id, outcome.paths[0], outcome.message, outcome.committed, state.lang, root)
    if outcome.records[1:]:
        console().print(t("repairs_opened", state.lang, ids=", ".join(r.id for r in outcome.records[1:])))


@patrol_app.command("resolve")
def patrol_resolve(
    ctx: typer.Context,
    patrol: Annotated[str, typer.Argument(help="巡视编号 Round id.")],
    place: Annotated[str, typer.Option("--place", help="The finding's place.")],
    on: Annotated[str | None, typer.Option("--on", help="处理日期 (default: today).")] = None,
    no_commit: NoCommit = False,
) -> None:
    """处理反馈 / Record that a round's finding was dealt with.

    Example: houqin patrol resolve XS-2026-0012 --place TY-001
    """
    from houqin.services.office import resolve_finding

    day = parse_day(on) or today()
    run_write(
        ctx,
        lambda ledger: resolve_finding(ledger, patrol, place, day),
        lambda r: f"patrol resolve {r.id} {place}",
        replace=True,
        no_commit=no_commit,
    )


@patrol_app.command("report")
def patrol_report(
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id.")],
) -> None:
    """巡视小结 / A term's rounds: school days without a round, findings, those still open.

    Example: houqin patrol report --term 2026-2027-1
    """
    from houqin.ledger.load import load_ledger
    from houqin.render.console import console
    from houqin.render.office import print_patrol_term
    from houqin.reports.office import patrol_term
    from houqin.services.stocktake import term_dates

    state = get_state(ctx)
    ledger = load_ledger(state.root()).ledger
    term_dates(ledger, term)
    print_patrol_term(console(), patrol_term(ledger, term, today()), state.lang)


@print_app.command("request")
def print_request(
    ctx: typer.Context,
    requester: Annotated[str, typer.Option("--requester", help="申请人 Who asks.")],
    department: Annotated[str, typer.Option("--department", help="部门 Department.")],
    pages: Annotated[int, typer.Option("--pages", min=1, help="页数 Pages of the original.")],
    copies: Annotated[int, typer.Option("--copies", min=1, help="份数 Copies.")],
    purpose: Annotated[str, typer.Option("--purpose", help="用途 What for.")],
    paper: Annotated[str, typer.Option("--paper", help="纸张 Paper item id.")] = "paper-a4",
    date: OnDay = None,
    no_commit: NoCommit = False,
) -> None:
    """文印申请 / Ask for a print job; the supervisor approves it (houqin sign … --as supervisor) first.

    Example: houqin print request --requester 钱红 --department 教务处 --pages 4 --copies 420 --purpose 期中试卷
    """
    from houqin.services.office import request_print

    day = parse_day(date) or today()
    run_write(
        ctx,
        lambda ledger: request_print(ledger, requester, department, pages, copies, paper, purpose, day),
        lambda r: f"print request {r.id} {department} {pages}×{copies}",
        no_commit=no_commit,
    )


@print_app.command("done")
def print_done_(
    ctx: typer.Context,
    job: Annotated[str, typer.Argument(help="文印编号 Print job id.")],
    on: Annotated[str | None, typer.Option("--on", help="印制日期 (default: today).")] = None,
    no_commit: NoCommit = False,
) -> None:
    """印制完成 / Record that a print job was done; refused without the supervisor's approval before it.

    Example: houqin print done WY-2026-0031
    """
    from houqin.services.office import print_done

    day = parse_day(on) or today()
    run_write(ctx, lambda ledger: print_done(ledger, job, day), lambda r: f"print done {r.id}", replace=True,
              no_commit=no_commit)  # fmt: skip


@print_app.command("report")
def print_report(
    ctx: typer.Context,
    month: Annotated[str, typer.Option("--month", help="YYYY-MM.")],
) -> None:
    """文印月报 / Paper printed per department in a month against paper issued to it.

    Example: houqin print report --month 2026-10
    """
    from houqin.cli.finance import check_month
    from houqin.ledger.load import load_ledger
    from houqin.render.console import console
    from houqin.render.office import print_paper
    from houqin.reports.office import paper_by_department
    from houqin.reports.stock import month_bounds

    state = get_state(ctx)
    first, last = month_bounds(check_month(month))
    print_paper(console(), paper_by_department(load_ledger(state.root()).ledger, first, last), month, state.lang)

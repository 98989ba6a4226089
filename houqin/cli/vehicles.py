"""houqin vehicle / reception: 公车 (trips, fuel and maintenance against the log) and 公务接待."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import (
    Format,
    NoCommit,
    OnDay,
    OutputFormat,
    SigningKey,
    day_option,
    key_signer,
    parse_amount,
    parse_day,
    parse_quantity,
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write

vehicle_app = typer.Typer(help="公车 / School vehicles: the trip log, fuel and maintenance.", no_args_is_help=True)
reception_app = typer.Typer(
    help="公务接待 / Official receptions: letter, guests, approval, limits.", no_args_is_help=True
)


@vehicle_app.command("trip")
def trip(
    *,
    ctx: typer.Context,
    vehicle: Annotated[str, typer.Option("--vehicle", help="车牌 Vehicle (catalog.yaml vehicles).")],
    driver: Annotated[str, typer.Option("--driver", help="驾驶员 Driver.")],
    purpose: Annotated[str, typer.Option("--purpose", help="事由 Purpose.")],
    destination: Annotated[str, typer.Option("--destination", help="目的地 Where to.")],
    start: Annotated[
        int | None,
        typer.Option("--start", min=0, max=10_000_000, help="出车里程 Odometer out (km); none for a request."),
    ] = None,
    end: Annotated[
        int | None,
        typer.Option("--end", min=0, max=10_000_000, help="收车里程 Odometer back (km); later: vehicle return."),
    ] = None,
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="批准出车的主管领导 Supervisor.")] = None,
    approved_on: Annotated[
        str | None, typer.Option("--approved-on", help="批准日期 (default: the trip's day).")
    ] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """出车登记 / Log a trip of a school vehicle: driver, purpose, where, kilometres, and its approval —
    or request it ahead of its day without the odometer, for the supervisor to approve by its day
    (houqin sign CL-… --as supervisor) and houqin vehicle return to log back.

    Example: houqin vehicle trip --vehicle 赣G·A1234 --driver 周强 --purpose 送参赛学生 --destination 县体育馆 --start 48210 --end 48236 --approved-by 刘志强
    """
    from houqin.services.vehicles import log_trip

    approved = parse_day(approved_on, "--approved-on")
    run_write(
        ctx,
        lambda ledger: log_trip(ledger, vehicle, driver, purpose, destination, start, end, approved_by, approved, day),
        lambda r: f"vehicle trip {r.id} {vehicle}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@vehicle_app.command("return")
def trip_return(
    *,
    ctx: typer.Context,
    trip_id: Annotated[str, typer.Argument(help="出车编号 Trip id, e.g. CL-2026-0021.")],
    end: Annotated[int, typer.Option("--end", min=0, max=10_000_000, help="收车里程 Odometer back (km).")],
    start: Annotated[
        int | None, typer.Option("--start", min=0, max=10_000_000, help="出车里程 Odometer out (km), if not logged.")
    ] = None,
    day: Annotated[dt.date, day_option("--on", help="回车日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """回车登记 / Log a requested trip back: the odometer out and back, on or after its day.

    Example: houqin vehicle return CL-2026-0021 --start 48630 --end 48702
    """
    from houqin.services.vehicles import return_trip

    run_write(
        ctx,
        lambda ledger: return_trip(ledger, trip_id, start, end, day),
        lambda r: f"vehicle return {r.id}",
        replace=True,
        no_commit=no_commit,
    )


@vehicle_app.command("cost")
def cost(
    *,
    ctx: typer.Context,
    vehicle: Annotated[str, typer.Option("--vehicle", help="车牌 Vehicle.")],
    kind: Annotated[str, typer.Option("--type", help="fuel 加油 or maintenance 维修保养.")],
    amount: Annotated[str, typer.Option("--amount", help="金额 Amount (yuan).")],
    expense: Annotated[str, typer.Option("--expense", help="报销单号 The claim that paid it.")],
    odometer: Annotated[int, typer.Option("--odometer", min=0, max=10_000_000, help="当时里程 Odometer (km).")],
    litres: Annotated[str | None, typer.Option("--litres", help="加油升数 Litres (fuel).")] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """车辆费用 / Record a vehicle's fuel or maintenance with the claim that paid it, checked against
    its trip log.

    Example: houqin vehicle cost --vehicle 赣G·A1234 --type fuel --amount 386.00 --expense BX-2026-0112 --odometer 48630 --litres 48.2
    """
    from houqin.services.vehicles import vehicle_cost

    money = parse_amount(amount)
    fuel = parse_quantity(litres, "--litres") if litres is not None else None
    run_write(
        ctx,
        lambda ledger: vehicle_cost(ledger, vehicle, kind, money, expense, odometer, fuel, day),
        lambda r: f"vehicle cost {r.id} {vehicle} {kind}",
        no_commit=no_commit,
    )


@vehicle_app.command("log")
def log(
    ctx: typer.Context,
    vehicle: Annotated[str, typer.Option("--vehicle", help="车牌 Vehicle.")],
    fmt: Format = OutputFormat.text,
) -> None:
    """行车记录 / A vehicle's trips and costs in odometer order, with kilometres.

    Example: houqin vehicle log --vehicle 赣G·A1234
    """
    from houqin.render.output import show
    from houqin.render.vehicles import log_json, print_vehicle_log
    from houqin.reports.vehicles import vehicle_log

    state = get_state(ctx)
    rows = vehicle_log(state.books(), vehicle)
    show(
        fmt,
        "vehicle log",
        rows,
        lambda out: print_vehicle_log(out, vehicle, rows, state.lang),
        pages={"json": lambda: log_json(rows)},
    )


@reception_app.command("add")
def reception_add(
    *,
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help="来访单位 The visitors' unit.")],
    guest: Annotated[list[str], typer.Option("--guest", help="接待对象 A guest. Repeat.")],
    amount: Annotated[str, typer.Option("--amount", help="接待费用 Cost (yuan).")],
    letter: Annotated[str | None, typer.Option("--letter", help="公函文号 The official letter.")] = None,
    staff: Annotated[list[str] | None, typer.Option("--staff", help="陪同人员 Staff at table. Repeat.")] = None,
    expense: Annotated[str | None, typer.Option("--expense", help="报销单号 The claim that paid it.")] = None,
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="事前批准的校长 The principal.")] = None,
    approved_on: Annotated[str | None, typer.Option("--approved-on", help="批准日期 (default: the day).")] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """公务接待 / Record an official reception: the letter (公函), the guest list, the staff at table and
    the cost, and the principal's approval beforehand — given with it, or by houqin sign JD-… --as
    principal on or before its day; the claim that paid it may follow (houqin reception claim).

    Example: houqin reception add --unit 县教育局督导室 --letter 青教督函〔2026〕12号 --guest 陈督学 --guest 李督学 --staff 王建国 --amount 150.00 --approved-by 王建国 --approved-on 2026-11-18
    """
    from houqin.services.vehicles import add_reception

    money = parse_amount(amount)
    approved = parse_day(approved_on, "--approved-on")
    run_write(
        ctx,
        lambda ledger: add_reception(
            ledger, unit, letter, guest, staff or [], money, expense, approved_by, approved, day
        ),
        lambda r: f"reception add {r.id} {unit}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@reception_app.command("claim")
def reception_claim(
    ctx: typer.Context,
    reception: Annotated[str, typer.Argument(help="接待编号 Reception id, e.g. JD-2026-0002.")],
    expense: Annotated[str, typer.Option("--expense", help="报销单号 The claim that paid it.")],
    no_commit: NoCommit = False,
) -> None:
    """关联报销 / Link a reception to the claim that paid it, checked for the same amount.

    Example: houqin reception claim JD-2026-0002 --expense BX-2026-0140
    """
    from houqin.services.vehicles import reception_claim as link

    run_write(
        ctx,
        lambda ledger: link(ledger, reception, expense),
        lambda r: f"reception claim {r.id} {expense}",
        replace=True,
        no_commit=no_commit,
    )

"""houqin meter / patrol / print: 水电表抄表、每日巡视、文印."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import Format, NoCommit, OnDay, OutputFormat, day_option, parse_day
from houqin.cli.state import get_state
from houqin.cli.writing import run_write
from houqin.clock import today

meter_app = typer.Typer(help="水电表 / Meters: readings, consumption and cost.", no_args_is_help=True)
patrol_app = typer.Typer(help="每日巡视 / Daily rounds: log, findings, the term's report.", no_args_is_help=True)
print_app = typer.Typer(help="文印 / Print jobs: request, done, paper per department.", no_args_is_help=True)


@meter_app.command("read")
def meter_read(
    *,
    ctx: typer.Context,
    meter: Annotated[str, typer.Argument(help="表编号 Meter id (catalog.yaml meters).")],
    reading: Annotated[str, typer.Argument(help="读数 The reading.")],
    by: Annotated[str, typer.Option("--by", help="抄表人 Who read it.")],
    replaced: Annotated[bool, typer.Option("--replaced", help="换表: this is a new meter's first reading.")] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="读数变小的原因 Why it is lower.")] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """抄表 / Record a meter reading; a reading below the last needs --replaced or --reason.

    Example: houqin meter read E-JXL 48210 --by 周强
    """
    from houqin.cli.options import parse_reading
    from houqin.services.office import read_meter

    value = parse_reading(reading)
    run_write(
        ctx,
        lambda ledger: read_meter(ledger, meter, value, by, day, replaced, reason),
        lambda r: f"meter read {r.id} {meter} {value}",
        no_commit=no_commit,
    )


@meter_app.command("list")
def meter_list(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """水电表 / Every meter with its last reading.

    Example: houqin meter list
    """
    from houqin.render.office import print_meters
    from houqin.render.output import show
    from houqin.reports.office import meter_list

    state = get_state(ctx)
    meters = meter_list(state.books())
    show(fmt, "meter list", meters, lambda out: print_meters(out, meters, state.lang))


@meter_app.command("report")
def meter_report(
    ctx: typer.Context,
    since: Annotated[str | None, typer.Option("--since", help="Periods ending on or after this day.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Periods ending on or before this day.")] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """用水用电 / Consumption per period and meter: cost from the policy's tariffs, per head, and the same
    period a year before.

    Example: houqin meter report --since 2026-09-01
    """
    from houqin.render.office import print_meter_periods
    from houqin.render.output import show
    from houqin.reports.office import meter_periods

    state = get_state(ctx)
    ledger = state.books()
    periods = meter_periods(ledger, parse_day(since, "--since"), parse_day(until, "--until"))
    show(
        fmt,
        "meter report",
        periods,
        lambda out: print_meter_periods(out, periods, state.lang),
        fields=dict(since=since, until=until),
    )


@patrol_app.command("log")
def patrol_log(
    *,
    ctx: typer.Context,
    by: Annotated[str, typer.Option("--by", help="巡视人 Who walked the round.")],
    place: Annotated[list[str], typer.Option("--place", help="巡视地点 Places walked. Repeat.")],
    finding: Annotated[
        list[str] | None,
        typer.Option(
            "--finding",
            help="PLACE:KIND:WHAT[:repair | :damage=ASSET] — kind safety|hygiene|damage|fire|other. Repeat.",
        ),
    ] = None,
    day: OnDay,
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
        extra = parts[3] if len(parts) == 4 else ""
        if (
            len(parts) not in (3, 4)
            or not all(parts)
            or (extra and extra != "repair" and not extra.startswith("damage="))
        ):
            raise typer.BadParameter(f"{text!r}: 格式为 / the form is PLACE:KIND:WHAT[:repair | :damage=ASSET]")
        asset = extra.removeprefix("damage=") if extra.startswith("damage=") else None
        seen.append(Seen(parts[0], parts[1], parts[2], extra == "repair", asset))
    state = get_state(ctx)
    root = state.root(write=True)
    from houqin.i18n import t
    from houqin.render.console import console, print_written

    outcome = write_many(
        root,
        lambda session: log_patrol(session.ledger, by, place, seen, day),
        lambda rs: f"patrol log {rs[0].id} {by}" + (f" (opened {', '.join(r.id for r in rs[1:])})" if rs[1:] else ""),
        commit=not no_commit,
    )
    print_written(outcome.records[0].id, outcome.paths[0], outcome.message, outcome.committed, state.lang, root)
    if outcome.records[1:]:
        console().print(t("repairs_opened", state.lang, ids=", ".join(r.id for r in outcome.records[1:])))


@patrol_app.command("resolve")
def patrol_resolve(
    *,
    ctx: typer.Context,
    patrol: Annotated[str, typer.Argument(help="巡视编号 Round id.")],
    place: Annotated[str, typer.Option("--place", help="The finding's place.")],
    day: Annotated[dt.date, day_option("--on", help="处理日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """处理反馈 / Record that a round's finding was dealt with.

    Example: houqin patrol resolve XS-2026-0012 --place TY-001
    """
    from houqin.services.office import resolve_finding

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
    fmt: Format = OutputFormat.text,
) -> None:
    """巡视小结 / A term's rounds: school days without a round, findings, those still open.

    Example: houqin patrol report --term 2026-2027-1
    """
    from houqin.render.office import print_patrol_term
    from houqin.render.output import show
    from houqin.reports.office import patrol_term
    from houqin.services.stocktake import term_dates

    state = get_state(ctx)
    ledger = state.books()
    term_dates(ledger, term)
    summary = patrol_term(ledger, term, today())
    show(fmt, "patrol report", summary, lambda out: print_patrol_term(out, summary, state.lang), fields=dict(term=term))


@print_app.command("request")
def print_request(
    *,
    ctx: typer.Context,
    requester: Annotated[str, typer.Option("--requester", help="申请人 Who asks.")],
    department: Annotated[str, typer.Option("--department", help="部门 Department.")],
    pages: Annotated[int, typer.Option("--pages", min=1, max=100_000, help="页数 Pages of the original.")],
    copies: Annotated[int, typer.Option("--copies", min=1, max=100_000, help="份数 Copies.")],
    purpose: Annotated[str, typer.Option("--purpose", help="用途 What for.")],
    paper: Annotated[str, typer.Option("--paper", help="纸张 Paper item id.")] = "paper-a4",
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """文印申请 / Ask for a print job; the supervisor approves it (houqin sign … --as supervisor) first.

    Example: houqin print request --requester 钱红 --department 教务处 --pages 4 --copies 420 --purpose 期中试卷
    """
    from houqin.services.office import request_print

    run_write(
        ctx,
        lambda ledger: request_print(ledger, requester, department, pages, copies, paper, purpose, day),
        lambda r: f"print request {r.id} {department} {pages}×{copies}",
        no_commit=no_commit,
    )


@print_app.command("done")
def print_done_(
    *,
    ctx: typer.Context,
    job: Annotated[str, typer.Argument(help="文印编号 Print job id.")],
    day: Annotated[dt.date, day_option("--on", help="印制日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """印制完成 / Record that a print job was done; refused without the supervisor's approval before it.

    Example: houqin print done WY-2026-0031
    """
    from houqin.services.office import print_done

    run_write(ctx, lambda ledger: print_done(ledger, job, day), lambda r: f"print done {r.id}", replace=True,
              no_commit=no_commit)  # fmt: skip


@print_app.command("report")
def print_report(
    ctx: typer.Context,
    month: Annotated[str, typer.Option("--month", help="YYYY-MM.")],
    fmt: Format = OutputFormat.text,
) -> None:
    """文印月报 / Paper printed per department in a month against paper issued to it.

    Example: houqin print report --month 2026-10
    """
    from houqin.cli.finance import check_month
    from houqin.models.closing import month_bounds
    from houqin.render.office import print_paper
    from houqin.render.output import show
    from houqin.reports.office import paper_by_department

    state = get_state(ctx)
    first, last = month_bounds(check_month(month))
    paper = paper_by_department(state.books(), first, last)
    show(fmt, "print report", paper, lambda out: print_paper(out, paper, month, state.lang), fields=dict(month=month))


shop_app = typer.Typer(help="商店 / The school shop: batches in, sales, goods near expiry.", no_args_is_help=True)
milk_app = typer.Typer(
    help="学生奶 / Student milk: orders, deliveries, the term's reconciliation.", no_args_is_help=True
)


@shop_app.command("in")
def shop_in(
    *,
    ctx: typer.Context,
    goods: Annotated[str, typer.Argument(help="商品 Goods.")],
    quantity: Annotated[str, typer.Option("--quantity", "-q", help="数量 Quantity.")],
    cost: Annotated[str, typer.Option("--cost", help="进价（元）Purchase price.")],
    price: Annotated[str, typer.Option("--price", help="售价（元）Sale price.")],
    produced: Annotated[str, typer.Option("--produced", help="生产日期 YYYY-MM-DD.")],
    shelf_life: Annotated[int, typer.Option("--shelf-life", min=1, max=3660, help="保质期（天）Shelf life in days.")],
    supplier: Annotated[str, typer.Option("--supplier", help="供应商 Supplier (full name).")],
    supplier_id: Annotated[str, typer.Option("--supplier-id", help="营业执照号或身份证号 (real-name record).")],
    acceptor: Annotated[str, typer.Option("--acceptor", help="验收人 Who received it.")],
    batch: Annotated[str | None, typer.Option("--batch", help="批号 Batch (default: the production date).")] = None,
    unit: Annotated[str, typer.Option("--unit", help="单位 Unit.")] = "件",
    paid_by: Annotated[str | None, typer.Option("--paid-by", help="出纳 The cashier who paid for it.")] = None,
    paid_from: Annotated[str, typer.Option("--paid-from", help="付款账户 The account it is paid from.")] = "bank",
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """进货 / Record a batch bought for the shop: supplier in full, both prices, production date, shelf
    life, and the cashier's payment from an account of the books (一套账: SHP007 without it).

    Example: houqin shop in 纯牛奶250ml -q 240 --cost 2.10 --price 2.50 --produced 2026-11-10
    --shelf-life 180 --supplier 青禾县副食品批发部 --supplier-id 91360721MA35XXXX1C --acceptor 吴芳 --paid-by 赵丽
    """
    from houqin.cli.options import parse_amount, parse_quantity
    from houqin.services.office import receive_shop_batch

    made = parse_day(produced, "--produced")
    fields = {
        "goods": goods, "batch": batch or str(made), "quantity": parse_quantity(quantity), "unit": unit,
        "cost": parse_amount(cost, "--cost"), "price": parse_amount(price, "--price"), "produced": made, "shelf_life_days": shelf_life,
        "supplier": supplier, "supplier_id": supplier_id, "acceptor": acceptor,
        "paid": {"on": day, "by": paid_by, "account": paid_from} if paid_by else None,
    }  # fmt: skip
    run_write(
        ctx,
        lambda ledger: receive_shop_batch(ledger, day, **fields),
        lambda r: f"shop in {r.id} {goods} ×{fields['quantity']}",
        no_commit=no_commit,
    )


@shop_app.command("sell")
def shop_sell(
    *,
    ctx: typer.Context,
    batch: Annotated[str, typer.Argument(help="进货编号 Batch id (SD-…).")],
    quantity: Annotated[str, typer.Option("--quantity", "-q", help="数量 Quantity sold.")],
    seller: Annotated[str, typer.Option("--seller", help="售货员 Who sold it.")],
    removed: Annotated[
        bool, typer.Option("--removed", help="下架: taken off the shelf unsold (expired, spoiled).")
    ] = False,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """销售 / Record a day's sales of a batch; refused once the batch has expired (take it off with --removed).

    Example: houqin shop sell SD-2026-0003 -q 36 --seller 吴芳
    """
    from houqin.cli.options import parse_quantity
    from houqin.services.office import sell

    qty = parse_quantity(quantity)
    verb = "remove" if removed else "sell"
    run_write(ctx, lambda ledger: sell(ledger, batch, qty, seller, day, removed),
              lambda r: f"shop {verb} {r.id} ×{qty}", no_commit=no_commit)  # fmt: skip


@shop_app.command("expiring")
def shop_expiring(
    ctx: typer.Context,
    days: Annotated[int, typer.Option("--days", min=0, max=3660, help="Within this many days (default 7).")] = 7,
    fmt: Format = OutputFormat.text,
) -> None:
    """临期商品 / Batches on the shelf that expire within N days, or already have: take them off.

    Example: houqin shop expiring --days 14
    """
    from houqin.render.office import print_expiring
    from houqin.render.output import show
    from houqin.reports.office import expiring_batches

    state = get_state(ctx)
    day = today()
    rows = expiring_batches(state.books(), day, days)
    show(
        fmt,
        "shop expiring",
        rows,
        lambda out: print_expiring(out, rows, day, days, state.lang),
        fields=dict(at=day, days=days),
    )


@milk_app.command("order")
def milk_order(
    *,
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id.")],
    klass: Annotated[str, typer.Option("--class", help="班级 Class.")],
    students: Annotated[int, typer.Option("--students", min=1, max=100_000, help="订奶人数 Students.")],
    cartons: Annotated[int, typer.Option("--cartons", min=1, max=10_000_000, help="本学期盒数 Cartons for the term.")],
    fee_item: Annotated[str, typer.Option("--fee-item", help="收费项目 Published fee item.")],
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """订奶 / A class's milk order for a term, against a published fee item.

    Example: houqin milk order --term 2026-2027-1 --class '三年级(2)班' --students 38 --cartons 3040 --fee-item milk-2026-2027-1
    """
    from houqin.services.office import order_milk

    run_write(ctx, lambda ledger: order_milk(ledger, term, klass, students, cartons, fee_item, day),
              lambda r: f"milk order {r.id} {klass}", no_commit=no_commit)  # fmt: skip


@milk_app.command("deliver")
def milk_deliver(
    *,
    ctx: typer.Context,
    klass: Annotated[str, typer.Option("--class", help="班级 Class.")],
    cartons: Annotated[int, typer.Option("--cartons", min=1, max=10_000_000, help="盒数 Cartons.")],
    received_by: Annotated[str, typer.Option("--received-by", help="签收人 Who signed for it.")],
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """配送 / Cartons delivered to a class on a day.

    Example: houqin milk deliver --class '三年级(2)班' --cartons 190 --received-by 黄海燕
    """
    from houqin.services.office import deliver_milk

    run_write(ctx, lambda ledger: deliver_milk(ledger, klass, cartons, received_by, day),
              lambda r: f"milk deliver {r.id} {klass} ×{cartons}", no_commit=no_commit)  # fmt: skip


@milk_app.command("report")
def milk_report(
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id.")],
    fmt: Format = OutputFormat.text,
) -> None:
    """学生奶对账 / Per class: ordered, delivered, due and paid in the term.

    Example: houqin milk report --term 2026-2027-1
    """
    from houqin.render.office import print_milk
    from houqin.render.output import show
    from houqin.reports.office import milk_reconciliation

    state = get_state(ctx)
    rows = milk_reconciliation(state.books(), term)
    show(fmt, "milk report", rows, lambda out: print_milk(out, rows, term, state.lang), fields=dict(term=term))

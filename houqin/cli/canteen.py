"""houqin canteen: 食堂食品安全 — food accepted with licence and certificates (索证索票), each meal's
samples (留样), leaders at table (陪餐), staff health certificates (健康证), the month's cost per meal."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import (
    Format,
    NoCommit,
    OnDay,
    OutputFormat,
    day_option,
    parse_amount,
    parse_day,
    parse_quantity,
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write

app = typer.Typer(
    help="食堂 / Canteen food safety: receipts with licences, samples, leaders at table, health certificates.",
    no_args_is_help=True,
)


@app.command("receive")
def receive(
    *,
    ctx: typer.Context,
    supplier: Annotated[str, typer.Option("--supplier", help="供货方 Supplier.")],
    item: Annotated[list[str], typer.Option("--item", help="NAME:QTY:UNIT:AMOUNT:CERTIFICATE (合格证明编号). Repeat.")],
    acceptor: Annotated[str, typer.Option("--acceptor", help="验收人 Who accepted it.")],
    licence: Annotated[str | None, typer.Option("--licence", help="食品经营许可证或营业执照号 (索证).")] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """食材验收 / Accept food into the canteen: the supplier's licence (索证) and each batch's certificate
    (索票) recorded.

    Example: houqin canteen receive --supplier 青禾县绿源蔬菜配送站 --licence JY13607210012345 --item 青菜:50:斤:90.00:QJ-20261012-03 --acceptor 吴芳
    """
    from houqin.services.canteen import receive_food

    lines = []
    for text in item:
        parts = [p.strip() for p in text.split(":")]
        if len(parts) not in (4, 5) or not all(parts[:4]):
            raise typer.BadParameter(f"{text!r}: NAME:QTY:UNIT:AMOUNT[:CERTIFICATE]", param_hint="--item")
        cert = parts[4] if len(parts) == 5 and parts[4] else None
        lines.append((parts[0], parse_quantity(parts[1]), parts[2], parse_amount(parts[3], "--item"), cert))
    run_write(
        ctx,
        lambda ledger: receive_food(ledger, supplier, licence, lines, acceptor, day),
        lambda r: f"canteen receive {r.id} {supplier}",
        no_commit=no_commit,
    )


@app.command("meal")
def meal(
    *,
    ctx: typer.Context,
    served: Annotated[int, typer.Option("--served", min=1, max=100_000, help="用餐学生人数 Students served.")],
    sample: Annotated[list[str], typer.Option("--sample", help="留样 DISH:GRAMS. Repeat.")],
    at: Annotated[str, typer.Option("--at", help="留样时间 HH:MM.")],
    keeper: Annotated[str, typer.Option("--keeper", help="留样人 Who took the samples.")],
    kind: Annotated[str, typer.Option("--meal", help="breakfast, lunch or dinner.")] = "lunch",
    accompanied_by: Annotated[
        list[str] | None, typer.Option("--accompanied-by", help="陪餐的学校负责人 Leader at table. Repeat.")
    ] = None,
    staff: Annotated[list[str] | None, typer.Option("--staff", help="上岗的食堂人员 Canteen staff. Repeat.")] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """餐次记录 / Record a meal: students served, each dish's sample (留样), the leaders who ate with the
    students (陪餐) and the staff on duty.

    Example: houqin canteen meal --served 640 --sample 红烧鸡块:150 --sample 炒青菜:130 --at 11:20 --keeper 吴芳 --accompanied-by 刘志强 --staff 黄秀兰
    """
    from houqin.services.canteen import record_meal

    samples = []
    for text in sample:
        dish, _, grams = text.rpartition(":")
        if not dish.strip():
            raise typer.BadParameter(f"{text!r}: DISH:GRAMS", param_hint="--sample")
        samples.append((dish.strip(), parse_quantity(grams)))
    run_write(
        ctx,
        lambda ledger: record_meal(ledger, kind, served, samples, at, keeper, accompanied_by or [], staff or [], day),
        lambda r: f"canteen meal {r.id} {day} {kind}",
        no_commit=no_commit,
    )


@app.command("discard")
def discard(
    *,
    ctx: typer.Context,
    meal_id: Annotated[str, typer.Argument(help="餐次编号 Meal id.")],
    at: Annotated[str, typer.Option("--at", help="销毁时间 HH:MM.")],
    by: Annotated[str, typer.Option("--by", help="销毁人 Who threw the samples away.")],
    day: Annotated[dt.date, day_option("--on", help="销毁日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """留样销毁 / Record that a meal's samples were thrown away (no sooner than the policy's hours).

    Example: houqin canteen discard CC-2026-0041 --at 11:30 --by 吴芳
    """
    from houqin.services.canteen import discard_samples

    run_write(
        ctx,
        lambda ledger: discard_samples(ledger, meal_id, day, at, by),
        lambda r: f"canteen discard {r.id}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("certificate")
def certificate(
    *,
    ctx: typer.Context,
    person: Annotated[str, typer.Option("--person", help="食堂人员 Who holds it.")],
    number: Annotated[str, typer.Option("--number", help="健康证编号 Certificate number.")],
    until: Annotated[str, typer.Option("--until", help="有效期至 Valid until.")],
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """健康证 / Record a canteen worker's health certificate (issued on --date, valid until --until).

    Example: houqin canteen certificate --person 黄秀兰 --number 3607212026001234 --until 2027-08-31 --date 2026-09-01
    """
    from houqin.services.canteen import record_certificate

    valid = parse_day(until, "--until")
    run_write(
        ctx,
        lambda ledger: record_certificate(ledger, person, number, valid, day),
        lambda r: f"canteen certificate {r.id} {person}",
        no_commit=no_commit,
    )


@app.command("report")
def report(
    ctx: typer.Context,
    month: Annotated[str, typer.Option("--month", help="月份 YYYY-MM.")],
    fmt: Format = OutputFormat.text,
) -> None:
    """食堂月报 / The month's food received, student-meals served and the food cost per student-meal, with
    how many meals had a leader at table.

    Example: houqin canteen report --month 2026-10
    """
    from houqin.cli.finance import check_month
    from houqin.render.canteen import canteen_json, print_canteen_month
    from houqin.render.output import show
    from houqin.reports.canteen import canteen_month

    state = get_state(ctx)
    result = canteen_month(state.books(), check_month(month))
    show(
        fmt,
        "canteen report",
        result,
        lambda out: print_canteen_month(out, result, state.lang),
        pages={"json": lambda: canteen_json(result)},
    )

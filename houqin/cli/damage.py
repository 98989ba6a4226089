"""houqin damage: 公物损坏赔偿 — report, assess, settle (谁损坏谁赔偿)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

import typer

from houqin.cli.options import NoCommit, OnDay, day_option, parse_amount
from houqin.cli.writing import run_write

app = typer.Typer(help="损坏赔偿 / Damage to school property: report, assess, settle.", no_args_is_help=True)


class Who(StrEnum):
    staff = "staff"
    student = "student"
    other = "other"


class How(StrEnum):
    paid = "paid"
    waived = "waived"


@app.command("report")
def report(
    *,
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 The damaged asset.")],
    name: Annotated[str, typer.Option("--by", help="责任人 Who caused it.")],
    description: Annotated[str, typer.Option("--description", help="损坏情况 What happened.")],
    who: Annotated[Who, typer.Option("--who", help="staff, student or other.")] = Who.staff,
    class_: Annotated[str | None, typer.Option("--class", help="学生所在班级 The student's class.")] = None,
    guardian: Annotated[str | None, typer.Option("--guardian", help="监护人 The student's guardian.")] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """登记损坏 / Report damage to an asset and who is responsible (a student through class and guardian).

    Example: houqin damage report ZC-2021-0016 --who student --by 王小明 --class '五年级(1)班' --guardian 王建军
    --description 课间打闹撞裂屏幕
    """
    from houqin.services.repairs import report_damage

    run_write(
        ctx,
        lambda ledger: report_damage(ledger, asset, who.value, name, description, day, class_, guardian),
        lambda r: f"damage report {r.id} {asset}",  # no names: a student's name stays out of the history line
        no_commit=no_commit,
    )


@app.command("assess")
def assess(
    *,
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="赔偿案编号 Case id.")],
    amount: Annotated[str, typer.Option("--amount", help="核定赔偿金额（元）Amount.")],
    by: Annotated[str, typer.Option("--by", help="核定人 Who assessed it.")],
    reason: Annotated[str | None, typer.Option("--reason", help="超过账面净值时的理由.")] = None,
    day: Annotated[dt.date, day_option("--on", help="核定日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """核定 / Assess the compensation (no more than the asset's book value unless a reason is given).

    Example: houqin damage assess PC-2026-0001 --amount 1200 --by 李明
    """
    from houqin.services.repairs import assess_damage

    value = parse_amount(amount)
    run_write(
        ctx,
        lambda ledger: assess_damage(ledger, case, value, by, day, reason),
        lambda r: f"damage assess {r.id} {value} 元",
        replace=True,
        no_commit=no_commit,
    )


@app.command("settle")
def settle(
    *,
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="赔偿案编号 Case id.")],
    how: Annotated[How, typer.Option("--how", help="paid 已赔付 | waived 免赔 (the principal signs).")],
    receipt: Annotated[str | None, typer.Option("--receipt", help="收据号 Receipt number.")] = None,
    income: Annotated[str | None, typer.Option("--income", help="收入记录编号 Income record.")] = None,
    day: Annotated[dt.date, day_option("--on", help="结案日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """结案 / Settle a case: paid with its receipt, or waived with the principal's signature (houqin sign).

    Example: houqin damage settle PC-2026-0001 --how paid --receipt 0012345
    """
    from houqin.services.repairs import settle_damage

    run_write(
        ctx,
        lambda ledger: settle_damage(ledger, case, how.value, day, receipt, income),
        lambda r: f"damage settle {r.id} {how.value}",
        replace=True,
        no_commit=no_commit,
    )

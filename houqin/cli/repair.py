"""houqin repair: 报修单 → 维修 → 报修人验收签字."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import NoCommit, OnDay, SigningKey, day_option, key_signer, parse_amount_or_zero
from houqin.cli.writing import run_write

app = typer.Typer(help="报修 / Repair tickets: open, close with the reporter's acceptance.", no_args_is_help=True)


@app.command("open")
def open_(
    *,
    ctx: typer.Context,
    reporter: Annotated[str, typer.Option("--reporter", help="报修人 Who reports it.")],
    fault: Annotated[str, typer.Option("--fault", help="故障描述 What is wrong.")],
    asset: Annotated[str | None, typer.Option("--asset", help="资产编号 Asset id (or scanned label).")] = None,
    place: Annotated[str | None, typer.Option("--place", help="地点编号 Place id (a leaking tap, a door).")] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """报修 / Open a repair ticket for an asset or a place.

    Example: houqin repair open --place JX-101 --reporter 陈晓东 --fault 教室后门锁坏
    """
    from houqin.services.repairs import open_repair

    run_write(
        ctx,
        lambda ledger: open_repair(ledger, reporter, fault, day, asset, place),
        lambda r: f"repair open {r.id} {asset or place}: {fault}",
        no_commit=no_commit,
    )


@app.command("close")
def close(
    *,
    ctx: typer.Context,
    ticket: Annotated[str, typer.Argument(help="报修单编号 Ticket id.")],
    work: Annotated[str, typer.Option("--work", help="维修内容 What was done.")],
    accepted_by: Annotated[str, typer.Option("--accepted-by", help="验收人: the reporter signs it off.")],
    cost: Annotated[str | None, typer.Option("--cost", help="维修费用（元）Cost.")] = None,
    expense: Annotated[str | None, typer.Option("--expense", help="报销单编号 The claim that paid it.")] = None,
    repairer: Annotated[str | None, typer.Option("--repairer", help="维修人/单位 Who repaired it.")] = None,
    day: Annotated[dt.date, day_option("--on", help="完工日期 (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """维修完毕 / Close a ticket with the work done and the reporter's acceptance signature.

    Example: houqin repair close WX-2026-0003 --work 更换门锁 --cost 45 --accepted-by 陈晓东
    """
    from houqin.services.repairs import close_repair

    amount = parse_amount_or_zero(cost, "--cost") if cost else None
    run_write(
        ctx,
        lambda ledger: close_repair(ledger, ticket, work, accepted_by, day, amount, expense, repairer),
        lambda r: f"repair close {r.id} accepted by {accepted_by}",
        signer=key_signer(key),
        replace=True,
        no_commit=no_commit,
    )

"""houqin purchase: 请购、审批、报价、验收 — from a department's request to goods in stock and on the register."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import (
    ApprovalNumber,
    Attendees,
    Decision,
    Format,
    MeetingOn,
    NoCommit,
    OnDay,
    OutputFormat,
    SigningKey,
    day_option,
    key_signer,
    own_route,
    parse_amount,
    parse_quantity,
    required_day,
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write

app = typer.Typer(help="请购 / Purchases: request, approve, quote, accept.", no_args_is_help=True)


def _parts(text: str, count: int, shape: str) -> list[str]:
    parts = [p.strip() for p in text.split(":")]
    if len(parts) != count or not all(parts):
        raise typer.BadParameter(f"{text!r}: 格式为 / the form is {shape}")
    return parts


@app.command("request")
def request(
    *,
    ctx: typer.Context,
    department: Annotated[str, typer.Option("--department", help="申请部门 Department.")],
    requester: Annotated[str, typer.Option("--requester", help="申请人 Who asks.")],
    budget_line: Annotated[str, typer.Option("--budget-line", help="预算科目 Budget line, e.g. 30201.")],
    purpose: Annotated[str, typer.Option("--purpose", help="用途 What for.")],
    item: Annotated[
        list[str] | None, typer.Option("--item", help="易耗品 ITEM:QUANTITY:UNIT_PRICE (estimate). Repeat.")
    ] = None,
    asset: Annotated[
        list[str] | None,
        typer.Option("--asset", help="固定资产 NAME:CATEGORY:QUANTITY:UNIT_PRICE (estimate). Repeat."),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 Note.")] = None,
    meeting_on: MeetingOn = None,
    attendee: Attendees = None,
    decision: Decision = None,
    authority: ApprovalNumber = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """请购 / Raise a purchase request: items or new assets with estimated prices, against a budget line
    (the principal's own request: --meeting-on/--attendee/--decision or --authority).

    Example: houqin purchase request --department 教务处 --requester 钱红 --budget-line 30201
    --purpose 期末考试用纸 --item paper-a4:40:23.50 --asset 激光打印机:A02021000:1:1850
    """
    from houqin.services.purchases import request_purchase

    lines: list[dict[str, object]] = []
    for text in item or []:
        item_id, qty, price = _parts(text, 3, "ITEM:QUANTITY:UNIT_PRICE")
        lines.append(
            {"item": item_id, "quantity": parse_quantity(qty, "--item"), "estimate": parse_amount(price, "--item")}
        )
    for text in asset or []:
        name, category, qty, price = _parts(text, 4, "NAME:CATEGORY:QUANTITY:UNIT_PRICE")
        lines.append(
            {
                "asset": name,
                "category": category,
                "quantity": parse_quantity(qty, "--item"),
                "estimate": parse_amount(price, "--item"),
            }
        )
    if not lines:
        raise typer.BadParameter("至少一项 --item 或 --asset / give at least one --item or --asset")
    route = own_route(meeting_on, attendee, decision, authority)
    run_write(
        ctx,
        lambda ledger: request_purchase(
            ledger,
            department=department,
            requester=requester,
            budget_line=budget_line,
            purpose=purpose,
            lines=lines,
            day=day,
            note=note,
            route=route,
        ),
        lambda r: f"purchase request {r.id} {department} {purpose}",
        no_commit=no_commit,
    )


@app.command("approve")
def approve(
    *,
    ctx: typer.Context,
    purchase: Annotated[str, typer.Argument(help="请购单编号 Purchase id, e.g. CG-2026-0004.")],
    step: Annotated[
        str,
        typer.Option("--as", help="部门负责人 department_head | 主管领导 supervisor | 校长 principal (中文或英文)."),
    ],
    by: Annotated[str, typer.Option("--by", help="审批人 Approver (people.yaml name).")],
    day: Annotated[dt.date, day_option("--on", help="审批日期 YYYY-MM-DD (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """审批 / Approve a request at one step; refused if the approver may not sign it.

    Example: houqin purchase approve CG-2026-0004 --as supervisor --by 刘志强
    """
    from houqin.i18n import role_key
    from houqin.services.purchases import approve_purchase

    run_write(
        ctx,
        lambda ledger: approve_purchase(ledger, purchase, step, by, day, key=key_signer(key)),
        lambda r: f"purchase approve {r.id} {role_key(step)} {by}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("quote")
def quote(
    *,
    ctx: typer.Context,
    purchase: Annotated[str, typer.Argument(help="请购单编号 Purchase id.")],
    supplier: Annotated[str, typer.Option("--supplier", help="供应商 Supplier.")],
    amount: Annotated[str, typer.Option("--amount", help="报价总额（元）Quoted total.")],
    day: Annotated[dt.date, day_option("--on", help="报价日期 YYYY-MM-DD (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """报价 / Record a supplier's quote (货比三家: three above the policy's threshold).

    Example: houqin purchase quote CG-2026-0004 --supplier 县百货批发部 --amount 6120.00
    """
    from houqin.services.purchases import add_quote

    total = parse_amount(amount)
    run_write(
        ctx,
        lambda ledger: add_quote(ledger, purchase, supplier, total, day),
        lambda r: f"purchase quote {r.id} {supplier} {total}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("meeting")
def meeting(
    ctx: typer.Context,
    purchase: Annotated[str, typer.Argument(help="请购单编号 Purchase id.")],
    day: Annotated[dt.date, required_day("--on", help="会议日期 YYYY-MM-DD.")],
    attendee: Annotated[list[str], typer.Option("--attendee", help="出席人 Who attended. Repeat.")],
    decision: Annotated[str, typer.Option("--decision", help="会议决定 The decision.")],
    no_commit: NoCommit = False,
) -> None:
    """三重一大 / Record the leadership's collective decision on a large purchase.

    Example: houqin purchase meeting CG-2026-0009 --on 2026-09-08 --attendee 王建国 --attendee 刘志强
    --decision 同意采购
    """
    from houqin.services.purchases import record_meeting

    run_write(
        ctx,
        lambda ledger: record_meeting(ledger, purchase, day, attendee, decision),
        lambda r: f"purchase meeting {r.id} {day}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("accept")
def accept(
    *,
    ctx: typer.Context,
    purchase: Annotated[str, typer.Argument(help="请购单编号 Purchase id.")],
    acceptor: Annotated[str, typer.Option("--acceptor", help="验收人 Who counted the goods in.")],
    witness: Annotated[str, typer.Option("--witness", help="证明人 Witness of the acceptance.")],
    supplier: Annotated[str | None, typer.Option("--supplier", help="供应商 Supplier.")] = None,
    got: Annotated[
        list[str] | None,
        typer.Option("--got", help="LINE=QUANTITY@UNIT_PRICE when a line differs from the request. Repeat."),
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="新资产存放地点 Place of new assets.")] = None,
    keeper: Annotated[str | None, typer.Option("--keeper", help="新资产保管人 Keeper of new assets.")] = None,
    funding: Annotated[str, typer.Option("--funding", help="经费来源 Funding of new assets.")] = "财政拨款",
    unit: Annotated[
        str | None, typer.Option("--unit", help="资产计量单位 Unit of new assets (default: each category's).")
    ] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """验收 / Accept the goods: stock-in for consumables and asset cards for fixed assets, in one commit
    (--key: the key holder's own signatures on them by key).

    Example: houqin purchase accept CG-2026-0004 --acceptor 周强 --witness 李明 --supplier 县百货批发部
    --got 1=40@22.80 --place BG-201 --keeper 钱红
    """
    from houqin.i18n import t
    from houqin.render.console import console, print_written
    from houqin.services.purchases import Arrived, AssetPlacing, accept_purchase
    from houqin.services.signing import all_by_key
    from houqin.services.writes import write_many

    arrived = []
    for text in got or []:
        line, sep, rest = text.partition("=")
        qty, at, price = rest.partition("@")
        if not sep or not at or not line.strip().isdigit():
            raise typer.BadParameter(f"{text!r}: 格式为 / the form is LINE=QUANTITY@UNIT_PRICE")
        arrived.append(Arrived(int(line), parse_quantity(qty, "--got"), parse_amount(price, "--got")))
    placing = AssetPlacing(place, keeper, funding, unit) if place and keeper else None
    signer = key_signer(key)
    state = get_state(ctx)
    root = state.root(write=True)
    outcome = write_many(
        root,
        lambda session: all_by_key(
            session.ledger,
            accept_purchase(
                session.ledger,
                purchase,
                acceptor=acceptor,
                witness=witness,
                day=day,
                supplier=supplier,
                arrived=arrived,
                placing=placing,
            ),
            signer,
        ),
        lambda rs: f"purchase accept {rs[0].id}: " + ", ".join(r.id for r in rs[1:]),
        commit=not no_commit,
    )
    first = outcome.records[0]
    print_written(first.id, outcome.paths[0], outcome.message, outcome.committed, state.lang, root)
    console().print(t("accepted_into", state.lang, ids=", ".join(r.id for r in outcome.records[1:])))


@app.command("list")
def list_purchases(
    ctx: typer.Context,
    pending: Annotated[bool, typer.Option("--pending", help="Only requests not yet accepted.")] = False,
    fmt: Format = OutputFormat.text,
) -> None:
    """请购单列表 / Purchases with their amount, the approvals they still need, quotes and acceptance.

    Example: houqin purchase list --pending
    """
    from houqin.render.output import show
    from houqin.render.tables import print_purchases
    from houqin.reports.purchases import purchase_rows

    state = get_state(ctx)
    ledger = state.books()
    rows = purchase_rows(ledger, pending_only=pending)
    show(fmt, "purchase list", rows, lambda out: print_purchases(out, rows, state.lang), fields=dict(pending=pending))

"""houqin income / advance / budget / fee: receipts, cash advances, the budget and the fee notices."""

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
    parse_amount_or_zero,
    parse_day,
    parse_signed_amount,
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write

income_app = typer.Typer(help="收入 / Income: fees, compensation, canteen receipts, grants.", no_args_is_help=True)
advance_app = typer.Typer(help="借款 / Cash advances: request, approve, pay, settle.", no_args_is_help=True)
budget_app = typer.Typer(help="预算 / Budget: execution per line, adjustments.", no_args_is_help=True)
fee_app = typer.Typer(
    help="收费与代办费 / Fees: notices approved and published; 代办费 settled at term end, refunded (多退) "
    "and topped up (少补).",
    no_args_is_help=True,
)

Cashier = Annotated[str, typer.Option("--by", help="出纳 The cashier.")]
Account = Annotated[
    str,
    typer.Option(
        "--account", help="账户 Account id: cash 现金 | bank 银行存款 | canteen 食堂, or one catalog.yaml lists."
    ),
]


@income_app.command("add")
def income_add(
    *,
    ctx: typer.Context,
    kind: Annotated[
        str, typer.Argument(help="fee 收费 | compensation 赔偿 | canteen 食堂 | grant 拨款 | shop 商店营业款 | other.")
    ],
    amount: Annotated[str, typer.Option("--amount", help="金额（元）Amount received.")],
    payer: Annotated[str, typer.Option("--payer", help="交款人/单位 Who paid (a class for fees).")],
    received_by: Cashier,
    account: Account = "bank",
    fee_item: Annotated[str | None, typer.Option("--fee-item", help="收费项目 Published fee item id.")] = None,
    class_: Annotated[str | None, typer.Option("--class", help="班级 Class (fees).")] = None,
    students: Annotated[
        int | None, typer.Option("--students", min=1, max=100_000, help="人数 Students who paid.")
    ] = None,
    damage: Annotated[str | None, typer.Option("--damage", help="赔偿案编号 Damage case (compensation).")] = None,
    purpose: Annotated[str | None, typer.Option("--purpose", help="摘要 What it is.")] = None,
    receipt: Annotated[
        int | None, typer.Option("--receipt", min=1, max=10**12, help="收据号 The receipt written for it.")
    ] = None,
    receipt_date: Annotated[
        str | None, typer.Option("--receipt-date", help="开票日期 When the receipt was written, if not --date.")
    ] = None,
    takings_from: Annotated[
        str | None, typer.Option("--takings-from", help="商店营业款：从哪天的销售 (kind shop; default --date).")
    ] = None,
    takings_to: Annotated[
        str | None, typer.Option("--takings-to", help="商店营业款：到哪天的销售 (kind shop; default --date).")
    ] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """收款 / Record a receipt into an account; fees only for published items, at the published amount.

    Example: houqin income add fee --fee-item GS-milk --class '三年级(2)班' --students 42 --amount 1260.00
    --payer '三年级(2)班' --by 赵丽 --account bank --receipt 2026117
    """
    from houqin.services.finance import add_income

    value = parse_amount(amount)
    fields = {
        "kind": kind,
        "amount": value,
        "account": account,
        "payer": payer,
        "received_by": received_by,
        "fee_item": fee_item,
        "class_": class_,
        "students": students,
        "damage": damage,
        "purpose": purpose,
        "receipt": receipt,
        "receipt_date": parse_day(receipt_date, "--receipt-date"),
        "takings_from": parse_day(takings_from, "--takings-from"),
        "takings_to": parse_day(takings_to, "--takings-to"),
    }
    run_write(
        ctx,
        lambda ledger: add_income(ledger, day, **{k: v for k, v in fields.items() if v is not None}),
        lambda r: f"income add {r.id} {kind} {value} → {account}",
        no_commit=no_commit,
    )


@advance_app.command("request")
def advance_request(
    *,
    ctx: typer.Context,
    person: Annotated[str, typer.Option("--person", help="借款人 Who borrows.")],
    amount: Annotated[str, typer.Option("--amount", help="金额（元）Amount.")],
    purpose: Annotated[str, typer.Option("--purpose", help="用途 What for.")],
    meeting_on: MeetingOn = None,
    attendee: Attendees = None,
    decision: Decision = None,
    authority: ApprovalNumber = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """借条 / Ask for a cash advance (the principal approves it before the cashier pays; the principal's
    own advance carries --meeting-on/--attendee/--decision or --authority, and the vice-principal approves it).

    Example: houqin advance request --person 冯刚 --amount 3000 --purpose 带队参加市运动会
    """
    from houqin.services.finance import request_advance

    value = parse_amount(amount)
    route = own_route(meeting_on, attendee, decision, authority)
    run_write(
        ctx,
        lambda ledger: request_advance(ledger, person, value, purpose, day, route),
        lambda r: f"advance request {r.id} {person} {value}",
        no_commit=no_commit,
    )


@advance_app.command("approve")
def advance_approve(
    *,
    ctx: typer.Context,
    advance: Annotated[str, typer.Argument(help="借款编号 Advance id.")],
    by: Annotated[str, typer.Option("--by", help="校长 The principal.")],
    day: Annotated[dt.date, day_option("--on", help="YYYY-MM-DD (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """批准借款 / The principal approves an advance (借条需校长批准).

    Example: houqin advance approve JK-2026-0005 --by 王建国
    """
    from houqin.services.finance import approve_advance

    run_write(
        ctx,
        lambda ledger: approve_advance(ledger, advance, by, day, key=key_signer(key)),
        lambda r: f"advance approve {r.id} {by}",
        replace=True,
        no_commit=no_commit,
    )


@advance_app.command("pay")
def advance_pay(
    *,
    ctx: typer.Context,
    advance: Annotated[str, typer.Argument(help="借款编号 Advance id.")],
    by: Cashier,
    account: Account = "cash",
    day: Annotated[dt.date, day_option("--on", help="YYYY-MM-DD (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """付借款 / The cashier pays the advance out; refused without the principal's approval.

    Example: houqin advance pay JK-2026-0005 --by 赵丽
    """
    from houqin.services.finance import pay_advance

    run_write(
        ctx,
        lambda ledger: pay_advance(ledger, advance, by, day, account, key_signer(key)),
        lambda r: f"advance pay {r.id} {by}",
        replace=True,
        no_commit=no_commit,
    )


@advance_app.command("settle")
def advance_settle(
    *,
    ctx: typer.Context,
    advance: Annotated[str, typer.Argument(help="借款编号 Advance id.")],
    claim: Annotated[list[str] | None, typer.Option("--claim", help="报销单 Claims that spent it. Repeat.")] = None,
    returned: Annotated[str, typer.Option("--returned", help="退回现金（元）Cash returned.")] = "0",
    day: Annotated[dt.date, day_option("--on", help="YYYY-MM-DD (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """报销冲账 / Settle an advance with the claims that spent it and the cash returned (they must add up).

    Example: houqin advance settle JK-2026-0005 --claim BX-2026-0061 --returned 140.00
    """
    from houqin.services.finance import settle_advance

    value = parse_amount_or_zero(returned, "--returned")
    run_write(
        ctx,
        lambda ledger: settle_advance(ledger, advance, claim or [], value, day),
        lambda r: f"advance settle {r.id}",
        replace=True,
        no_commit=no_commit,
    )


@budget_app.command("show")
def budget_show(
    *,
    ctx: typer.Context,
    day: Annotated[dt.date, day_option("--at", help="As of this day (default: today).")],
    fmt: Format = OutputFormat.text,
) -> None:
    """预算执行 / Budget per line with approved adjustments, spent to date, remaining and percentage used.

    Example: houqin budget show --at 2026-06-30
    """
    from houqin.render import finance as render
    from houqin.render.output import show
    from houqin.reports.finance import budget_use

    state = get_state(ctx)
    uses = budget_use(state.books(), day)
    show(
        fmt,
        "budget show",
        uses,
        lambda out: render.print_sections(out, [render.budget_section(uses, state.lang, day)], state.lang),
        fields=dict(at=day),
    )


@budget_app.command("adjust")
def budget_adjust(
    *,
    ctx: typer.Context,
    line: Annotated[str, typer.Argument(help="预算科目 Budget line, e.g. 30201.")],
    amount: Annotated[str, typer.Option("--amount", help="调整金额（元）; negative to cut.")],
    reason: Annotated[str, typer.Option("--reason", help="理由 Why.")],
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="校长 The principal.")] = None,
    year: Annotated[
        int | None, typer.Option("--year", min=2000, max=2100, help="预算年度 (default: this year).")
    ] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """预算调整 / Raise or cut a budget line; it counts only with the principal's approval (by key with --key).

    Example: houqin budget adjust 30213 --amount 5000 --reason 暑期校舍维修 --approved-by 王建国
    """
    from houqin.services.finance import adjust_budget

    value = parse_signed_amount(amount)
    run_write(
        ctx,
        lambda ledger: adjust_budget(ledger, line, year or day.year, value, reason, day, approved_by),
        lambda r: f"budget adjust {r.id} {line} {value}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@fee_app.command("publish")
def fee_publish(
    *,
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id.")],
    item: Annotated[list[str], typer.Option("--item", help="ID:NAME:AMOUNT[:BASIS] per student. Repeat.")],
    where: Annotated[str, typer.Option("--where", help="公示地点 Where it was published.")],
    day: Annotated[dt.date, day_option("--published", help="公示日期 (default: today).")],
    on_behalf: Annotated[
        list[str] | None,
        typer.Option(
            "--on-behalf", help="代办费: the id of an --item collected on behalf, settled at term end. Repeat."
        ),
    ] = None,
    no_commit: NoCommit = False,
) -> None:
    """收费公示 / Record the fee notice of a term; the principal approves it (houqin sign … --as principal).
    An item collected on behalf (代办费: workbooks, insurance) is named with --on-behalf and settled at
    term end with houqin fee settle.

    Example: houqin fee publish --term 2026-2027-1 --item milk:学生奶:300.00:县物价局〔2026〕12号
    --where 校门公示栏
    """
    from houqin.services.finance import publish_fees

    items = []
    for text in item:
        parts = [p.strip() for p in text.split(":")]
        if len(parts) not in (3, 4) or not all(parts):
            raise typer.BadParameter(f"{text!r}: 格式为 / the form is ID:NAME:AMOUNT[:BASIS]")
        entry: dict[str, object] = {"id": parts[0], "name": parts[1], "amount": parse_amount(parts[2], "--item")}
        if len(parts) == 4:
            entry["basis"] = parts[3]
        if parts[0] in (on_behalf or ()):
            entry["on_behalf"] = True
        items.append(entry)
    unknown = sorted(set(on_behalf or ()) - {str(e["id"]) for e in items})
    if unknown:
        raise typer.BadParameter(f"--on-behalf {', '.join(unknown)}: 不是 --item 的编号 / not the id of an --item")
    run_write(
        ctx,
        lambda ledger: publish_fees(ledger, term, items, day, where, day),
        lambda r: f"fee publish {r.id} {term}",
        no_commit=no_commit,
    )


@fee_app.command("settle")
def fee_settle(
    *,
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id.")],
    item: Annotated[str, typer.Option("--item", help="代办费项目 The item collected on behalf.")],
    by: Annotated[str, typer.Option("--by", help="会计 Who settles it (the accountant).")],
    where: Annotated[str, typer.Option("--where", help="公示地点 Where the settlement is published.")],
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """代办费结算 / Settle an item collected on behalf once its term has ended: spending shared by head,
    each class refunded or topped up (多退少补), and the public notice printed. The accountant's step is
    written (signed with --key); the principal approves it (houqin sign JS-… --as principal) before
    refunds are paid (houqin fee refund) or top-ups collected (houqin fee collect).

    Example: houqin fee settle --term 2025-2026-2 --item workbook-2025-2026-2 --by 孙慧 --where 校门公示栏
    """
    from houqin.models.records import FeeSettlement
    from houqin.render.console import console
    from houqin.render.fees import print_fee_settlement
    from houqin.reports.finance import settlement_notice
    from houqin.services.finance import settle_fee

    record = run_write(
        ctx,
        lambda ledger: settle_fee(ledger, term, item, by, day, where),
        lambda r: f"fee settle {r.id} {item} {term}",
        signer=key_signer(key),
        no_commit=no_commit,
    )
    if not isinstance(record, FeeSettlement):  # what settle_fee builds, as written back
        raise TypeError(f"fee settle wrote {type(record).__name__}")
    state = get_state(ctx)
    print_fee_settlement(console(), settlement_notice(state.books(), record), state.lang)


@fee_app.command("collect")
def fee_collect(
    *,
    ctx: typer.Context,
    settlement: Annotated[str, typer.Argument(help="代办费结算编号 Settlement id (JS-…).")],
    class_: Annotated[str, typer.Option("--class", help="班级 The class paying its top-up (少补).")],
    by: Cashier,
    receipt: Annotated[
        int | None, typer.Option("--receipt", min=1, max=10**12, help="收据号 The receipt written for it.")
    ] = None,
    amount: Annotated[
        str | None, typer.Option("--amount", help="金额（元）Amount (default: the class's top-up still owed).")
    ] = None,
    account: Annotated[
        str | None,
        typer.Option("--account", help="账户 Account id (default: the account the class's fees went to)."),
    ] = None,
    receipt_date: Annotated[
        str | None, typer.Option("--receipt-date", help="开票日期 When the receipt was written, if not --date.")
    ] = None,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """少补 / The cashier collects a class's top-up its settlement states, as fee income with its receipt.

    Example: houqin fee collect JS-2026-0002 --class '三年级(2)班' --by 赵丽 --receipt 2026101
    """
    from houqin.services.finance import collect_top_up

    value = parse_amount(amount, "--amount") if amount is not None else None
    when = parse_day(receipt_date, "--receipt-date")
    run_write(
        ctx,
        lambda ledger: collect_top_up(ledger, settlement, class_, by, day, account, value, receipt, when),
        lambda r: f"fee collect {r.id} {settlement} {class_}",
        no_commit=no_commit,
    )


@fee_app.command("refund")
def fee_refund(
    *,
    ctx: typer.Context,
    settlement: Annotated[str, typer.Argument(help="代办费结算编号 Settlement id (JS-…).")],
    by: Cashier,
    account: Account = "bank",
    day: Annotated[dt.date, day_option("--on", help="退款日期 YYYY-MM-DD (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """多退 / The cashier pays each class the refund its settlement states, from an account of the books,
    once the principal approved the settlement; the payment is signed by the cashier's --key.

    Example: houqin fee refund JS-2026-0001 --by 赵丽 --account daiban
    """
    from houqin.services.finance import refund_fee

    run_write(
        ctx,
        lambda ledger: refund_fee(ledger, settlement, by, account, day, key_signer(key)),
        lambda r: f"fee refund {r.id} from {account}",
        replace=True,
        no_commit=no_commit,
    )

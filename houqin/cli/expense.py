"""houqin expense: reimbursements and their three signatures (经手人、证明人、校长)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
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
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write


class ClaimStatus(StrEnum):
    awaiting = "awaiting"
    unpaid = "unpaid"
    paid = "paid"


app = typer.Typer(help="报销 / Reimbursements: file a claim, sign it, list them.", no_args_is_help=True)


@app.command("add")
def add(
    *,
    ctx: typer.Context,
    payee: Annotated[str, typer.Option("--payee", help="收款方 Payee.")],
    amount: Annotated[str, typer.Option("--amount", help="金额（元）Amount, e.g. 1299.50.")],
    budget_line: Annotated[str, typer.Option("--budget-line", help="预算科目 Budget line id, e.g. 30201.")],
    purpose: Annotated[str, typer.Option("--purpose", help="用途 Purpose.")],
    invoice: Annotated[list[str], typer.Option("--invoice", help="发票号码: 20 digits, or CODE-NUMBER. Repeat.")],
    invoice_date: Annotated[list[str], typer.Option("--invoice-date", help="开票日期 per --invoice.")],
    advance: Annotated[str | None, typer.Option("--advance", help="冲销的借款编号 Advance settled.")] = None,
    purchase: Annotated[str | None, typer.Option("--purchase", help="采购单编号 Purchase id.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 Note.")] = None,
    fee_item: Annotated[
        str | None, typer.Option("--fee-item", help="代办费: the fee item (collected on behalf) it spends against.")
    ] = None,
    meeting_on: MeetingOn = None,
    attendee: Attendees = None,
    decision: Decision = None,
    authority: ApprovalNumber = None,
    date: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """填报销单 / File a reimbursement claim (signatures follow with `expense sign`). The principal's own
    claim carries the leadership meeting (--meeting-on, --attendee, --decision) or the superior's
    approval number (--authority), and the vice-principal signs its principal step.

    Example: houqin expense add --payee 文具店 --amount 1299.50 --budget-line 30201
    --purpose 办公用品 --invoice 26442000000012345678 --invoice-date 2026-03-03
    """
    from houqin.cli.invoices import parse_invoices
    from houqin.services.expenses import ClaimDraft, file_claim

    draft = ClaimDraft(
        payee=payee,
        amount=parse_amount(amount),
        budget_line=budget_line,
        purpose=purpose,
        date=date,
        invoices=parse_invoices(invoice, invoice_date),
        advance=advance,
        purchase=purchase,
        note=note,
        fee_item=fee_item,
        route=own_route(meeting_on, attendee, decision, authority),
    )
    run_write(
        ctx,
        lambda ledger: file_claim(ledger, draft),
        lambda r: f"expense add {r.id} {payee} {draft.amount} 元 ({purpose})",
        no_commit=no_commit,
    )


@app.command("sign")
def sign(
    *,
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(help="报销单编号 Claim id, e.g. BX-2026-0012.")],
    step: Annotated[str, typer.Option("--as", help="经手人 handler | 证明人 witness | 校长 principal (中文或英文).")],
    by: Annotated[str, typer.Option("--by", help="签字人 Signer (people.yaml name).")],
    day: Annotated[dt.date, day_option("--on", help="签字日期 YYYY-MM-DD (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """签字 / Add one signature to a claim; refused if the signer may not sign that step.

    Example: houqin expense sign BX-2026-0012 --as 证明人 --by 李红梅 --on 2026-03-05
    """
    from houqin.i18n import role_key
    from houqin.services.expenses import sign_claim

    run_write(
        ctx,
        lambda ledger: sign_claim(ledger, claim, step, by, day, key=key_signer(key)),
        lambda r: f"expense sign {r.id} {role_key(step)} {by}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("pay")
def pay(
    *,
    ctx: typer.Context,
    claim: Annotated[str, typer.Argument(help="报销单编号 Claim id.")],
    by: Annotated[str, typer.Option("--by", help="出纳 The cashier.")],
    account: Annotated[
        str,
        typer.Option(
            "--account", help="账户 Account id: cash 现金 | bank 银行存款 | canteen 食堂, or one catalog.yaml lists."
        ),
    ] = "bank",
    day: Annotated[dt.date, day_option("--on", help="付款日期 YYYY-MM-DD (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """付款 / The cashier pays a claim; refused before its three signatures are complete (方准报销).

    Example: houqin expense pay BX-2026-0012 --by 赵丽 --account bank
    """
    from houqin.services.finance import pay_claim

    run_write(
        ctx,
        lambda ledger: pay_claim(ledger, claim, account, by, day, key_signer(key)),
        lambda r: f"expense pay {r.id} {by} from {account}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("list")
def list_claims(
    ctx: typer.Context,
    pending: Annotated[bool, typer.Option("--pending", help="Only claims awaiting signatures or payment.")] = False,
    month: Annotated[str | None, typer.Option("--month", help="YYYY-MM.")] = None,
    payee: Annotated[str | None, typer.Option("--payee", help="收款方含此文字 Part of the payee's name.")] = None,
    budget_line: Annotated[str | None, typer.Option("--budget-line", help="预算科目 Budget line, e.g. 30201.")] = None,
    status: Annotated[
        ClaimStatus | None, typer.Option("--status", help="awaiting 待签字, unpaid 已签未付, paid 已付.")
    ] = None,
    since: Annotated[str | None, typer.Option("--from", help="日期从 On or after this day.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="日期至 On or before this day.")] = None,
    min_amount: Annotated[str | None, typer.Option("--min-amount", help="金额不低于 At least.")] = None,
    max_amount: Annotated[str | None, typer.Option("--max-amount", help="金额不高于 At most.")] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """报销单列表 / List reimbursements with the signatures they still need.

    Example: houqin expense list --pending
    """
    from houqin.ledger.load import load_ledger
    from houqin.render.output import show
    from houqin.render.tables import print_claims
    from houqin.reports.claims import ClaimFilter, claim_rows

    state = get_state(ctx)
    result = load_ledger(state.root(), strict=True)
    where = ClaimFilter(
        payee=payee,
        budget_line=budget_line,
        status=status.value if status else None,
        since=parse_day(since, "--from"),
        until=parse_day(until, "--to"),
        min_amount=parse_amount_or_zero(min_amount, "--min-amount") if min_amount is not None else None,
        max_amount=parse_amount_or_zero(max_amount, "--max-amount") if max_amount is not None else None,
    )
    rows = claim_rows(result.ledger, pending_only=pending, month=month, where=where)
    show(
        fmt,
        "expense list",
        rows,
        lambda out: print_claims(out, rows, state.lang),
        fields=dict(pending=pending, month=month),
    )

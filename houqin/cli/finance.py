"""houqin finance: 每月清结 — the cashier's balances, the monthly close and its report, reopening a month."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from houqin.cli.options import (
    NoCommit,
    SigningKey,
    day_option,
    key_signer,
    parse_amount,
    parse_amount_or_zero,
    required_day,
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write
from houqin.clock import today

if TYPE_CHECKING:
    from houqin.models.ledger import Ledger
    from houqin.reports.finance import MonthReport

app = typer.Typer(help="财务 / Finance: balances, the monthly close and its report.", no_args_is_help=True)


class ReportFormat(StrEnum):
    text = "text"
    md = "md"
    html = "html"
    pdf = "pdf"
    xlsx = "xlsx"
    json = "json"


Month = Annotated[str, typer.Argument(help="月份 YYYY-MM.")]
Fmt = Annotated[ReportFormat, typer.Option("--format", help="text, md, html, pdf, xlsx or json.")]
Public = Annotated[bool, typer.Option("--public", help="财务公开: totals by category and fee item, no names.")]
Out = Annotated[Path | None, typer.Option("--out", help="Write the report to this file (xlsx needs one).")]


def check_month(text: str) -> str:
    from houqin.models.closing import month_bounds

    try:
        month_bounds(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r}: 月份格式为 YYYY-MM / a month is YYYY-MM") from None
    return text


@app.command("assert")
def assert_(
    *,
    ctx: typer.Context,
    account: Annotated[
        str,
        typer.Argument(help="账户 Account id: cash 现金 | bank 银行存款 | canteen 食堂, or one catalog.yaml lists."),
    ],
    amount: Annotated[str, typer.Argument(help="实有余额（元）The balance counted or on the statement.")],
    day: Annotated[dt.date, day_option("--on", help="At the end of this day (default: today).")],
    by: Annotated[str, typer.Option("--by", help="出纳 Who counted (the cashier).")] = "",
    record_difference: Annotated[
        bool,
        typer.Option(
            "--record-difference", help="现金短缺/溢余: the cash count stands; record it with the books' figure."
        ),
    ] = False,
    no_commit: NoCommit = False,
) -> None:
    """对账 / Record the balance of an account at the end of a day; `houqin check` compares it with the books.
    A cash count that differs and stands is recorded with --record-difference, for the principal to decide.

    Example: houqin finance assert cash 1234.50 --on 2026-03-31 --by 赵丽
    """
    from houqin.services.finance import assert_balance

    if not by:
        raise typer.BadParameter("--by: 出纳 / the cashier")
    value = parse_amount_or_zero(amount)
    run_write(
        ctx,
        lambda ledger: assert_balance(ledger, account, value, day, by, record_difference),
        lambda r: f"finance assert {account} {value} on {day}",
        no_commit=no_commit,
    )


@app.command("open")
def open_(
    ctx: typer.Context,
    day: Annotated[
        dt.date, required_day("--on", help="期初日：余额为该日结束时的余额 / The day the balances stand at its end.")
    ],
    by: Annotated[str, typer.Option("--by", help="会计 The accountant who records them.")],
    cash: Annotated[str | None, typer.Option("--cash", help="现金期初余额（元）Opening cash.")] = None,
    bank: Annotated[str | None, typer.Option("--bank", help="银行存款期初余额（元）Opening bank balance.")] = None,
    account: Annotated[
        list[str] | None,
        typer.Option(
            "--account",
            help="其他账户 ACCOUNT=AMOUNT，可重复（catalog.yaml 的 accounts 中的 id，如 canteen=0）."
            " Another account's opening, repeatable.",
        ),
    ] = None,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """期初余额 / Record the opening balances of the accounts (现金、银行存款 and any other catalog.yaml lists)
    as at the end of a day, in catalog.yaml, in one commit signed by the accountant's key (--key).
    Refused once a month is closed, or when an account already has money recorded before that day.

    Example: houqin finance open --cash 3000.00 --bank 420000.00 --account canteen=0 --on 2026-01-31 --by 孙会计 --key ~/.ssh/id_ed25519
    """
    from houqin.render.console import print_opened
    from houqin.services.finance import opening_balances
    from houqin.services.writes import write_directory

    wanted = [
        (name, parse_amount_or_zero(value, f"--{name}"))
        for name, value in (("cash", cash), ("bank", bank))
        if value is not None
    ]
    for item in account or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(f"{item!r}: 写成 账户=金额 / write ACCOUNT=AMOUNT", param_hint="--account")
        wanted.append((name.strip(), parse_amount_or_zero(value.strip(), "--account")))
    signer = key_signer(key)
    state = get_state(ctx)
    root = state.root(write=True)
    figures = "，".join(f"{name} {value:.2f}" for name, value in wanted)
    path = write_directory(
        root,
        "catalog.yaml",
        lambda ledger, text: opening_balances(
            ledger, text, wanted, day, by, signer.public if signer else None, signer.path if signer else ""
        ),
        f"finance open {figures} on {day} by {by}",
        commit=not no_commit,
        sign_with=Path(signer.path) if signer else None,
    )
    print_opened(wanted, day, by, path, not no_commit, signer is not None, state.lang, root)


@app.command("decide")
def decide(
    *,
    ctx: typer.Context,
    count: Annotated[str, typer.Argument(help="对账编号 The count, e.g. DZ-2026-0031.")],
    by: Annotated[str, typer.Option("--by", help="校长 The principal.")],
    decision: Annotated[str, typer.Option("--decision", help="处理决定, e.g. 由出纳赔偿 / 报批核销 / 转入其他收入.")],
    day: Annotated[dt.date, day_option("--on", help="YYYY-MM-DD (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """校长决定 / The principal's decision on a cash shortage or surplus (现金短缺/溢余).

    Example: houqin finance decide DZ-2026-0031 --by 王建国 --decision 由出纳赔偿
    """
    from houqin.services.finance import decide_count

    run_write(
        ctx,
        lambda ledger: decide_count(ledger, count, by, decision, day),
        lambda r: f"finance decide {r.id}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("transfer")
def transfer_(
    *,
    ctx: typer.Context,
    from_account: Annotated[str, typer.Argument(help="从 From: cash | bank | canteen, or one catalog.yaml lists.")],
    to_account: Annotated[str, typer.Argument(help="到 To: cash | bank | canteen, or one catalog.yaml lists.")],
    amount: Annotated[str, typer.Option("--amount", help="金额（元）Amount.")],
    by: Annotated[str, typer.Option("--by", help="出纳 The cashier.")],
    purpose: Annotated[str | None, typer.Option("--purpose", help="摘要, e.g. 提取备用金.")] = None,
    day: Annotated[dt.date, day_option("--on", help="YYYY-MM-DD (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """提现/存现 / Move money between accounts (draw cash from the bank, bank the cash).

    Example: houqin finance transfer bank cash --amount 3000 --by 赵丽 --purpose 提取备用金
    """
    from houqin.services.finance import transfer

    value = parse_amount(amount)
    run_write(
        ctx,
        lambda ledger: transfer(ledger, from_account, to_account, value, by, day, purpose),
        lambda r: f"finance transfer {r.id} {from_account} → {to_account} {value}",
        no_commit=no_commit,
    )


@app.command("close")
def close(
    ctx: typer.Context,
    month: Month,
    by: Annotated[str, typer.Option("--by", help="会计 Who closes the month.")],
    fmt: Fmt = ReportFormat.text,
    public: Public = False,
    out_file: Out = None,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """月结 / Close a month: refused while its records have errors, the month before is open, or cash and
    bank lack the cashier's balance at the month's end; then seal it and print the report to the principal.

    Example: houqin finance close 2026-03 --by 孙慧 --format html --out 2026-03月报.html
    """
    from houqin.render.console import print_written
    from houqin.services.finance import close_month
    from houqin.services.guard import before_checks
    from houqin.services.writes import write_many

    check_month(month)
    state = get_state(ctx)
    root = state.root(write=True)
    if out_file is not None:
        state.output(out_file)  # before the close: a refused --out must not leave the month closed
    elif fmt in (ReportFormat.xlsx, ReportFormat.pdf):
        from houqin.errors import UsageError

        raise UsageError(f"{fmt.value}_needs_out")
    day = today()
    outcome = write_many(
        root,
        # The month's errors: from the result cache when the last check left it (a close follows a check).
        lambda session: [close_month(session.ledger, month, by, day, before_checks(session), key_signer(key))],
        lambda rs: f"finance close {month} {rs[0].id}",
        commit=not no_commit,
    )
    print_written(outcome.records[0].id, outcome.paths[0], outcome.message, outcome.committed, state.lang, root)
    _show(ctx, month, fmt, public, out_file, outcome.ledger)


@app.command("report")
def report(
    ctx: typer.Context,
    month: Month,
    fmt: Fmt = ReportFormat.text,
    public: Public = False,
    out_file: Out = None,
) -> None:
    """月报 / The month's report, closed or not (the public version with --public).

    Example: houqin finance report 2026-10 --public --format html --out 财务公开-2026-10.html
    """
    check_month(month)
    if out_file is not None:
        get_state(ctx).output(out_file)
    _show(ctx, month, fmt, public, out_file)


def _show(
    ctx: typer.Context, month: str, fmt: ReportFormat, public: bool, out_file: Path | None, read: Ledger | None = None
) -> None:
    from houqin.models.closing import month_bounds
    from houqin.reports.finance import month_report

    state = get_state(ctx)
    r = month_report(state.books(since=month_bounds(month)[0], read=read), month, public)
    write_report(r, fmt, out_file, state.lang)


def write_report(r: MonthReport, fmt: ReportFormat, out_file: Path | None, lang: str) -> None:
    from houqin.render import finance as render
    from houqin.render.output import show
    from houqin.render.pdf import write_pdf

    show(
        fmt,
        "finance report",
        r,
        lambda out: render.print_report(out, r, lang),
        pages={
            "md": lambda: render.report_markdown(r, lang),
            "html": lambda: render.report_html(r, lang),
            "json": lambda: render.report_json(r, lang),
        },
        files={
            "xlsx": lambda path: render.report_xlsx(r, lang, path),
            "pdf": lambda path: write_pdf(render.report_html(r, lang), path),
        },
        out=out_file,
        written="fin.written",
        lang=lang,
    )


@app.command("close-year")
def close_year(
    ctx: typer.Context,
    year: Annotated[int, typer.Argument(help="The year to close, e.g. 2026. 结账年度。", min=1900, max=9999)],
    by: Annotated[str, typer.Option("--by", help="会计 Who closes the year.")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """年终结账 / Close the year: once every month of it is closed and the books check clean, write the
    next year's opening (balances, stock, the asset register with its depreciation, open items, the
    invoice numbers used) chained to December's close; checks, writes and reports then read the open
    year only (houqin check --full reads every year). The principal approves it with houqin sign.

    Example: houqin finance close-year 2026 --by 孙慧
    """
    from houqin.render.finance import print_year_closed
    from houqin.services.guard import before_checks
    from houqin.services.writes import write_year_close
    from houqin.services.year_close import close_year as close

    state = get_state(ctx)
    root = state.root(write=True)
    day = today()
    outcome = write_year_close(
        root,
        lambda session: close(session.ledger, session.digests, year, by, day, before_checks(session), key_signer(key)),
        lambda rs: f"finance close-year {year} {rs[-1].id}",
        commit=not no_commit,
    )
    print_year_closed(outcome.records, outcome.paths, outcome.message, outcome.committed, state.lang, root)


@app.command("reopen-year")
def reopen_year(
    *,
    ctx: typer.Context,
    year: Annotated[
        int, typer.Argument(help="The closed year to reopen, e.g. 2025. 重新开账的年度。", min=1900, max=9999)
    ],
    by: Annotated[str, typer.Option("--by", help="校长 The principal reopening it.")],
    reason: Annotated[str, typer.Option("--reason", help="重新开账的理由 Why.")],
    day: Annotated[
        dt.date, day_option("--on", help="YYYY-MM-DD (default: today); not before the year-end close's day.")
    ],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """重新开账（年度） / Reopen a closed year, with the principal's approval: the year-end close is taken
    down and the records it carried go back to their years, so the year's records can be corrected; the
    reopening stays in the books, and the next close-year chains to it. The latest closed year is
    reopened first, and no month after it may be closed.

    Example: houqin finance reopen-year 2025 --by 王建国 --reason 补记漏登的资产
    """
    from houqin.render.console import console, print_diagnostics, print_written
    from houqin.services.writes import write_year_reopen
    from houqin.services.year_close import reopen_year as reopen

    state = get_state(ctx)
    root = state.root(write=True)
    outcome = write_year_reopen(
        root,
        lambda ledger: reopen(ledger, year, reason, by, day, key_signer(key)),
        lambda r: f"finance reopen-year {year} {r.id}",
        commit=not no_commit,
    )
    print_written(outcome.record.id, outcome.path, outcome.message, outcome.committed, state.lang, root)
    if outcome.warnings:
        print_diagnostics(console(stderr=True), outcome.warnings, state.lang, root)


@app.command("reopen")
def reopen(
    *,
    ctx: typer.Context,
    month: Month,
    reason: Annotated[str, typer.Option("--reason", help="重新开账的理由 Why.")],
    principal: Annotated[str, typer.Option("--approved-by", help="校长 The principal approving it.")],
    day: Annotated[dt.date, day_option("--on", help="YYYY-MM-DD (default: today); not before the close's day.")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """重新开账 / Reopen a closed month, with the principal's approval; it stays visible in history.
    The latest closed month is reopened first; the reopening names the close it undoes.

    Example: houqin finance reopen 2026-03 --reason 补记遗漏的食堂收入 --approved-by 王建国
    """
    from houqin.services.finance import reopen_month

    check_month(month)
    run_write(
        ctx,
        lambda ledger: reopen_month(ledger, month, reason, principal, day, key_signer(key)),
        lambda r: f"finance reopen {month} {r.id}",
        no_commit=no_commit,
    )

"""houqin receipt: 票据管理 — receipt books issued to a person, receipts voided, the register of books."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import Format, NoCommit, OnDay, OutputFormat, SigningKey, key_signer
from houqin.cli.state import get_state
from houqin.cli.writing import run_write

app = typer.Typer(
    help="收据 / Receipts: books issued to a person, voided receipts, the register.", no_args_is_help=True
)


@app.command("book")
def book(
    *,
    ctx: typer.Context,
    first: Annotated[int, typer.Option("--first", min=1, max=10**12, help="起始号 The book's first number.")],
    last: Annotated[int, typer.Option("--last", min=1, max=10**12, help="终止号 The book's last number.")],
    holder: Annotated[str, typer.Option("--holder", help="领用人 Who takes the book and writes its receipts.")],
    by: Annotated[str, typer.Option("--by", help="发放人 Who hands it out (the accountant).")],
    series: Annotated[str | None, typer.Option("--series", help="字轨 The series printed on the book.")] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """票据领用登记 / Register a receipt book issued to a person: its printed numbers, holder and issuer.
    The issuer's step is written (signed with --key); the holder signs for the book with
    houqin sign PJ-… --as holder --by NAME.

    Example: houqin receipt book --first 2026101 --last 2026200 --holder 赵丽 --by 孙慧
    """
    from houqin.services.receipts import issue_book

    if last < first:
        raise typer.BadParameter(f"--last {last} 小于 --first {first} / is below --first", param_hint="--last")
    run_write(
        ctx,
        lambda ledger: issue_book(ledger, first, last, holder, by, day, series),
        lambda r: f"receipt book {r.id} {first}-{last} to {holder}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@app.command("void")
def void(
    *,
    ctx: typer.Context,
    number: Annotated[int, typer.Argument(min=1, max=10**12, help="收据号 The receipt's number.")],
    by: Annotated[str, typer.Option("--by", help="领用人 The book's holder, who voids it.")],
    reason: Annotated[str, typer.Option("--reason", help="作废原因 Why it is void.")],
    copies_lost: Annotated[
        bool, typer.Option("--copies-lost", help="联次不全: not every copy is kept (an error to explain).")
    ] = False,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """作废收据 / Void a spoiled receipt; every copy stays in the book, stamped void. The holder's step is
    written (signed with --key); the accountant approves it with houqin sign ZF-… --as accountant.

    Example: houqin receipt void 2026117 --by 赵丽 --reason 金额写错
    """
    from houqin.services.receipts import void_receipt

    run_write(
        ctx,
        lambda ledger: void_receipt(ledger, number, by, reason, day, copies_kept=not copies_lost),
        lambda r: f"receipt void {r.id} {number}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@app.command("list")
def list_books(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """收据领用登记 / Every receipt book: holder, numbers used and voided, the next number to write.

    Example: houqin receipt list --format json
    """
    from houqin.render.output import show
    from houqin.render.receipts import print_receipt_books, receipt_books_json
    from houqin.reports.receipts import receipt_books

    state = get_state(ctx)
    rows = receipt_books(state.books())
    show(
        fmt,
        "receipt list",
        rows,
        lambda out: print_receipt_books(out, rows, state.lang),
        pages={"json": lambda: receipt_books_json(rows)},
    )

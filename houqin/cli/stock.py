"""houqin stock: consumables (易耗品) on hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
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
    parse_quantity,
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write

app = typer.Typer(help="库存 / Consumables: receive, issue, stock on hand.", no_args_is_help=True)


@app.command("balance")
def balance(
    *,
    ctx: typer.Context,
    day: Annotated[dt.date, day_option("--at", help="As of this day (default: today).")],
    category: Annotated[str | None, typer.Option("--category", help="物品类别, e.g. 印刷耗材.")] = None,
    month: Annotated[
        str | None, typer.Option("--month", help="YYYY-MM: the month's movement by category (按月分类审核).")
    ] = None,
    fmt: Format = OutputFormat.text,
) -> None:
    """库存余额 / Quantity and value on hand per item, items below their reorder level flagged; with
    --month, opening, in, out and closing value per category (the monthly review table).

    Example: houqin stock balance --category 印刷耗材
    """
    from houqin.render.output import show
    from houqin.render.tables import print_stock
    from houqin.reports.stock import stock_balance

    state = get_state(ctx)
    ledger = state.books()
    if month is not None:
        from houqin.models.closing import month_bounds
        from houqin.render.tables import print_stock_month
        from houqin.reports.stock import monthly_movement

        try:
            month_bounds(month)
        except ValueError:
            raise typer.BadParameter(f"{month!r}: 月份格式为 YYYY-MM / a month is YYYY-MM") from None
        movement = monthly_movement(ledger, month)
        show(
            fmt,
            "stock balance",
            movement,
            lambda out: print_stock_month(out, movement, month, state.lang),
            fields=dict(month=month),
        )
        return
    rows = stock_balance(ledger, day, category)
    show(
        fmt,
        "stock balance",
        rows,
        lambda out: print_stock(out, rows, day, state.lang),
        fields=dict(at=day, category=category),
    )


@app.command("in")
def stock_in(
    *,
    ctx: typer.Context,
    item: Annotated[str, typer.Argument(help="物品编号 Item id (catalog.yaml).")],
    quantity: Annotated[str, typer.Option("--quantity", "-q", help="数量 Quantity.")],
    price: Annotated[str, typer.Option("--price", help="单价（元）Unit price.")],
    acceptor: Annotated[str, typer.Option("--acceptor", help="验收人 Who counted it in.")],
    origin: Annotated[
        str, typer.Option("--origin", help="来源: a purchase id (CG-…), or 捐赠 / 调入 / 期初结存 (policy).")
    ],
    supplier: Annotated[str | None, typer.Option("--supplier", help="供应商 Supplier.")] = None,
    witness: Annotated[str | None, typer.Option("--witness", help="证明人 Witness of the acceptance.")] = None,
    delivered_by: Annotated[
        str | None, typer.Option("--delivered-by", help="送货人 The supplier's contact who delivered it.")
    ] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """入库 / Receive consumables into stock.

    Example: houqin stock in paper-a4 -q 100 --price 23.50 --origin 捐赠 --acceptor 周强 --witness 李明
    """
    from houqin.services.stock import receive_stock

    qty, unit_price = parse_quantity(quantity), parse_amount(price, "--price")
    run_write(
        ctx,
        lambda ledger: receive_stock(
            ledger, item, qty, unit_price, origin, acceptor, day, supplier, witness, delivered_by
        ),
        lambda r: f"stock in {r.id} {item} ×{qty} @ {unit_price}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@app.command("out")
def stock_out(
    *,
    ctx: typer.Context,
    item: Annotated[str, typer.Argument(help="物品编号 Item id (catalog.yaml).")],
    quantity: Annotated[str, typer.Option("--quantity", "-q", help="数量 Quantity.")],
    receiver: Annotated[str, typer.Option("--to", help="领用人 Who receives it.")],
    purpose: Annotated[str, typer.Option("--purpose", help="用途 What for (来源去向清楚).")],
    issued_by: Annotated[str, typer.Option("--issued-by", help="发放人 The keeper who issues it.")],
    department: Annotated[str | None, typer.Option("--department", help="领用部门 Department.")] = None,
    approved_by: Annotated[
        str | None, typer.Option("--approved-by", help="主管领导: needed for printing supplies.")
    ] = None,
    co_issuer: Annotated[
        str | None, typer.Option("--co-issuer", help="双人领发的第二人: needed for laboratory chemicals.")
    ] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """领用 / Issue consumables to a person; refused beyond what is in stock.

    Example: houqin stock out paper-a4 -q 5 --to 钱红 --purpose 期中试卷印刷 --issued-by 周强 --approved-by 刘志强
    """
    from houqin.services.stock import issue_stock

    qty = parse_quantity(quantity)
    run_write(
        ctx,
        lambda ledger: issue_stock(
            ledger, item, qty, receiver, purpose, issued_by, day, department, approved_by, co_issuer
        ),
        lambda r: f"stock out {r.id} {item} ×{qty} → {receiver}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A delivery list or opening balance: .xlsx, or .csv (UTF-8/GB18030).")],
    mapping: Annotated[
        list[str] | None, typer.Option("--map", help="列名=字段, e.g. --map 品名=item; 字段 - ignores a column.")
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Worksheet name (default: the first).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be added; write nothing.")] = False,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Import the good rows even if some are bad.")] = False,
    no_commit: NoCommit = False,
) -> None:
    """导入入库单 / Import receipts from a spreadsheet (物品编号 or 物品名称, 数量, 单价, 日期, 供应商, 来源,
    验收人): 来源 defaults to 期初结存, 验收人 to the store's keeper. All rows or none, like asset import.

    Example: houqin stock import 期初库存.xlsx --dry-run
    """
    from houqin.cli.importing import run_import
    from houqin.services.stock import stock_spec

    run_import(ctx, stock_spec(), file, mapping, sheet, dry_run=dry_run, skip_bad=skip_bad, no_commit=no_commit)

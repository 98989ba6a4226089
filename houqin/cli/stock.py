"""houqin stock: consumables (易耗品) on hand."""

from __future__ import annotations

from typing import Annotated

import typer

from houqin.cli.options import parse_day
from houqin.cli.state import get_state
from houqin.clock import today

app = typer.Typer(help="库存 / Consumables: stock on hand.", no_args_is_help=True)


@app.command("balance")
def balance(
    ctx: typer.Context,
    at: Annotated[str | None, typer.Option("--at", help="As of this day (default: today).", show_default=False)] = None,
    category: Annotated[str | None, typer.Option("--category", help="物品类别, e.g. 印刷耗材.")] = None,
) -> None:
    """库存余额 / Quantity and value on hand per item, items below their reorder level flagged.

    Example: houqin stock balance --category 印刷耗材
    """
    from houqin.ledger.load import load_ledger
    from houqin.render.console import console
    from houqin.render.tables import print_stock
    from houqin.reports.stock import stock_balance

    state = get_state(ctx)
    day = parse_day(at) or today()
    ledger = load_ledger(state.root()).ledger
    print_stock(console(), stock_balance(ledger, day, category), day, state.lang)

"""houqin asset: the fixed-asset register (校产登记)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import NoCommit, OnDay, parse_amount, parse_day
from houqin.cli.writing import run_write

app = typer.Typer(help="固定资产 / Fixed assets: register, list, move, loan, scrap.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="资产名称 Name.")],
    category: Annotated[str, typer.Option("--category", help="GB/T 14885 分类代码, e.g. A02010104.")],
    price: Annotated[str, typer.Option("--price", help="单价（元）Unit price, e.g. 4999.00.")],
    place: Annotated[str, typer.Option("--place", help="存放地点编号 Place id (places.yaml).")],
    keeper: Annotated[str, typer.Option("--keeper", help="保管人 Keeper (people.yaml name).")],
    funding: Annotated[str, typer.Option("--funding", help="经费来源 Funding source.")] = "财政拨款",
    quantity: Annotated[int, typer.Option("--quantity", "-q", min=1, help="数量 Quantity (a lot of desks).")] = 1,
    unit: Annotated[str, typer.Option("--unit", help="计量单位 Unit.")] = "台",
    model: Annotated[str | None, typer.Option("--model", help="规格型号 Model.")] = None,
    supplier: Annotated[str | None, typer.Option("--supplier", help="供应商 Supplier.")] = None,
    invoice: Annotated[str | None, typer.Option("--invoice", help="发票号码 (or CODE-NUMBER).")] = None,
    invoice_date: Annotated[str | None, typer.Option("--invoice-date", help="开票日期 YYYY-MM-DD.")] = None,
    purchase: Annotated[str | None, typer.Option("--purchase", help="采购单编号 Purchase id.")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="低于固定资产标准仍登记的理由.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 Note.")] = None,
    date: OnDay = None,
    no_commit: NoCommit = False,
) -> None:
    """登记资产 / Register an asset (or a lot) and commit it.

    Example: houqin asset add --name 联想台式电脑 --category A02010104 --price 4999.00
    --place JF-301 --keeper 陈晓东 --funding 财政拨款 --date 2026-03-02
    """
    from houqin.cli.invoices import parse_invoices
    from houqin.services.assets import AssetDraft, register_asset

    invoices = parse_invoices([invoice] if invoice else [], [invoice_date] if invoice_date else [])
    draft = AssetDraft(
        name=name,
        category=category,
        unit_price=parse_amount(price),
        place=place,
        keeper=keeper,
        funding=funding,
        date=parse_day(date) or dt.date.today(),
        quantity=quantity,
        unit=unit,
        model=model,
        supplier=supplier,
        invoice=invoices[0] if invoices else None,
        purchase=purchase,
        below_threshold_reason=reason,
        note=note,
    )
    run_write(
        ctx,
        lambda ledger: register_asset(ledger, draft),
        lambda r: f"asset add {r.id} {name} ×{quantity} @ {draft.unit_price} → {place}",
        no_commit=no_commit,
    )

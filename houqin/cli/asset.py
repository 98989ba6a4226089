"""houqin asset: the fixed-asset register (校产登记)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from houqin.cli.options import (
    Authority,
    Format,
    FromPlace,
    NoCommit,
    OnDay,
    OutputFormat,
    PartOfLot,
    SigningKey,
    day_option,
    key_signer,
    parse_amount,
    parse_amount_or_zero,
    parse_day,
    required_day,
)
from houqin.cli.state import get_state
from houqin.cli.writing import run_write
from houqin.clock import today

if TYPE_CHECKING:
    from collections.abc import Callable

    from houqin.reports.assets import Register

app = typer.Typer(help="固定资产 / Fixed assets: register, list, move, loan, scrap.", no_args_is_help=True)


@app.command("add")
def add(
    *,
    ctx: typer.Context,
    name: Annotated[str, typer.Option("--name", help="资产名称 Name.")],
    category: Annotated[str, typer.Option("--category", help="GB/T 14885 分类代码, e.g. A02010105.")],
    price: Annotated[str, typer.Option("--price", help="单价（元）Unit price, e.g. 4999.00.")],
    place: Annotated[str, typer.Option("--place", help="存放地点编号 Place id (places.yaml).")],
    keeper: Annotated[str, typer.Option("--keeper", help="保管人 Keeper (people.yaml name).")],
    funding: Annotated[str, typer.Option("--funding", help="经费来源 Funding source.")] = "财政拨款",
    quantity: Annotated[
        int, typer.Option("--quantity", "-q", min=1, max=1_000_000, help="数量 Quantity (a lot of desks).")
    ] = 1,
    unit: Annotated[
        str | None, typer.Option("--unit", help="计量单位 Unit (default: the category's: 台, 张, 把, 册 …).")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="规格型号 Model.")] = None,
    supplier: Annotated[str | None, typer.Option("--supplier", help="供应商 Supplier.")] = None,
    invoice: Annotated[str | None, typer.Option("--invoice", help="发票号码 (or CODE-NUMBER).")] = None,
    invoice_date: Annotated[str | None, typer.Option("--invoice-date", help="开票日期 YYYY-MM-DD.")] = None,
    purchase: Annotated[str | None, typer.Option("--purchase", help="采购单编号 Purchase id.")] = None,
    origin: Annotated[
        str | None, typer.Option("--origin", help="来源 Origin without a purchase: 捐赠 | 调入 | 盘盈 | 期初结存.")
    ] = None,
    document: Annotated[
        str | None, typer.Option("--document", help="凭据 Its document: 捐赠协议、调拨单、盘点单号、期初清册.")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="低于固定资产标准仍登记的理由.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注 Note.")] = None,
    date: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """登记资产 / Register an asset (or a lot) and commit it.

    Example: houqin asset add --name 联想台式电脑 --category A02010105 --price 4999.00
    --place JF-301 --keeper 陈晓东 --funding 财政拨款 --date 2026-03-02
    """
    from houqin.cli.invoices import parse_invoices
    from houqin.services.assets import AssetDraft, register_asset

    invoices = parse_invoices([invoice] if invoice else [], [invoice_date] if invoice_date else [])
    draft = AssetDraft(
        name=name,
        category=category,
        unit_price=parse_amount(price, "--price"),
        place=place,
        keeper=keeper,
        funding=funding,
        date=date,
        quantity=quantity,
        unit=unit,
        model=model,
        supplier=supplier,
        invoice=invoices[0] if invoices else None,
        purchase=purchase,
        origin=origin,
        document=document,
        below_threshold_reason=reason,
        note=note,
    )
    run_write(
        ctx,
        lambda ledger: register_asset(ledger, draft),
        lambda r: f"asset add {r.id} {name} ×{quantity} @ {draft.unit_price} → {place}",
        no_commit=no_commit,
    )


class RegisterFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"
    pdf = "pdf"
    xlsx = "xlsx"


class Status(StrEnum):
    in_use = "in_use"
    on_loan = "on_loan"
    disposed = "disposed"
    all = "all"


@app.command("list")
def list_assets(
    *,
    ctx: typer.Context,
    place: Annotated[str | None, typer.Option("--place", help="存放地点编号: the place's register.")] = None,
    keeper: Annotated[str | None, typer.Option("--keeper", help="保管人: the handover list (公物交结).")] = None,
    category: Annotated[str | None, typer.Option("--category", help="GB/T 14885 code or prefix (A02).")] = None,
    status: Annotated[
        Status, typer.Option("--status", help="in_use (default), on_loan, disposed, all.")
    ] = Status.in_use,
    funding: Annotated[str | None, typer.Option("--funding", help="经费来源 Funding source.")] = None,
    day: Annotated[dt.date, day_option("--at", help="As of this day (default: today).")],
    depreciation: Annotated[
        bool, typer.Option("--depreciation", help="Show accumulated depreciation and net value.")
    ] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="List overdue loans instead.")] = False,
    name: Annotated[str | None, typer.Option("--name", help="名称或型号含此文字 Part of the name or model.")] = None,
    min_value: Annotated[str | None, typer.Option("--min-value", help="单价不低于 Unit price at least.")] = None,
    max_value: Annotated[str | None, typer.Option("--max-value", help="单价不高于 Unit price at most.")] = None,
    acquired_from: Annotated[
        str | None, typer.Option("--acquired-from", help="取得日期从 Acquired on or after.")
    ] = None,
    acquired_to: Annotated[str | None, typer.Option("--acquired-to", help="取得日期至 Acquired on or before.")] = None,
    fmt: Annotated[
        RegisterFormat, typer.Option("--format", help="text, json, or a printable html / pdf / xlsx register.")
    ] = RegisterFormat.text,
    out_file: Annotated[Path | None, typer.Option("--out", help="Where to write the html/pdf/xlsx register.")] = None,
) -> None:
    """资产登记表 / List assets (a place's register, a keeper's handover list, or overdue loans).

    Example: houqin asset list --place JX-101 --depreciation
    """
    from houqin.render.assets import print_overdue, print_register
    from houqin.render.output import show
    from houqin.reports.assets import AssetFilter, AssetQuery, overdue_loans, select_assets

    state = get_state(ctx)
    query = AssetQuery(place, keeper, category, status.value, funding)
    ledger = state.books(since=day, full=query.reads_history)
    if overdue:  # a list on the screen or as JSON, whatever the register's format
        late = overdue_loans(ledger, day)
        as_listed = fmt if fmt is RegisterFormat.json else "text"
        show(
            as_listed,
            "asset list",
            late,
            lambda out: print_overdue(out, late, state.lang),
            fields=dict(at=day, overdue=True),
        )
        return
    only = AssetFilter(
        name=name,
        min_value=parse_amount_or_zero(min_value, "--min-value") if min_value is not None else None,
        max_value=parse_amount_or_zero(max_value, "--max-value") if max_value is not None else None,
        acquired_from=parse_day(acquired_from, "--acquired-from"),
        acquired_to=parse_day(acquired_to, "--acquired-to"),
    )
    reg = select_assets(ledger, day, replace(query, only=only))
    target = None
    if fmt not in (RegisterFormat.text, RegisterFormat.json):
        target = state.output(out_file or Path(f"登记表-{place or keeper or '全部'}-{day}.{fmt.value}"))
    show(
        fmt,
        "asset list",
        reg,
        lambda out: print_register(out, reg, state.lang, depreciation),
        files={f.value: _register_file(reg, ledger.config.school.name, state.lang, f.value) for f in PRINTABLE},
        out=target,
        written="report_written",
        lang=state.lang,
    )


PRINTABLE = (RegisterFormat.html, RegisterFormat.pdf, RegisterFormat.xlsx)


def _register_file(reg: Register, school: str, lang: str, fmt: str) -> Callable[[Path], None]:
    from houqin.render.registers import write_register

    return lambda path: write_register(reg, school, lang, fmt, path)


@app.command("show")
def show_asset(
    *,
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号, as typed or scanned from its QR label.")],
    day: Annotated[dt.date, day_option("--at", help="As of this day (default: today).")],
    fmt: Format = OutputFormat.text,
) -> None:
    """资产卡片 / The asset card: all fields, where it is, who keeps it, book value and history.

    Example: houqin asset show ZC-2022-0013
    """
    from houqin.render.assets import print_card
    from houqin.render.output import show
    from houqin.reports.assets import asset_card
    from houqin.services.asset_events import find_asset

    state = get_state(ctx)
    ledger = state.books(full=True)  # the card's history goes back to the asset's first day
    card = asset_card(ledger, find_asset(ledger, asset), day)
    show(fmt, "asset show", card, lambda out: print_card(out, card, state.lang), fields=dict(at=day))


@app.command("move")
def move(
    *,
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    to_place: Annotated[str, typer.Option("--to-place", help="调入地点 New place.")],
    to_keeper: Annotated[str, typer.Option("--to-keeper", help="接收保管人 New keeper (signs as receiver).")],
    quantity: PartOfLot = None,
    from_place: FromPlace = None,
    reason: Annotated[str | None, typer.Option("--reason", help="调拨原因 Reason.")] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """调拨 / Move an asset (or part of a lot) to another place or keeper, signed by both keepers
    (with --key, the key holder's own step is signed by key).

    Example: houqin asset move ZC-2016-0001 -q 5 --to-place JX-102 --to-keeper 杨丽华
    """
    from houqin.services.asset_events import move_asset

    run_write(
        ctx,
        lambda ledger: move_asset(ledger, asset, to_place, to_keeper, day, quantity, from_place, reason),
        lambda r: f"asset move {r.id} {asset} → {to_place} {to_keeper}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@app.command("loan")
def loan(
    *,
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    to: Annotated[str, typer.Option("--to", help="借用人 Borrower.")],
    due: Annotated[dt.date, required_day("--due", help="应还日期 Due day, YYYY-MM-DD.")],
    approved_by: Annotated[str, typer.Option("--approved-by", help="登记的保管员/总务主任 Keeper who lends.")],
    quantity: Annotated[int, typer.Option("--quantity", "-q", min=1, max=1_000_000, help="Part of a lot.")] = 1,
    purpose: Annotated[str | None, typer.Option("--purpose", help="用途 Purpose.")] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """借用 / Lend an asset to a person until a due day (--key: the lending keeper signs by key).

    Example: houqin asset loan ZC-2024-0001 --to 曾红霞 --due 2026-12-04 --approved-by 李明
    """
    from houqin.services.asset_events import lend_asset

    run_write(
        ctx,
        lambda ledger: lend_asset(ledger, asset, to, due, approved_by, day, quantity, purpose),
        lambda r: f"asset loan {r.id} {asset} → {to} until {due}",
        signer=key_signer(key),
        no_commit=no_commit,
    )


@app.command("return")
def return_(
    *,
    ctx: typer.Context,
    loan_or_asset: Annotated[str, typer.Argument(help="借用编号 (JY-…) or the asset's id.")],
    received_by: Annotated[str, typer.Option("--received-by", help="验收人 Who took it back.")],
    condition: Annotated[str | None, typer.Option("--condition", help="归还状况 Condition.")] = None,
    day: Annotated[dt.date, day_option("--on", help="归还日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """归还销号 / Record the return of a loan.

    Example: houqin asset return JY-2026-0006 --received-by 李明 --condition 完好
    """
    from houqin.services.asset_events import return_loan

    run_write(
        ctx,
        lambda ledger: return_loan(ledger, loan_or_asset, received_by, day, condition),
        lambda r: f"asset return {r.id} received by {received_by}",
        replace=True,
        no_commit=no_commit,
    )


def _dispose(
    ctx: typer.Context,
    how: Literal["scrap", "transfer", "loss"],
    asset: str,
    reason: str,
    quantity: int | None,
    from_place: str | None,
    recipient: str | None,
    authority: str | None,
    day: dt.date,
    no_commit: bool,
) -> None:
    from houqin.services.asset_events import dispose_asset

    run_write(
        ctx,
        lambda ledger: dispose_asset(
            ledger,
            asset,
            how,
            reason,
            day,
            quantity,
            from_place,
            recipient,
            authority,
        ),
        lambda r: f"asset {how} {r.id} {asset} ({reason})",
        no_commit=no_commit,
    )


@app.command("scrap")
def scrap(
    *,
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    reason: Annotated[str, typer.Option("--reason", help="报废/报损原因 Reason.")],
    lost: Annotated[bool, typer.Option("--lost", help="报损: the asset is lost, not worn out.")] = False,
    quantity: PartOfLot = None,
    from_place: FromPlace = None,
    authority: Authority = None,
    date: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """报废/报损 / Ask to scrap (or write off as lost) an asset; it takes effect once keeper,
    director and principal have signed with `houqin sign`.

    Example: houqin asset scrap ZC-2020-0003 --reason 主板损坏无修复价值
    """
    _dispose(ctx, "loss" if lost else "scrap", asset, reason, quantity, from_place, None, authority, date, no_commit)


@app.command("transfer")
def transfer(
    *,
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    to: Annotated[str, typer.Option("--to", help="接收单位 Receiving unit.")],
    reason: Annotated[str, typer.Option("--reason", help="转让/调出原因 Reason.")],
    quantity: PartOfLot = None,
    from_place: FromPlace = None,
    authority: Authority = None,
    date: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """转让/调出 / Ask to transfer an asset to another unit; effective once fully signed (`houqin sign`).

    Example: houqin asset transfer ZC-2017-0003 --to 青禾县第二小学 --reason 支援兄弟学校
    """
    _dispose(ctx, "transfer", asset, reason, quantity, from_place, to, authority, date, no_commit)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="The register: .xlsx, .xls, .ods, or .csv/.txt in UTF-8, GB18030 or UTF-16.")
    ],
    mapping: Annotated[
        list[str] | None, typer.Option("--map", help="列名=字段, e.g. --map 设备名称=name; 字段 - ignores a column.")
    ] = None,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Worksheet name (default: the first).")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be added and every bad row; write nothing.")
    ] = False,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="Import the good rows even if some are bad.")] = False,
    add_missing: Annotated[
        bool,
        typer.Option(
            "--add-missing",
            help="Also register the people (role staff), places (kind other) and funding sources the register "
            "names and the ledger lacks, in the same commit.",
        ),
    ] = False,
    update: Annotated[
        bool,
        typer.Option(
            "--update", help="For rows already imported (same 原编号), record place and keeper changes as moves."
        ),
    ] = False,
    show_rows: Annotated[
        bool, typer.Option("--show-rows", help="List every row of a long register (default: a summary).")
    ] = False,
    key: Annotated[
        str | None,
        typer.Option(
            "--key",
            help="With --update: the moves' steps that are this key holder's (a keeper who is an officer) are "
            "signed by it. 用本人的 SSH 密钥签调拨。",
            metavar="KEYFILE",
        ),
    ] = None,
    no_commit: NoCommit = False,
) -> None:
    """导入资产登记表 / Import the school's existing asset register (Chinese headers: 资产名称, 资产分类 or
    分类代码, 规格型号, 单价, 数量, 取得日期, 存放地点, 保管人, 经费来源, 原编号 …; title rows, merged cells
    and 合计 rows are understood). Nothing is written unless every row is good, or --skip-bad is given;
    people, places and funding sources the ledger lacks are listed once (--add-missing registers them);
    rows whose 原编号 is already in the books are matched, not added again (--update records the moves).

    Example: houqin asset import 固定资产登记表.xlsx --dry-run
    """
    from houqin.cli.importing import run_import
    from houqin.services.importer import ASSETS

    run_import(
        ctx,
        ASSETS,
        file,
        mapping,
        sheet,
        dry_run=dry_run,
        skip_bad=skip_bad,
        no_commit=no_commit,
        add_missing=add_missing,
        update=update,
        show_rows=show_rows,
        key=key,
    )


@app.command("label")
def label(
    ctx: typer.Context,
    assets: Annotated[
        list[str] | None, typer.Argument(help="资产编号 Asset ids or units' labels (default: all at --place).")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Every asset at this place.")] = None,
    out_file: Annotated[Path, typer.Option("--out", help="The label sheet to write: FILE.html or FILE.pdf.")] = Path(
        "资产标签.html"
    ),
    layout: Annotated[
        str | None,
        typer.Option("--layout", help="标签纸 A4 sheet: 3x8, 2x7, 4x10, 2x5 or COLSxROWS (policy's default)."),
    ] = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Labels already used on the first sheet.")] = 0,
    copies: Annotated[int, typer.Option("--copies", min=1, max=100, help="Each label this many times.")] = 1,
    lot: Annotated[bool, typer.Option("--lot", help="One label per lot, not one per unit.")] = False,
) -> None:
    """资产标签 / Write A4 sticker sheets of labels, one per unit of a lot (ZC-2026-0001-03), each with the
    school, the label's id, the name, the place and a QR code of the id; HTML or PDF by the file's name.

    Example: houqin asset label --place SY-301 --layout 3x8 --offset 5 --out 计算机教室标签.pdf
    """
    from houqin.i18n import nt
    from houqin.render.console import console
    from houqin.render.labels import write_label_sheet
    from houqin.reports.labels import label_sheet

    state = get_state(ctx)
    state.output(out_file)
    sheet = label_sheet(
        state.books(),
        today(),
        assets or (),
        place,
        per_lot=lot,
        layout=layout,
        offset=offset,
        copies=copies,
    )
    write_label_sheet(sheet, out_file)
    console().print(
        nt("labels_written", len(sheet.labels), state.lang, count=len(sheet.labels), sheets=sheet.sheets, path=out_file)
    )

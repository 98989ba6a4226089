"""houqin asset: the fixed-asset register (校产登记)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from houqin.cli.options import Authority, FromPlace, NoCommit, OnDay, PartOfLot, parse_amount, parse_day
from houqin.cli.state import get_state
from houqin.cli.writing import run_write
from houqin.clock import today

if TYPE_CHECKING:
    pass

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
    quantity: Annotated[
        int, typer.Option("--quantity", "-q", min=1, max=1_000_000, help="数量 Quantity (a lot of desks).")
    ] = 1,
    unit: Annotated[str, typer.Option("--unit", help="计量单位 Unit.")] = "台",
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
        unit_price=parse_amount(price, "--price"),
        place=place,
        keeper=keeper,
        funding=funding,
        date=parse_day(date) or today(),
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
    html = "html"
    xlsx = "xlsx"


class Status(StrEnum):
    in_use = "in_use"
    on_loan = "on_loan"
    disposed = "disposed"
    all = "all"


@app.command("list")
def list_assets(
    ctx: typer.Context,
    place: Annotated[str | None, typer.Option("--place", help="存放地点编号: the place's register.")] = None,
    keeper: Annotated[str | None, typer.Option("--keeper", help="保管人: the handover list (公物交结).")] = None,
    category: Annotated[str | None, typer.Option("--category", help="GB/T 14885 code or prefix (A02).")] = None,
    status: Annotated[
        Status, typer.Option("--status", help="in_use (default), on_loan, disposed, all.")
    ] = Status.in_use,
    funding: Annotated[str | None, typer.Option("--funding", help="经费来源 Funding source.")] = None,
    at: Annotated[str | None, typer.Option("--at", help="As of this day (default: today).", show_default=False)] = None,
    depreciation: Annotated[
        bool, typer.Option("--depreciation", help="Show accumulated depreciation and net value.")
    ] = False,
    overdue: Annotated[bool, typer.Option("--overdue", help="List overdue loans instead.")] = False,
    fmt: Annotated[
        RegisterFormat, typer.Option("--format", help="text, or a printable html / xlsx register.")
    ] = RegisterFormat.text,
    out_file: Annotated[Path | None, typer.Option("--out", help="Where to write the html/xlsx register.")] = None,
) -> None:
    """资产登记表 / List assets (a place's register, a keeper's handover list, or overdue loans).

    Example: houqin asset list --place JX-101 --depreciation
    """
    from houqin.ledger.load import open_ledger
    from houqin.render.assets import print_overdue, print_register
    from houqin.render.console import console
    from houqin.reports.assets import overdue_loans, register

    state = get_state(ctx)
    day = parse_day(at, "--at") or today()
    ledger = open_ledger(state.root())
    if overdue:
        print_overdue(console(), overdue_loans(ledger, day), state.lang)
        return
    reg = register(ledger, day, place=place, keeper=keeper, category=category, status=status.value, funding=funding)
    if fmt is RegisterFormat.text:
        print_register(console(), reg, state.lang, depreciation)
        return
    from houqin.i18n import t
    from houqin.render.registers import register_html, register_xlsx

    target = state.output(out_file or Path(f"登记表-{place or keeper or '全部'}-{day}.{fmt.value}"))
    school = ledger.config.school.name
    if fmt is RegisterFormat.html:
        target.write_text(register_html(reg, school, state.lang), encoding="utf-8")
    else:
        register_xlsx(reg, school, state.lang, target)
    console().print(t("report_written", state.lang, path=target))


@app.command("show")
def show(
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号, as typed or scanned from its QR label.")],
    at: Annotated[str | None, typer.Option("--at", help="As of this day (default: today).", show_default=False)] = None,
) -> None:
    """资产卡片 / The asset card: all fields, where it is, who keeps it, book value and history.

    Example: houqin asset show ZC-2022-0013
    """
    from houqin.ledger.load import open_ledger
    from houqin.render.assets import print_card
    from houqin.render.console import console
    from houqin.reports.assets import asset_card
    from houqin.services.asset_events import find_asset

    state = get_state(ctx)
    ledger = open_ledger(state.root())
    day = parse_day(at, "--at") or today()
    print_card(console(), asset_card(ledger, find_asset(ledger, asset), day), state.lang)


@app.command("move")
def move(
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    to_place: Annotated[str, typer.Option("--to-place", help="调入地点 New place.")],
    to_keeper: Annotated[str, typer.Option("--to-keeper", help="接收保管人 New keeper (signs as receiver).")],
    quantity: PartOfLot = None,
    from_place: FromPlace = None,
    reason: Annotated[str | None, typer.Option("--reason", help="调拨原因 Reason.")] = None,
    date: OnDay = None,
    no_commit: NoCommit = False,
) -> None:
    """调拨 / Move an asset (or part of a lot) to another place or keeper, signed by both keepers.

    Example: houqin asset move ZC-2016-0001 -q 5 --to-place JX-102 --to-keeper 杨丽华
    """
    from houqin.services.asset_events import move_asset

    day = parse_day(date) or today()
    run_write(
        ctx,
        lambda ledger: move_asset(ledger, asset, to_place, to_keeper, day, quantity, from_place, reason),
        lambda r: f"asset move {r.id} {asset} → {to_place} {to_keeper}",
        no_commit=no_commit,
    )


@app.command("loan")
def loan(
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    to: Annotated[str, typer.Option("--to", help="借用人 Borrower.")],
    due: Annotated[str, typer.Option("--due", help="应还日期 Due day, YYYY-MM-DD.")],
    approved_by: Annotated[str, typer.Option("--approved-by", help="登记的保管员/总务主任 Keeper who lends.")],
    quantity: Annotated[int, typer.Option("--quantity", "-q", min=1, max=1_000_000, help="Part of a lot.")] = 1,
    purpose: Annotated[str | None, typer.Option("--purpose", help="用途 Purpose.")] = None,
    date: OnDay = None,
    no_commit: NoCommit = False,
) -> None:
    """借用 / Lend an asset to a person until a due day.

    Example: houqin asset loan ZC-2024-0001 --to 曾红霞 --due 2026-12-04 --approved-by 李明
    """
    from houqin.services.asset_events import lend_asset

    day = parse_day(date) or today()
    due_day = parse_day(due, "--due")
    assert due_day is not None
    run_write(
        ctx,
        lambda ledger: lend_asset(ledger, asset, to, due_day, approved_by, day, quantity, purpose),
        lambda r: f"asset loan {r.id} {asset} → {to} until {due_day}",
        no_commit=no_commit,
    )


@app.command("return")
def return_(
    ctx: typer.Context,
    loan_or_asset: Annotated[str, typer.Argument(help="借用编号 (JY-…) or the asset's id.")],
    received_by: Annotated[str, typer.Option("--received-by", help="验收人 Who took it back.")],
    condition: Annotated[str | None, typer.Option("--condition", help="归还状况 Condition.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="归还日期 (default: today).", show_default=False)] = None,
    no_commit: NoCommit = False,
) -> None:
    """归还销号 / Record the return of a loan.

    Example: houqin asset return JY-2026-0006 --received-by 李明 --condition 完好
    """
    from houqin.services.asset_events import return_loan

    day = parse_day(on, "--on") or today()
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
    date: str | None,
    no_commit: bool,
) -> None:
    from houqin.services.asset_events import dispose_asset

    day = parse_day(date) or today()
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
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    reason: Annotated[str, typer.Option("--reason", help="报废/报损原因 Reason.")],
    lost: Annotated[bool, typer.Option("--lost", help="报损: the asset is lost, not worn out.")] = False,
    quantity: PartOfLot = None,
    from_place: FromPlace = None,
    authority: Authority = None,
    date: OnDay = None,
    no_commit: NoCommit = False,
) -> None:
    """报废/报损 / Ask to scrap (or write off as lost) an asset; it takes effect once keeper,
    director and principal have signed with `houqin sign`.

    Example: houqin asset scrap ZC-2020-0003 --reason 主板损坏无修复价值
    """
    _dispose(ctx, "loss" if lost else "scrap", asset, reason, quantity, from_place, None, authority, date, no_commit)


@app.command("transfer")
def transfer(
    ctx: typer.Context,
    asset: Annotated[str, typer.Argument(help="资产编号 Asset id.")],
    to: Annotated[str, typer.Option("--to", help="接收单位 Receiving unit.")],
    reason: Annotated[str, typer.Option("--reason", help="转让/调出原因 Reason.")],
    quantity: PartOfLot = None,
    from_place: FromPlace = None,
    authority: Authority = None,
    date: OnDay = None,
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
    )


@app.command("label")
def label(
    ctx: typer.Context,
    assets: Annotated[list[str] | None, typer.Argument(help="资产编号 Asset ids (default: all at --place).")] = None,
    place: Annotated[str | None, typer.Option("--place", help="Every asset at this place.")] = None,
    out_file: Annotated[Path, typer.Option("--out", help="The label sheet to write (HTML).")] = Path("资产标签.html"),
) -> None:
    """资产标签 / Write a printable sheet of labels with the school, id, name, place and a QR code of the id.

    Example: houqin asset label --place SY-301 --out 计算机教室标签.html
    """
    from houqin.errors import UsageError
    from houqin.i18n import t
    from houqin.ledger.load import open_ledger
    from houqin.models.asset_state import replay
    from houqin.render.console import console
    from houqin.render.registers import labels_html
    from houqin.services.asset_events import find_asset

    state = get_state(ctx)
    state.output(out_file)
    ledger = open_ledger(state.root())
    states, _ = replay(ledger, until=today())
    if assets:
        chosen = [find_asset(ledger, text) for text in assets]
    elif place:
        chosen = [s.asset for s in states.values() if s.holds(place)]
    else:
        raise UsageError("label_what")

    def where(place_id: str) -> str:
        known = ledger.place_by_id.get(place_id)
        return f"{known.name}（{place_id}）" if known else place_id

    rows = [(a, "、".join(where(p) for p in (states[a.id].places if a.id in states else [a.place]))) for a in chosen]
    out_file.write_text(labels_html(rows, ledger.config.school.name), encoding="utf-8")
    console().print(t("report_written", state.lang, path=out_file))

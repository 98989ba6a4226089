"""houqin people and houqin place: the staff list and the rooms, imported from the school's sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.options import NoCommit, OnDay, SigningKey, key_signer

app = typer.Typer(help="教职工 / People: import the staff list (教职工名单).", no_args_is_help=True)
place_app = typer.Typer(
    help="地点 / Places: import the list of rooms (地点表); the keepers' responsibility records (保管责任书).",
    no_args_is_help=True,
)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The staff list: .xlsx, .xls, .ods or .csv.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show who would be added; write nothing.")] = False,
    no_commit: NoCommit = False,
) -> None:
    """导入教职工名单 / Import the staff list into people.yaml (headers: 姓名, 部门, 职务 in the school's
    words — 校长、总务主任、会计、出纳、保管员、教师 …, 入职日期, 电话). Names people.yaml already holds are
    left as they are; nothing is written unless every row is good.

    Example: houqin people import 教职工名单.xlsx --dry-run
    """
    from houqin.cli.directory_import import run_directory_import
    from houqin.services.people_import import HEADERS

    run_directory_import(ctx, file, HEADERS, "people", dry_run=dry_run, no_commit=no_commit)


@place_app.command("import")
def place_import(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The list of rooms: .xlsx, .xls, .ods or .csv.")],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be added; write nothing.")] = False,
    no_commit: NoCommit = False,
) -> None:
    """导入地点表 / Import the rooms into places.yaml (headers: 编号, 名称, 类型 — 班级、办公室、功能室、
    体育器材室、库房、楼宇、室外, 楼宇, 保管人). Places already there (same id or name) are left as they are;
    a row without 编号 gets QT-001 …; nothing is written unless every row is good.

    Example: houqin place import 地点表.xlsx --dry-run
    """
    from houqin.cli.directory_import import run_directory_import
    from houqin.services.place_import import HEADERS

    run_directory_import(ctx, file, HEADERS, "places", dry_run=dry_run, no_commit=no_commit)


@place_app.command("responsibility")
def place_responsibility(
    *,
    ctx: typer.Context,
    place: Annotated[str, typer.Argument(help="地点编号 Place id (places.yaml).")],
    year: Annotated[str, typer.Option("--year", help="学年 School year, e.g. 2026-2027.")],
    director: Annotated[str | None, typer.Option("--director", help="总务主任 Who issues it (signs director).")] = None,
    day: OnDay,
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """保管责任书 / Issue a place's responsibility record for a school year to its keeper (责任到人); the
    keeper signs it with houqin sign … --as responsible.

    Example: houqin place responsibility JX-101 --year 2026-2027 --director 李明
    """
    from houqin.cli.writing import run_write
    from houqin.services.stocktake import issue_responsibility

    run_write(
        ctx,
        lambda ledger: issue_responsibility(ledger, place, year, director, day),
        lambda r: f"place responsibility {r.id} {place} {year}",
        signer=key_signer(key),
        no_commit=no_commit,
    )

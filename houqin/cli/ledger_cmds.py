"""houqin init and houqin hook: create a ledger repository, install the pre-commit check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.state import get_state
from houqin.clock import today
from houqin.errors import Findings


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="New ledger directory. 新账本目录。")],
    school: Annotated[str, typer.Option("--school", help="The school's name. 学校名称。")],
    no_commit: Annotated[bool, typer.Option("--no-git", help="Only write the files: no git, no hook.")] = False,
) -> None:
    """新建账本 / Create a ledger repository with templates, git, the check hook and a first commit,
    and list what moving in still needs (the staff list, places, the register, stock, balances).

    Example: houqin init ~/账本 --school 青禾县实验小学
    """
    from houqin.i18n import t
    from houqin.ledger.load import load_ledger
    from houqin.render.console import console
    from houqin.render.tables import print_next_steps
    from houqin.reports.overview import next_steps
    from houqin.services.init import create_ledger

    state = get_state(ctx)
    path = create_ledger(directory, school, today(), commit=not no_commit)
    out = console()
    out.print(t("init_done", state.lang, path=path, school=school))
    print_next_steps(out, next_steps(load_ledger(path, strict=True).ledger), state.lang)


hook_app = typer.Typer(help="git pre-commit hook. 提交检查钩子。", no_args_is_help=True)


@hook_app.command("install")
def hook_install(ctx: typer.Context) -> None:
    """安装钩子 / Install the pre-commit hook and the record-aware merge driver in this clone, and
    commit the `.gitattributes` line that sends record files to that driver.

    Example: houqin --ledger ~/账本 hook install
    """
    from houqin.i18n import t
    from houqin.render.console import console
    from houqin.services.hook import install_hook_and_driver

    state = get_state(ctx)
    done = install_hook_and_driver(state.root(write=True))
    out = console()
    out.print(t("hook_installed", state.lang, path=done.hook))
    if done.attributes != "present":
        out.print(t(f"attributes_{done.attributes}", state.lang, path=done.attributes_file))


def repair_lock(ctx: typer.Context) -> None:
    """修复索引锁 / Remove the `.git/index.lock` a killed git or houqin left behind — only when it is
    stale: at least a minute old and no git process on this machine works in the repository.

    Example: houqin --ledger ~/账本 repair-lock
    """
    from houqin.i18n import t
    from houqin.ledger.index_lock import remove_stale_lock
    from houqin.render.console import console

    state = get_state(ctx)
    removed = remove_stale_lock(state.root(write=True))
    if removed is None:
        console().print(t("index_lock_none", state.lang))
    else:
        console().print(t("index_lock_removed", state.lang, path=removed.path, minutes=removed.minutes))


def merge_driver(
    base: Annotated[Path, typer.Argument(help="%O: the common ancestor.")],
    ours: Annotated[Path, typer.Argument(help="%A: our version; the result is written here.")],
    theirs: Annotated[Path, typer.Argument(help="%B: their version.")],
) -> None:
    """合并驱动 / git's merge driver for record files (configured by houqin init / hook install).

    Example: git config merge.houqin.driver "houqin merge-driver %O %A %B"
    """
    from houqin.ledger.merge import merge_record_files
    from houqin.ledger.save import atomic_write

    merged = merge_record_files(base.read_bytes(), ours.read_bytes(), theirs.read_bytes())
    if merged is None:
        raise Findings  # git reports a conflict and leaves the file to a person
    atomic_write(ours, merged)


def desk(
    ctx: typer.Context,
    number: Annotated[int | None, typer.Argument(help="0-99; omit to show this clone's desk.")] = None,
) -> None:
    """工位号 / Show or set this clone's desk: each clone that records on its own takes its own number,
    and its ids come from its own block (desk 2: ZC-2026-20001 …), so clones merge without clashing ids.

    Example: houqin desk 2
    """
    from houqin.i18n import t
    from houqin.ledger.desk import BLOCK, read_desk, write_desk
    from houqin.render.console import console

    root = get_state(ctx).root(write=number is not None)
    if number is not None:
        write_desk(root, number)
    current = read_desk(root)
    console().print(t("desk_is", get_state(ctx).lang, desk=current, first=f"{current * BLOCK + 1:04d}"))

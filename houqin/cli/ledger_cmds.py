"""houqin init and houqin hook: create a ledger repository, install the pre-commit check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.state import get_state
from houqin.clock import today


def init(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="New ledger directory. 新账本目录。")],
    school: Annotated[str, typer.Option("--school", help="The school's name. 学校名称。")],
    no_commit: Annotated[bool, typer.Option("--no-git", help="Only write the files: no git, no hook.")] = False,
) -> None:
    """新建账本 / Create a ledger repository with templates, git, the check hook and a first commit.

    Example: houqin init ~/账本 --school 青禾县实验小学
    """
    from houqin.i18n import t
    from houqin.render.console import console
    from houqin.services.init import create_ledger

    state = get_state(ctx)
    path = create_ledger(directory, school, today(), commit=not no_commit)
    console().print(t("init_done", state.lang, path=path, school=school))


hook_app = typer.Typer(help="git pre-commit hook. 提交检查钩子。", no_args_is_help=True)


@hook_app.command("install")
def hook_install(ctx: typer.Context) -> None:
    """安装钩子 / Install the pre-commit hook in the ledger's git repository.

    Example: houqin --ledger ~/账本 hook install
    """
    from houqin.i18n import t
    from houqin.ledger.git import install_hook
    from houqin.render.console import console

    state = get_state(ctx)
    console().print(t("hook_installed", state.lang, path=install_hook(state.root())))

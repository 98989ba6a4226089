"""The houqin command. Sub-apps are added explicitly; this module is the one place that turns
errors into messages and exit codes: 0 ok, 1 rule errors, 2 usage or unreadable input,
3 an internal error (a bug: the traceback is shown with --debug)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from houqin import __version__
from houqin.cli import (
    asset,
    audit,
    check,
    damage,
    expense,
    export,
    finance,
    inventory,
    ledger_cmds,
    money,
    office,
    overview,
    purchase,
    repair,
    sign,
    stock,
)
from houqin.cli.state import State, get_state
from houqin.errors import HouqinError

INTERNAL_ERROR = 3


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class HouqinGroup(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except HouqinError as err:
            from houqin.render.console import print_error

            state = get_state(ctx)
            print_error(err, state.lang, _root_or_none(state))
            raise typer.Exit(err.exit_code) from None
        except Exception as exc:
            state = get_state(ctx)
            if state.debug:
                raise
            from houqin.render.console import print_internal_error

            print_internal_error(exc, state.lang)
            raise typer.Exit(INTERNAL_ERROR) from None


def _root_or_none(state: State) -> Path | None:
    try:
        return state.root()
    except HouqinError:
        return None


app = typer.Typer(
    cls=HouqinGroup,
    name="houqin",
    help="后勤: 学校后勤账本（资产、物品、报销、借款……），每次提交都按学校制度检查。\n\n"
    "houqin keeps a school logistics office's books as YAML in git and refuses commits that break the rules.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"houqin {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger",
            "-L",
            help="Ledger directory (default: $HOUQIN_LEDGER, the enclosing ledger, "
            "or the bundled ledgers/). 账本目录。",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", envvar="HOUQIN_LANG", help="zh 中文 / en English.")] = Lang.zh,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    state = get_state(ctx)
    state.ledger, state.lang, state.debug = ledger, lang.value, debug


app.command("check")(check.check)
app.command("overview")(overview.overview)
app.command("sign")(sign.sign)
app.command("init")(ledger_cmds.init)
app.command("desk")(ledger_cmds.desk)
app.add_typer(ledger_cmds.hook_app, name="hook")
app.command("merge-driver", hidden=True)(ledger_cmds.merge_driver)
app.add_typer(asset.app, name="asset")
app.add_typer(expense.app, name="expense")
app.add_typer(repair.app, name="repair")
app.add_typer(damage.app, name="damage")
app.add_typer(stock.app, name="stock")
app.add_typer(purchase.app, name="purchase")
app.add_typer(inventory.app, name="inventory")
app.add_typer(finance.app, name="finance")
app.add_typer(money.income_app, name="income")
app.add_typer(money.advance_app, name="advance")
app.add_typer(money.budget_app, name="budget")
app.add_typer(money.fee_app, name="fee")
app.command("export")(export.export)
app.add_typer(office.meter_app, name="meter")
app.add_typer(office.patrol_app, name="patrol")
app.add_typer(office.print_app, name="print")
app.add_typer(audit.app, name="audit")
app.add_typer(office.shop_app, name="shop")
app.add_typer(office.milk_app, name="milk")


def main() -> None:
    app()

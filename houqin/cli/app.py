"""The houqin command. Sub-apps are added explicitly; this module is the one place that turns
errors into messages and exit codes: 0 ok, 1 rule errors, 2 usage or unreadable input,
3 an internal error (a bug: the traceback is shown with --debug); 141 when the reader of the output
stopped reading (`| head`), as for a program a closed pipe ends."""

from __future__ import annotations

import contextlib
import copy
import importlib
import os
import sys
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from houqin import __version__
from houqin.cli.state import State, get_state
from houqin.errors import Findings, HouqinError

INTERNAL_ERROR = 3
SIGPIPE_STATUS = 141  # 128 + SIGPIPE: what a shell reports for `cat file | head`


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class HouqinGroup(TyperGroup):
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except Findings as found:  # the answer is shown; it fails the run
            raise typer.Exit(found.exit_code) from None
        except HouqinError as err:
            _report(ctx, err)
        except BrokenPipeError:  # the reader stopped reading (`| head`): nothing is wrong, nothing more to say
            with contextlib.suppress(OSError, ValueError):  # what is still buffered goes nowhere, quietly
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
                os.close(devnull)
            raise typer.Exit(SIGPIPE_STATUS) from None
        except OSError as exc:
            from houqin.errors import DiskFullError, UsageError
            from houqin.ledger.save import DISK_FULL

            path, reason = str(exc.filename or "?"), exc.strerror or type(exc).__name__
            if exc.errno in DISK_FULL:
                _report(ctx, DiskFullError("disk_full_any", path=path, reason=reason))
            if exc.filename is not None:  # a path the person gave: a directory, no such folder, no permission
                _report(ctx, UsageError("file_error", path=path, reason=reason))
            self._internal(ctx, exc)
        except Exception as exc:
            # A record built from what a person typed that its model refuses is bad input (exit 2),
            # wherever in a service it was built: the field and the reason are named.
            from pydantic import ValidationError

            if isinstance(exc, ValidationError):
                from houqin.errors import UsageError
                from houqin.services.inputs import first_error

                _report(ctx, UsageError("invalid_input", detail=first_error(exc)))
            self._internal(ctx, exc)

    @staticmethod
    def _internal(ctx: Any, exc: Exception) -> NoReturn:
        """A bug: say so (exit 3), with the traceback under --debug."""
        state = get_state(ctx)
        if state.debug:
            raise exc
        from houqin.render.console import print_internal_error

        print_internal_error(exc, state.lang)
        raise typer.Exit(INTERNAL_ERROR) from None


def _report(ctx: Any, err: HouqinError) -> NoReturn:
    from houqin.render.console import print_error

    state = get_state(ctx)
    print_error(err, state.lang, _root_or_none(state))
    raise typer.Exit(err.exit_code) from None


def _root_or_none(state: State) -> Path | None:
    try:
        return state.root()
    except HouqinError:
        return None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"houqin {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    ledger: Annotated[
        Path | None,
        typer.Option(
            "--ledger",
            "-L",
            help="Ledger directory (default: $HOUQIN_LEDGER, the enclosing ledger, "
            "or, for reading only, the bundled ledgers/). 账本目录。",
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


# Every command and group: name → (module in houqin.cli, attribute, a group of commands?, hidden?).
COMMANDS: dict[str, tuple[str, str, bool, bool]] = {
    "check": ("check", "check", False, False),
    "overview": ("overview", "overview", False, False),
    "sign": ("sign", "sign", False, False),
    "init": ("ledger_cmds", "init", False, False),
    "desk": ("ledger_cmds", "desk", False, False),
    "hook": ("ledger_cmds", "hook_app", True, False),
    "repair-lock": ("ledger_cmds", "repair_lock", False, False),
    "merge-driver": ("ledger_cmds", "merge_driver", False, True),
    "asset": ("asset", "app", True, False),
    "expense": ("expense", "app", True, False),
    "repair": ("repair", "app", True, False),
    "damage": ("damage", "app", True, False),
    "stock": ("stock", "app", True, False),
    "people": ("people", "app", True, False),
    "place": ("people", "place_app", True, False),
    "purchase": ("purchase", "app", True, False),
    "inventory": ("inventory", "app", True, False),
    "finance": ("finance", "app", True, False),
    "income": ("money", "income_app", True, False),
    "advance": ("money", "advance_app", True, False),
    "budget": ("money", "budget_app", True, False),
    "fee": ("money", "fee_app", True, False),
    "receipt": ("receipt", "app", True, False),
    "export": ("export", "export", False, False),
    "county": ("county", "app", True, False),
    "meter": ("office", "meter_app", True, False),
    "patrol": ("office", "patrol_app", True, False),
    "print": ("office", "print_app", True, False),
    "audit": ("audit", "app", True, False),
    "key": ("keys", "app", True, False),
    "pending": ("pending", "pending", False, False),
    "unsign": ("unsign", "unsign", False, False),
    "shop": ("office", "shop_app", True, False),
    "milk": ("office", "milk_app", True, False),
    "form": ("forms", "form", False, False),
    "verify-form": ("forms", "verify_form", False, False),
    "due": ("due", "due", False, False),
    "find": ("find", "find", False, False),
    "calendar": ("calendar", "app", True, False),
    "safety": ("safety", "app", True, False),
    "canteen": ("canteen", "app", True, False),
    "vehicle": ("vehicles", "vehicle_app", True, False),
    "reception": ("vehicles", "reception_app", True, False),
}
VALUED_OPTIONS = ("--ledger", "-L", "--lang")
WHOLE_TREE_OPTIONS = ("--help", "--version", "--install-completion", "--show-completion")


def build(only: str | None = None, *, shallow: bool = False) -> typer.Typer:
    """The houqin command with every command, or with only the one named (what a run needs: building
    all of them costs more than a quick command itself); `shallow`, every command with its groups
    bare (each its name and help, none of its commands: what `houqin --help` shows)."""
    app = typer.Typer(
        cls=HouqinGroup,
        name="houqin",
        help="后勤: 学校后勤账本（资产、物品、报销、借款……），每次提交都按学校制度检查。\n\n"
        "houqin keeps a school logistics office's books as YAML in git and refuses commits that break the rules.",
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    app.callback()(root)
    for name, (module, attr, group, hidden) in COMMANDS.items():
        if only is not None and name != only:
            continue
        target = getattr(importlib.import_module(f"houqin.cli.{module}"), attr)
        if group:
            app.add_typer(_bare(target) if shallow else target, name=name)
        else:
            app.command(name, hidden=hidden)(target)
    return app


def _bare(group: typer.Typer) -> typer.Typer:
    """A group as the top-level help lists it: its name and help (solved by Typer as for the group
    itself), none of its commands, whose options Typer would otherwise read one by one."""
    bare = copy.copy(group)
    bare.registered_commands, bare.registered_groups = [], []
    return bare


@cache
def _whole() -> typer.Typer:
    return build()


def command_named(argv: list[str]) -> str | None:
    """The command a command line runs, when the whole tree is not needed to run it (not for help,
    completion or an unknown name)."""
    args = iter(argv)
    for arg in args:
        if arg in VALUED_OPTIONS:
            next(args, None)
        elif arg in WHOLE_TREE_OPTIONS:
            return None
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None


def __getattr__(name: str) -> typer.Typer:
    if name == "app":  # the whole command, for tests and the generated command reference
        return _whole()
    raise AttributeError(name)


def main() -> None:
    """The `houqin` program. Once the command is done and its output flushed, the process ends without
    the interpreter freeing every object one by one (at 1M records a write's ledger, 0.3 s of its time):
    every file it wrote is closed and renamed in place by then, every lock released."""
    try:
        _run(sys.argv[1:])
    except SystemExit as stop:
        leave(stop.code)
    leave(0)


def _run(argv: list[str]) -> None:
    if any(key.endswith("_COMPLETE") for key in os.environ):  # shell completion needs every command
        build()()
    elif (only := command_named(argv)) is not None:
        build(only)()
    else:  # the top-level help (or the version) needs no group's commands; anything else gets the whole tree
        build(shallow=not argv or any(arg in WHOLE_TREE_OPTIONS for arg in argv))()


def leave(code: object) -> NoReturn:
    """End the process with `code` as sys.exit would (None 0; a number itself; anything else printed,
    1), the standard streams flushed first (a reader gone away costs no traceback), without teardown."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            status = status or SIGPIPE_STATUS  # the reader stopped reading (`| head`)
        except (OSError, ValueError):
            status = status or 1  # the output could not all be written: not a success
    os._exit(status)

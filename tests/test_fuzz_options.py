"""Every command, every option, hostile values: never an internal error (exit 3) — issue #13 item 11.

The command list is walked from the Typer tree, so a command added later is fuzzed too. Each example
fills a command's parameters with values drawn from plausible ones (ids, names and dates of the
bundled ledger) and hostile ones (blank, huge, negative, impossible dates, odd paths), runs it on a
git copy of the bundled ledger, and asks only that the exit code is 0, 1 or 2."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.core import TyperArgument, TyperOption
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BUNDLED

HOSTILE = [
    "",
    " ",
    "\t",
    "0",
    "-1",
    "1e11",
    "100000000000000000000000",
    "-99999",
    "NaN",
    "inf",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "2030-01-01",
    "9999-12-31",
    "2026/11/30",
    "１２００",
    "1,200.00",
    '=HYPERLINK("x")',
    "../../etc/passwd",
    "/proc/self/status",
    "/dev/null",
    ".",
    ".git/hooks/pre-commit",
    "2026/assets.yaml",
    "CG-2026-0001",
    "BX-2026-0056x",
    "王建囯",
    "\u200b王建国",
    "a" * 300,
]
PLAUSIBLE = [
    "ZC-2024-0001",
    "BX-2026-0001",
    "JY-2026-0006",
    "WX-2026-0001",
    "PC-2026-0001",
    "CG-2026-0006",
    "JK-2026-0001",
    "2026-10",
    "2026-11",
    "2026-11-20",
    "2025-2026-1",
    "王建国",
    "李明",
    "赵丽",
    "SY-301",
    "30201",
    "cash",
    "bank",
    "1200",
    "3",
    "handler",
    "principal",
    "xlsx",
    "json",
    "html",
]
VALUES = st.sampled_from(HOSTILE + PLAUSIBLE)


def commands(group: Any, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """Every command of the tree (Typer vendors its own Click: walk it by shape, not by class)."""
    found: list[tuple[tuple[str, ...], Any]] = []
    for name, command in sorted(group.commands.items()):
        if command.hidden:
            continue
        if hasattr(command, "commands"):
            found += commands(command, (*prefix, name))
        else:
            found.append(((*prefix, name), command))
    return found


COMMANDS = [c for c in commands(typer.main.get_command(app)) if c[0][0] not in ("init", "hook", "desk")]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    path, command = draw(st.sampled_from(COMMANDS))
    argv = list(path)
    for param in command.params:
        if isinstance(param, TyperArgument):
            argv.append(draw(VALUES))
        elif isinstance(param, TyperOption) and not param.hidden and param.name != "help":
            if param.is_flag:
                if draw(st.booleans()):
                    argv.append(param.opts[0])
            elif param.required or draw(st.integers(0, 2)) == 0:
                argv += [param.opts[0], draw(VALUES)]
    return argv


@pytest.fixture(scope="module")
def bundled_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "ledger"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "copy", "--no-verify"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    return root


@settings(
    max_examples=int(os.environ.get("HOUQIN_FUZZ", "120")),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(argv=command_lines())
def test_no_option_value_makes_an_internal_error(
    bundled_repo: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(bundled_repo)
    result = CliRunner().invoke(app, ["--ledger", str(bundled_repo), *argv])
    assert result.exit_code in (0, 1, 2), (argv, result.output)


INVOICE_DAY = ["--invoice-date", "2026-11-20"]


@pytest.mark.parametrize(
    "argv",
    [
        ["shop", "expiring", "--days", "100000000000"],
        ["shop", "expiring", "--days", "1e11"],
        ["asset", "return", "JY-2026-0006", "--received-by", " "],
        "expense add --payee x --amount 10 --budget-line 30201 --purpose y --invoice _ --invoice-date 2026-11-20".replace(
            "_", " "
        ).split(" "),
        ["finance", "report", "2026-10", "--format", "html", "--out", "."],
        ["asset", "list", "--format", "xlsx", "--out", "/proc/self/status"],
        ["finance", "report", "2026-10", "--format", "html", "--out", "/proc/none/x.html"],
    ],
)
def test_the_reported_causes_of_exit_3_are_usage_errors(
    bundled_repo: Path, argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(bundled_repo)
    result = CliRunner().invoke(app, ["--ledger", str(bundled_repo), *argv])
    assert result.exit_code == 2, result.output
    assert "内部错误" not in result.output

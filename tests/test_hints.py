"""Every hint names the houqin command and option that fixes the problem, or says explicitly that no
houqin command does (and why); every command and option a hint names exists."""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.messages import ANY_SIGN, CATALOG, SIGN_COMMANDS, sign_command

ROOT = Path(__file__).resolve().parents[1]
NO_COMMAND = ("没有 houqin 命令", "no houqin command")
MENTION = re.compile(r"houqin((?: [a-z][a-z-]*)+)")
CLAUSE_END = re.compile(r"[。；;，,）)]|houqin ")
# English prose that names houqin without naming a command.
PROSE = re.compile(r"(?i)no houqin command|houqin(?='s)|houqin (?=never |reads )")


def _commands() -> tuple[tuple[str, ...], ...]:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: tuple[tuple[str, ...], ...] = module.documented(app)  # the real command tree, walked
    return found


COMMANDS = _commands()


@cache
def options_of(command: tuple[str, ...]) -> frozenset[str]:
    out = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"}).output
    return frozenset(re.findall(r"(--[a-z][a-z-]*)", out)) | {"--ledger", "--lang"}


def commands_in(text: str) -> list[tuple[tuple[str, ...], list[str]]]:
    """Each `houqin …` a text names, as (the command, the options written after it in its clause)."""
    found = []
    text = PROSE.sub("", text)
    for m in MENTION.finditer(text):
        words = tuple(m.group(1).split())
        command = max((c for c in COMMANDS if c and words[: len(c)] == c), key=len, default=None)
        assert command is not None, f"{text!r} names `houqin {' '.join(words)}`, which is no houqin command"
        rest = text[m.end() :]
        clause = rest[: m2.start()] if (m2 := CLAUSE_END.search(rest)) else rest
        found.append((command, re.findall(r"(--[a-z][a-z-]*)", clause)))
    return found


def hints() -> list[tuple[str, str]]:
    return [
        (f"{code} {lang}", text) for code, m in CATALOG.items() for lang, text in (("zh", m.hint_zh), ("en", m.hint_en))
    ]


@pytest.mark.parametrize(("where", "hint"), hints(), ids=[w for w, _ in hints()])
def test_every_hint_names_the_command_that_fixes_it_or_why_none_does(where: str, hint: str) -> None:
    text = hint.replace("{sign}", "houqin sign")
    named = commands_in(text)
    assert named, f"{where}: the hint names no houqin command: {hint}"
    fixing = [c for c, _ in named if c != ("check",)]
    assert fixing or any(p in hint.lower() for p in NO_COMMAND), f"{where}: only `houqin check`, and no reason why"


@pytest.mark.parametrize(("where", "hint"), hints(), ids=[w for w, _ in hints()])
def test_every_option_a_hint_names_belongs_to_its_command(where: str, hint: str) -> None:
    for command, options in commands_in(hint.replace("{sign}", "houqin sign")):
        unknown = set(options) - options_of(command)
        assert not unknown, f"{where}: houqin {' '.join(command)} has no {sorted(unknown)}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_sign_command_exists_with_its_options(lang: str) -> None:
    for template in (*SIGN_COMMANDS.values(), ANY_SIGN):
        text = template[1 if lang == "en" else 0]
        ((command, options),) = commands_in(text)
        assert set(options) <= options_of(command), text


def test_each_kind_is_signed_with_its_own_command() -> None:
    assert sign_command("JK-2026-0003", "principal", "zh") == "houqin advance approve JK-2026-0003 --by 校长姓名"
    assert sign_command("BX-2026-0001", "witness", "en") == "houqin expense sign BX-2026-0001 --as witness --by NAME"
    assert sign_command("CZ-2026-0004", "director", "zh") == "houqin sign CZ-2026-0004 --as director --by 姓名"


def test_an_unapproved_advance_hints_advance_approve() -> None:
    from houqin.diagnostics import diag

    d = diag("APR001", "2026/advances.yaml", 1, record="JK-2026-0001", id="JK-2026-0001", step="principal")
    assert "houqin advance approve JK-2026-0001 --by 校长姓名" in d.hint("zh")
    assert "houqin expense sign" not in d.hint("zh")

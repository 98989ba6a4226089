"""Every hint names the houqin command and option that fixes the problem, or says explicitly that no
houqin command does (and why); every command and option a hint names exists."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.messages import ANY_SIGN, AT_REFUSAL, CATALOG, SIGN_COMMANDS, sign_command
from tests.conftest import GOOD_EXPENSE

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
    """Every hint, and every hint said at a refused write (AT_REFUSAL), in both languages."""
    said = [
        (f"{code} {lang}", text) for code, m in CATALOG.items() for lang, text in (("zh", m.hint_zh), ("en", m.hint_en))
    ]
    return said + [(f"{code} {lang} refused", text) for code, pair in AT_REFUSAL.items() for lang, text in zip(("zh", "en"), pair, strict=True)]  # fmt: skip


# Words that send the reader back to a record in the file: wrong at a refused write (nothing written).
UNDO = re.compile(
    r"删去|删除|撤回|unsign|核查这笔|已写入|delete|remove|withdraw|review the payment|already written|in the file"
)


@pytest.mark.parametrize("code", sorted(AT_REFUSAL))
def test_a_hint_at_a_refused_write_says_what_to_do_now_not_what_to_undo(code: str) -> None:
    assert code in CATALOG
    zh, en = AT_REFUSAL[code]
    assert not UNDO.search(zh) and not UNDO.search(en), code
    assert zh.startswith("没有写入") and en.startswith("Nothing was"), code


def test_every_hint_that_undoes_a_record_has_its_refused_form_when_a_write_can_raise_it() -> None:
    """The codes a refused write is known to raise (a payment or a signature refused, a record refused
    by its own rule) whose ordinary hint speaks of undoing what is in the file have their refused form."""
    for code in (
        "APR001",
        "APR002",
        "APR003",
        "KEY001",
        "KEY005",
        "SIG001",
        "SIG002",
        "SOD001",
        "SOD002",
        "SOD003",
        "SOD005",
    ):
        m = CATALOG[code]
        assert UNDO.search(m.hint_zh + m.hint_en), f"{code}'s hint no longer undoes anything: drop it from this list"
        assert code in AT_REFUSAL, code


def test_a_refused_payment_does_not_tell_to_review_a_payment_never_written(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE.split("  approvals:")[0]})
    before = (root / "2026/expenses.yaml").read_text()
    runner = CliRunner()
    result = runner.invoke(app, ["--ledger", str(root), "expense", "pay", "BX-2026-0001", "--by", "赵出纳", "--on", "2026-03-07"])  # fmt: skip
    assert result.exit_code == 1 and "error[APR001]" in result.output
    assert (root / "2026/expenses.yaml").read_text() == before  # nothing was written …
    assert "没有写入付款。先签齐 经手人 → 证明人 → 校长：houqin expense sign BX-2026-0001 --as handler" in result.output
    assert not UNDO.search(result.output), result.output  # … so nothing is to be undone
    # `houqin check` on a ledger whose claim *was* paid unsigned still says what to do about the payment.
    paid = before + "  payment: {on: 2026-03-07, by: 赵出纳, account: bank}\n"
    (root / "2026/expenses.yaml").write_text(paid)
    shown = runner.invoke(app, ["--ledger", str(root), "check"]).output
    assert "请校长核查这笔付款" in shown


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

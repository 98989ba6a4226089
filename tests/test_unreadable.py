"""One unreadable file does not bury its own error: it is reported first, the findings that rest on it
are held back with a count (SCH004), and every command that needs the file refuses, naming it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BASE, GOOD_ASSET, GOOD_EXPENSE

runner = CliRunner()
ASSET_ARGS = ["asset", "add", "--name", "投影仪", "--category", "A02010105", "--price", "4200"]
ASSET_ARGS += ["--place", "SY-301", "--keeper", "李主任", "--date", "2026-03-09"]
CLOSE = """\
- id: JZ-2026-0001
  date: 2026-04-02
  month: 2026-03
"""


def run(root: Path, *args: str) -> tuple[int, str]:
    """Run in the ledger (so paths print relative to it); an error message wrapped by the console is
    joined again."""
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = runner.invoke(app, ["--ledger", str(root), *args])
    finally:
        os.chdir(cwd)
    out = result.output
    return result.exit_code, "".join(out.splitlines()) + "\n" if out.startswith("houqin: ") else out


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.yaml")}


def gb18030_people(root: Path) -> None:
    text = (root / "people.yaml").read_text(encoding="utf-8")
    (root / "people.yaml").write_bytes(text.encode("gb18030"))


BROKEN_EXPENSES = GOOD_EXPENSE.replace('  amount: "1299.50"\n', '  amount: "1299.50" : [\n', 1)


def test_gb18030_people_is_reported_first_and_the_false_unknowns_held_back(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET, "2026/expenses.yaml": GOOD_EXPENSE})
    gb18030_people(root)
    code, out = run(root, "check")
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == "people.yaml:1: error[YAML006] 文件不是 UTF-8 编码（疑似 GB18030）"
    assert lines[1].endswith("| - {name: 王校长, roles: [principal], department: 校长室, joined: 2010-09-01}")
    assert lines[3].startswith("people.yaml: info[SCH004] 另有 ")
    assert lines[3].endswith(" 条由此引起的问题未列出：people.yaml 无法读取，依赖它的检查结果不可信")
    assert lines[-1] == "1 个错误，0 个警告。"
    assert "REF001" not in out and "SIG001" not in out


def test_the_count_is_what_was_held_back(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET, "2026/expenses.yaml": GOOD_EXPENSE})
    # With an empty people.yaml (readable), every finding that rests on it shows: that is what is held back.
    (root / "people.yaml").write_text("[]\n", encoding="utf-8")
    _, shown = run(root, "--lang", "en", "check", "--format", "json")
    expected = sum(1 for d in json.loads(shown)["diagnostics"] if d["code"] != "PAT001" and d["check"] != "schema")
    (root / "people.yaml").write_bytes(BASE["people.yaml"].encode("gb18030"))
    code, out = run(root, "--lang", "en", "check", "--format", "json")
    assert code == 2
    found = json.loads(out)["diagnostics"]
    assert [d["code"] for d in found[:2]] == ["YAML006", "SCH004"]
    assert found[1]["params"] == {"count": str(expected), "files": "people.yaml"}
    assert found[1]["message"] == (
        f"{expected} more problems that follow from it are not listed: people.yaml cannot be read, "
        "so what the checks found from it cannot be trusted"
    )
    assert expected >= 4  # each keeper, signer and the cashier


def test_syntax_error_in_expenses_holds_back_the_closed_month_and_balances(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir(
        {"2026/expenses.yaml": BROKEN_EXPENSES, "2026/assets.yaml": GOOD_ASSET.replace("李主任", "无名氏")}
    )
    code, out = run(root, "check")
    assert code == 2
    lines = out.splitlines()
    assert lines[0] == (
        "2026/expenses.yaml:4: error[YAML001] YAML 语法错误：此处不能再有“键: 值”（是否多了冒号，或值里的冒号没加引号？）"
        "（mapping values are not allowed in this context）"
    )
    assert "CLS003" not in out and "FIN007" not in out
    # what does not rest on expenses.yaml still shows: an asset's unknown keeper
    assert "2026/assets.yaml:1: error[REF001] 保管人(keeper) 中的人员 无名氏 不在 people.yaml 中" in out


def test_an_unreadable_file_shows_whatever_checks_are_asked_for(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": BROKEN_EXPENSES})
    code, out = run(root, "check", "stock")
    assert code == 2
    assert out.splitlines()[0].startswith("2026/expenses.yaml:4: error[YAML001]")


def test_expense_list_refuses_naming_the_unreadable_file(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": BROKEN_EXPENSES, "2026/assets.yaml": GOOD_ASSET})
    code, out = run(root, "expense", "list")
    assert code == 2
    assert out.startswith("houqin: 2026/expenses.yaml 无法读取（2026/expenses.yaml:4: YAML001 YAML 语法错误：")
    assert "本命令要用到它，账本未作任何改动：先修正该文件，houqin check 会列出问题。" in out
    assert "没有符合条件的报销单" not in out
    code, out = run(root, "--lang", "en", "finance", "report", "2026-03")
    assert code == 2 and out.startswith("houqin: 2026/expenses.yaml cannot be read (2026/expenses.yaml:4: YAML001")
    # a command that does not read claims is not stopped by them
    code, out = run(root, "asset", "list")
    assert code == 0 and "ZC-2026-0001" in out


def test_asset_add_names_the_unreadable_people_file(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    gb18030_people(root)
    before = snapshot(root)
    code, out = run(root, *ASSET_ARGS)
    assert code == 2
    assert out.startswith("houqin: people.yaml 无法读取（people.yaml:1: YAML006 文件不是 UTF-8 编码（疑似 GB18030））")
    assert "不在 people.yaml 中" not in out
    assert snapshot(root) == before


def test_a_write_refuses_while_any_file_is_unreadable(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": BROKEN_EXPENSES})
    before = snapshot(root)
    code, out = run(root, *ASSET_ARGS)
    assert code == 2 and out.startswith("houqin: 2026/expenses.yaml 无法读取")
    assert snapshot(root) == before


def test_the_held_back_findings_return_once_the_file_reads(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET.replace("李主任", "无名氏")})
    gb18030_people(root)
    assert "REF001" not in run(root, "check")[1]
    (root / "people.yaml").write_text(BASE["people.yaml"], encoding="utf-8")
    code, out = run(root, "check")
    assert code == 1 and "error[REF001] 保管人(keeper) 中的人员 无名氏" in out and "SCH004" not in out


def test_the_hook_refuses_a_gb18030_people_file_naming_it_first(git_ledger: Callable[..., Path]) -> None:
    import subprocess

    from tests.test_git import commit

    root = git_ledger({"2026/assets.yaml": GOOD_ASSET})
    gb18030_people(root)
    proc = commit(root, "people saved from Excel")
    assert proc.returncode != 0
    assert proc.stderr.splitlines()[0] == "people.yaml:1: error[YAML006] 文件不是 UTF-8 编码（疑似 GB18030）"
    assert "REF001" not in proc.stderr and "info[SCH004] 另有 " in proc.stderr
    log = subprocess.run(["git", "log", "--format=%s"], cwd=root, capture_output=True, text=True, check=True)
    assert log.stdout == "start\n"

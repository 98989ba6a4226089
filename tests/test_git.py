"""The git gate with real repositories: houqin init, the pre-commit hook, houqin's own commits."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import GOOD_EXPENSE, git

runner = CliRunner()


def commit(root: Path, message: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "commit", "-q", "-am", message],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_hook_refuses_a_hand_edit_that_removes_the_witness(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    path = root / "2026/expenses.yaml"
    path.write_text(GOOD_EXPENSE.replace("  - {role: witness, by: 李主任, on: 2026-03-05}\n", ""))
    proc = commit(root, "remove witness")
    assert proc.returncode == 1
    assert (
        "2026/expenses.yaml:1: error[APR001] BX-2026-0001 已付款，但缺少 证明人(witness) 签批"
        "（需 经手人 → 证明人 → 校长）"
    ) in proc.stderr
    assert git(root, "log", "--format=%s") == "start\n"
    # a valid edit (a note) is accepted
    path.write_text(GOOD_EXPENSE.replace("  purpose: 办公用品\n", "  purpose: 办公用品\n  note: 开学备用\n"))
    proc = commit(root, "note")
    assert proc.returncode == 0, proc.stderr
    assert git(root, "log", "-1", "--format=%s") == "note\n"


def test_hook_checks_the_index_not_the_working_tree(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    path = root / "2026/expenses.yaml"
    path.write_text(GOOD_EXPENSE.replace("witness, by: 李主任", "witness, by: 赵出纳"))
    git(root, "add", "2026/expenses.yaml")
    path.write_text(GOOD_EXPENSE)  # the working tree is clean again, but the index is not
    proc = subprocess.run(
        ["git", "commit", "-q", "-m", "staged cashier witness"], cwd=root, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1
    assert "error[SOD002]" in proc.stderr


def test_init_creates_a_committed_ledger_with_the_hook(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "账本"), "--school", "青禾县实验小学"])
    assert result.exit_code == 0, result.output
    root = tmp_path / "账本"
    assert sorted(p.name for p in root.iterdir()) == [
        ".git",
        ".gitattributes",
        ".gitignore",
        ".houqin",  # the hook's cache, ignored by git
        "catalog.yaml",
        "houqin.yaml",
        "people.yaml",
        "places.yaml",
    ]
    assert git(root, "log", "--format=%s") == "init: 青禾县实验小学 后勤账本\n"
    assert git(root, "status", "--porcelain") == ""
    hook = root / ".git/hooks/pre-commit"
    assert os.access(hook, os.X_OK) and "check --staged" in hook.read_text()
    assert runner.invoke(app, ["--ledger", str(root), "check"]).output == ""
    again = runner.invoke(app, ["init", str(root), "--school", "x"])
    assert again.exit_code == 2 and "不是空目录" in again.output


def test_hook_install_on_a_ledger_inside_a_bigger_repository(tmp_path: Path) -> None:
    """Like the bundled ledgers/: the ledger is a folder of a repository, not its top."""
    from tests.conftest import write_ledger

    top = tmp_path / "office"
    root = write_ledger(top / "books")
    git(top, "init", "-q")
    git(top, "add", "-A")
    git(top, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "start")
    result = runner.invoke(app, ["--ledger", str(root), "hook", "install"])
    assert result.exit_code == 0, result.output
    (root / "2026").mkdir(exist_ok=True)
    (root / "2026/expenses.yaml").write_text(GOOD_EXPENSE.replace("by: 王校长", "by: 张老师"))
    git(top, "add", "-A")
    proc = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "x"],
        cwd=top,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert (
        "books/2026/expenses.yaml:12: error[SIG001] 张老师 在 2026-03-06 不具备 校长(principal) 签字资格" in proc.stderr
    )


def test_python_m_houqin_runs_in_a_subprocess(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "houqin", "--version"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("houqin ")
    proc = subprocess.run(
        [sys.executable, "-m", "houqin", "check"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")
    proc = subprocess.run(
        [sys.executable, "-m", "houqin", "--ledger", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "houqin.yaml" in proc.stderr


def test_clerk_day_example(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[1] / "examples" / "clerk-day.sh"
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "200"}
    proc = subprocess.run(
        ["bash", str(script), str(tmp_path / "day")], capture_output=True, text=True, env=env, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "git refused the edit, as it should" in proc.stdout
    log = git(tmp_path / "day", "log", "--format=%s").splitlines()
    assert log[0] == "expense sign BX-2026-0001 principal 王建国"
    assert log[-1] == "init: 青禾县实验小学 后勤账本"


def test_a_write_brings_gits_index_up_from_the_commits_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After its commit a write gives git's index the entries of the index it committed from (update-index
    --index-info, then a refresh), not `git reset`: for a ledger in a folder of a bigger repository the
    index is HEAD's for the written file, nothing is left staged or modified, and other staged work
    outside the ledger's folder is kept as it was."""
    from houqin.ledger import git as git_module
    from tests.conftest import write_ledger

    top = tmp_path / "office"
    root = write_ledger(top / "books")
    git(top, "init", "-q")
    (top / "notes.txt").write_text("一\n", encoding="utf-8")
    git(top, "add", "-A")
    git(top, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "start")
    git(top, "config", "user.name", "t")
    git(top, "config", "user.email", "t@x")
    (top / "notes.txt").write_text("二\n", encoding="utf-8")
    git(top, "add", "notes.txt")  # staged outside the ledger: not the write's to commit or to unstage
    ran: list[str] = []
    real = git_module.git

    def logged(cwd: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
        ran.append(args[0])
        return real(cwd, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(git_module, "git", logged)
    args = ["--ledger", str(root), "asset", "add", "--name", "投影仪", "--category", "A02010105", "--price", "4200"]
    args += ["--place", "SY-301", "--keeper", "李主任", "--date", "2026-03-09"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "update-index" in ran and "reset" not in ran
    assert git(top, "status", "--porcelain") == "M  notes.txt\n"  # the card committed, nothing else changed
    assert (
        git(top, "ls-files", "-s", "books/2026/assets.yaml").split()[1]
        == git(top, "rev-parse", "HEAD:books/2026/assets.yaml").strip()
    )
    assert "ZC-2026-0001" in git(top, "show", "HEAD:books/2026/assets.yaml")
    written = (root / "2026/assets.yaml").stat()  # dated back, so git takes it as settled, not racily clean
    assert written.st_ctime_ns - written.st_mtime_ns >= 1_900_000_000


def test_a_file_system_that_cannot_date_a_file_still_takes_the_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dating a written file back is for git's speed alone: where the file system refuses it, the
    write lands and commits all the same."""
    from houqin.ledger import save
    from tests.conftest import write_ledger

    root = write_ledger(tmp_path / "books")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "start")
    git(root, "config", "user.name", "t")
    git(root, "config", "user.email", "t@x")

    def refuse(*_args: object, **_kw: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(save.os, "utime", refuse)
    args = ["--ledger", str(root), "asset", "add", "--name", "投影仪", "--category", "A02010105", "--price", "4200"]
    args += ["--place", "SY-301", "--keeper", "李主任", "--date", "2026-03-09"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert git(root, "status", "--porcelain") == "" and "ZC-2026-0001" in git(root, "show", "HEAD:2026/assets.yaml")

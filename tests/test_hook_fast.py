"""The pre-commit hook answers a commit houqin itself just made from the result cache, by the staged
files' git object ids, without importing Typer, Rich, pydantic or the checks (issue #19 item 2); a
commit it has no clean result for runs the whole check and is refused as before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.ledger.git import CHECKED_TREE
from houqin.services.checking import staged_result
from tests.conftest import git

PROBE = """import sys
import houqin.cli.hook as hook
try:
    hook.main(".")
except SystemExit as e:
    heavy = [m for m in ("typer", "rich", "pydantic", "houqin.checks.engine") if m in sys.modules]
    print(e.code, ",".join(heavy) or "-")
"""


def test_a_commit_houqin_made_is_answered_without_the_heavy_modules(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    result = CliRunner().invoke(app, ["--ledger", str(root), "repair", "open", "--place", "JX-101", "--reporter",
                                      "张老师", "--fault", "门锁坏", "--no-commit"])  # fmt: skip
    assert result.exit_code == 0, result.output
    git(root, "add", "-A")
    assert staged_result(root) == []  # the write left its result under the staged blobs' ids
    probe = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True, check=True)
    assert probe.stdout.split() == ["0", "-"], probe.stdout + probe.stderr
    git(root, "commit", "-q", "-m", "报修")  # the installed hook lets it through


def test_warnings_of_a_cached_result_are_printed_without_rich(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    (root / "people.yaml").write_text(
        (root / "people.yaml").read_text("utf-8") + "- {name: 王校長, roles: [teacher], joined: 2010-09-01}\n", "utf-8"
    )
    result = CliRunner().invoke(app, ["--ledger", str(root), "check"])
    assert result.exit_code == 0 and "[SIG003]" in result.output
    git(root, "add", "-A")
    CliRunner().invoke(app, ["--ledger", str(root), "check", "--staged"])  # leaves the result under the blob ids
    probe = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True, check=True)
    assert probe.stdout.split() == ["0", "-"], probe.stdout + probe.stderr
    assert "people.yaml:" in probe.stderr and "warning[SIG003] 王校長 与 王校长" in probe.stderr
    assert probe.stderr.rstrip().endswith("0 个错误，1 个警告。")


def test_a_hand_edit_runs_the_whole_check_and_is_refused(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    (root / "2026").mkdir(exist_ok=True)
    (root / "2026/loans.yaml").write_text(
        "- {id: JY-2026-0001, date: 2026-03-01, asset: ZC-2026-9999, borrower: 张老师, due: 2026-03-08,"
        " approvals: [{role: keeper, by: 李主任, on: 2026-03-01}]}\n",
        encoding="utf-8",
    )
    git(root, "add", "-A")
    assert staged_result(root) is None
    done = subprocess.run(["git", "commit", "-q", "-m", "手改"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 1 and "error[" in done.stderr, done.stdout + done.stderr


REPAIR = ["repair", "open", "--place", "JX-101", "--reporter", "张老师", "--fault", "门锁坏"]
TOLD = """#!/bin/sh
printf '%s\\n' "${HOUQIN_CHECKED_TREE:-none}" >> "$(git rev-parse --absolute-git-dir)/told"
"""


def _told(root: Path) -> list[str]:
    """What each commit's hook was told of the tree checked (a hook of the test's own, in place of houqin's)."""
    path = root / ".git" / "told"
    return path.read_text().split() if path.exists() else []


def test_a_write_tells_the_hook_the_tree_it_checked(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    hook = root / ".git" / "hooks" / "pre-commit"
    hook.write_text(TOLD)
    result = CliRunner().invoke(app, ["--ledger", str(root), *REPAIR])
    assert result.exit_code == 0, result.output
    assert _told(root) == [git(root, "rev-parse", "HEAD^{tree}").strip()]


def test_a_write_beside_a_hand_edit_tells_the_hook_nothing(git_ledger: Callable[..., Path]) -> None:
    """The write checked the working tree, hand edit included; the commit holds HEAD's copy of that file:
    what it commits is not what was checked, so the hook must check it itself."""
    root = git_ledger()
    (root / "people.yaml").write_text(
        (root / "people.yaml").read_text("utf-8") + "- {name: 周老师, roles: [teacher], joined: 2012-09-01}\n", "utf-8"
    )
    (root / ".git" / "hooks" / "pre-commit").write_text(TOLD)
    result = CliRunner().invoke(app, ["--ledger", str(root), *REPAIR])
    assert result.exit_code == 0, result.output
    assert _told(root) == ["none"]


def test_the_hook_lets_through_only_the_tree_it_was_told(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    (root / "2026").mkdir(exist_ok=True)
    (root / "2026/loans.yaml").write_text(
        "- {id: JY-2026-0001, date: 2026-03-01, asset: ZC-2026-9999, borrower: 张老师, due: 2026-03-08,"
        " approvals: [{role: keeper, by: 李主任, on: 2026-03-01}]}\n",
        encoding="utf-8",
    )
    git(root, "add", "-A")
    hook = str(root / ".git" / "hooks" / "pre-commit")
    other = git(root, "rev-parse", "HEAD^{tree}").strip()
    refused = subprocess.run([hook], cwd=root, capture_output=True, text=True, env={**os.environ, CHECKED_TREE: other})
    assert refused.returncode == 1 and "error[REF" in refused.stderr, refused.stdout + refused.stderr
    staged = git(root, "write-tree").strip()
    told = subprocess.run([hook], cwd=root, capture_output=True, text=True, env={**os.environ, CHECKED_TREE: staged})
    assert told.returncode == 0 and told.stderr == "", told.stderr  # as --no-verify: only houqin says it


WRITE_PROBE = """import os, sys
real_exit = os._exit
def leave(code=0):
    print(code, ",".join(m for m in ("yaml", "ruamel.yaml", "concurrent.futures") if m in sys.modules) or "-")
    sys.stdout.flush()
    real_exit(0)
os._exit = leave
sys.argv = ["houqin", "--ledger", ".", "repair", "open", "--place", "JX-101", "--reporter", "张老师", "--fault", "门锁坏"]
from houqin.cli.app import main
main()
"""


def test_a_write_to_files_in_the_house_style_loads_neither_pyyaml_nor_ruamel(
    git_ledger: Callable[..., Path],
) -> None:
    """What houqin wrote is read by the house-style reader and a new record written by the direct writer:
    PyYAML (the strict reader's), ruamel.yaml (the round-trip writer's) and the process pool of a big
    read are not imported by such a write (20–40 ms of its start). A file in another style that must
    be read still takes the strict reader, which imports PyYAML then."""
    root = git_ledger()
    probe = subprocess.run([sys.executable, "-c", WRITE_PROBE], cwd=root, capture_output=True, text=True, check=True)
    assert probe.stdout.split()[-2:] == ["0", "-"], probe.stdout + probe.stderr
    people = root / "people.yaml"
    people.write_text(people.read_text("utf-8").replace("张老师", '"张老\\u5e08"', 1), "utf-8")  # an escape
    git(root, "commit", "-qam", "another style", "--no-verify")
    shutil.rmtree(root / ".houqin" / "cache")  # so the write must read it (else its entry answers)
    probe = subprocess.run([sys.executable, "-c", WRITE_PROBE], cwd=root, capture_output=True, text=True, check=True)
    assert probe.stdout.split()[-2:] == ["0", "yaml"], probe.stdout + probe.stderr

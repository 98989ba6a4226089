"""Trust under stress: many clerks writing at once, and writers killed mid-write."""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from houqin.ledger.load import load_ledger
from houqin.models.records import Asset
from tests.conftest import git
from tests.test_cli import ASSET_ARGS

# `make soak` (HOUQIN_SOAK=N) multiplies the kills and the concurrent writers; CI runs the bounded default.
SOAK = max(1, int(os.environ.get("HOUQIN_SOAK", "1")))
WRITERS = 6 * min(SOAK, 8)  # at most 48 at once: more only measures the lock's 30 s wait
KILLS = 12 * SOAK


def add_args(name: str) -> list[str]:
    """`asset add` as the CLI tests type it, with another name."""
    return [name if arg == "投影仪" else arg for arg in ASSET_ARGS]


def add_cmd(root: Path, n: int) -> list[str]:
    return [sys.executable, "-m", "houqin", "--ledger", str(root), *add_args(f"投影仪{n}")]


def test_concurrent_clerks_all_land_once_with_unique_ids(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    procs = [subprocess.Popen(add_cmd(root, n), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(WRITERS)]
    results = [p.wait(timeout=60 * WRITERS) for p in procs]
    assert results == [0] * WRITERS, [p.stderr.read().decode() for p in procs if p.stderr]
    assets = load_ledger(root).ledger.records(Asset)
    assert sorted(a.id for a in assets) == [f"ZC-2026-{n:04d}" for n in range(1, WRITERS + 1)]
    assert sorted(a.name for a in assets) == sorted(f"投影仪{n}" for n in range(WRITERS))  # type: ignore[attr-defined]
    log = git(root, "log", "--format=%H %P").splitlines()
    assert len(log) == WRITERS + 1  # every add on top of the start, one after another
    for child, parent in itertools.pairwise(log):
        assert child.split()[1] == parent.split()[0]  # linear: each commit's parent is the one before
    assert git(root, "status", "--porcelain") == ""


def test_a_writer_killed_anywhere_leaves_old_or_new_never_torn(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    rng = random.Random(7)
    path = root / "2026/assets.yaml"
    for n in range(KILLS):
        before = path.read_bytes() if path.exists() else b""
        # a power cut: houqin and everything it started (git, the hook) die at the same instant
        proc = subprocess.Popen(
            add_cmd(root, n), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        time.sleep(rng.uniform(0.05, 0.9))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        after = path.read_bytes() if path.exists() else b""
        assert after == before or after.startswith(before), "the old text is kept whole"
        result = load_ledger(root)
        leftovers = [d for d in result.diagnostics if d.code == "SCH002" and d.file.endswith(".houqin-tmp")]
        torn = [d for d in result.diagnostics if d.code.startswith(("YAML", "SCH00")) and d not in leftovers]
        assert not torn, torn  # a temp file left by the kill is reported (SCH002), never read as records
        ids = [a.id for a in result.ledger.records(Asset)]
        assert len(ids) == len(set(ids))
        # git may have been killed mid-commit: leave the repository usable for the next clerk
        for leftover in root.glob("2026/.*.houqin-tmp"):
            leftover.unlink()  # what a person does after houqin check reports it
        lock = root / ".git/index.lock"
        if lock.exists():
            lock.unlink()
        git(root, "add", "-A")
        if git(root, "status", "--porcelain").strip():
            git(root, "commit", "-q", "--no-verify", "-m", f"recovered after kill {n}")


def test_a_leftover_temporary_file_is_reported_and_never_committed(
    git_ledger: Callable[..., Path], tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    fresh = tmp_path / "fresh"
    assert CliRunner().invoke(app, ["init", str(fresh), "--school", "测试小学"]).exit_code == 0
    (fresh / "2026").mkdir(exist_ok=True)
    (fresh / "2026/.assets.yaml.4242.houqin-tmp").write_text("- id: ZC-2026-00")
    assert git(fresh, "status", "--porcelain", "--untracked-files=all") == ""  # ignored by git
    result = CliRunner().invoke(app, ["--ledger", str(fresh), "check"])
    assert result.exit_code == 0
    assert "2026/.assets.yaml.4242.houqin-tmp: warning[SCH002]" in result.output


def two_offices(tmp_path: Path) -> tuple[Path, Path, str]:
    """A ledger made by `houqin init` with the test school's directory, and a second clerk's clone of it
    with the hook and the merge driver; returns both and the branch name."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.git import install_hook, install_merge_driver
    from tests.conftest import write_ledger

    office = tmp_path / "office"
    assert CliRunner().invoke(app, ["init", str(office), "--school", "测试小学"]).exit_code == 0
    base = write_ledger(tmp_path / "base")  # people, places and catalog of the test school
    for name in ("people.yaml", "places.yaml", "catalog.yaml"):
        (office / name).write_bytes((base / name).read_bytes())
    git(office, "commit", "-qam", "directory")
    branch = git(office, "branch", "--show-current").strip()
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(office), str(clone))
    git(clone, "config", "user.name", "clerk2")
    git(clone, "config", "user.email", "c2@x")
    install_hook(clone)
    install_merge_driver(clone)
    return office, clone, branch


def test_two_clerks_on_two_clones_merge_without_conflict_and_check_catches_the_clash(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    runner = CliRunner()
    office, clone, branch = two_offices(tmp_path)
    for root, name in ((office, "投影仪"), (clone, "打印机")):
        args = ["--ledger", str(root), *add_args(name)]
        assert runner.invoke(app, args).exit_code == 0
    merged = subprocess.run(
        ["git", "pull", "-q", "--no-rebase", "--no-edit", "origin", branch],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr  # no YAML conflict
    text = (clone / "2026/assets.yaml").read_text()
    assert "name: 投影仪" in text and "name: 打印机" in text and "<<<<<<<" not in text
    result = runner.invoke(app, ["--ledger", str(clone), "check"])
    assert result.exit_code == 1, text + result.output
    assert "error[ID001] 编号 ZC-2026-0001 重复" in result.output  # both clerks took the next id
    assert text.count("- id: ZC-2026-0001\n") == 2 and text.count("  name: ") == 2  # two whole records


def test_merge_driver_record_by_record() -> None:
    from houqin.ledger.merge import merge_record_files

    def rec(rid: str, note: str = "") -> str:
        return f"- id: {rid}\n  date: 2026-03-09\n" + (f"  note: {note}\n" if note else "")

    base = ("# header\n" + rec("A") + rec("B")).encode()
    ours = ("# header\n" + rec("A", "ours") + rec("B") + rec("C")).encode()
    theirs = ("# header\n" + rec("A") + rec("B", "theirs") + rec("D")).encode()
    merged = merge_record_files(base, ours, theirs)
    assert merged == ("# header\n" + rec("A", "ours") + rec("B", "theirs") + rec("C") + rec("D")).encode()
    both = merge_record_files(
        base, ("# header\n" + rec("A", "x") + rec("B")).encode(), ("# header\n" + rec("A", "y") + rec("B")).encode()
    )
    assert both == ("# header\n" + rec("A", "x") + rec("A", "y") + rec("B")).encode()  # check reports the clash
    assert merge_record_files(base, b"- id: [broken\n", theirs) is None


def test_a_stale_index_lock_is_named_and_nothing_is_written(git_ledger: Callable[..., Path]) -> None:
    """A git killed mid-commit leaves .git/index.lock: houqin says so and writes nothing (exit 2), and
    works again once the lock is gone."""
    from typer.testing import CliRunner

    from houqin.cli.app import app

    root = git_ledger()
    lock = root / ".git" / "index.lock"
    lock.write_bytes(b"")
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 2
    assert "index.lock" in result.output and "账本未作任何改动" in result.output
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before
    lock.unlink()
    assert CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS]).exit_code == 0


def test_check_since_finds_a_commit_that_skipped_the_hook(git_ledger: Callable[..., Path]) -> None:
    """The hook can be skipped with --no-verify; the auditor's `houqin check --since REV` cannot."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from tests.conftest import BASE, GOOD_EXPENSE

    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    start = git(root, "rev-parse", "HEAD").strip()
    runner = CliRunner()
    assert runner.invoke(app, ["--ledger", str(root), *ASSET_ARGS]).exit_code == 0
    path = root / "2026/expenses.yaml"
    path.write_text(GOOD_EXPENSE.replace("  - {role: witness, by: 李主任, on: 2026-03-05}\n", ""), encoding="utf-8")
    refused = subprocess.run(["git", "commit", "-qam", "去掉证明人"], cwd=root, capture_output=True, text=True)
    assert refused.returncode != 0  # the hook refuses it …
    git(root, "commit", "-qnam", "去掉证明人")  # … so it is committed with --no-verify
    result = runner.invoke(app, ["--ledger", str(root), "check", "--since", start])
    assert result.exit_code == 1
    assert "去掉证明人" in result.output and "error[APR001]" in result.output
    assert "asset add" not in result.output  # the good commit is not listed
    assert "2 个提交，1 个有问题" in result.output
    # With policy asking for signed commits, unsigned ones are listed too.
    config = BASE["houqin.yaml"].replace("        ", "").rstrip() + "\npolicy:\n  require_signed_commits: true\n"
    (root / "houqin.yaml").write_text(config, encoding="utf-8")
    result = runner.invoke(app, ["--ledger", str(root), "check", "--since", start])
    assert result.exit_code == 1 and result.output.count("未经有效签名") == 2
    bad = runner.invoke(app, ["--ledger", str(root), "check", "--since", "no-such-rev"])
    assert bad.exit_code == 2 and "找不到提交 no-such-rev" in bad.output


def test_clones_with_their_own_desks_never_clash(tmp_path: Path) -> None:
    """With a desk each (houqin desk N), two clones allocate ids from different blocks: the merge is
    clean and so is the merged ledger."""
    from typer.testing import CliRunner

    from houqin.cli.app import app

    runner = CliRunner()
    office, clone, branch = two_offices(tmp_path)
    for root, desk, name in ((office, "1", "投影仪"), (clone, "2", "打印机")):
        shown = runner.invoke(app, ["--ledger", str(root), "desk", desk])
        assert shown.exit_code == 0 and f"工位号：{desk}" in shown.output
        assert runner.invoke(app, ["--ledger", str(root), *add_args(name)]).exit_code == 0
    assert git(office, "status", "--porcelain") == ""  # the desk is the clone's, never committed
    merged = subprocess.run(
        ["git", "pull", "-q", "--no-rebase", "--no-edit", "origin", branch], cwd=clone, capture_output=True, text=True
    )
    assert merged.returncode == 0, merged.stderr
    text = (clone / "2026/assets.yaml").read_text()
    assert "- id: ZC-2026-10001\n" in text and "- id: ZC-2026-20001\n" in text
    assert runner.invoke(app, ["--ledger", str(clone), "check"]).exit_code == 0
    bad = runner.invoke(app, ["--ledger", str(clone), "desk", "100"])
    assert bad.exit_code == 2 and "0 到 99" in bad.output

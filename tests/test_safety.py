"""Safety at the edges (issue #13, items 13-19): where a write may go, what --out may overwrite, a
full disk, a killed write, the merge driver on an installed hook, and files that are not files."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.models.records import Asset
from tests.conftest import BUNDLED, git
from tests.test_cli import ASSET_ARGS


def bundled_state() -> tuple[str, dict[Path, bytes]]:
    status = git(BUNDLED, "status", "--porcelain", "--", ".")
    return status, {p: p.read_bytes() for p in sorted(BUNDLED.rglob("*.yaml"))}


# Every kind of write command, with arguments that get it as far as choosing its ledger.
WRITES = [
    ASSET_ARGS,
    [*ASSET_ARGS, "--no-commit"],
    ["asset", "move", "ZC-2016-0001", "--to-place", "SY-301", "--to-keeper", "李主任"],
    ["stock", "in", "paper-a4", "-q", "10", "--price", "25", "--origin", "捐赠", "--acceptor", "周强"],
    ["finance", "close", "2026-10", "--by", "孙慧"],
    ["purchase", "accept", "CG-2026-0001", "--acceptor", "周保管", "--witness", "李主任"],
    ["patrol", "log", "--by", "周强", "--place", "JX-101"],
    ["desk", "3"],
    ["hook", "install"],
]


@pytest.mark.parametrize("args", WRITES, ids=[" ".join(a[:2]) for a in WRITES])
def test_a_write_outside_any_ledger_is_refused_and_the_bundled_ledger_is_untouched(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Item 13: `cd ~ && houqin asset add …` wrote to and committed into the checkout's ledgers/."""
    from houqin.cli.app import app

    monkeypatch.chdir(tmp_path)
    before = bundled_state()
    head = git(BUNDLED, "rev-parse", "HEAD")
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert f"不在账本目录中（{tmp_path.resolve()}）" in result.output
    assert "账本未作任何改动" in result.output
    assert bundled_state() == before and git(BUNDLED, "rev-parse", "HEAD") == head


def test_reads_outside_any_ledger_still_show_the_bundled_ledger(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from houqin.cli.app import app

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["--lang", "en", "desk"])
    assert result.exit_code == 0 and "This clone's desk: 0" in result.output
    result = CliRunner().invoke(app, ["asset", "show", "ZC-2016-0001"])
    assert result.exit_code == 0 and "ZC-2016-0001" in result.output


def test_a_write_goes_to_the_ledger_named_or_entered(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from houqin.cli.state import BUNDLED as STATE_BUNDLED
    from houqin.cli.state import State

    root = git_ledger()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert State(ledger=root).root(write=True) == root.resolve()
    assert State(ledger=STATE_BUNDLED).root(write=True) == STATE_BUNDLED  # the demo ledger, named explicitly
    monkeypatch.setenv("HOUQIN_LEDGER", str(root))
    assert State().root(write=True) == root.resolve()
    monkeypatch.delenv("HOUQIN_LEDGER")
    (root / "2026").mkdir(exist_ok=True)
    monkeypatch.chdir(root / "2026")  # inside the ledger: its enclosing ledger repository
    assert State().root(write=True) == root.resolve()
    from houqin.cli.app import app

    result = CliRunner().invoke(app, ASSET_ARGS)
    assert result.exit_code == 0, result.output
    assert git(root, "log", "-1", "--format=%s").startswith("asset add ZC-2026-0001")


def run_houqin(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run(
        [sys.executable, "-m", "houqin", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=120
    )


def tree_bytes(root: Path) -> dict[str, bytes]:
    """Every file of the ledger and of its .git except git's objects and logs: what an --out could break."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not {"objects", "logs", ".houqin"} & set(p.relative_to(root).parts)
    }


OUT_TARGETS = [
    "2026/assets.yaml",
    "2026/new-report.html",
    "people.yaml",
    ".gitattributes",
    ".git/hooks/pre-commit",
    ".git/config",
    ".houqin/desk",
    "elsewhere/../2026/stocktakes.yaml",
    "link-to-records.html",  # a symlink to 2026/stocktakes.yaml
    "hooks-outside/pre-commit",  # core.hooksPath pointing outside .git
    "notes.md",  # a file git tracks beside the ledger's own
    "2026",
    ".git",
    ".",
]


@pytest.mark.parametrize("target", OUT_TARGETS)
def test_out_never_overwrites_a_ledger_file_or_git(git_ledger: Callable[..., Path], target: str) -> None:
    """Item 14: `finance report 2026-10 --out 2026/assets.yaml` broke the ledger with exit 0, and
    `--out .git/hooks/pre-commit` switched the hook off so a tampered commit landed."""
    from houqin.cli.app import app

    root = git_ledger({"2026/assets.yaml": "- id: ZC-2026-0001\n"})
    (root / "link-to-records.html").symlink_to(root / "2026/stocktakes.yaml")
    (root / "notes.md").write_text("会议纪要\n", encoding="utf-8")
    git(root, "add", "notes.md")
    git(root, "commit", "-qnm", "notes")
    if target.startswith("hooks-outside"):
        (root / "hooks-outside").mkdir()
        git(root, "config", "core.hooksPath", str(root / "hooks-outside"))
    (root / "elsewhere").mkdir()
    before = tree_bytes(root)
    runs = [
        ["finance", "report", "2026-10", "--format", "md", "--out", str(root / target)],
        ["export", "csv", "--out", str(root / target)],
        ["asset", "label", "--place", "SY-301", "--out", str(root / target)],
        ["asset", "list", "--format", "html", "--out", str(root / target)],
        ["inventory", "sheet", "--term", "2025-2026-2", "--format", "csv", "--out", str(root / target)],
        ["finance", "close", "2026-02", "--by", "王校长", "--format", "md", "--out", str(root / target)],
    ]
    if target.endswith(".html"):
        runs.append(["inventory", "reconcile", "counts.csv", "--term", "2025-2026-2", "--report", str(root / target)])
    if "." not in Path(target).name:  # a directory: the audit pack's
        runs.append(["audit", "pack", "--term", "2025-2026-2", "--out", str(root / target)])
    for args in runs:
        result = CliRunner().invoke(app, ["--ledger", str(root), *args])
        assert result.exit_code == 2, (args, result.output)
        assert f"不能把输出写到 {root / target}" in result.output.replace("\n", ""), result.output
        assert tree_bytes(root) == before, args
    assert git(root, "log", "-1", "--format=%s") == "notes\n"  # the close was not written either


def test_out_outside_the_ledger_is_written(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    from houqin.cli.app import app

    root = git_ledger()
    out = tmp_path / "reports" / "2026-10.md"
    out.parent.mkdir()
    result = CliRunner().invoke(
        app, ["--ledger", str(root), "finance", "report", "2026-10", "--format", "md", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# ")
    inside = root / "月报-2026-10.md"  # a new file beside the ledger's own, not one it reads: allowed
    result = CliRunner().invoke(
        app, ["--ledger", str(root), "finance", "report", "2026-10", "--format", "md", "--out", str(inside)]
    )
    assert result.exit_code == 0 and inside.is_file()


def test_the_hook_cannot_be_replaced_by_a_report_so_a_tampered_commit_is_still_refused(
    git_ledger: Callable[..., Path],
) -> None:
    from houqin.cli.app import app
    from tests.conftest import GOOD_EXPENSE

    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    hook = root / ".git/hooks/pre-commit"
    result = CliRunner().invoke(
        app,
        ["--ledger", str(root), "--lang", "en", "finance", "report", "2026-03", "--format", "md", "--out", str(hook)],
    )
    assert result.exit_code == 2
    assert f"Will not write to {hook}: it is inside git's own directory or hooks (.git)" in result.output
    path = root / "2026/expenses.yaml"
    path.write_text(GOOD_EXPENSE.replace("  - {role: witness, by: 李主任, on: 2026-03-05}\n", ""), encoding="utf-8")
    refused = subprocess.run(["git", "commit", "-qam", "去掉证明人"], cwd=root, capture_output=True, text=True)
    assert refused.returncode != 0 and "APR001" in refused.stdout + refused.stderr


# --- item 15: a full disk


def ledger_state(root: Path) -> tuple[dict[str, bytes], str, str, list[str]]:
    """The ledger's files, git's HEAD, git's status and any file houqin left behind."""
    files = {
        p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml")) if ".git" not in p.parts
    }
    leftovers = sorted(p.name for p in root.rglob("*houqin-tmp")) + sorted(
        p.name for p in (root / ".git").glob("houqin-index-*")
    )
    return files, git(root, "rev-parse", "HEAD"), git(root, "--no-optional-locks", "status", "--porcelain"), leftovers


def full_disk(exc_errno: int) -> OSError:
    import errno
    import os

    return OSError(exc_errno, os.strerror(exc_errno), "2026/assets.yaml" if exc_errno != errno.EFBIG else None)


def failing_git(step: str, words: str, *more: str) -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """houqin's git wrapper, failing at one step (or more) as git does on a full disk."""
    from houqin.ledger import git as git_module

    real = git_module.git

    def run(cwd: Path, *args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
        if args and args[0] in (step, *more):
            proc = subprocess.CompletedProcess(["git", *args], 128, b"", f"fatal: {words}\n".encode())
            if kw.get("check", True):
                git_module._raise_if_disk_full(proc)
            return proc
        return real(cwd, *args, **kw)  # type: ignore[arg-type]

    return run


DISK_STEPS = ["write", "read-tree", "add", "commit", "write+git"]


@pytest.mark.parametrize("step", DISK_STEPS)
@pytest.mark.parametrize("code", ["ENOSPC", "EFBIG"])
def test_a_full_disk_at_any_step_leaves_the_ledger_as_it_was(
    git_ledger: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, step: str, code: str
) -> None:
    """Item 15: the commit failed, the rollback failed too (it needed new space), exit 3, and the new
    record stayed written and staged. Now: exit 2, what to free, and the old bytes back by a rename."""
    import errno

    from houqin.cli.app import app
    from houqin.ledger import git as git_module
    from houqin.ledger import save, store

    root = git_ledger({"2026/assets.yaml": GOOD_ASSET_FILE})
    before = ledger_state(root)
    number = getattr(errno, code)
    words = "No space left on device" if code == "ENOSPC" else "File too large"
    if step in ("write", "write+git"):
        real_write = save.atomic_write

        def no_room(path: Path, data: bytes, settled: bool = False) -> None:
            if path.name == "assets.yaml" and step == "write":
                real_write(path, data, settled=settled)  # the new record lands … and then every new byte fails
                monkeypatch.setattr(store, "atomic_write", refuse)
                monkeypatch.setattr(save, "atomic_write", refuse)
                raise full_disk(number)
            refuse(path, data)

        def refuse(path: Path, data: bytes, settled: bool = False) -> None:
            raise full_disk(number)

        monkeypatch.setattr(store, "atomic_write", no_room)
    if step != "write":
        monkeypatch.setattr(git_module, "git", failing_git("commit" if step == "write+git" else step, words))
        if step == "write+git":
            monkeypatch.setattr(store, "atomic_write", save.atomic_write)
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 2, result.output
    assert "磁盘空间不足" in result.output and "账本保持原样" in result.output, result.output
    assert "腾出" in result.output
    assert ledger_state(root) == before


GOOD_ASSET_FILE = '- id: ZC-2026-0001\n  date: 2026-03-02\n  name: 台式电脑\n  category: A02010105\n  unit_price: "4999.00"\n  place: SY-301\n  keeper: 李主任\n  funding: 财政拨款\n'


def test_a_real_full_disk_leaves_the_ledger_as_it_was_wherever_the_room_runs_out(tmp_path: Path) -> None:
    """The same on a real, small file system (a tmpfs), when the test may mount one: with 0 to 120 KiB
    free, `asset add` either lands whole or exits 2 saying what to free, the ledger as it was."""
    import os
    import shutil
    import sys

    from houqin.ledger.git import init_repo, install_hook
    from tests.conftest import write_ledger

    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        root = write_ledger(disk / "ledger", {".gitignore": ".houqin/\n"})
        init_repo(root)
        install_hook(root)
        git(root, "add", "-A")
        git(root, "commit", "-qnm", "start")
        outcomes = []
        for kib in range(0, 121, 12):
            before = ledger_state(root)
            filler = disk / "filler"
            filler.write_bytes(b"\0" * max(0, shutil.disk_usage(disk).free - kib * 1024))
            args = [sys.executable, "-m", "houqin", "--ledger", str(root), *ASSET_ARGS]
            proc = subprocess.run(args, capture_output=True, text=True, timeout=120)
            filler.unlink()
            if proc.returncode == 0:
                assert git(root, "status", "--porcelain") == "" and ledger_state(root)[1] != before[1]
                outcomes.append("landed")
                continue
            assert proc.returncode == 2, (kib, proc.stdout + proc.stderr)
            assert "磁盘空间不足" in proc.stderr and "腾出" in proc.stderr, proc.stderr
            assert ledger_state(root) == before, kib
            outcomes.append("git" if "git 无法提交" in proc.stderr else "refused")
        assert "refused" in outcomes and "landed" in outcomes, outcomes
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


# --- item 16: a killed write, other staged work, a stale index.lock

ANOTHER = GOOD_ASSET_FILE.replace("ZC-2026-0001", "ZC-2026-0009").replace("台式电脑", "手工录入的电脑")


def records_added_by(root: Path, rev: str) -> int:
    return sum(1 for line in git(root, "show", "--format=", rev).splitlines() if line.startswith("+- id: "))


def test_a_write_refuses_while_other_ledger_changes_are_staged_naming_them(git_ledger: Callable[..., Path]) -> None:
    """Item 16: a killed write left its record staged, and the next write committed it under its own
    message ("asset add ZC-2026-0028" added 4 records)."""
    from houqin.cli.app import app

    root = git_ledger({"2026/assets.yaml": GOOD_ASSET_FILE})
    path = root / "2026/assets.yaml"
    path.write_text(GOOD_ASSET_FILE + ANOTHER, encoding="utf-8")
    git(root, "add", "2026/assets.yaml")
    before = ledger_state(root)
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 2, result.output
    out = result.output.replace("\n", "")
    assert "账本中有已暂存（git add）但未提交的改动：2026/assets.yaml" in out
    assert "git restore --staged 2026/assets.yaml" in out
    assert ledger_state(root) == before
    git(root, "restore", "--staged", "2026/assets.yaml")  # unstaged, but still in the file: still refused
    result = CliRunner().invoke(app, ["--ledger", str(root), "--lang", "en", *ASSET_ARGS])
    assert result.exit_code == 2, result.output
    assert "2026/assets.yaml has changes not committed" in result.output.replace("\n", " ")
    assert path.read_text(encoding="utf-8") == GOOD_ASSET_FILE + ANOTHER
    git(root, "commit", "-qm", "手工补录 ZC-2026-0009", "2026/assets.yaml")  # the clerk keeps it …
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 0, result.output  # … and the next write commits only its own record
    assert git(root, "log", "-1", "--format=%s").startswith("asset add ZC-2026-0010")
    assert records_added_by(root, "HEAD") == 1


def test_a_write_commits_only_its_own_paths(git_ledger: Callable[..., Path]) -> None:
    """Changes to files the write does not touch stay as they were, staged or not, and out of its commit."""
    from houqin.cli.app import app

    root = git_ledger()
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "# 待补：新来的老师\n", encoding="utf-8")
    notes = root.parent / "README.md"  # outside the ledger, in the same repository: staged
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 0, result.output
    assert git(root, "show", "--name-only", "--format=", "HEAD") == "2026/assets.yaml\n"
    assert git(root, "status", "--porcelain") == " M people.yaml\n"
    assert not notes.exists()


def test_a_ledger_inside_a_bigger_repository_keeps_the_others_staged_work_out(tmp_path: Path) -> None:
    from houqin.cli.app import app
    from houqin.ledger.git import init_repo, install_hook
    from tests.conftest import write_ledger

    repo = tmp_path / "school"
    root = write_ledger(repo / "ledger")
    init_repo(repo)
    install_hook(root)
    (repo / "README.md").write_text("学校文档\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qnm", "start")
    (repo / "README.md").write_text("学校文档（修订中）\n", encoding="utf-8")
    git(repo, "add", "README.md")
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 0, result.output
    assert git(repo, "show", "--name-only", "--format=", "HEAD") == "ledger/2026/assets.yaml\n"
    assert git(repo, "status", "--porcelain") == "M  README.md\n"  # still staged, for its owner to commit
    (root / "2026/assets.yaml").write_text(GOOD_ASSET_FILE, encoding="utf-8")
    git(repo, "add", "ledger/2026/assets.yaml")
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 2 and "未提交的改动：2026/assets.yaml。" in result.output.replace("\n", "")


def test_an_index_left_behind_by_a_commit_cut_short_is_brought_up(git_ledger: Callable[..., Path]) -> None:
    """A houqin killed after its commit landed but before git's index followed: the next write brings
    the index up instead of refusing, and commits one record."""
    from houqin.cli.app import app

    root = git_ledger()
    assert CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS]).exit_code == 0
    git(root, "read-tree", "HEAD~1")  # git's index as it stood before that commit
    assert git(root, "status", "--porcelain") == "D  2026/assets.yaml\n?? 2026/assets.yaml\n"
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 0, result.output
    assert records_added_by(root, "HEAD") == 1 and git(root, "status", "--porcelain") == ""


def test_killed_writes_never_put_a_record_under_another_records_message(git_ledger: Callable[..., Path]) -> None:
    """Writers killed at random points, each followed by an ordinary write: that write either commits
    exactly its own record or refuses naming the file the killed one left; no commit ever carries two."""
    import os
    import random
    import signal
    import time

    from houqin.cli.app import app
    from tests.test_trust import add_cmd

    root = git_ledger()
    rng = random.Random(16)
    refused = 0
    for n in range(6):
        proc = subprocess.Popen(
            add_cmd(root, n), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        time.sleep(rng.uniform(0.2, 0.7))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
        if result.exit_code == 2:
            assert "2026/assets.yaml" in result.output, result.output
            refused += 1
            git(root, "checkout", "--", ".")  # the clerk drops what the killed write left …
            git(root, "clean", "-fq", "--", "2026")  # … a new file and its spare name included
            (root / ".git/index.lock").unlink(missing_ok=True)
        else:
            assert result.exit_code == 0, result.output
    from houqin.ledger.load import load_ledger

    revs = git(root, "rev-list", "HEAD").split()[:-1]  # every commit but the start
    for rev in revs:
        assert records_added_by(root, rev) == 1, git(root, "show", "--stat", rev)
    assert len(load_ledger(root).ledger.records(Asset)) == len(revs) >= 6 - refused


def age(path: Path, minutes: int) -> None:
    import os
    import time

    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def test_a_stale_index_lock_is_named_by_check_and_removed_by_repair_lock(git_ledger: Callable[..., Path]) -> None:
    """Item 16: a `.git/index.lock` left by a dead git or houqin (no live process holds it) is named
    by `houqin check` and removed by `houqin repair-lock`; a write names it and the command."""
    from houqin.cli.app import app

    root = git_ledger()
    lock = root / ".git/index.lock"
    lock.write_bytes(b"")
    runner = CliRunner()
    young = runner.invoke(app, ["--ledger", str(root), "repair-lock"])
    assert young.exit_code == 2 and "刚刚（0 秒前）写过" in young.output, young.output
    assert lock.exists()
    assert "GIT001" not in runner.invoke(app, ["--ledger", str(root), "check"]).output  # a git may be at work
    age(lock, 7)
    from houqin.ledger.index_lock import find_index_lock

    found = find_index_lock(root)
    assert found is not None and found.stale, [
        (pid, Path(f"/proc/{pid}/cmdline").read_bytes()) for pid in (found.holders if found else ())
    ]
    result = runner.invoke(app, ["--ledger", str(root), "check"])
    assert result.exit_code == 0, result.output
    assert (
        ".git/index.lock: warning[GIT001] git 的索引锁 .git/index.lock 已遗留 7 分钟，本机没有 git 在这个仓库中运行"
        in result.output
    )
    assert "houqin repair-lock" in result.output
    refused = runner.invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert refused.exit_code == 2 and "已遗留 7 分钟" in refused.output and "houqin repair-lock" in refused.output
    (root / ".git/houqin-index-999999999").write_bytes(b"")  # a dead houqin's own index
    repaired = runner.invoke(app, ["--ledger", str(root), "repair-lock"])
    assert repaired.exit_code == 0, repaired.output
    assert f"已删除遗留的 git 索引锁 {lock}（7 分钟前留下" in repaired.output.replace("\n", "")
    assert not lock.exists() and not (root / ".git/houqin-index-999999999").exists()
    assert "GIT001" not in runner.invoke(app, ["--ledger", str(root), "check"]).output
    assert runner.invoke(app, ["--ledger", str(root), *ASSET_ARGS]).exit_code == 0
    again = runner.invoke(app, ["--ledger", str(root), "--lang", "en", "repair-lock"])
    assert again.exit_code == 0 and "No git index lock is left behind" in again.output


def test_repair_lock_never_removes_a_lock_a_live_git_holds(git_ledger: Callable[..., Path]) -> None:
    """`git commit` keeps index.lock while its editor is open, for as long as the clerk types."""
    import os
    import time

    from houqin.cli.app import app

    root = git_ledger()
    env = {**os.environ, "GIT_EDITOR": "sleep 60;:"}  # `commit -a` holds the lock while the editor is open
    proc = subprocess.Popen(["git", "commit", "-a", "--allow-empty", "-q"], cwd=root, env=env, start_new_session=True)
    try:
        lock = root / ".git/index.lock"
        for _ in range(100):
            if lock.exists():
                break
            time.sleep(0.05)
        age(lock, 30)  # however old it looks
        result = CliRunner().invoke(app, ["--ledger", str(root), "repair-lock"])
        assert result.exit_code == 2, result.output
        assert f"git 的索引锁 {lock} 正被使用：本机的 git 进程 {proc.pid} 在这个仓库中运行" in result.output.replace(
            "\n", ""
        )
        assert lock.exists()
        assert "GIT001" not in CliRunner().invoke(app, ["--ledger", str(root), "check"]).output
    finally:
        os.killpg(proc.pid, 9)
        proc.wait()


# --- item 17: the merge driver on a ledger whose hook was installed with `houqin hook install`


def test_hook_install_writes_and_commits_the_merge_attributes(git_ledger: Callable[..., Path]) -> None:
    from houqin.cli.app import app
    from houqin.services.init import GITATTRIBUTES

    root = git_ledger()
    assert not (root / ".gitattributes").exists()
    result = CliRunner().invoke(app, ["--ledger", str(root), "hook", "install"])
    assert result.exit_code == 0, result.output
    assert "让记录文件使用 houqin 的合并驱动，并已提交" in result.output.replace("\n", "")
    assert (root / ".gitattributes").read_text(encoding="utf-8") == GITATTRIBUTES
    assert git(root, "show", "--name-only", "--format=%s", "HEAD").splitlines() == [
        "hook install: 记录文件按记录合并 / record files merge with houqin's driver (.gitattributes)",
        "",
        ".gitattributes",
    ]
    assert git(root, "check-attr", "merge", "--", "2026/assets.yaml") == "2026/assets.yaml: merge: houqin\n"
    assert git(root, "status", "--porcelain") == ""
    head = git(root, "rev-parse", "HEAD")
    again = CliRunner().invoke(app, ["--ledger", str(root), "hook", "install"])
    assert again.exit_code == 0 and "合并驱动" not in again.output and git(root, "rev-parse", "HEAD") == head


def test_hook_install_keeps_what_gitattributes_already_says(git_ledger: Callable[..., Path]) -> None:
    from houqin.cli.app import app

    root = git_ledger({".gitattributes": "*.xlsx binary\n"})
    assert CliRunner().invoke(app, ["--ledger", str(root), "hook", "install"]).exit_code == 0
    text = (root / ".gitattributes").read_text(encoding="utf-8")
    assert text.startswith("*.xlsx binary\n# Record files merge record by record")
    assert text.endswith("[0-9][0-9][0-9][0-9]/*.yaml merge=houqin\n") and "eol=lf" not in text
    (root / ".gitattributes").write_text("*.xlsx binary\n*.pdf binary\n", encoding="utf-8")  # a person's edit
    result = CliRunner().invoke(app, ["--ledger", str(root), "hook", "install"])
    assert result.exit_code == 0 and "`git commit" in result.output.replace(
        "\n", ""
    )  # written, left for that person to commit
    assert git(root, "status", "--porcelain") == " M .gitattributes\n"


BUNDLED_ADD = [
    "asset",
    "add",
    "--category",
    "A02010105",
    "--price",
    "4200",
    "--place",
    "JX-101",
    "--keeper",
    "陈晓东",
    "--date",
    "2026-11-20",
    "--origin",
    "捐赠",
    "--document",
    "捐赠协议2026-11",
]  # fmt: skip  (后勤统一采购: an asset without a purchase names its origin and document, PUR013)


@pytest.mark.parametrize("shipped", [True, False], ids=["as shipped", "hook installed before the fix"])
def test_two_clones_of_the_bundled_ledger_merge_without_conflict(tmp_path: Path, shipped: bool) -> None:
    """Item 17: nothing wrote the `.gitattributes` line on a ledger set up with `hook install` (the
    bundled one), so two clones got conflict markers even with desks."""
    import shutil

    from houqin.cli.app import app

    office = tmp_path / "office"
    shutil.copytree(BUNDLED, office, ignore=shutil.ignore_patterns(".houqin"))
    if not shipped:
        (office / ".gitattributes").unlink()
    git(office, "init", "-q")
    git(office, "add", "-A")
    git(office, "commit", "-qnm", "the bundled ledger")
    runner = CliRunner()
    assert runner.invoke(app, ["--ledger", str(office), "hook", "install"]).exit_code == 0
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(office), str(clone))
    assert runner.invoke(app, ["--ledger", str(clone), "hook", "install"]).exit_code == 0
    for root, desk, name in ((office, "1", "投影仪"), (clone, "2", "打印机")):
        assert runner.invoke(app, ["--ledger", str(root), "desk", desk]).exit_code == 0
        added = runner.invoke(app, ["--ledger", str(root), *BUNDLED_ADD, "--name", name])
        assert added.exit_code == 0, added.output
    branch = git(office, "branch", "--show-current").strip()
    merged = subprocess.run(
        ["git", "pull", "-q", "--no-rebase", "--no-edit", "origin", branch], cwd=clone, capture_output=True, text=True
    )
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (clone / "2026/assets.yaml").read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and "- id: ZC-2026-10001\n" in text and "- id: ZC-2026-20001\n" in text
    checked = runner.invoke(app, ["--ledger", str(clone), "check"])
    assert checked.exit_code == 0, checked.output


# --- item 19: files that are not files, and a very large one


def check_output(root: Path, *extra: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """`houqin check` in a subprocess, so that a read that blocks fails the test instead of hanging it."""
    import sys

    args = [sys.executable, "-m", "houqin", "--ledger", str(root), *extra, "check"]
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)


def test_fifos_devices_and_links_each_get_a_diagnostic_and_never_block(ledger_dir: Callable[..., Path]) -> None:
    """Item 19: record files that were FIFOs, links to /dev/zero or to another file of the ledger were
    skipped silently (or blocked the reader)."""
    import os

    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET_FILE})
    os.mkfifo(root / "2026/expenses.yaml")
    (root / "2026/stock-in.yaml").symlink_to("/dev/zero")
    (root / "2026/loans.yaml").symlink_to(root / "2026/assets.yaml")
    (root / "2025").mkdir()
    (root / "2025/assets.yaml").symlink_to("../2026/assets.yaml")  # a relative one, from another year
    (root / "2026/repairs.yaml").symlink_to(root / "no-such-file.yaml")
    result = check_output(root)
    assert result.returncode == 2, result.stdout + result.stderr
    out = result.stdout
    assert "2026/expenses.yaml: error[YAML011] 此文件不是普通文件（FIFO），houqin 不读取它" in out
    assert "2026/stock-in.yaml: error[YAML010] 此文件是指向账本目录之外的链接，houqin 不读取它" in out
    assert "2026/loans.yaml: error[YAML012] 此文件是指向账本中另一个文件 2026/assets.yaml 的链接" in out
    assert "2025/assets.yaml: error[YAML012] 此文件是指向账本中另一个文件 2026/assets.yaml 的链接" in out
    assert "2026/repairs.yaml: error[YAML012]" in out  # a dangling link inside the ledger: not read either
    assert "ID001" not in out  # the linked records are not counted twice
    en = check_output(root, "--lang", "en").stdout
    assert "2026/expenses.yaml: error[YAML011] this is not a regular file (FIFO); houqin does not read it" in en


def test_a_write_beside_a_fifo_never_blocks_and_a_write_into_one_is_refused(ledger_dir: Callable[..., Path]) -> None:
    import os
    import sys

    root = ledger_dir()
    os.mkfifo(root / "2026/assets.yaml")
    args = [sys.executable, "-m", "houqin", "--ledger", str(root), *ASSET_ARGS, "--no-commit"]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "2026/assets.yaml 无法读取" in proc.stderr
    assert (root / "2026/assets.yaml").is_fifo()


def test_a_committed_symlink_is_reported_by_the_hook_not_read_as_its_target_path(
    git_ledger: Callable[..., Path],
) -> None:
    root = git_ledger({"2026/assets.yaml": GOOD_ASSET_FILE})
    (root / "2026/loans.yaml").symlink_to("assets.yaml")
    (root / "2026/stock-in.yaml").symlink_to("/etc/passwd")
    git(root, "add", "-A")
    refused = subprocess.run(["git", "commit", "-qm", "links"], cwd=root, capture_output=True, text=True)
    assert refused.returncode != 0
    said = refused.stdout + refused.stderr
    assert "2026/loans.yaml: error[YAML012] 此文件是指向账本中另一个文件 2026/assets.yaml 的链接" in said
    assert "2026/stock-in.yaml: error[YAML010]" in said


def test_a_file_above_the_bound_is_not_read_at_all(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir()
    with (root / "2026/assets.yaml").open("wb") as f:
        f.truncate((64 << 20) + 1)  # a sparse file: 64 MB and a byte, of which nothing need be read
    result = check_output(root)
    assert result.returncode == 2
    assert "2026/assets.yaml: error[YAML009] 文件过大（64 MB，上限 64 MB）" in result.stdout


TRICKY_PIECES = """\
# 2026 年资产记录 — a header, then items of every shape houqin may meet
- id: ZC-2026-0001
  date: 2026-03-02
  name: 台式电脑
  category: A02010105
  unit_price: "4999.00"
  place: SY-301
  keeper: 李主任
  funding: 财政拨款
  note: |
    维修记录：
    - 2026-03-05 换电源
# a comment between items
- {id: ZC-2026-0002, date: 2026-03-02, name: 投影仪, category: A02010105, unit_price: "4200.00", place: SY-301, keeper: 李主任, funding: 财政拨款}
- id: ZC-2026-0003
  date: 2026-03-02
  name: "带转义的\\t名称"
  category: A02010105
  unit_price: 4999.00
  place: SY-301
  keeper: 李主任
  funding: 财政拨款
-
  id: ZC-2026-0004
  date: 2026-03-32
  name: 日期不对
  category: A02010105
  unit_price: "10.00"
  place: SY-301
  keeper: 李主任
  funding: 财政拨款
"""


def whole_and_pieces(root: Path, monkeypatch: pytest.MonkeyPatch, size: int) -> tuple[object, object]:
    from houqin.ledger import chunks
    from houqin.ledger.load import load_ledger

    def seen() -> object:
        result = load_ledger(root, use_cache=False)
        assets = [(a.id, a.source.line, a.model_dump()) for a in result.ledger.records(Asset)]
        return assets, [(d.code, d.file, d.line, d.params) for d in result.diagnostics]

    monkeypatch.setattr(chunks, "CHUNK_BYTES", 1 << 30)
    whole = seen()
    monkeypatch.setattr(chunks, "CHUNK_BYTES", size)
    return whole, seen()


@pytest.mark.parametrize("size", [1, 200, 700])
@pytest.mark.parametrize(
    "text",
    [
        TRICKY_PIECES,
        TRICKY_PIECES * 3,  # duplicate ids: the same diagnostics, whichever piece each lands in
        TRICKY_PIECES.replace("# a comment between items\n", "  broken: [\n"),  # a piece that cannot be read
        "---\n" + TRICKY_PIECES,  # a document marker: read whole
        TRICKY_PIECES + "key: value\n",  # not one list
    ],
    ids=["tricky", "thrice", "broken", "document", "not-a-list"],
)
def test_a_big_file_read_in_pieces_reads_exactly_as_when_read_whole(
    ledger_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, text: str, size: int
) -> None:
    """Item 19: a 35 MB file took 108 s and 825 MB; it is now read a piece at a time (its parse tree
    bounded by a piece, the pieces on every core), and that must never change the answer."""
    root = ledger_dir({"2026/assets.yaml": text})
    whole, pieces = whole_and_pieces(root, monkeypatch, size)
    assert pieces == whole
    assert whole[0] or whole[1]  # something was read, or said


def test_a_big_file_is_parsed_a_piece_at_a_time(
    ledger_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from houqin.ledger import chunks, load

    record = GOOD_ASSET_FILE.replace("ZC-2026-0001", "ZC-2026-{n:05d}")
    root = ledger_dir({"2026/assets.yaml": "".join(record.format(n=n) for n in range(1, 3001))})
    size = (root / "2026/assets.yaml").stat().st_size
    sizes: list[int] = []
    real = load.parse

    def watched(data: bytes) -> object:
        if data.startswith((b"- id: ZC", b"#")) and b"ZC-2026" in data:  # the record file, not the directory's
            sizes.append(len(data))
        return real(data)

    monkeypatch.setattr(load, "parse", watched)
    monkeypatch.setattr(chunks, "CHUNK_BYTES", 32 << 10)
    result = load.load_ledger(root, use_cache=False)
    assert len(result.ledger.records(Asset)) == 3000 and not result.diagnostics
    assert len(sizes) >= size // (32 << 10)  # pieces of about 32 KiB, each cut at an item
    assert max(sizes) < (32 << 10) + 200  # never a tree of more than a piece (and one record)
    assert sum(sizes) == size  # each byte parsed once: linear


def test_a_file_size_limit_is_a_full_disk_too(git_ledger: Callable[..., Path]) -> None:
    """EFBIG from `ulimit -f` (Python ignores SIGXFSZ): exit 2, what to free, the old bytes kept."""
    import resource
    import sys

    root = git_ledger({"2026/assets.yaml": "".join(GOOD_ASSET_FILE.replace("0001", f"{n:04d}") for n in range(1, 80))})
    before = ledger_state(root)
    limit = (root / "2026/assets.yaml").stat().st_size + 64  # the old file fits; the new one does not

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    args = [sys.executable, "-m", "houqin", "--ledger", str(root), *ASSET_ARGS]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, preexec_fn=small_files)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "磁盘空间不足，写不下" in proc.stderr and "File too large" in proc.stderr
    assert ledger_state(root) == before


def test_a_commit_that_landed_stays_when_the_index_cannot_follow(
    git_ledger: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills between the commit and git's index: the record stays committed and written
    (nothing is rolled back under a commit), the message says what to run, and the next write brings
    the index up by itself."""
    from houqin.cli.app import app
    from houqin.ledger import git as git_module

    root = git_ledger()
    real = git_module.git
    monkeypatch.setattr(  # git's index can be written neither from the commit's entries nor by reset
        git_module,
        "git",
        failing_git("reset", "unable to write new index file: No space left on device", "update-index"),
    )
    result = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert result.exit_code == 2, result.output
    out = result.output.replace("\n", "")
    assert "记录已提交，但 git 的索引未能跟上（2026/assets.yaml）" in out and "git reset -q -- 2026/assets.yaml" in out
    assert git(root, "log", "-1", "--format=%s").startswith("asset add ZC-2026-0001")
    assert "ZC-2026-0001" in (root / "2026/assets.yaml").read_text(encoding="utf-8")
    assert not list(root.rglob("*houqin-tmp"))
    monkeypatch.setattr(git_module, "git", real)
    again = CliRunner().invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert again.exit_code == 0, again.output
    assert records_added_by(root, "HEAD") == 1 and git(root, "status", "--porcelain") == ""


def test_the_private_index_of_a_commit_is_heads_tree_whatever_git_has_staged(git_ledger: Callable[..., Path]) -> None:
    """houqin builds its commit in an index of its own, from git's by a one-tree merge (which keeps
    git's file status, so `git commit` does not re-hash the working tree): it holds exactly HEAD's
    tree however git's index differs — a staged edit, a staged new file, a staged removal."""
    from houqin.ledger.git import _head_index, _private_index, _where

    root = git_ledger()
    (root / "places.yaml").write_text((root / "places.yaml").read_text("utf-8") + "# 改\n", "utf-8")
    (root / "notes.txt").write_text("草稿\n", "utf-8")
    git(root, "add", "places.yaml", "notes.txt")
    git(root, "rm", "-q", "--cached", "people.yaml")
    where = _where(root)
    private = _private_index(where)
    try:
        env = {"GIT_INDEX_FILE": str(private)}
        _head_index(root, where, private, env)
        listed = subprocess.run(["git", "ls-files", "-s"], cwd=root, env={**os.environ, **env},
                                capture_output=True, text=True, check=True).stdout  # fmt: skip
    finally:
        private.unlink(missing_ok=True)
    tree = git(root, "ls-tree", "-r", "HEAD")
    assert sorted(line.split()[2] + " " + line.split()[3] for line in tree.splitlines()) == sorted(
        line.split()[1] + " " + line.split()[3] for line in listed.splitlines()
    )
    assert "notes.txt" not in listed and "people.yaml" in listed

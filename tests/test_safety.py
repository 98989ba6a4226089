"""Safety at the edges (issue #13, items 13-19): where a write may go, what --out may overwrite, a
full disk, a killed write, the merge driver on an installed hook, and files that are not files."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

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

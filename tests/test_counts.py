"""Counts at their edges (issue #13): a stocktake recorded twice, and the cashier's count of the safe
when it differs from the books (现金短缺/溢余), which is recorded with its difference and decided by
the principal; a second identical count on a day, or a count by anyone but the cashier, is refused."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import BUNDLED, ROOT
from tests.test_rules import lines


def run(root: Path, *args: str) -> tuple[int, str]:
    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


# --- a stocktake recorded twice


def test_a_stocktake_of_the_same_term_and_places_is_recorded_once(tmp_path: Path) -> None:
    root = tmp_path / "ledgers"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    reconcile = (
        "inventory", "reconcile", str(ROOT / "examples/count-sheet-SY-301.csv"), "--term", "2026-2027-1",
        "--on", "2026-11-20", "--record", "--counter", "周强", "--counter", "吴芳", "--director", "李明", "--no-commit",
    )  # fmt: skip
    code, out = run(root, *reconcile)
    assert code == 0, out
    before = (root / "2026/stocktakes.yaml").read_text(encoding="utf-8")
    code, out = run(root, *reconcile)
    assert code == 1
    assert "error[PD006] 盘点 PD-2026-0005 与 PD-2026-0004 重复：学期 2026-2027-1 的期末盘点已清点过 SY-301" in out
    assert (root / "2026/stocktakes.yaml").read_text(encoding="utf-8") == before


def test_a_duplicate_stocktake_by_hand(ledger_dir: Callable[..., Path]) -> None:
    again = "- id: PD-2026-0003\n  date: 2026-02-22\n  term: 2025-2026-2\n  at: term-start\n  places: [JX-101, SY-301]\n  counted_by: [李主任]\n"  # fmt: skip
    root = ledger_dir({})
    path = root / "2026/stocktakes.yaml"
    path.write_text(path.read_text(encoding="utf-8") + again, encoding="utf-8")
    assert lines(root) == [
        "2026/stocktakes.yaml:12: error[PD006] 盘点 PD-2026-0003 与 PD-2026-0001 重复：学期 2025-2026-2 的期初清点已清点过 SY-301"
    ]
    path.write_text(path.read_text(encoding="utf-8").replace("places: [JX-101, SY-301]", "places: [JX-101]"))
    assert lines(root) == []

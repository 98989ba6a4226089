"""The README's tour of a school moving in, run line by line on the files tests/movein_sheets.py writes
(#15): a fresh ledger, the staff list, the officers' keys, the rooms, the register with its title,
merged cells and 合计 row, next term's register, the storeroom's opening stock and the opening balances.
Each `houqin` line of the README's block runs as written (only ~ is the test's home); if the README
changes, this test runs what it says."""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests import movein_sheets
from tests.conftest import ROOT, git
from tests.keyring import write_key_files

KEYS = {"houqin_wang": "王建国", "houqin_li": "李主任", "houqin_sun": "孙会计"}


def tour_lines() -> list[str]:
    """The `houqin` lines of the README's moving-in block, without their comments."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("Moving in: the school brings", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines()]
    return [line for line in lines if line.startswith("houqin ")]


def test_the_readme_tour_moves_a_school_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    for stem, person in KEYS.items():
        write_key_files(person, home / ".ssh", stem)
    lines = tour_lines()
    assert lines[0].startswith("houqin init ~/账本 ") and lines[0].endswith("&& cd ~/账本")
    runner = CliRunner()
    outputs: list[tuple[str, int, str]] = []
    for line in lines:
        words = shlex.split(line.split(" && ", 1)[0].replace("~/", f"{home}/"))
        assert words[0] == "houqin"
        result = runner.invoke(app, words[1:])
        outputs.append((line, result.exit_code, result.output))
        assert "Traceback" not in result.output
        if words[1] == "init":
            ledger = home / "账本"
            movein_sheets.write_school(ledger)  # the clerk copies the school's files in
            monkeypatch.chdir(ledger)
    codes = {line: code for line, code, _ in outputs}
    for line, code, out in outputs:
        assert code == (1 if line.endswith("--dry-run") else 0), f"{line}\n{out}"
    dry_run = next(out for line, _, out in outputs if line.endswith("--dry-run"))
    assert "固定资产登记表.xls：6 行可导入（原值合计 124,678.00 元），0 行有问题。" in dry_run
    assert "1 行合计/小计未导入，已与导入的行核对。" in dry_run
    assert "  经费来源 社会捐赠：1 行需要" in dry_run
    assert len(codes) == len(lines)
    ledger = home / "账本"
    assert any("已导入 6 项资产。" in o for _, _, o in outputs)
    assert any("已按登记表记录 1 次调拨。" in o for _, _, o in outputs)
    assert any("已导入 3 条入库记录。" in o for _, _, o in outputs)
    check = next(o for line, _, o in outputs if line == "houqin check")
    assert check == ""
    overview = next(o for line, _, o in outputs if line == "houqin overview")
    steps = overview.split("下一步（搬入账本，见 docs/moving-in.md）：\n", 1)[1].splitlines()
    assert [s.split("：", 1)[0].strip() for s in steps] == ["年度预算"]
    # What the books now hold, as the clerk would look at it.
    assets = (ledger / "2019/assets.yaml").read_text(encoding="utf-8")
    assert "note: 原编号 GD-001" in assets and "place: SY-301" in assets
    cabinets = (ledger / "2017/assets.yaml").read_text(encoding="utf-8")
    assert "unit: 个" in cabinets  # the register left 计量单位 empty: 文件柜's unit is the category's
    catalog = (ledger / "catalog.yaml").read_text(encoding="utf-8")
    assert '- {id: cash, name: 现金, opening: "3000.00", opened: 2026-08-31}' in catalog
    assert "社会捐赠" in catalog
    places = (ledger / "places.yaml").read_text(encoding="utf-8")
    assert "{id: JX-101, name: 一年级(1)班, kind: classroom, building: 教学楼, keeper: 张老师}" in places
    log = git(ledger, "log", "--format=%s").splitlines()
    assert log[0].startswith("finance open cash 3000.00，bank 420000.00 on 2026-08-31 by 孙会计")
    signed = subprocess.run(["git", "cat-file", "commit", "HEAD"], cwd=ledger, capture_output=True, text=True)
    assert "-----BEGIN SSH SIGNATURE-----" in signed.stdout
    assert git(ledger, "status", "--porcelain", "--untracked-files=no") == ""

"""报修单 and 公物损坏赔偿: each rule with a breaking ledger and the exact diagnostic, and the commands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import GOOD_ASSET, git
from tests.test_rules import lines

REPAIR = """\
- id: WX-2026-0001
  date: 2026-03-16
  place: JX-101
  reporter: 张老师
  fault: 教室后门锁坏
  done: {on: 2026-03-17, work: 更换门锁, cost: "45.00"}
  approvals:
  - {role: acceptor, by: 张老师, on: 2026-03-17}
"""
DAMAGE = """\
- id: PC-2026-0001
  date: 2026-03-20
  asset: ZC-2026-0001
  responsible: {type: student, name: 王小明, class: 一年级(1)班, guardian: 王建军}
  description: 课间打闹撞坏
  assessed: {on: 2026-03-21, by: 李主任, amount: "1200.00"}
  settled: {on: 2026-03-25, type: paid, amount: "1200.00", receipt: "0012345"}
"""


def test_clean_repair_and_damage(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET, "2026/repairs.yaml": REPAIR, "2026/damages.yaml": DAMAGE})
    assert lines(root) == []


REPAIR_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "REP001 closed without the reporter",
        {"2026/repairs.yaml": REPAIR.replace("acceptor, by: 张老师", "acceptor, by: 李主任")},
        ["2026/repairs.yaml:1: error[REP001] WX-2026-0001 已维修完毕，但缺少报修人 张老师 的验收签字"],
    ),
    (
        "REP002 open too long",
        {"2026/repairs.yaml": REPAIR.split("  done:")[0]},
        ["2026/repairs.yaml:1: warning[REP002] WX-2026-0001 报修已 232 天仍未修复（期限 14 天，节假日不计）"],
    ),
    (
        "REP003 no asset nor place",
        {"2026/repairs.yaml": REPAIR.replace("  place: JX-101\n", "")},
        ["2026/repairs.yaml:1: error[REP003] WX-2026-0001 没有写明报修的资产或地点"],
    ),
    (
        "REP004 done before reported",
        {"2026/repairs.yaml": REPAIR.replace("on: 2026-03-17, work", "on: 2026-03-10, work")},
        ["2026/repairs.yaml:1: error[REP004] WX-2026-0001 的完工日期 2026-03-10 早于报修日期 2026-03-16"],
    ),
    (
        "DMG001 above book value",
        {
            "2026/assets.yaml": GOOD_ASSET,
            "2026/damages.yaml": DAMAGE.replace('amount: "1200.00"}', 'amount: "6000.00"}').replace(
                'amount: "1200.00", receipt', 'amount: "6000.00", receipt'
            ),
        },
        [
            "2026/damages.yaml:1: error[DMG001] PC-2026-0001 核定赔偿 6000.00 元，超过资产账面净值 4929.57 元，且未说明理由"
        ],
    ),
    (
        "DMG002 waived without the principal",
        {
            "2026/assets.yaml": GOOD_ASSET,
            "2026/damages.yaml": DAMAGE.replace('type: paid, amount: "1200.00", receipt: "0012345"', "type: waived"),
        },
        ["2026/damages.yaml:1: error[DMG002] PC-2026-0001 免于赔偿，但没有校长的批准签字"],
    ),
    (
        "DMG003 paid without receipt",
        {"2026/assets.yaml": GOOD_ASSET, "2026/damages.yaml": DAMAGE.replace(', receipt: "0012345"', "")},
        [
            "2026/damages.yaml:1: error[DMG003] PC-2026-0001 已赔付，但赔款没有记入收入：赔款须开收据并入账（不设账外账）"
        ],
    ),
    (
        "DMG004 settled unassessed",
        {
            "2026/assets.yaml": GOOD_ASSET,
            "2026/damages.yaml": DAMAGE.replace('  assessed: {on: 2026-03-21, by: 李主任, amount: "1200.00"}\n', ""),
        },
        ["2026/damages.yaml:1: error[DMG004] PC-2026-0001 未经核定即已结案"],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), REPAIR_CASES, ids=[c[0] for c in REPAIR_CASES])
def test_repair_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def test_repair_ticket_end_to_end(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": GOOD_ASSET})
    code, out = run(
        root,
        "repair",
        "open",
        "--asset",
        "ZC-2026-0001",
        "--reporter",
        "张老师",
        "--fault",
        "开机无画面",
        "--date",
        "2026-11-20",
    )
    assert code == 0, out
    code, out = run(
        root,
        "repair",
        "close",
        "WX-2026-0001",
        "--work",
        "更换电源",
        "--cost",
        "180",
        "--accepted-by",
        "李主任",
        "--on",
        "2026-11-23",
    )
    assert code == 1 and "error[REP001]" in out
    code, out = run(
        root,
        "repair",
        "close",
        "WX-2026-0001",
        "--work",
        "更换电源",
        "--cost",
        "180",
        "--accepted-by",
        "张老师",
        "--on",
        "2026-11-23",
    )
    assert code == 0, out
    text = (root / "2026/repairs.yaml").read_text()
    assert '  done:\n    on: 2026-11-23\n    work: 更换电源\n    cost: "180.00"\n' in text
    assert "  - {role: acceptor, by: 张老师, on: 2026-11-23}" in text
    assert run(root, "repair", "open", "--reporter", "张老师", "--fault", "x")[0] == 2  # neither asset nor place


def test_damage_case_end_to_end(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": GOOD_ASSET})
    code, out = run(
        root,
        "damage",
        "report",
        "ZC-2026-0001",
        "--who",
        "student",
        "--by",
        "王小明",
        "--description",
        "课间打闹撞坏",
        "--date",
        "2026-03-20",
    )
    assert code == 2 and "--guardian" in out
    code, out = run(
        root,
        "damage",
        "report",
        "ZC-2026-0001",
        "--who",
        "student",
        "--by",
        "王小明",
        "--class",
        "一年级(1)班",
        "--guardian",
        "王建军",
        "--description",
        "课间打闹撞坏",
        "--date",
        "2026-03-20",
    )
    assert code == 0, out
    assert "王小明" not in git(root, "log", "--format=%s")  # a minor's name stays out of the history lines
    code, out = run(
        root, "damage", "assess", "PC-2026-0001", "--amount", "6000", "--by", "李主任", "--on", "2026-03-21"
    )
    assert code == 1 and "error[DMG001]" in out
    assert (
        run(root, "damage", "assess", "PC-2026-0001", "--amount", "1200", "--by", "李主任", "--on", "2026-03-21")[0]
        == 0
    )
    code, out = run(root, "damage", "settle", "PC-2026-0001", "--how", "waived", "--on", "2026-03-25")
    assert code == 1 and "error[DMG002]" in out
    code, out = run(
        root, "damage", "settle", "PC-2026-0001", "--how", "paid", "--receipt", "0012345", "--on", "2026-03-25"
    )
    assert code == 0, out
    assert (
        'settled:\n    on: 2026-03-25\n    type: paid\n    amount: "1200.00"\n    receipt: "0012345"'
        in (root / "2026/damages.yaml").read_text()
    )
    assert run(root, "check") == (0, "")


def test_damage_ceiling_counts_only_what_is_still_on_the_books(ledger_dir: Callable[..., Path]) -> None:
    """45 desks, 40 scrapped before the damage: the ceiling is the book value of the 5 left."""
    from tests.test_assets import LOT

    scrap = """\
- id: CZ-2026-0001
  date: 2026-02-01
  asset: ZC-2026-0002
  type: scrap
  quantity: 40
  reason: 破损
  approvals:
  - {role: keeper, by: 周保管, on: 2026-02-01}
  - {role: director, by: 李主任, on: 2026-02-01}
  - {role: principal, by: 王校长, on: 2026-02-02}
"""
    damage = DAMAGE.replace("ZC-2026-0001", "ZC-2026-0002").replace('"1200.00"', '"1600.00"')
    root = ledger_dir({"2026/assets.yaml": LOT, "2026/disposals.yaml": scrap, "2026/damages.yaml": damage})
    assert lines(root) == [
        "2026/damages.yaml:1: error[DMG001] PC-2026-0001 核定赔偿 1600.00 元，超过资产账面净值 1533.33 元，且未说明理由"
    ]

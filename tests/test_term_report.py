"""The term-end report to the principal (期末全面检查，书面上报校长室, R40): a count is complete when the
principal acknowledged its report (PD007); each asset finding is resolved within the policy's days by a
damage case, an approved write-off, a move, a repair or a recovery (PD008); a recovery names a finding
the count made (PD009). The commands end to end: inventory findings, inventory resolve, sign."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BASE, GOOD_ASSET, git
from tests.test_rules import lines

START, END = BASE["2026/stocktakes.yaml"].split("        - id: PD-2026-0002\n")
UNACKNOWLEDGED = START + "        - id: PD-2026-0002\n" + END.split("          approvals:")[0]
FOUND = (
    START
    + "        - id: PD-2026-0002\n"
    + END.rstrip(" ")
    + """\
          findings:
          - {asset: ZC-2026-0001, place: JX-101, kind: wrong_place, action: move, book: 0, counted: 1}
        """
)
RECOVERY = """\
- id: ZH-2026-0001
  date: 2026-07-09
  stocktake: PD-2026-0002
  asset: ZC-2026-0001
  place: SY-301
  by: 李主任
  detail: 已搬回计算机教室
"""
LOST = """\
- id: CZ-2026-0001
  date: 2026-07-09
  asset: ZC-2026-0001
  type: loss
  reason: 盘点未找到
  approvals:
  - {role: keeper, by: 周保管, on: 2026-07-09}
  - {role: director, by: 李主任, on: 2026-07-09}
"""

TERM_REPORT_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "PD007 the principal has not acknowledged the report",
        {"2026/stocktakes.yaml": UNACKNOWLEDGED},
        [
            "2026/stocktakes.yaml:9: warning[PD007] 盘点 PD-2026-0002（学期 2025-2026-2 的期末盘点）已 129 天，"
            "校长尚未确认盘点报告（期限 15 天，节假日不计；书面上报校长室）"
        ],
    ),
    (
        "PD008 a finding left unresolved",
        {"2026/assets.yaml": GOOD_ASSET, "2026/stocktakes.yaml": FOUND},
        [
            "2026/stocktakes.yaml:17: warning[PD008] 盘点 PD-2026-0002 发现 ZC-2026-0001（JX-101）不在登记地点，"
            "已 129 天仍未处理（期限 30 天，节假日不计）"
        ],
    ),
    (
        "PD009 a recovery of something the count did not find",
        {"2026/assets.yaml": GOOD_ASSET, "2026/recoveries.yaml": RECOVERY},
        [
            "2026/recoveries.yaml:1: error[PD009] 盘点问题处理 ZH-2026-0001：盘点 PD-2026-0002 没有关于 ZC-2026-0001 的发现"
            "（或处理早于盘点）"
        ],
    ),
]


def test_term_report_rules(ledger_dir: Callable[..., Path]) -> None:
    for _name, files, expected in TERM_REPORT_CASES:
        assert lines(ledger_dir(files, name=_name.split()[0])) == expected, _name


def test_each_way_of_resolving_a_finding(ledger_dir: Callable[..., Path]) -> None:
    """A recovery, a move, a damage case resolve it; a write-off only once approved (the principal's step)."""
    move = (
        "- id: DB-2026-0001\n  date: 2026-07-10\n  asset: ZC-2026-0001\n  to_place: SY-301\n  to_keeper: 李主任\n"
        "  approvals:\n  - {role: giver, by: 李主任, on: 2026-07-10}\n  - {role: receiver, by: 李主任, on: 2026-07-10}\n"
    )
    base = {"2026/assets.yaml": GOOD_ASSET, "2026/stocktakes.yaml": FOUND}
    assert lines(ledger_dir({**base, "2026/recoveries.yaml": RECOVERY}, name="r")) == []
    assert lines(ledger_dir({**base, "2026/moves.yaml": move}, name="m")) == []
    unapproved = lines(ledger_dir({**base, "2026/disposals.yaml": LOST}, name="d"))
    assert [line.split("]")[0] for line in unapproved] == ["2026/stocktakes.yaml:17: warning[PD008"]
    approved = LOST + "  - {role: principal, by: 王校长, on: 2026-07-10}\n"
    assert lines(ledger_dir({**base, "2026/disposals.yaml": approved}, name="a")) == []
    before = RECOVERY.replace("date: 2026-07-09", "date: 2026-07-01")
    found = lines(ledger_dir({**base, "2026/recoveries.yaml": before}, name="b"))
    assert [line.split("]")[0] for line in found] == [
        "2026/recoveries.yaml:1: error[PD009",
        "2026/stocktakes.yaml:17: warning[PD008",
    ]


def test_findings_resolve_and_acknowledge_through_the_cli(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": GOOD_ASSET, "2026/stocktakes.yaml": UNACKNOWLEDGED.rstrip(" ")})
    (root / "2026/stocktakes.yaml").write_text(
        (root / "2026/stocktakes.yaml").read_text("utf-8")
        + "  findings:\n  - {asset: ZC-2026-0001, place: JX-101, kind: missing, action: find, book: 1, counted: 0}\n",
        encoding="utf-8",
    )
    git(root, "commit", "-qam", "the term-end count")
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("inventory", "findings", "--stocktake", "PD-2026-0002")
    assert code == 0, out
    assert "校长确认 尚未确认" in out and "未找到" in out and "未处理（129 天）" in out
    code, out = run("check", "stocktake")
    assert code == 0 and "warning[PD007]" in out and "warning[PD008]" in out
    code, out = run("inventory", "resolve", "PD-2026-0001", "--asset", "ZC-2026-0001", "--by", "李主任", "--place", "SY-301", "--detail", "x")  # fmt: skip
    assert code == 2 and "PD-2026-0001" in out
    code, out = run("inventory", "resolve", "PD-2026-0002", "--asset", "ZC-2026-0001", "--by", "李主任", "--place", "SY-301", "--detail", "在库房找到", "--date", "2026-07-10")  # fmt: skip
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "inventory resolve ZH-2026-0001 PD-2026-0002 ZC-2026-0001\n"
    code, out = run("sign", "PD-2026-0002", "--as", "principal", "--by", "王校长", "--on", "2026-07-11")
    assert code == 0, out
    assert run("check", "stocktake") == (0, "")
    code, out = run("--lang", "en", "inventory", "findings", "--term", "2025-2026-2", "--format", "json")
    reports = json.loads(out)["rows"]
    assert [r["id"] for r in reports] == ["PD-2026-0001", "PD-2026-0002"]
    (finding,) = reports[1]["findings"]
    assert reports[1]["acknowledged_by"] == "王校长" and finding["resolved_by"] == "ZH-2026-0001"
    assert finding["resolved_kind"] == "recoveries" and finding["resolved_on"] == "2026-07-10"

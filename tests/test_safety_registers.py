"""The safety registers (R44): fire equipment inspected and not expired (消防设施检查), laboratory chemicals
issued by two people (双人领发), a named person for each utility (水、电、气、炉等有专人负责)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BASE, git
from tests.test_rules import lines


def catalog(
    utilities: str = "  - {kind: water, responsible: 周保管}\n  - {kind: electricity, responsible: 李主任}\n",
) -> str:
    return (
        BASE["catalog.yaml"]
        .replace("        ", "")
        .replace("items:\n", "items:\n  - {id: hcl, name: 盐酸（分析纯）, unit: 瓶, category: 危险化学品}\n")
        + "fire_equipment:\n"
        "  - {id: MHQ-1, kind: extinguisher, place: SY-301, expires: 2030-05-01}\n"
        "  - {id: XHS-1, kind: hydrant, place: JX-101}\n" + (f"utilities:\n{utilities}" if utilities else "")
    )


def fire_check(day: str = "2026-11-20", extra: str = "") -> str:
    return (
        f"- id: XF-2026-0001\n  date: {day}\n  inspector: 周保管\n  items:\n"
        f"  - {{equipment: MHQ-1}}\n  - {{equipment: XHS-1, result: fault, detail: 水带老化}}\n{extra}"
    )


CHEMICALS = """\
- id: RK-2026-0001
  date: 2026-03-02
  item: hcl
  quantity: 10
  unit_price: "18.00"
  origin: 期初结存
  acceptor: 李主任
"""


def issue(extra: str = "") -> str:
    return (
        "- id: CK-2026-0001\n  date: 2026-03-10\n  item: hcl\n  quantity: 1\n  receiver: 张老师\n"
        f"  purpose: 化学实验\n  issued_by: 李主任\n{extra}"
    )


SAFETY_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "SAF001 not inspected for too long",
        {"catalog.yaml": catalog(), "2026/fire-checks.yaml": fire_check("2026-09-01")},
        [
            "catalog.yaml:14: warning[SAF001] 消防设施 MHQ-1（SY-301）自 2026-09-01 起已 84 天未检查（每 31 天至少一次）",
            "catalog.yaml:15: warning[SAF001] 消防设施 XHS-1（JX-101）自 2026-09-01 起已 84 天未检查（每 31 天至少一次）",
        ],
    ),
    (
        "SAF002 expired",
        {
            "catalog.yaml": catalog().replace("expires: 2030-05-01", "expires: 2026-10-01"),
            "2026/fire-checks.yaml": fire_check(),
        },
        ["catalog.yaml:14: warning[SAF002] 消防设施 MHQ-1（SY-301）已于 2026-10-01 过期，须更换"],
    ),
    (
        "SAF003 an inspection of equipment not listed",
        {"catalog.yaml": catalog(), "2026/fire-checks.yaml": fire_check(extra="  - {equipment: MHQ-9}\n")},
        [
            "2026/fire-checks.yaml:7: error[SAF003] 消防检查 XF-2026-0001：设施 MHQ-9 不在 catalog.yaml 的 fire_equipment 中"
        ],
    ),
    (
        "SAF004 a chemical issued by one person",
        {"catalog.yaml": catalog(), "2026/stock-in.yaml": CHEMICALS, "2026/stock-out.yaml": issue()},
        [
            "2026/stock-out.yaml:1: error[SAF004] 出库 CK-2026-0001：盐酸（分析纯）（危险化学品）须双人领发，只有发放人 李主任 签字"
        ],
    ),
    (
        "SAF005 a utility with nobody named",
        {"catalog.yaml": catalog("  - {kind: water}\n  - {kind: boiler, responsible: 周保管}\n")},
        [
            "catalog.yaml: warning[SAF005] 供电（electricity）没有指定专人负责（水、电、气、炉等有专人负责）",
            "catalog.yaml:17: warning[SAF005] 供水（water）没有指定专人负责（水、电、气、炉等有专人负责）",
        ],
    ),
    (
        "SAF006 the responsible person has left",
        {
            "catalog.yaml": catalog(
                "  - {kind: water, responsible: 周保管}\n  - {kind: electricity, responsible: 陈老师}\n"
            )
        },
        ["catalog.yaml:18: warning[SAF006] 供电（electricity）的负责人 陈老师 已不在本校（离校或不在 people.yaml 中）"],
    ),
]


def test_safety_rules(ledger_dir: Callable[..., Path]) -> None:
    for name, files, expected in SAFETY_CASES:
        assert lines(ledger_dir(files, name=name.split()[0])) == expected, name


def test_two_signatures_issue_a_chemical(ledger_dir: Callable[..., Path]) -> None:
    files = {"catalog.yaml": catalog(), "2026/stock-in.yaml": CHEMICALS}
    both = "  approvals:\n  - {role: co_issuer, by: 周保管, on: 2026-03-10}\n"
    assert lines(ledger_dir({**files, "2026/stock-out.yaml": issue(both)}, name="two")) == []
    self_signed = both.replace("周保管", "李主任")
    found = lines(ledger_dir({**files, "2026/stock-out.yaml": issue(self_signed)}, name="one"))
    assert [line.split("]")[0] for line in found] == ["2026/stock-out.yaml:1: error[SAF004"]
    too_many = issue(both).replace("quantity: 1", "quantity: 11")
    found = lines(ledger_dir({**files, "2026/stock-out.yaml": too_many}, name="neg"))
    assert [line.split("]")[0] for line in found] == ["2026/stock-out.yaml:1: error[STK001"]  # never negative


def test_inspect_list_and_utilities_through_the_cli(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"catalog.yaml": catalog(), "2026/stock-in.yaml": CHEMICALS})
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("safety", "check", "--by", "周保管", "--place", "SY-301", "--item", "XHS-1:fault:水带老化", "--date", "2026-11-20")  # fmt: skip
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "safety check XF-2026-0001 周保管\n"
    assert (root / "2026/fire-checks.yaml").read_text("utf-8").count("equipment:") == 2
    assert run("safety", "check", "--by", "周保管", "--item", "MHQ-9")[0] == 2
    assert run("safety", "check", "--by", "周保管", "--place", "XZ-999")[0] == 2
    code, out = run("safety", "list", "--format", "json")
    rows = {r["id"]: r for r in json.loads(out)["rows"]}
    assert rows["XHS-1"]["result"] == "fault" and rows["MHQ-1"]["due"] == "2026-12-21"
    code, out = run("safety", "list")
    assert "消火栓" in out and "有问题" in out
    code, out = run("safety", "utilities")
    assert code == 0 and "周保管" in out and "供电" in out
    code, out = run("stock", "out", "hcl", "-q", "1", "--to", "张老师", "--purpose", "化学实验", "--issued-by", "李主任", "--date", "2026-03-10")  # fmt: skip
    assert code == 1 and "error[SAF004]" in out
    code, out = run("stock", "out", "hcl", "-q", "1", "--to", "张老师", "--purpose", "化学实验", "--issued-by", "李主任", "--co-issuer", "周保管", "--date", "2026-03-10")  # fmt: skip
    assert code == 0, out

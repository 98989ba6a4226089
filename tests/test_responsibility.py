"""Keepers' responsibility (责任到人): each place's keeper signs a responsibility record (保管责任书) per
school year; once a term is under way a place whose keeper has none is warned (RSP001); only the keeper
signs as the responsible one (RSP002)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BASE, GOOD_EXPENSE, git
from tests.test_rules import lines

STARTED = BASE["houqin.yaml"].rstrip(" ") + "        started: 2026-02-20\n"


def pledge(n: int, place: str, keeper: str, signer: str | None = None, year: str = "2025-2026") -> str:
    return (
        f"- id: ZR-2026-{n:04d}\n  date: 2026-02-20\n  year: {year}\n  place: {place}\n  keeper: {keeper}\n"
        f"  approvals:\n  - {{role: director, by: 李主任, on: 2026-02-20}}\n"
        f"  - {{role: responsible, by: {signer or keeper}, on: 2026-02-21}}\n"
    )


BOTH = pledge(1, "JX-101", "张老师") + pledge(2, "SY-301", "李主任")

RESPONSIBILITY_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "RSP001 a keeper without a responsibility record",
        {"houqin.yaml": STARTED, "2026/responsibilities.yaml": pledge(1, "JX-101", "张老师")},
        [
            "places.yaml:2: warning[RSP001] SY-301（计算机教室）的保管人 李主任 还没有签 2025-2026 学年的保管责任书"
            "（学期 2025-2026-2 已开始）"
        ],
    ),
    (
        "RSP002 signed by someone else",
        {"2026/responsibilities.yaml": pledge(1, "JX-101", "张老师", signer="周保管")},
        [
            "2026/responsibilities.yaml:8: error[RSP002] 保管责任书 ZR-2026-0001：周保管 以责任人签字，但责任书的保管人是 张老师"
        ],
    ),
]


def _ours(found: list[str]) -> list[str]:
    """A ledger that says when its books began is told of its unclosed months (CLS006) and its unaudited
    term (AUD001) too: not ours."""
    return [line for line in found if "[CLS006]" not in line and "[AUD001]" not in line]


def test_responsibility_rules(ledger_dir: Callable[..., Path]) -> None:
    for name, files, expected in RESPONSIBILITY_CASES:
        assert _ours(lines(ledger_dir(files, name=name.split()[0]))) == expected, name


def test_every_keeper_signed_is_clean_and_last_years_record_is_not_this_years(
    ledger_dir: Callable[..., Path],
) -> None:
    assert _ours(lines(ledger_dir({"houqin.yaml": STARTED, "2026/responsibilities.yaml": BOTH}, name="a"))) == []
    old = BOTH.replace("year: 2025-2026", "year: 2024-2025")
    found = _ours(lines(ledger_dir({"houqin.yaml": STARTED, "2026/responsibilities.yaml": old}, name="b")))
    assert [line.split("]")[0] for line in found] == ["places.yaml:1: warning[RSP001", "places.yaml:2: warning[RSP001"]
    unsigned = BOTH.split("  - {role: responsible, by: 张老师")[0] + pledge(2, "SY-301", "李主任")
    found = _ours(lines(ledger_dir({"houqin.yaml": STARTED, "2026/responsibilities.yaml": unsigned}, name="c")))
    assert [line.split("]")[0] for line in found] == ["places.yaml:1: warning[RSP001"]


def test_issue_and_sign_through_the_cli(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"houqin.yaml": STARTED, "2026/responsibilities.yaml": pledge(2, "SY-301", "李主任")})
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("check", "responsibility")
    assert "RSP001" in out and "JX-101" in out
    code, out = run("place", "responsibility", "JX-101", "--year", "2025-2026", "--director", "李主任", "--date", "2026-02-20")  # fmt: skip
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "place responsibility ZR-2026-0003 JX-101 2025-2026\n"
    assert "keeper: 张老师" in (root / "2026/responsibilities.yaml").read_text("utf-8")
    assert run("place", "responsibility", "XX-1", "--year", "2025-2026")[0] == 2
    code, out = run("sign", "ZR-2026-0003", "--as", "responsible", "--by", "张老师", "--on", "2026-02-21")
    assert code == 0, out
    assert run("check", "responsibility") == (0, "")


def test_without_started_the_terms_after_the_first_holding_a_record_are_asked(ledger_dir: Callable[..., Path]) -> None:  # fmt: skip
    """No `started` in houqin.yaml: the terms asked about are those after the first term holding a
    record (that one kept its responsibilities on paper); a record outside every term says nothing."""
    terms = "          - {id: 2025-2026-1, start: 2025-09-01, end: 2026-01-20}\n"
    config = BASE["houqin.yaml"].replace("        terms:\n", "        terms:\n" + terms)
    earlier = GOOD_EXPENSE.replace("2026-03-0", "2025-12-0").replace("BX-2026", "BX-2025")
    files = {"houqin.yaml": config, "2025/expenses.yaml": earlier}
    found = [line.split("]")[0] for line in lines(ledger_dir(files, name="first")) if "[RSP" in line]
    assert found == ["places.yaml:1: warning[RSP001", "places.yaml:2: warning[RSP001"]
    # The first record within the current term (BASE's term-start count, 2026-02-21): it is not asked,
    # nor when the earlier record is dated in no term (the summer before the first term listed).
    assert [line for line in lines(ledger_dir({"houqin.yaml": config}, name="within")) if "[RSP" in line] == []
    summer = GOOD_EXPENSE.replace("2026-03-0", "2025-08-0").replace("BX-2026", "BX-2025")
    files = {"houqin.yaml": config, "2025/expenses.yaml": summer}
    assert [line for line in lines(ledger_dir(files, name="summer")) if "[RSP" in line] == []

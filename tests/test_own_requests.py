"""The principal's own claims, advances and purchases (校长本人的): not a dead end, but the route the
school's policy sets — the vice-principal signs the principal's step, on the strength of the
leadership meeting or the superior's approval number the record carries (issue #20 item 5, #16 item 9)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.test_rules import lines

ADVANCE = textwrap.dedent("""\
    - id: JK-2026-0001
      date: 2026-03-05
      person: 王校长
      amount: "800.00"
      purpose: 赴市教育局参加校长培训
    {extra}  approvals:
      - {{role: principal, by: {signer}, on: 2026-03-06}}
    """)
MEETING = "  meeting: {{on: {on}, attendees: [王校长, 刘副校长, 李主任], decision: 同意校长赴市培训借款800元}}\n"


def advance(signer: str = "刘副校长", extra: str = "") -> str:
    return ADVANCE.format(signer=signer, extra=extra)


OWN_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "SOD006 the principal's own advance signed for without a meeting or an approval number",
        {"2026/advances.yaml": advance()},
        [
            "2026/advances.yaml:7: error[SOD006] JK-2026-0001 是校长本人的申请，由 刘副校长 代签校长环节，但单据上"
            " 会议记录(meeting)、主管部门批复(authority) 都没有填写（policy.signatures.own_requests）"
        ],
    ),
    (
        "SOD007 the leadership meeting after the signature",
        {"2026/advances.yaml": advance(extra=MEETING.format(on="2026-03-10"))},
        [
            "2026/advances.yaml:8: error[SOD007] JK-2026-0001 的领导班子会议在 2026-03-10，晚于代签校长环节的"
            " 2026-03-06：须先集体研究，后签字"
        ],
    ),
    (
        "SIG001 the principal's own advance signed for by the director, whom the route does not name",
        {"2026/advances.yaml": advance(signer="李主任", extra=MEETING.format(on="2026-03-05"))},
        [
            "2026/advances.yaml:8: error[SIG001] 李主任 在 2026-03-06 不具备 校长(principal) 签字资格"
            "（需要角色：副校长/校长）"
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), OWN_CASES, ids=[c[0] for c in OWN_CASES])
def test_own_request_rule(
    ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]
) -> None:
    assert lines(ledger_dir(files)) == expected


def test_the_route_taken_is_clean(ledger_dir: Callable[..., Path]) -> None:
    assert lines(ledger_dir({"2026/advances.yaml": advance(extra=MEETING.format(on="2026-03-05"))})) == []
    by_authority = advance(extra="  authority: 青教财〔2026〕12号\n")
    assert lines(ledger_dir({"2026/advances.yaml": by_authority}, name="b")) == []


def test_the_principal_approving_their_own_is_still_refused(ledger_dir: Callable[..., Path]) -> None:
    found = lines(ledger_dir({"2026/advances.yaml": advance(signer="王校长", extra=MEETING.format(on="2026-03-05"))}))
    assert found == ["2026/advances.yaml:8: error[SOD003] 王校长 审批了自己的申请"]


def test_a_school_that_asks_for_the_superiors_approval_only(ledger_dir: Callable[..., Path]) -> None:
    from tests.conftest import BASE

    config = (
        textwrap.dedent(BASE["houqin.yaml"])
        + "policy:\n  signatures:\n    own_requests: {signers: [vice_principal], requires: authority}\n"
    )
    root = ledger_dir({"houqin.yaml": config, "2026/advances.yaml": advance(extra=MEETING.format(on="2026-03-05"))})
    assert lines(root) == [
        "2026/advances.yaml:8: error[SOD006] JK-2026-0001 是校长本人的申请，由 刘副校长 代签校长环节，但单据上"
        " 主管部门批复(authority) 都没有填写（policy.signatures.own_requests）"
    ]


def run(root: Path, *args: str) -> tuple[int, str]:
    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def test_the_principals_own_advance_through_the_commands(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir()
    ask = (
        "advance",
        "request",
        "--person",
        "王校长",
        "--amount",
        "800",
        "--purpose",
        "赴市培训",
        "--date",
        "2026-03-05",
    )
    code, out = run(root, *ask, "--meeting-on", "2026-03-05", "--no-commit")
    assert code == 2 and "--meeting-on 日期、--attendee 出席人员（可重复）和 --decision 决定" in " ".join(out.split())
    code, out = run(root, *ask, "--no-commit")
    assert code == 0, out
    code, out = run(root, "advance", "approve", "JK-2026-0001", "--by", "刘副校长", "--on", "2026-03-06", "--no-commit")
    assert code == 1 and "[SOD006]" in out  # refused: nothing the route asks for is on the record
    claim = (
        "expense", "add", "--payee", "王校长", "--amount", "320.00", "--budget-line", "30201", "--purpose", "赴市培训住宿费",
        "--invoice", "26442000000012345679", "--invoice-date", "2026-03-04", "--date", "2026-03-05",
        "--meeting-on", "2026-03-05", "--attendee", "王校长", "--attendee", "刘副校长", "--attendee", "李主任",
        "--decision", "同意报销", "--no-commit",
    )  # fmt: skip
    code, out = run(root, *claim)
    assert code == 0, out
    for step, by in (("handler", "张老师"), ("witness", "李主任"), ("principal", "刘副校长")):
        code, out = run(root, "expense", "sign", "BX-2026-0001", "--as", step, "--by", by, "--on", "2026-03-06",
                        "--no-commit")  # fmt: skip
        assert code == 0, out
    assert "meeting:" in (root / "2026/expenses.yaml").read_text("utf-8")
    assert not [line for line in lines(root) if "BX-2026-0001" in line]

"""The audit group (稽核小组每学期稽核, R41): an audit record per term, by members holding the auditor role,
at least the policy's number, neither the accountant nor the cashier; signed by every member and
nobody else; each finding answered. `check --since` takes a day; the pack checks every commit of the term."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BASE, BUNDLED, GOOD_EXPENSE, git
from tests.test_rules import lines

PEOPLE = BASE["people.yaml"].rstrip(" ") + (
    "        - {name: 郑稽核, roles: [teacher, auditor], department: 稽核小组, joined: 2010-09-01}\n"
    "        - {name: 林稽核, roles: [teacher, auditor], department: 稽核小组, joined: 2010-09-01}\n"
    "        - {name: 谢稽核, roles: [teacher, auditor], department: 稽核小组, joined: 2010-09-01}\n"
)
STARTED = BASE["houqin.yaml"].rstrip(" ") + "        started: 2026-02-20\n"


def audit(members: str = "[郑稽核, 林稽核, 谢稽核]", signers: tuple[str, ...] = ("郑稽核", "林稽核", "谢稽核"), extra: str = "") -> str:  # fmt: skip
    signed = "".join(f"  - {{role: auditor, by: {n}, on: 2026-07-15}}\n" for n in signers)
    return (
        f"- id: JH-2026-0001\n  date: 2026-07-15\n  term: 2025-2026-2\n  members: {members}\n"
        f"  scope: 本学期经费使用\n{extra}" + (f"  approvals:\n{signed}" if signed else "")
    )


def case(text: str, config: str | None = None) -> dict[str, str]:
    files = {"people.yaml": PEOPLE, "2026/audits.yaml": text}
    return files | ({"houqin.yaml": config} if config else {})


AUDIT_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "AUD001 a term ended without an audit",
        {"houqin.yaml": STARTED},
        ["houqin.yaml: warning[AUD001] 学期 2025-2026-2 已于 2026-07-10 结束，没有稽核小组的稽核记录"],
    ),
    (
        "AUD002 AUD003 a member who is no auditor and keeps the books",
        case(audit("[郑稽核, 林稽核, 孙老师]", ("郑稽核", "林稽核", "孙老师"))),
        [
            "2026/audits.yaml:1: error[AUD002] 稽核记录 JH-2026-0001：成员 孙老师 在 2026-07-15 不是稽核人员(auditor)",
            "2026/audits.yaml:1: error[AUD003] 稽核记录 JH-2026-0001：孙老师 是会计(accountant)，不能参加稽核（不得稽核自己经手的账）",
            "2026/audits.yaml:9: error[SIG001] 孙老师 在 2026-07-15 不具备 稽核人员(auditor) 签字资格（需要角色：稽核人员）",
        ],
    ),
    (
        "AUD004 too few members",
        case(audit("[郑稽核, 林稽核]", ("郑稽核", "林稽核"))),
        ["2026/audits.yaml:1: error[AUD004] 稽核记录 JH-2026-0001 只有 2 名成员，稽核小组至少须 3 人"],
    ),
    (
        "AUD005 a member has not signed",
        case(audit(signers=("郑稽核", "林稽核"))),
        ["2026/audits.yaml:1: warning[AUD005] 稽核记录 JH-2026-0001：成员 谢稽核 尚未签字"],
    ),
    (
        "AUD006 someone else signed",
        case(audit(signers=("郑稽核", "林稽核", "谢稽核", "王校长"))),
        [
            "2026/audits.yaml:10: error[AUD006] 稽核记录 JH-2026-0001：王校长 以 稽核人员(auditor) 签字，"
            "但只有稽核小组成员以稽核人员(auditor)签字",
            "2026/audits.yaml:10: error[SIG001] 王校长 在 2026-07-15 不具备 稽核人员(auditor) 签字资格（需要角色：稽核人员）",
        ],
    ),
    (
        "AUD007 a finding never answered",
        case(audit(extra="  findings: [借款JK-2026-0003逾期未结清]\n")),
        [
            "2026/audits.yaml:1: warning[AUD007] 稽核记录 JH-2026-0001 的第 1 个问题（借款JK-2026-0003逾期未结清）已 122 天没有答复（节假日不计）"
        ],
    ),
    (
        "AUD008 an answer to a finding there is not",
        case(
            audit(
                extra="  findings: [借款逾期]\n  answers:\n  - {finding: 1, on: 2026-07-20, by: 李主任, text: 已结清}\n"
                "  - {finding: 3, on: 2026-07-20, by: 李主任, text: 已改}\n"
            )
        ),
        ["2026/audits.yaml:9: error[AUD008] 稽核记录 JH-2026-0001：答复第 3 个问题，但只有 1 个问题"],
    ),
]


def _ours(found: list[str]) -> list[str]:
    """A ledger that says when its books began is told of its unclosed months (CLS006) and its keepers'
    responsibility records (RSP001) too: not ours."""
    return [line for line in found if "[CLS006]" not in line and "[RSP001]" not in line]


def test_audit_rules(ledger_dir: Callable[..., Path]) -> None:
    for name, files, expected in AUDIT_CASES:
        found = _ours(lines(ledger_dir(files, name=name.split()[0])))
        assert found == expected, name


def test_a_clean_audit(ledger_dir: Callable[..., Path]) -> None:
    answered = "  findings: [借款逾期]\n  answers:\n  - {finding: 1, on: 2026-07-20, by: 李主任, text: 已结清}\n"
    assert _ours(lines(ledger_dir(case(audit(extra=answered), STARTED)))) == []


def test_record_sign_answer_and_the_pack(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger({"people.yaml": PEOPLE, "houqin.yaml": STARTED})
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("check", "audit")
    assert code == 0 and "warning[AUD001]" in out
    code, out = run(
        "audit", "record", "--term", "2025-2026-2", "--member", "郑稽核", "--member", "林稽核", "--member", "谢稽核",
        "--scope", "本学期经费使用", "--finding", "报销单缺证明人", "--date", "2026-07-15",
    )  # fmt: skip
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s") == "audit record JH-2026-0001 2025-2026-2\n"
    code, out = run("audit", "sign", "JH-2026-0001", "--by", "王校长")
    assert code == 2 and "不是稽核记录 JH-2026-0001 的成员" in out
    code, out = run("sign", "JH-2026-0001", "--as", "auditor", "--by", "王校长")
    assert code == 2 and "不是稽核记录 JH-2026-0001 的成员" in out
    # Each member awaits their own signature (houqin pending, houqin due), signed with houqin sign as
    # with every record or with houqin audit sign.
    code, out = run("pending", "--person", "林稽核", "--format", "json")
    assert [(r["id"], r["step"]) for r in json.loads(out)["rows"]] == [("JH-2026-0001", "auditor")]
    code, out = run("due", "--person", "谢稽核", "--format", "json")
    assert [(i["record"], i["command"]) for i in json.loads(out)["items"]] == [
        ("JH-2026-0001", "houqin sign JH-2026-0001 --as auditor --by 谢稽核")
    ]
    assert run("sign", "JH-2026-0001", "--as", "稽核人员", "--by", "郑稽核", "--on", "2026-07-16")[0] == 0
    code, out = run("pending", "--person", "郑稽核", "--format", "json")
    assert json.loads(out)["rows"] == []
    code, out = run("pending", "--person", "林稽核", "--format", "json")
    assert [r["id"] for r in json.loads(out)["rows"]] == ["JH-2026-0001"]
    for name in ("林稽核", "谢稽核"):
        assert run("audit", "sign", "JH-2026-0001", "--by", name, "--on", "2026-07-16")[0] == 0
    code, out = run("audit", "sign", "JH-2026-0001", "--by", "郑稽核", "--on", "2026-07-16")
    assert code == 2 and "已在稽核记录 JH-2026-0001 上签字" in out
    code, out = run("sign", "JH-2026-0001", "--as", "auditor", "--by", "郑稽核", "--on", "2026-07-16")
    assert code == 2 and "已在稽核记录 JH-2026-0001 上签字" in out
    code, out = run("audit", "answer", "JH-2026-0001", "--finding", "2", "--by", "李主任", "--text", "x")
    assert code == 2 and "没有第 2 个问题" in out
    code, out = run("audit", "answer", "JH-2026-0001", "--finding", "1", "--by", "李主任", "--text", "已补签", "--on", "2026-07-20")  # fmt: skip
    assert code == 0, out
    assert run("check", "audit") == (0, "")


def test_check_since_a_day_and_the_pack_names_a_commit_past_the_hook(tmp_path: Path) -> None:
    """A claim paid without the principal's signature, committed with --no-verify on a day of the term:
    `check --since DAY` names it, and so does the pack's history sheet."""
    from openpyxl import load_workbook

    books = tmp_path / "books"
    shutil.copytree(BUNDLED, books, ignore=shutil.ignore_patterns(".houqin"))
    env = {"GIT_AUTHOR_DATE": "2026-03-01T10:00:00", "GIT_COMMITTER_DATE": "2026-03-01T10:00:00"}
    git(books, "init", "-q")
    git(books, "add", "-A")
    _commit(books, "书", env)
    claims = books / "2026/expenses.yaml"
    bad = GOOD_EXPENSE.replace("BX-2026-0001", "BX-2026-9001").replace(
        "  - {role: principal, by: 王校长, on: 2026-03-06}\n", ""
    )
    claims.write_text(claims.read_text("utf-8") + bad, encoding="utf-8")
    late = {"GIT_AUTHOR_DATE": "2026-03-08T10:00:00", "GIT_COMMITTER_DATE": "2026-03-08T10:00:00"}
    _commit(books, "补录报销单", late)
    runner = CliRunner()
    result = runner.invoke(app, ["--ledger", str(books), "check", "--since", "2026-03-05"])
    assert result.exit_code == 1 and "补录报销单" in result.output and "APR001" in result.output
    result = runner.invoke(app, ["--ledger", str(books), "check", "--since", "2026-02-30"])
    assert result.exit_code == 2
    out = tmp_path / "pack"
    result = runner.invoke(app, ["--ledger", str(books), "audit", "pack", "--term", "2025-2026-2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    book = load_workbook(out / "稽核资料-2025-2026-2.xlsx")
    history = [r for r in book["history"].iter_rows(min_row=3, values_only=True)]
    assert any(r[3] == "补录报销单" and r[4] == "APR001" for r in history)
    assert "共检查 2 次提交，1 次有问题" in str(history[-1][3])
    audits = [r for r in book["audits"].iter_rows(min_row=3, values_only=True)]
    assert [r[0] for r in audits] == ["JH-2026-0001", "JH-2026-0001"] and all("李明" in r[-1] for r in audits)


def _commit(root: Path, message: str, env: dict[str, str]) -> None:
    import os
    import subprocess

    full = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@x", **env}  # fmt: skip
    subprocess.run(
        ["git", "commit", "-qam" if message != "书" else "-qm", message, "--no-verify"], cwd=root, env=full, check=True
    )


def test_without_started_the_terms_after_the_first_holding_a_record_are_audited(
    ledger_dir: Callable[..., Path],
) -> None:
    """No `started`: the terms after the first term holding a record are the books', and are warned
    unaudited; that first term (kept partly on paper) is not."""
    terms = "          - {id: 2025-2026-1, start: 2025-09-01, end: 2026-01-20}\n"
    config = BASE["houqin.yaml"].replace("        terms:\n", "        terms:\n" + terms)
    earlier = GOOD_EXPENSE.replace("2026-03-0", "2025-12-0").replace("BX-2026", "BX-2025")
    found = [
        line for line in lines(ledger_dir({"houqin.yaml": config, "2025/expenses.yaml": earlier})) if "AUD" in line
    ]
    assert found == ["houqin.yaml: warning[AUD001] 学期 2025-2026-2 已于 2026-07-10 结束，没有稽核小组的稽核记录"]
    assert [line for line in lines(ledger_dir({"houqin.yaml": config}, name="b")) if "AUD" in line] == []

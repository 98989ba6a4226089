"""Signatures by key (issue #20): keys in people.yaml, SSHSIG verified in-process, agreeing with
ssh-keygen -Y verify, and the KEY diagnostics, each with a ledger that breaks it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from houqin import sshsig
from houqin.checks.engine import run_checks
from houqin.ledger.load import load_ledger
from houqin.models.records import Close, Reimbursement
from tests.conftest import BASE, GOOD_EXPENSE
from tests.keyring import fingerprint, key_entry, people, pub_line, sign_record_text, write_key_files
from tests.keyring import sshsig as make_sig

ALL_BY_KEY = {"handler": "张老师", "witness": "李主任", "principal": "王校长"}
SIGNED = sign_record_text(GOOD_EXPENSE, Reimbursement, ALL_BY_KEY, pay="赵出纳")
PEOPLE = people("张老师", "李主任", "赵出纳")
REQUIRE = """\
    schema: 1
    school:
      name: 测试小学
    terms:
      - {id: 2025-2026-2, start: 2026-02-20, end: 2026-07-10}
    policy:
      signatures:
        require_keys: [principal, vice_principal, director, accountant, cashier]
      stocktake_report_days: 1000
    """
# The base ledger's counts are acknowledged by the principal's typed signature (tests/conftest.py). Where
# policy requires the principal to sign by key, these ledgers take the counts before that acknowledgement
# and give the principal the time to read them (PD007 is not what these tests are about).
BEFORE_THE_REPORT = re.sub(r"\n *approvals:\n *- \{role: principal[^\n]*", "", BASE["2026/stocktakes.yaml"])


def _counts(files: dict[str, str] | None) -> dict[str, str]:
    files = dict(files or {})
    if files.get("houqin.yaml") == REQUIRE:
        files.setdefault("2026/stocktakes.yaml", BEFORE_THE_REPORT)
    return files


@pytest.fixture
def ledger_dir(ledger_dir: Callable[..., Path]) -> Callable[..., Path]:
    return lambda files=None, name="ledger": ledger_dir(_counts(files), name)


@pytest.fixture
def git_ledger(git_ledger: Callable[..., Path]) -> Callable[..., Path]:
    return lambda files=None: git_ledger(_counts(files))


def lines(root: Path, names: list[str] | None = None) -> list[str]:
    return [f"{d.location()}: {d.severity}[{d.code}] {d.message('zh')}" for d in run_checks(load_ledger(root), names)]


def test_a_ledger_signed_by_key_checks_clean(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"houqin.yaml": REQUIRE, "people.yaml": PEOPLE, "2026/expenses.yaml": SIGNED})
    assert lines(root) == []
    assert lines(root, ["by-key"]) == []


def test_fingerprints_are_as_ssh_keygen_prints_them(tmp_path: Path) -> None:
    key = write_key_files("王校长", tmp_path, "wang")
    out = subprocess.run(["ssh-keygen", "-lf", f"{key}.pub"], capture_output=True, text=True, check=True).stdout
    assert out.split()[1] == fingerprint("王校长") == sshsig.parse_public_key(pub_line("王校长")).fingerprint


def _ssh_verify(tmp: Path, signer: str, sig_b64: str, message: bytes, namespace: str = "houqin") -> bool:
    allowed = tmp / "allowed_signers"
    allowed.write_text(f"{signer}@school {pub_line(signer)}\n")
    sig = tmp / "m.sig"
    sig.write_text(sshsig.armor(sig_b64))
    proc = subprocess.run(
        ["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", f"{signer}@school", "-n", namespace, "-s", str(sig)],
        input=message,
        capture_output=True,
        check=False,
    )
    return proc.returncode == 0


def _houqin_verify(signer: str, sig_b64: str, message: bytes) -> bool:
    signature = sshsig.parse_signature(sig_b64)
    return signature.key.fingerprint == fingerprint(signer) and sshsig.verify(signature, message)


def test_houqin_and_ssh_keygen_agree_on_what_verifies(tmp_path: Path) -> None:
    from houqin.ledger.signer import sign

    statement = b"houqin-signature-v1\nschool: \xe6\xb5\x8b\nrecord: BX-2026-0001\n"
    by_ssh_keygen = sign(statement, write_key_files("王校长", tmp_path / "k", "wang"))
    by_tests = make_sig("王校长", statement)
    cases = [
        ("ssh-keygen's own signature", "王校长", by_ssh_keygen, statement, True),
        ("the tests' signature", "王校长", by_tests, statement, True),
        ("a tampered statement", "王校长", by_ssh_keygen, statement.replace(b"0001", b"0002"), False),
        ("another namespace", "王校长", make_sig("王校长", statement, namespace="git"), statement, False),
        ("another key", "李主任", by_ssh_keygen, statement, False),
    ]
    for name, signer, sig, message, expected in cases:
        assert _ssh_verify(tmp_path, signer, sig, message) is expected, name
        assert _houqin_verify(signer, sig, message) is expected, name


def test_bad_signature_text_never_raises() -> None:
    for text in ("", "not base64!!", "AAAA", make_sig("王校长", b"x")[:40], make_sig("王校长", b"x") + "AAAA"):
        with pytest.raises(sshsig.KeyFormatError):
            sshsig.parse_signature(text)


def test_key_lines_that_do_not_read() -> None:
    for line, reason in [
        ("ssh-ed25519", "malformed"),
        ("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ", "unsupported_type"),
        ("ssh-ed25519 !!!!", "not_base64"),
        ("ssh-ed25519 " + pub_line("王校长").split()[1][:-4], "truncated"),
    ]:
        with pytest.raises(sshsig.KeyFormatError) as e:
            sshsig.parse_public_key(line)
        assert e.value.reason == reason, line


def _on(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


PRINCIPAL_FIRST = sign_record_text(
    GOOD_EXPENSE.replace(
        "  - {role: witness, by: 李主任, on: 2026-03-05}\n  - {role: principal, by: 王校长, on: 2026-03-06}\n",
        "  - {role: principal, by: 王校长, on: 2026-03-05}\n",
    ).replace("  payment: {on: 2026-03-07, by: 赵出纳, account: bank}\n", ""),
    Reimbursement,
    {"handler": None, "principal": "王校长"},
)
WRONG_KEY = sign_record_text(GOOD_EXPENSE, Reimbursement, {**ALL_BY_KEY, "handler": "李主任"})
TYPED_PRINCIPAL = sign_record_text(GOOD_EXPENSE, Reimbursement, {**ALL_BY_KEY, "principal": None}, pay="赵出纳")


def _other_school_principal() -> str:
    """The claim signed by the principal's key over the same statement for another school."""
    import tests.keyring as keyring

    real = keyring.SCHOOL
    keyring.SCHOOL = "另一所小学"
    try:
        other = sign_record_text(GOOD_EXPENSE, Reimbursement, {"principal": "王校长"})
    finally:
        keyring.SCHOOL = real
    theirs = other.split("on: 2026-03-06, sig: ")[1].split("}")[0]
    ours = SIGNED.split("on: 2026-03-06, sig: ")[1].split("}")[0]
    return SIGNED.replace(ours, theirs)


def _principal_sig(text: str) -> str:
    return text.split("on: 2026-03-06, sig: ")[1].split("}")[0]


def _copied_to_another() -> str:
    """A second claim whose principal's signature is the first claim's, copied."""
    second = GOOD_EXPENSE.replace("BX-2026-0001", "BX-2026-0002").replace("12345678", "12345679")
    signed = sign_record_text(second, Reimbursement, ALL_BY_KEY, pay="赵出纳")
    return SIGNED + signed.replace(_principal_sig(signed), _principal_sig(SIGNED))


COPIED_TO_ANOTHER = _copied_to_another()
KEY_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "KEY001 the principal's signature typed where policy requires a key",
        {"houqin.yaml": REQUIRE, "people.yaml": PEOPLE, "2026/expenses.yaml": TYPED_PRINCIPAL},
        [
            "2026/expenses.yaml:12: error[KEY001] 王校长 的 校长(principal) 签字须用密钥签（policy.signatures.require_keys），此处只有姓名"
        ],
    ),
    (
        "KEY002 a signature that is not base64",
        {
            "people.yaml": PEOPLE,
            "2026/expenses.yaml": _on(GOOD_EXPENSE, "on: 2026-03-06}", "on: 2026-03-06, sig: 不是签名}"),
        },
        [
            "2026/expenses.yaml:12: error[KEY002] 王校长 的 校长(principal) 签名不是 houqin 的 SSH 签名（无法读取，或不属于 houqin 命名空间）"
        ],
    ),
    (
        "KEY003 the handler signed with the witness's key",
        {"people.yaml": PEOPLE, "2026/expenses.yaml": WRONG_KEY},
        [
            f"2026/expenses.yaml:10: error[KEY003] 张老师 的 经手人(handler) 签名所用密钥 {fingerprint('李主任')} "
            "不是 张老师 在 2026-03-05 有效的已登记密钥"
        ],
    ),
    (
        "KEY004 the payee changed after everyone signed",
        {"people.yaml": PEOPLE, "2026/expenses.yaml": _on(SIGNED, "payee: 文具店", "payee: 文具商店")},
        [
            f"2026/expenses.yaml:{n}: error[KEY004] {by} 的 {step} 签名与单据现状不符：签字后单据内容或此前的签字被改动"
            for n, by, step in [
                (1, "赵出纳", "付款(payment)"),
                (10, "张老师", "经手人(handler)"),
                (11, "李主任", "证明人(witness)"),
                (12, "王校长", "校长(principal)"),
            ]
        ],
    ),
    (
        "KEY004 an earlier signature's day changed: every signature after it breaks",
        {
            "people.yaml": PEOPLE,
            "2026/expenses.yaml": _on(
                SIGNED, "witness, by: 李主任, on: 2026-03-05", "witness, by: 李主任, on: 2026-03-06"
            ),
        },
        [
            "2026/expenses.yaml:1: error[KEY004] 赵出纳 的 付款(payment) 签名与单据现状不符：签字后单据内容或此前的签字被改动",
            "2026/expenses.yaml:11: error[KEY004] 李主任 的 证明人(witness) 签名与单据现状不符：签字后单据内容或此前的签字被改动",
            "2026/expenses.yaml:12: error[KEY004] 王校长 的 校长(principal) 签名与单据现状不符：签字后单据内容或此前的签字被改动",
        ],
    ),
    (
        "KEY004 a signature made for another school",
        {"people.yaml": PEOPLE, "2026/expenses.yaml": _other_school_principal()},
        [
            "2026/expenses.yaml:1: error[KEY004] 赵出纳 的 付款(payment) 签名与单据现状不符：签字后单据内容或此前的签字被改动",
            "2026/expenses.yaml:12: error[KEY004] 王校长 的 校长(principal) 签名与单据现状不符：签字后单据内容或此前的签字被改动",
        ],
    ),
    (
        "KEY004 the principal's signature of one claim copied onto another",
        {"people.yaml": PEOPLE, "2026/expenses.yaml": COPIED_TO_ANOTHER},
        [
            "2026/expenses.yaml:14: error[KEY004] 赵出纳 的 付款(payment) 签名与单据现状不符：签字后单据内容或此前的签字被改动",
            "2026/expenses.yaml:25: error[KEY004] 王校长 的 校长(principal) 签名与单据现状不符：签字后单据内容或此前的签字被改动",
        ],
    ),
    (
        "KEY005 the principal signed before the witness",
        {"people.yaml": PEOPLE, "2026/expenses.yaml": PRINCIPAL_FIRST},
        ["2026/expenses.yaml:11: error[KEY005] 王校长 的 校长(principal) 签字早于 证明人(witness)：须按顺序签"],
    ),
    (
        "KEY006 a key added to people.yaml by hand",
        {
            "people.yaml": people(
                extra=f"- {{name: 钱老师, roles: [teacher], keys: [{key_entry('钱老师', by=None)}]}}\n"
            )
        },
        [f"people.yaml:14: error[KEY006] 钱老师 的密钥 {fingerprint('钱老师')} 的登记或撤销未经校长密钥签署"],
    ),
    (
        "KEY006 a key registered under a teacher's key",
        {
            "people.yaml": people(
                "张老师", extra=f"- {{name: 钱老师, roles: [teacher], keys: [{key_entry('钱老师', by='张老师')}]}}\n"
            )
        },
        [f"people.yaml:14: error[KEY006] 钱老师 的密钥 {fingerprint('钱老师')} 的登记或撤销未经校长密钥签署"],
    ),
    (
        "KEY007 a key line that is not one",
        {
            "people.yaml": people(
                extra="- {name: 钱老师, roles: [teacher], keys: [{key: ssh-ed25519 AAAA, added: 2026-01-05}]}\n"
            )
        },
        ["people.yaml:14: error[KEY007] 钱老师 的密钥行无法读取（应为 OpenSSH 公钥行：ssh-ed25519 AAAA… 备注）"],
    ),
    (
        "KEY008 an RSA key",
        {
            "people.yaml": people(
                extra="- {name: 钱老师, roles: [teacher], keys: [{key: ssh-rsa AAAAB3NzaC1yc2E, added: 2026-01-05}]}\n"
            )
        },
        [
            "people.yaml:14: error[KEY008] 钱老师 的密钥类型 ssh-rsa 不受支持（只接受 ssh-ed25519 和 sk-ssh-ed25519@openssh.com）"
        ],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), KEY_CASES, ids=[c[0] for c in KEY_CASES])
def test_key_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


def test_signatures_not_by_key_are_listed_only_when_asked(ledger_dir: Callable[..., Path]) -> None:
    from tests.test_cli import run

    root = ledger_dir({"people.yaml": PEOPLE, "2026/expenses.yaml": TYPED_PRINCIPAL})
    assert lines(root) == []
    assert lines(root, ["by-key"]) == [
        "2026/expenses.yaml:12: warning[KEY009] 王校长 的 校长(principal) 签字只有姓名，未用密钥签",
        "2026/stocktakes.yaml:8: warning[KEY009] 王校长 的 校长(principal) 签字只有姓名，未用密钥签",  # 盘点报告确认
        "2026/stocktakes.yaml:15: warning[KEY009] 王校长 的 校长(principal) 签字只有姓名，未用密钥签",
        "people.yaml: info[KEY010] 本校尚未要求用密钥签字（policy.signatures.require_keys: false）；"
        "尚无密钥的负责人：刘副校长、孙老师；其他教职工 1 人",
    ]
    assert run("--ledger", str(root), "check") == (0, "")
    code, out = run("--ledger", str(root), "check", "--keys")
    assert code == 0 and "warning[KEY009]" in out and "info[KEY010]" in out
    # With the officers' keys required, nobody is told who lacks a key: their typed signatures are errors.
    required = ledger_dir({"houqin.yaml": REQUIRE, "people.yaml": PEOPLE, "2026/expenses.yaml": SIGNED}, name="req")
    assert lines(required, ["by-key"]) == []


def _keygen(directory: Path, stem: str, passphrase: str = "") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / stem
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", stem, "-f", str(path)], check=True)
    return path


def _fp(path: Path) -> str:
    out = subprocess.run(["ssh-keygen", "-lf", f"{path}.pub"], capture_output=True, text=True, check=True).stdout
    return out.split()[1]


def test_keys_registered_signed_by_key_and_tampering_caught(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import git
    from tests.test_cli import EXPENSE_ARGS, run, snapshot

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    root = git_ledger({"houqin.yaml": REQUIRE})
    keys = tmp_path / "keys"
    wang, zhang, li = _keygen(keys, "wang"), _keygen(keys, "zhang"), _keygen(keys, "li")
    L = ["--ledger", str(root)]
    # A key other than the anchor needs the principal's key; the anchor signs itself.
    code, out = run(*L, "key", "add", "--person", "张老师", "--file", f"{zhang}.pub", "--on", "2026-03-01")
    assert code == 2 and "须由校长的密钥签署" in out
    code, out = run(*L, "key", "add", "--person", "王校长", "--file", f"{wang}.pub", "--anchor", "--on", "2026-03-01")
    assert code == 0, out
    code, out = run(
        *L, "key", "add", "--person", "张老师", "--file", f"{zhang}.pub", "--key", str(li), "--on", "2026-03-01"
    )
    assert code == 2 and "不是 2026-03-01 在任校长的有效密钥" in out
    for person, key in (("张老师", zhang), ("李主任", li)):
        code, out = run(
            *L, "key", "add", "--person", person, "--file", f"{key}.pub", "--key", str(wang), "--on", "2026-03-01"
        )
        assert code == 0, out
    code, out = run(*L, "key", "list")
    assert code == 0
    assert out.splitlines() == [
        f"王校长  {_fp(wang)}  ssh-ed25519  2026-03-01 登记  信任根  wang",
        f"李主任  {_fp(li)}  ssh-ed25519  2026-03-01 登记  li",
        f"张老师  {_fp(zhang)}  ssh-ed25519  2026-03-01 登记  zhang",
    ]
    assert run(*L, "check") == (0, "")

    assert run(*L, *EXPENSE_ARGS)[0] == 0
    sign = [*L, "expense", "sign", "BX-2026-0001"]
    # Someone else's key, a key file that is not there: exit 2, nothing written.
    before = snapshot(root)
    code, out = run(*sign, "--as", "handler", "--by", "张老师", "--on", "2026-03-05", "--key", str(li))
    assert code == 2 and f"{_fp(li)} 不是 张老师 在 2026-03-05 有效的已登记密钥" in out
    code, out = run(*sign, "--as", "handler", "--by", "张老师", "--on", "2026-03-05", "--key", str(keys / "nope"))
    assert code == 2 and f"找不到密钥文件 {keys / 'nope'}" in out
    assert snapshot(root) == before
    # A typed handler is fine (teachers may sign by name); a typed principal is not (policy lists it).
    assert run(*sign, "--as", "handler", "--by", "张老师", "--on", "2026-03-05")[0] == 0
    code, out = run(*sign, "--as", "principal", "--by", "王校长", "--on", "2026-03-05")
    assert code == 1 and "error[KEY001] 王校长 的 校长(principal) 签字须用密钥签" in out
    # The principal may not sign before the witness.
    code, out = run(*sign, "--as", "principal", "--by", "王校长", "--on", "2026-03-05", "--key", str(wang))
    assert code == 1 and "error[KEY005] 王校长 的 校长(principal) 签字早于 证明人(witness)：须按顺序签" in out
    # Refused: nothing was written, so the hint says what to do now, not to delete a signature.
    assert "没有写入这条签字。须按顺序签：先由 证明人(witness) 签（houqin expense sign BX-2026-0001 --as witness" in out
    assert "删去" not in out
    monkeypatch.setenv("HOUQIN_SIGNING_KEY", str(li))
    assert run(*sign, "--as", "witness", "--by", "李主任", "--on", "2026-03-05")[0] == 0
    monkeypatch.delenv("HOUQIN_SIGNING_KEY")
    assert run(*sign, "--as", "principal", "--by", "王校长", "--on", "2026-03-06", "--key", str(wang))[0] == 0
    text = (root / "2026/expenses.yaml").read_text()
    assert text.count(", sig: U1NIU0lH") == 2  # base64 of "SSHSIG"
    assert run(*L, "check") == (0, "")
    assert git(root, "status", "--porcelain") == ""

    # The clerk edits the payee after signing, and commits past the hook: check and check --since catch it.
    (root / "2026/expenses.yaml").write_text(text.replace("payee: 文具店", "payee: 文具商店"))
    code, out = run(*L, "check")
    assert code == 1 and out.count("error[KEY004]") == 2
    git(root, "commit", "-qam", "edit payee", "--no-verify")
    code, out = run(*L, "check", "--since", "HEAD~1")
    assert code == 1 and "KEY004" in out
    # The hook refuses the same edit.
    git(root, "reset", "-q", "--hard", "HEAD~1")
    (root / "2026/expenses.yaml").write_text(text.replace("payee: 文具店", "payee: 文具商店"))
    proc = subprocess.run(["git", "commit", "-qam", "edit"], cwd=root, capture_output=True, text=True, check=False)
    assert proc.returncode != 0 and "KEY004" in proc.stderr


def test_a_passphrase_key_without_an_agent_is_a_clear_exit_2(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_cli import run, snapshot

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    root = git_ledger()
    wang = _keygen(tmp_path / "keys", "wang", passphrase="secret words")
    before = snapshot(root)
    code, out = run("--ledger", str(root), "key", "add", "--person", "王校长", "--file", f"{wang}.pub", "--anchor")
    assert code == 2 and f"{wang} 有口令保护，而 ssh-agent 中没有它：先运行 ssh-add {wang}" in out.replace("\n", "")
    code, out = run(
        "--ledger",
        str(root),
        "key",
        "add",
        "--person",
        "王校长",
        "--file",
        f"{wang}.pub",
        "--anchor",
        "--key",
        f"{wang}.pub",
    )
    assert code == 2 and "需要 ssh-agent" in out
    assert snapshot(root) == before and "Traceback" not in out


def test_signing_through_an_ssh_agent(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    """A key in ssh-agent, named by its .pub (and a passphrase key the agent holds, by its file)."""
    import os

    from tests.test_cli import run

    root = git_ledger()
    wang = _keygen(tmp_path / "keys", "wang", passphrase="secret words")
    agent = subprocess.run(
        ["ssh-agent", "-s", "-a", str(tmp_path / "agent.sock")], capture_output=True, text=True, check=True
    )
    pid = next(
        part.split("=")[1] for part in agent.stdout.replace(";", "\n").split() if part.startswith("SSH_AGENT_PID=")
    )
    env = {
        **os.environ,
        "SSH_AUTH_SOCK": str(tmp_path / "agent.sock"),
        "SSH_ASKPASS": str(tmp_path / "askpass"),
        "SSH_ASKPASS_REQUIRE": "force",
        "DISPLAY": "x",
    }
    (tmp_path / "askpass").write_text("#!/bin/sh\necho 'secret words'\n")
    (tmp_path / "askpass").chmod(0o755)
    try:
        subprocess.run(["ssh-add", str(wang)], env=env, capture_output=True, check=True, stdin=subprocess.DEVNULL)
        mp = pytest.MonkeyPatch()
        mp.setenv("SSH_AUTH_SOCK", env["SSH_AUTH_SOCK"])
        try:
            code, out = run(
                "--ledger",
                str(root),
                "key",
                "add",
                "--person",
                "王校长",
                "--file",
                f"{wang}.pub",
                "--anchor",
                "--key",
                f"{wang}.pub",
                "--on",
                "2026-03-01",
            )
            assert code == 0, out
            code, out = run("--ledger", str(root), "key", "list")
            assert _fp(wang) in out and "未经" not in out
            assert run("--ledger", str(root), "check") == (0, "")
        finally:
            mp.undo()
    finally:
        subprocess.run(["kill", pid], check=False)


def _people_with_accountant_key() -> str:
    text = people()
    mark = "- name: 孙老师\n"
    head, tail = text.split(mark)
    body = tail.replace("  joined: 2010-09-01\n", f"  joined: 2010-09-01\n  keys: [{key_entry('孙老师')}]\n", 1)
    return head + mark + body


def test_a_close_signed_by_the_accountant_and_the_principal_cannot_be_resealed(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Re-sealing every close with houqin's own functions after an edit (what an insider could do
    with typed signatures) now breaks the accountant's and the principal's key signatures."""
    from houqin.models.closing import chain_digest, fingerprint, sealed_records
    from houqin.reports.stock import month_bounds
    from tests.conftest import git
    from tests.test_cli import run
    from tests.test_finance import git_commit, month_end

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    root = git_ledger({"people.yaml": _people_with_accountant_key(), "2026/expenses.yaml": GOOD_EXPENSE})
    sun = write_key_files("孙老师", tmp_path / "keys", "sun")
    wang = write_key_files("王校长", tmp_path / "keys", "wang")
    L = ["--ledger", str(root)]
    month_end(root, "2026-02", "5000.00", "200000.00")
    month_end(root, "2026-03", "5000.00", "198700.50")
    # Only a person holding the accountant role closes a month.
    code, out = run(*L, "finance", "close", "2026-02", "--by", "李主任")
    assert code == 1 and "error[SIG001] 李主任 在 2026-11-24 不具备 会计(accountant) 签字资格（需要角色：会计）" in out
    for month, close_id in (("2026-02", "JZ-2026-0001"), ("2026-03", "JZ-2026-0002")):
        code, out = run(*L, "finance", "close", month, "--by", "孙老师", "--key", str(sun))
        assert code == 0, out
        code, out = run(*L, "sign", close_id, "--as", "principal", "--by", "王校长", "--key", str(wang))
        assert code == 0, out
    assert run(*L, "check") == (0, "")
    # The insider's forgery: edit March's claim, then re-seal March's close with houqin's functions.
    expenses = root / "2026/expenses.yaml"
    expenses.write_text(expenses.read_text().replace("payee: 文具店", "payee: 文具商店"))
    loaded = load_ledger(root)
    (old,) = [c for c in loaded.ledger.records(Close) if isinstance(c, Close) and c.month == "2026-03"]
    _first, last = month_bounds("2026-03")
    prints = tuple(fingerprint(r, last, old.seal) for r in sealed_records(loaded.ledger, "2026-03"))
    closes = root / "2026/closes.yaml"
    text = closes.read_text()
    for a, b in zip(old.fingerprints, prints, strict=True):
        text = text.replace(a, b)
    closes.write_text(text.replace(old.digest, chain_digest(old.previous, prints)))
    found = lines(root)
    assert [ln.split("] ", 1)[0].rsplit(" ", 1)[1] for ln in found] == ["error[KEY004", "error[KEY004"]
    assert "孙老师 的 会计(accountant) 签名与单据现状不符" in found[0] and "王校长 的 校长(principal)" in found[1]
    assert "KEY004" in git_commit(root)  # the hook
    git(root, "commit", "-qam", "reseal", "--no-verify")
    code, out = run(*L, "check", "--since", "HEAD~1")
    assert code == 1 and "KEY004" in out
    git(root, "reset", "-q", "--hard", "HEAD~1")
    # A reopening by the principal's key.
    code, out = run(
        *L, "finance", "reopen", "2026-03", "--reason", "补记", "--approved-by", "王校长", "--key", str(wang)
    )
    assert code == 0, out
    assert ", sig: U1NIU0lH" in (root / "2026/reopens.yaml").read_text()
    assert run(*L, "check") == (0, "")


def test_hardware_key_signatures_verify_as_ssh_keygen_verifies_them(tmp_path: Path) -> None:
    """sk-ssh-ed25519@openssh.com: the authenticator's flags and counter are signed too. One
    deliberate difference: a signature made without the user's touch (no user-presence flag) is
    refused by houqin, while ssh-keygen -Y verify (OpenSSH 9.2) accepts it — the touch is the point
    of a hardware key (docs/signatures.md)."""
    from tests.keyring import sk_pub_line, sk_sshsig

    statement = b"houqin-signature-v1\nrecord: BX-2026-0001\n"
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(f"wang@school {sk_pub_line('王校长')}\n")

    def ssh_keygen_accepts(sig: str, message: bytes) -> bool:
        (tmp_path / "m.sig").write_text(sshsig.armor(sig))
        proc = subprocess.run(
            [
                "ssh-keygen",
                "-Y",
                "verify",
                "-f",
                str(allowed),
                "-I",
                "wang@school",
                "-n",
                "houqin",
                "-s",
                str(tmp_path / "m.sig"),
            ],
            input=message,
            capture_output=True,
            check=False,
        )
        return proc.returncode == 0

    key = sshsig.parse_public_key(sk_pub_line("王校长") + " yubikey")
    assert key.type == sshsig.SK_ED25519 and key.application == "ssh:"
    for name, sig, message, by_ssh_keygen, by_houqin in [
        ("touched", sk_sshsig("王校长", statement), statement, True, True),
        ("tampered", sk_sshsig("王校长", statement), statement + b"x", False, False),
        ("other counter", sk_sshsig("王校长", statement)[:-4] + "AAAI", statement, False, False),
        ("no touch", sk_sshsig("王校长", statement, flags=0), statement, True, False),
    ]:
        parsed = sshsig.parse_signature(sig)
        assert parsed.key == key
        assert ssh_keygen_accepts(sig, message) is by_ssh_keygen, name
        assert sshsig.verify(parsed, message) is by_houqin, name


def test_a_revoked_key_signs_nothing_from_its_day_and_what_it_signed_before_stands(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_cli import EXPENSE_ARGS, run

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    root = git_ledger()
    keys = tmp_path / "keys"
    wang, zhang = _keygen(keys, "wang"), _keygen(keys, "zhang")
    L = ["--ledger", str(root)]
    assert (
        run(*L, "key", "add", "--person", "王校长", "--file", f"{wang}.pub", "--anchor", "--on", "2026-03-01")[0] == 0
    )
    assert (
        run(*L, "key", "add", "--person", "张老师", "--file", f"{zhang}.pub", "--key", str(wang), "--on", "2026-03-01")[
            0
        ]
        == 0
    )
    assert run(*L, *EXPENSE_ARGS)[0] == 0
    sign = [*L, "expense", "sign", "BX-2026-0001"]
    assert run(*sign, "--as", "handler", "--by", "张老师", "--on", "2026-03-05", "--key", str(zhang))[0] == 0
    # The teacher revokes her own key (a lost laptop); only the principal's key or the key itself may.
    revoke = [*L, "key", "revoke", "--person", "张老师", "--fingerprint", _fp(zhang), "--on", "2026-03-06"]
    code, out = run(*revoke)
    assert code == 2 and "须由校长的密钥签署" in out
    code, out = run(*revoke, "--key", str(zhang))
    assert code == 0, out
    code, out = run(*revoke, "--key", str(wang))
    assert code == 2 and f"密钥 {_fp(zhang)} 已于 2026-03-06 撤销" in out
    code, out = run(*L, "key", "list")
    assert f"张老师  {_fp(zhang)}  ssh-ed25519  2026-03-01 登记  2026-03-06 起撤销  zhang" in out
    assert run(*L, "check") == (0, "")  # the handler's signature of 03-05 stands
    assert (
        run(*L, "sign", "BX-2026-0001", "--as", "witness", "--by", "张老师", "--on", "2026-03-06", "--key", str(zhang))[
            0
        ]
        == 2
    )
    # A revocation by hand, without its signature, still takes effect, and is reported.
    people_file = root / "people.yaml"
    text = people_file.read_text()
    start = text.index("revoke_sig: ")
    end = text.index("}", start)
    people_file.write_text(text[: start - 2] + text[end:])
    found = lines(root)
    assert found == [
        f"people.yaml:{_line_of(people_file, 'zhang')}: error[KEY006] 张老师 的密钥 {_fp(zhang)} 的登记或撤销未经校长密钥签署"
    ]


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), start=1) if needle in line and "key:" in line)


def test_steps_sealed_by_a_close_signed_by_key_are_not_verified_again(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cold check verifies a sealed month through its close: the close's signature, not each step's;
    a step whose record no longer matches the close is verified again (and caught)."""
    from tests.test_cli import run
    from tests.test_finance import month_end

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    people_text = _people_with_accountant_key()
    for name in ("张老师", "李主任", "赵出纳"):
        people_text = people_text.replace(f"- {{name: {name}, ", f"- {{keys: [{key_entry(name)}], name: {name}, ", 1)
    root = git_ledger({"people.yaml": people_text, "2026/expenses.yaml": SIGNED})
    sun = write_key_files("孙老师", tmp_path / "keys", "sun")
    month_end(root, "2026-02", "5000.00", "200000.00")
    month_end(root, "2026-03", "5000.00", "198700.50")
    for month in ("2026-02", "2026-03"):
        code, out = run("--ledger", str(root), "finance", "close", month, "--by", "孙老师", "--key", str(sun))
        assert code == 0, out
    verified: list[int] = []
    real = sshsig.verify

    def counting(signature: sshsig.Signature, message: bytes, namespace: str = sshsig.NAMESPACE) -> bool:
        verified.append(1)
        return real(signature, message, namespace)

    from houqin.checks import keys as key_check

    monkeypatch.setattr(sshsig, "verify", counting)
    monkeypatch.setattr(key_check, "_SEALED", {})
    assert lines(root) == []
    assert len(verified) == 2 + 2  # each close's accountant signature: once for the seal, once as a step
    verified.clear()
    expenses = root / "2026/expenses.yaml"
    expenses.write_text(expenses.read_text().replace("payee: 文具店", "payee: 文具商店"))
    found = [ln.split("] ", 1)[0].rsplit(" ", 1)[1] for ln in lines(root)]
    assert found == ["error[CLS001", "error[KEY004", "error[KEY004", "error[KEY004", "error[KEY004"]
    assert len(verified) == 2 + 4  # the seals are remembered; the claim no longer matches its close


def test_two_clones_the_clerk_records_the_principal_signs_by_key(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clerk records a claim and pushes; the principal pulls on his own clone, signs with his key
    and pushes; the clerk pulls and the ledger checks clean. A forgery pushed from the clerk's clone
    (a principal's signature made with the clerk's key) is caught on the principal's."""
    from tests.conftest import git
    from tests.test_cli import EXPENSE_ARGS, run

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    clerk = git_ledger({"houqin.yaml": REQUIRE})
    keys = tmp_path / "keys"
    wang, li = _keygen(keys, "wang"), _keygen(keys, "li")  # each on its owner's machine, in truth
    C = ["--ledger", str(clerk)]
    assert (
        run(*C, "key", "add", "--person", "王校长", "--file", f"{wang}.pub", "--anchor", "--on", "2026-03-01")[0] == 0
    )
    assert (
        run(*C, "key", "add", "--person", "李主任", "--file", f"{li}.pub", "--key", str(wang), "--on", "2026-03-01")[0]
        == 0
    )
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(clerk), str(origin))
    git(clerk, "remote", "add", "origin", str(origin))
    git(clerk, "fetch", "-q", "origin")
    git(clerk, "branch", "-q", "--set-upstream-to", "origin/" + git(clerk, "branch", "--show-current").strip())

    # The clerk records and collects the handler's and the witness's signatures (by name, and the
    # director by key), then pushes.
    assert run(*C, *EXPENSE_ARGS)[0] == 0
    sign = [*C, "expense", "sign", "BX-2026-0001"]
    assert run(*sign, "--as", "handler", "--by", "张老师", "--on", "2026-03-05")[0] == 0
    assert run(*sign, "--as", "witness", "--by", "李主任", "--on", "2026-03-05", "--key", str(li))[0] == 0
    git(clerk, "push", "-q")

    # The principal, on his clone, pulls, reviews, signs with his key, pushes.
    principal = tmp_path / "principal"
    git(tmp_path, "clone", "-q", str(origin), str(principal))
    git(principal, "config", "user.name", "王校长")
    git(principal, "config", "user.email", "wang@example.org")
    P = ["--ledger", str(principal)]
    assert run(*P, "hook", "install")[0] == 0
    code, out = run(*P, "expense", "list")
    assert code == 0 and "BX-2026-0001" in out
    assert run(*P, "expense", "sign", "BX-2026-0001", "--as", "principal", "--by", "王校长", "--on", "2026-03-06", "--key", str(wang))[0] == 0  # fmt: skip
    git(principal, "push", "-q")

    # The clerk pulls: the principal's signature verifies on the clerk's clone.
    git(clerk, "pull", "-q", "--ff-only")
    assert "王校长, on: 2026-03-06, sig: U1NIU0lH" in (clerk / "2026/expenses.yaml").read_text()
    assert run(*C, "check") == (0, "")

    # A forgery from the clerk's clone: the principal's step re-signed with the director's key.
    from houqin.ledger.load import load_ledger as load
    from houqin.ledger.signer import sign as ssh_sign
    from houqin.models.statements import step_statement

    claim = next(r for r in load(clerk).ledger.records(Reimbursement))
    assert isinstance(claim, Reimbursement)
    forged = ssh_sign(step_statement("测试小学", claim, 2), li)
    path = clerk / "2026/expenses.yaml"
    text = path.read_text()
    real = claim.approvals[2].sig
    assert real is not None
    path.write_text(text.replace(real, forged))
    git(clerk, "commit", "-qam", "forged", "--no-verify")
    git(clerk, "push", "-q")
    git(principal, "pull", "-q", "--ff-only")
    code, out = run(*P, "check")
    assert code == 1 and f"error[KEY003] 王校长 的 校长(principal) 签名所用密钥 {_fp(li)}" in out


def test_pending_lists_what_awaits_a_persons_signature(ledger_dir: Callable[..., Path]) -> None:
    from tests.conftest import BUNDLED
    from tests.test_cli import run

    code, out = run("--ledger", str(BUNDLED), "pending", "--person", "王建国")
    assert code == 0
    assert out.splitlines() == [
        "等待 王建国 签字：1 件，合计 436.00 元",
        "BX-2026-0055  2026-11-18  校长  436.00  教研活动用品  2026/expenses.yaml:841",
        "    houqin expense sign BX-2026-0055 --as principal --by 王建国 --key KEYFILE",
    ]
    awaiting = GOOD_EXPENSE.replace("  - {role: principal, by: 王校长, on: 2026-03-06}\n", "").replace(
        "  payment: {on: 2026-03-07, by: 赵出纳, account: bank}\n", ""
    )
    root = ledger_dir({"2026/expenses.yaml": awaiting})
    code, out = run("--ledger", str(root), "--lang", "en", "pending", "--person", "王校长")
    assert code == 0 and out.splitlines()[0] == "Awaiting 王校长's signature: 1, 1,299.50 yuan in all"
    assert "houqin expense sign BX-2026-0001 --as principal --by 王校长 --key KEYFILE" in out
    # The witness is named by the clerk (any member of staff may witness): nothing awaits a teacher.
    assert run("--ledger", str(root), "pending", "--person", "张老师") == (0, "没有等待 张老师 签字的单据。\n")
    code, out = run("--ledger", str(root), "pending", "--person", "无此人")
    assert code == 2 and "people.yaml 中没有 无此人" in out


def test_the_cashier_pays_by_key_and_a_later_edit_of_the_payment_is_caught(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_cli import run

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    unpaid = SIGNED.split("  payment: ")[0]
    root = git_ledger({"houqin.yaml": REQUIRE, "people.yaml": PEOPLE, "2026/expenses.yaml": unpaid})
    zhao = write_key_files("赵出纳", tmp_path / "keys", "zhao")
    pay = ["--ledger", str(root), "expense", "pay", "BX-2026-0001", "--by", "赵出纳", "--on", "2026-03-07"]
    code, out = run(*pay)
    assert code == 1 and "error[KEY001] 赵出纳 的 付款(payment) 签字须用密钥签" in out
    assert "houqin expense pay BX-2026-0001 --by 出纳姓名 --key 私钥文件" in out
    code, out = run(*pay, "--key", str(zhao))
    assert code == 0, out
    assert run("--ledger", str(root), "check") == (0, "")
    path = root / "2026/expenses.yaml"
    path.write_text(path.read_text().replace("account: bank", "account: cash"))
    code, out = run("--ledger", str(root), "check")
    assert code == 1 and "error[KEY004] 赵出纳 的 付款(payment) 签名与单据现状不符" in out


def test_key_add_refuses_bad_input_with_a_clear_message_and_writes_nothing(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_cli import run, snapshot

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    root = git_ledger()
    keys = tmp_path / "keys"
    wang, zhang = _keygen(keys, "wang"), _keygen(keys, "zhang")
    (keys / "garbage.pub").write_text("ssh-ed25519 not-a-key\n")
    rsa = keys / "rsa"
    subprocess.run(["ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", str(rsa)], check=True)
    add = ["--ledger", str(root), "key", "add"]
    before = snapshot(root)
    for args, needle in [
        (["--person", "王校长", "--file", str(wang), "--anchor"], "是私钥：--file 登记的是公钥（.pub）"),
        (["--person", "王校长", "--file", str(keys / "garbage.pub"), "--anchor"], "不是 OpenSSH 密钥文件"),
        (["--person", "王校长", "--file", f"{rsa}.pub", "--anchor"], "密钥类型 ssh-rsa 不受支持"),
        (["--person", "无此人", "--file", f"{wang}.pub", "--anchor"], "people.yaml 中没有 无此人"),
        (["--person", "张老师", "--file", f"{zhang}.pub", "--anchor"], "张老师 在 2026-11-24 不是校长"),
        (["--person", "王校长", "--file", f"{wang}.pub", "--anchor", "--key", str(zhang)], "信任根须由它自己签署"),
    ]:
        code, out = run(*add, *args)
        assert code == 2 and needle in out.replace("\n", ""), (args, out)
        assert "Traceback" not in out
    assert snapshot(root) == before
    assert run(*add, "--person", "王校长", "--file", f"{wang}.pub", "--anchor")[0] == 0
    code, out = run(*add, "--person", "孙老师", "--file", f"{zhang}.pub", "--anchor", "--key", str(zhang))
    assert code == 2 and "信任根已登记" in out
    code, out = run(*add, "--person", "张老师", "--file", f"{wang}.pub", "--key", str(wang))
    assert code == 2 and "已登记在 王校长 名下" in out


def test_a_signer_withdraws_their_own_signature_by_key_and_it_stays_on_the_record(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.conftest import git
    from tests.test_cli import run

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    unpaid = SIGNED.split("  payment: ")[0]
    root = git_ledger({"houqin.yaml": REQUIRE, "people.yaml": PEOPLE, "2026/expenses.yaml": unpaid})
    wang = write_key_files("王校长", tmp_path / "keys", "wang")
    li = write_key_files("李主任", tmp_path / "keys", "li")
    unsign = ["--ledger", str(root), "unsign", "BX-2026-0001", "--on", "2026-03-08", "--reason", "金额有误"]
    for args, needle in [
        (["--as", "principal", "--by", "李主任", "--key", str(li)], "只有签字人本人可以撤回（--by 王校长）"),
        (["--as", "witness", "--by", "李主任", "--key", str(li)], "先撤回后面的签字"),
        (["--as", "principal", "--by", "王校长"], "撤回也须由 王校长 本人用密钥签署"),
        (["--as", "principal", "--by", "王校长", "--key", str(li)], "不是 王校长 在 2026-03-08 有效的已登记密钥"),
    ]:
        code, out = run(*unsign, *args)
        assert code == 2 and needle in out.replace("\n", ""), (args, out)
    code, out = run(*unsign, "--as", "校长", "--by", "王校长", "--key", str(wang))
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s").strip() == "unsign BX-2026-0001 principal 王校长: 金额有误"
    text = (root / "2026/expenses.yaml").read_text()
    assert (
        "withdrawn:\n  - {role: principal, by: 王校长, signed: 2026-03-06, on: 2026-03-08, reason: 金额有误, sig: U1NIU0lH"
        in text
    )
    assert "role: principal, by: 王校长, on: 2026-03-06" not in text
    assert run("--ledger", str(root), "check") == (0, "")
    # The withdrawal cannot be edited by hand, nor made by someone else: KEY011.
    (root / "2026/expenses.yaml").write_text(text.replace("reason: 金额有误", "reason: 校长同意"))
    assert lines(root) == [
        "2026/expenses.yaml:13: error[KEY011] 王校长 在 2026-03-08 撤回 校长(principal) 签字，未用本人有效的密钥签署"
    ]
    # The principal signs again, by key, after the withdrawal: the history is under his new signature.
    git(root, "checkout", "--", ".")
    code, out = run("--ledger", str(root), "expense", "sign", "BX-2026-0001", "--as", "principal", "--by", "王校长", "--on", "2026-03-09", "--key", str(wang))  # fmt: skip
    assert code == 0, out
    assert run("--ledger", str(root), "check") == (0, "")


def test_a_key_whose_comment_is_a_chinese_name_is_registered_and_signs(
    git_ledger: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found trying houqin as a new school: ssh-keygen -C 王建国 writes a .pub that houqin refused."""
    from tests.test_cli import run

    monkeypatch.delenv("SSH_AUTH_SOCK", raising=False)
    root = git_ledger()
    key = tmp_path / "wang"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "王校长", "-f", str(key)], check=True)
    code, out = run("--ledger", str(root), "key", "add", "--person", "王校长", "--file", f"{key}.pub", "--anchor")
    assert code == 0, out
    code, out = run("--ledger", str(root), "key", "list")
    assert code == 0 and "王校长" in out and "SHA256:" in out
    assert run("--ledger", str(root), "check") == (0, "")

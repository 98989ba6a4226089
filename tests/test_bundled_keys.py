"""The bundled ledger signed with its demonstration keys (examples/keys/), and `--key` on every command
that writes a signature when it records (issue #20 items 2 and 7).

The demonstration keys are derived from the staff's names by scripts/build_demo_ledger.py and signed
in-process by houqin.sshsig.sign_ed25519; tests/keyring.py signs the same way by its own code, and
ssh-keygen -Y verify accepts what either makes."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin import sshsig
from houqin.checks.engine import run_checks
from houqin.checks.keys import trust_of
from houqin.ledger.load import load_ledger
from houqin.models.base import Signed
from houqin.models.records import Asset, Close, Move, Purchase, Reimbursement, Repair, StockIn
from tests.conftest import BUNDLED, ROOT
from tests.keyring import BUNDLED_KEYS, bundled_key
from tests.keyring import sshsig as keyring_sig

OFFICERS = ("principal", "vice_principal", "director", "accountant", "cashier")


def run(root: Path, *args: str) -> tuple[int, str]:
    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    root = tmp_path / "ledgers"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    return root


def test_houqin_signs_in_process_as_ssh_keygen_verifies(tmp_path: Path) -> None:
    """Two implementations agree byte for byte (Ed25519 is deterministic), and OpenSSH accepts them."""
    seed = hashlib.sha256("houqin demo key 王校长".encode()).digest()  # tests/keyring.py's key of 王校长
    message = b"houqin-signature-v1\nrecord: BX-2026-0001\n"
    made = sshsig.sign_ed25519(seed, message)
    assert made == keyring_sig("王校长", message)
    key = sshsig.public_of_seed(seed)
    allowed = tmp_path / "allowed"
    allowed.write_text(f"wang@school {key.line()}\n")
    (tmp_path / "msg").write_bytes(message)
    (tmp_path / "msg.sig").write_text(sshsig.armor(made))
    verify = ["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", "wang@school", "-n", "houqin"]
    with (tmp_path / "msg").open("rb") as stdin:
        proc = subprocess.run([*verify, "-s", str(tmp_path / "msg.sig")], stdin=stdin, capture_output=True)
    assert proc.returncode == 0, proc.stderr


def test_every_officer_signs_the_bundled_ledger_by_key_and_it_verifies() -> None:
    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    assert ledger.config.policy.signatures.require_keys == OFFICERS
    trust = trust_of(ledger.config.school.name, ledger.people)
    assert trust.problems == []
    assert sum(len(held) for held in trust.trusted.values()) == 7
    officer_steps = by_key = 0
    for r in ledger.all_records():
        if not isinstance(r, Signed):
            continue
        for a in r.approvals:
            if any(ledger.holds(a.by, role, a.on) for role in OFFICERS):
                officer_steps += 1
                by_key += a.sig is not None
    assert officer_steps > 300 and by_key == officer_steps
    codes = {d.code for d in run_checks(load_ledger(BUNDLED, use_cache=False))}
    assert not {c for c in codes if c.startswith("KEY")}
    closes = ledger.records(Close)
    assert closes and all([a.role for a in c.approvals] == ["accountant", "principal"] for c in closes)  # type: ignore[attr-defined]
    assert all(a.sig for c in closes for a in c.approvals)  # type: ignore[attr-defined]


def test_the_demonstration_keys_are_what_people_yaml_registers() -> None:
    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    registered = {k.key.split()[1] for p in ledger.people for k in p.keys}
    files = sorted(BUNDLED_KEYS.glob("*.pub"))
    assert len(files) == 7
    for pub in files:
        line = pub.read_text("utf-8")
        assert line.split()[1] in registered and line.rstrip().endswith("-DEMO")
        assert (pub.with_suffix("")).read_text().startswith("-----BEGIN OPENSSH PRIVATE KEY-----")
    assert "never" in (BUNDLED_KEYS / "README.md").read_text("utf-8")


def test_a_demonstration_key_signs_a_claim_with_the_real_ssh_keygen(bundled: Path, tmp_path: Path) -> None:
    ledger = load_ledger(bundled, use_cache=False).ledger
    claim = next(c for c in ledger.records(Reimbursement) if c.approval("principal") is None)  # type: ignore[attr-defined]
    sign = ("expense", "sign", claim.id, "--as", "principal", "--by", "王建国", "--on", "2026-11-24", "--no-commit")
    code, out = run(bundled, *sign)
    assert code == 1 and "error[KEY001] 王建国 的 校长(principal) 签字须用密钥签" in out
    key = bundled_key(tmp_path / "keys", "principal-wang-jianguo")
    code, out = run(bundled, *sign, "--key", str(key))
    assert code == 0, out
    assert run(bundled, "check")[0] == 0


def test_a_private_key_others_can_read_is_refused_with_the_fix(bundled: Path, tmp_path: Path) -> None:
    key = bundled_key(tmp_path / "keys", "principal-wang-jianguo")
    key.chmod(0o644)  # as a fresh clone checks it out
    code, out = run(bundled, "budget", "adjust", "30201", "--amount", "100", "--reason", "补充", "--approved-by",
                    "王建国", "--no-commit", "--key", str(key))  # fmt: skip
    assert code == 2
    flat = " ".join(out.split())
    assert f"{key} 的权限是 0644，别人也能读：ssh-keygen 不用这样的私钥。先运行 chmod 600 {key}，再签字。" in flat


# Each command that records a signature as it writes, with the signer's key: (command, key, step).
BY_KEY = [
    (("budget", "adjust", "30201", "--amount", "1000", "--reason", "补充教学用纸", "--approved-by", "王建国"),
     "principal-wang-jianguo", "principal"),
    (("stock", "out", "paper-a4", "-q", "2", "--to", "钱红", "--purpose", "期末试卷印刷", "--issued-by", "周强",
      "--approved-by", "刘志强"), "vice-principal-liu-zhiqiang", "supervisor"),
    (("stock", "in", "paper-a4", "-q", "10", "--price", "23.50", "--origin", "捐赠", "--acceptor", "周强",
      "--witness", "李明"), "director-li-ming", "witness"),
    (("asset", "loan", "ZC-2024-0001", "--to", "曾红霞", "--due", "2026-12-04", "--approved-by", "李明"),
     "director-li-ming", "keeper"),
    (("vehicle", "trip", "--vehicle", "赣G·A1234", "--driver", "周强", "--purpose", "送参赛学生", "--destination",
      "县体育馆", "--start", "49260", "--end", "49290", "--approved-by", "刘志强", "--approved-on", "2026-11-24"),
     "vice-principal-liu-zhiqiang", "supervisor"),
    (("place", "responsibility", "XZ-202", "--year", "2026-2027", "--director", "李明"), "director-li-ming", "director"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "stem", "step"), BY_KEY, ids=[" ".join(a[:2]) for a, _, _ in BY_KEY])
def test_a_command_that_records_a_signature_signs_it_by_key(
    bundled: Path, tmp_path: Path, args: tuple[str, ...], stem: str, step: str
) -> None:
    code, out = run(bundled, *args, "--no-commit")
    if stem != "director-li-ming" or step != "witness":  # an officer's typed signature is refused
        assert code == 1 and "[KEY001]" in out, out
    shutil.rmtree(bundled)
    shutil.copytree(BUNDLED, bundled, ignore=shutil.ignore_patterns(".houqin"))
    code, out = run(bundled, *args, "--no-commit", "--key", str(bundled_key(tmp_path / "keys", stem)))
    assert code == 0, out
    ledger = load_ledger(bundled, use_cache=False).ledger
    newest = max((r for r in ledger.all_records() if isinstance(r, Signed)), key=lambda r: (r.date, r.source.line))
    assert newest.approval(step) is not None and newest.approval(step).sig  # type: ignore[union-attr]
    assert [d.code for d in run_checks(load_ledger(bundled, use_cache=False)) if d.severity == "error"] == []


def test_moves_repairs_and_acceptances_sign_by_key(bundled: Path, tmp_path: Path) -> None:
    keeper = str(bundled_key(tmp_path / "keys", "keeper-zhou-qiang"))
    clerk = str(bundled_key(tmp_path / "keys", "clerk-wu-fang"))
    principal = str(bundled_key(tmp_path / "keys", "principal-wang-jianguo"))
    director = str(bundled_key(tmp_path / "keys", "director-li-ming"))
    ledger = load_ledger(bundled, use_cache=False).ledger
    asset = next(a for a in ledger.records(Asset) if a.keeper != "周强" and a.quantity == 1)  # type: ignore[attr-defined]
    code, out = run(bundled, "asset", "move", asset.id, "--to-place", "CK-001", "--to-keeper", "周强", "--no-commit",
                    "--key", keeper)  # fmt: skip
    assert code == 0, out
    code, out = run(
        bundled, "repair", "open", "--place", "XZ-201", "--reporter", "吴芳", "--fault", "门锁坏", "--no-commit"
    )
    assert code == 0, out
    ticket = max(r.id for r in load_ledger(bundled, use_cache=False).ledger.records(Repair))
    code, out = run(bundled, "repair", "close", ticket, "--work", "换锁", "--accepted-by", "吴芳", "--no-commit",
                    "--key", clerk)  # fmt: skip
    assert code == 0, out
    code, out = run(bundled, "purchase", "request", "--department", "总务处", "--requester", "吴芳", "--budget-line",
                    "30201", "--purpose", "办公用纸", "--item", "paper-a4:20:23.50", "--no-commit")  # fmt: skip
    assert code == 0, out
    request = max(r.id for r in load_ledger(bundled, use_cache=False).ledger.records(Purchase))
    vice = str(bundled_key(tmp_path / "keys", "vice-principal-liu-zhiqiang"))
    for step, by, key in (
        ("department_head", "李明", director),
        ("supervisor", "刘志强", vice),
        ("principal", "王建国", principal),
    ):
        code, out = run(bundled, "purchase", "approve", request, "--as", step, "--by", by, "--no-commit", "--key", key)
        assert code == 0, out
    code, out = run(bundled, "purchase", "accept", request, "--acceptor", "周强", "--witness", "李明", "--no-commit",
                    "--key", director)  # fmt: skip
    assert code == 0, out
    ledger = load_ledger(bundled, use_cache=False).ledger
    moved = max(ledger.records(Move), key=lambda r: r.id)
    assert moved.approval("receiver").sig and moved.approval("giver").sig is None  # type: ignore[attr-defined]
    assert ledger.find(ticket, type(ledger.records(Repair)[0])).approval("acceptor").sig  # type: ignore[attr-defined]
    stock_in = max(ledger.records(StockIn), key=lambda r: r.id)
    assert stock_in.approval("witness").sig  # type: ignore[attr-defined]
    assert [d.code for d in run_checks(load_ledger(bundled, use_cache=False)) if d.severity == "error"] == []


def test_a_key_that_signs_no_step_of_the_record_is_refused(bundled: Path, tmp_path: Path) -> None:
    cashier = bundled_key(tmp_path / "keys", "cashier-zhao-li")
    before = sorted(p.read_bytes() for p in bundled.glob("20*/*.yaml"))
    code, out = run(bundled, "budget", "adjust", "30201", "--amount", "100", "--reason", "补充", "--approved-by",
                    "王建国", "--no-commit", "--key", str(cashier))  # fmt: skip
    assert code == 2
    assert "不是这条记录上任何签字人的有效密钥（签字：王建国(principal)）" in out
    assert sorted(p.read_bytes() for p in bundled.glob("20*/*.yaml")) == before


def test_the_readme_tour_signs_on_a_second_clone() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "examples/keys/principal-wang-jianguo" in readme and "git clone" in readme


def test_key_verify_shows_each_signature_and_fails_on_a_changed_record(bundled: Path) -> None:
    import json

    code, out = run(bundled, "--lang", "en", "key", "verify", "JZ-2026-0009", "--format", "json")
    assert code == 0, out
    data = json.loads(out)
    assert data["schema"] == "houqin.key.verify/1" and data["stands"] is True
    assert [(s["role"], s["by"], s["status"]) for s in data["steps"]] == [
        ("accountant", "孙慧", "verified"),
        ("principal", "王建国", "verified"),
    ]
    path = bundled / "2026/expenses.yaml"
    path.write_text(path.read_text("utf-8").replace("payee: 宏达五金建材店", "payee: 宏达五金", 1), "utf-8")
    code, out = run(bundled, "key", "verify", "BX-2026-0003")
    assert code == 1
    assert "不成立（KEY004）" in out and "仅姓名（未用密钥，政策未要求）" in out


def test_the_principal_signs_on_a_second_clone_as_the_readme_shows(tmp_path: Path) -> None:
    """The README's tour, with real git clones and the real ssh-keygen."""
    import os

    clerk, principal = tmp_path / "干事", tmp_path / "校长"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(clerk)], check=True)
    shutil.copytree(BUNDLED, clerk / "ledgers", ignore=shutil.ignore_patterns(".houqin"))
    shutil.copytree(BUNDLED_KEYS, clerk / "examples" / "keys")
    subprocess.run([*git, "-C", str(clerk), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(clerk), "commit", "-qm", "bundled"], check=True)
    subprocess.run(["git", "clone", "-q", str(clerk), str(principal)], check=True)
    env = {**os.environ, "GIT_AUTHOR_NAME": "王建国", "GIT_AUTHOR_EMAIL": "w@example.org",
           "GIT_COMMITTER_NAME": "王建国", "GIT_COMMITTER_EMAIL": "w@example.org"}  # fmt: skip

    def houqin(where: Path, *args: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "houqin", "--ledger", "ledgers", *args]
        return subprocess.run(cmd, cwd=where, env=env, capture_output=True, text=True)

    assert "BX-2026-0055" in houqin(principal, "pending", "--person", "王建国").stdout
    (principal / "examples/keys/principal-wang-jianguo").chmod(0o600)
    sign = ("expense", "sign", "BX-2026-0055", "--as", "principal", "--by", "王建国", "--on", "2026-11-24")
    done = houqin(principal, *sign, "--key", "examples/keys/principal-wang-jianguo")
    assert done.returncode == 0, done.stdout + done.stderr
    subprocess.run([*git, "-C", str(clerk), "pull", "-q", str(principal), "HEAD"], check=True, env=env)
    verified = houqin(clerk, "--lang", "en", "key", "verify", "BX-2026-0055", "--format", "json")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    steps = {s["role"]: s["status"] for s in __import__("json").loads(verified.stdout)["steps"]}
    assert steps["principal"] == "verified"
    assert houqin(clerk, "check").returncode == 0

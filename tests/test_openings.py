"""houqin finance open: the accounts' opening balances (期初余额) by command (#15 item 5) — written to
catalog.yaml's accounts in one commit signed by the accountant's key, refused once a month is closed
or when money is already recorded before the opening day."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BUNDLED, git
from tests.keyring import bundled_key

runner = CliRunner()


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def _head(root: Path) -> str:
    return git(root, "rev-parse", "HEAD")


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A fresh `houqin init` ledger with its accountant in people.yaml, committed; its accountant may
    type a name (the template's require_keys less the accountant: keys are tested on the bundled ledger)."""
    root = tmp_path / "账本"
    code, out = run(root, "init", str(root), "--school", "青禾县测试小学")
    assert code == 0, out
    config = root / "houqin.yaml"
    text = config.read_text(encoding="utf-8")
    assert "require_keys: [principal, vice_principal, director, accountant, cashier]" in text
    config.write_text(text.replace("director, accountant, cashier]", "director, cashier]"), encoding="utf-8")
    with (root / "people.yaml").open("a", encoding="utf-8") as people:
        people.write("- {name: 孙会计, roles: [accountant], department: 财务室, joined: 2012-03-01}\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "staff")
    return root


def test_openings_are_written_to_the_accounts_in_one_commit(fresh: Path) -> None:
    code, out = run(
        fresh, "finance", "open", "--cash", "3000", "--bank", "420000.50", "--account", "canteen=0",
        "--on", "2026-01-31", "--by", "孙会计",
    )  # fmt: skip
    assert code == 0, out
    catalog_path = fresh / "catalog.yaml"
    assert out.splitlines() == [
        f"cash 期初余额 3,000.00 元（2026-01-31 结束时），会计 孙会计，写入 {catalog_path}",
        f"bank 期初余额 420,000.50 元（2026-01-31 结束时），会计 孙会计，写入 {catalog_path}",
        f"canteen 期初余额 0.00 元（2026-01-31 结束时），会计 孙会计，写入 {catalog_path}",
        "已提交：finance open",
    ]
    catalog = (fresh / "catalog.yaml").read_text(encoding="utf-8")
    assert catalog.endswith(
        "accounts:\n"
        '- {id: cash, name: 现金, opening: "3000.00", opened: 2026-01-31}\n'
        '- {id: bank, name: 银行存款, opening: "420000.50", opened: 2026-01-31}\n'
        '- {id: canteen, name: 食堂, opening: "0.00", opened: 2026-01-31}\n'
    )
    assert (
        git(fresh, "log", "-1", "--format=%s").strip()
        == "finance open cash 3000.00，bank 420000.50，canteen 0.00 on 2026-01-31 by 孙会计"
    )
    assert git(fresh, "status", "--porcelain") == ""
    # A correction before anything is closed changes that account's line alone.
    code, out = run(fresh, "finance", "open", "--cash", "3100.00", "--on", "2026-01-31", "--by", "孙会计")
    assert code == 0, out
    diff = git(fresh, "show", "--format=", "-U0", "HEAD").splitlines()
    assert [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))] == [
        '-- {id: cash, name: 现金, opening: "3000.00", opened: 2026-01-31}',
        '+- {id: cash, name: 现金, opening: "3100.00", opened: 2026-01-31}',
    ]
    code, out = run(fresh, "finance", "report", "2026-02", "--format", "json")
    assert code == 0, out
    rows = json.loads(out)["sections"]["accounts"]["rows"]
    assert rows[:2] == [
        ["现金", "3100.00", "0.00", "0.00", "3100.00"],
        ["银行存款", "420000.50", "0.00", "0.00", "420000.50"],
    ]


def test_init_lists_what_moving_in_needs(tmp_path: Path) -> None:
    code, out = run(tmp_path / "x", "init", str(tmp_path / "新账本"), "--school", "青禾县测试小学")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[1] == "下一步（搬入账本，见 docs/moving-in.md）："
    assert "  教职工名单：houqin people import 教职工名单.xlsx" in lines
    assert "  库房期初结存：houqin stock import 期初库存.xlsx" in lines
    assert (
        "  现金、银行存款期初余额：houqin finance open --cash 金额 --bank 金额 --on 日期 --by 会计 --key 会计的密钥"
        in lines
    )


def test_the_overview_of_a_fresh_ledger_names_the_command_until_the_balances_are_in(fresh: Path) -> None:
    code, out = run(fresh, "overview")
    assert (
        "现金、银行存款期初余额：houqin finance open --cash 金额 --bank 金额 --on 日期 --by 会计 --key 会计的密钥"
        in out
    )
    code, out = run(fresh, "finance", "open", "--cash", "0", "--bank", "8000", "--on", "2026-08-31", "--by", "孙会计")
    assert code == 0, out
    code, out = run(fresh, "overview")
    assert "期初余额" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cash", "-5"], "houqin: --cash -5：金额不能为负。"),
        (["--bank", "面议"], "--bank"),
        (["--account", "canteen"], "'canteen': 写成 账户=金额 / write ACCOUNT=AMOUNT"),
        (["--account", "nongshang=5"], "账户 nongshang 不在 catalog.yaml 中（有：cash、bank、canteen）"),
        (["--cash", "5", "--account", "cash=6"], "账户 cash 的期初余额给了两次"),
        ([], "没有给出期初余额：用 --cash 金额、--bank 金额，或 --account 账户 金额（可重复）。"),
    ],
)
def test_bad_input_is_exit_2_and_nothing_written(fresh: Path, args: list[str], message: str) -> None:
    before = (fresh / "catalog.yaml").read_bytes(), _head(fresh)
    code, out = run(fresh, "finance", "open", *args, "--on", "2026-01-31", "--by", "孙会计")
    assert code == 2 and message in out, out
    assert "Traceback" not in out
    assert ((fresh / "catalog.yaml").read_bytes(), _head(fresh)) == before


def test_an_impossible_day_and_someone_not_the_accountant_are_refused(fresh: Path) -> None:
    code, out = run(fresh, "finance", "open", "--cash", "5", "--on", "2026-02-30", "--by", "孙会计")
    assert code == 2 and "--on 2026-02-30：没有这一天，请核对年月日。" in out
    code, out = run(fresh, "finance", "open", "--cash", "5", "--on", "2026-01-31", "--by", "王五")
    assert (
        code == 2
        and "王五 在 2026-01-31 不是会计：期初余额由会计登记（--by 会计姓名，people.yaml 中角色 accountant）。" in out
    )
    code, out = run(fresh, "--lang", "en", "finance", "open", "--cash", "5", "--on", "2026-01-31", "--by", "王五")
    assert code == 2 and "王五 is not the accountant on 2026-01-31" in out


@pytest.fixture
def bundled(tmp_path: Path) -> Callable[..., Path]:
    """A git copy of the bundled ledger; `without` lists files removed (and committed) first."""

    def make(*without: str) -> Path:
        root = tmp_path / "ledgers"
        shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
        git(root, "init", "-q")
        git(root, "config", "user.name", "测试")
        git(root, "config", "user.email", "t@example.org")
        for rel in without:
            (root / rel).unlink()
        git(root, "add", "-A")
        git(root, "commit", "-q", "--no-verify", "-m", "start")
        return root

    return make


def test_refused_once_a_month_is_closed(bundled: Callable[..., Path]) -> None:
    root = bundled()
    code, out = run(root, "finance", "open", "--cash", "3000.00", "--on", "2026-01-31", "--by", "孙慧")
    assert code == 2, out
    assert "2026-10 已结账：结账封存了由原期初余额得出的余额，不能再改期初。" in out
    assert git(root, "status", "--porcelain") == ""


def test_refused_when_money_is_recorded_before_the_opening_day(bundled: Callable[..., Path]) -> None:
    root = bundled("2026/closes.yaml")
    code, out = run(root, "finance", "open", "--bank", "420000.00", "--on", "2026-03-01", "--by", "孙慧")
    assert code == 2, out
    assert "账户 bank 在 2026-02-" in out and "早于期初日 2026-03-01：期初余额须早于账中的第一笔收支" in out
    assert git(root, "status", "--porcelain") == ""


def test_the_commit_is_signed_by_the_accountants_key(bundled: Callable[..., Path], tmp_path: Path) -> None:
    root = bundled("2026/closes.yaml")
    key = bundled_key(tmp_path / "keys", "accountant-sun-hui")
    code, out = run(
        root, "finance", "open", "--cash", "3000.00", "--bank", "420000.00", "--on", "2026-01-30", "--by", "孙慧",
        "--key", str(key),
    )  # fmt: skip
    assert code == 0, out
    assert '+- {id: cash, name: 现金, opening: "3000.00", opened: 2026-01-30}' in git(root, "show", "HEAD")
    assert out.splitlines()[-1] == "提交已由会计的密钥签名。"
    commit = git(root, "cat-file", "commit", "HEAD")
    assert "gpgsig -----BEGIN SSH SIGNATURE-----" in commit
    allowed = tmp_path / "allowed"
    allowed.write_text("sun@school " + (tmp_path / "keys" / "accountant-sun-hui.pub").read_text(encoding="utf-8"))
    git(root, "config", "gpg.ssh.allowedSignersFile", str(allowed))
    assert git(root, "log", "-1", "--format=%G? %GS").strip() == "G sun@school"
    code, out = run(root, "check")
    assert code == 0, out


def test_the_accountant_signs_by_key_where_policy_says_so(bundled: Callable[..., Path]) -> None:
    root = bundled("2026/closes.yaml")  # require_keys names the accountant, as the template does
    code, out = run(root, "finance", "open", "--cash", "3200.00", "--on", "2026-01-30", "--by", "孙慧")
    assert code == 2, out
    assert (
        "政策要求会计用密钥签字（houqin.yaml 的 policy.signatures.require_keys）：期初余额的提交须由 孙慧 的密钥签名"
        in out
    )
    assert git(root, "status", "--porcelain") == ""


def test_an_opening_the_cashiers_counts_contradict_is_refused(bundled: Callable[..., Path], tmp_path: Path) -> None:
    """The write is checked like any other: 200.00 more cash at the opening than the counts found is FIN007."""
    root = bundled("2026/closes.yaml")
    key = str(bundled_key(tmp_path / "keys", "accountant-sun-hui"))
    code, out = run(root, "finance", "open", "--cash", "3200.00", "--on", "2026-01-31", "--by", "孙慧", "--key", key)
    assert code == 1, out
    assert "对账 DZ-2026-0001：2026-02-28 现金实有 3000.00 元，账面 3200.00 元，相差 -200.00 元" in out
    assert git(root, "status", "--porcelain") == ""


def test_the_same_figures_again_write_nothing(bundled: Callable[..., Path], tmp_path: Path) -> None:
    root = bundled("2026/closes.yaml")  # the bundled books opened with 3,000.00 in cash on 2026-01-31
    key = str(bundled_key(tmp_path / "keys", "accountant-sun-hui"))
    code, out = run(root, "finance", "open", "--cash", "3000.00", "--on", "2026-01-31", "--by", "孙慧", "--key", key)
    assert code == 2 and "这些期初余额（2026-01-31）已在 catalog.yaml 中，与给出的相同：没有要写的。" in out


def test_another_persons_key_is_refused_and_nothing_written(bundled: Callable[..., Path], tmp_path: Path) -> None:
    root = bundled("2026/closes.yaml")
    key = bundled_key(tmp_path / "keys", "cashier-zhao-li")
    before = _head(root)
    code, out = run(
        root, "finance", "open", "--cash", "3000.00", "--on", "2026-01-31", "--by", "孙慧", "--key", str(key)
    )
    assert code == 2, out
    assert "孙慧" in out and "2026-01-31" in out
    assert _head(root) == before and git(root, "status", "--porcelain") == ""

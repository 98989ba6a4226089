"""The command line through Typer's runner: exit codes, messages, and a ledger left unchanged on failure."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BUNDLED, GOOD_ASSET, GOOD_EXPENSE, git

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.yaml")}


def test_check_bundled_ledger_is_silent() -> None:
    assert run("--ledger", str(BUNDLED), "check") == (0, "")


def test_check_defaults_to_bundled_ledger(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("check") == (0, "")


def test_check_reports_errors_with_location_excerpt_and_hint(
    ledger_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = ledger_dir({"2026/expenses.yaml": GOOD_EXPENSE.replace("witness, by: 李主任", "witness, by: 赵出纳")})
    monkeypatch.chdir(root)
    code, out = run("check")
    assert code == 1
    assert out.splitlines() == [
        "2026/expenses.yaml:11: error[SOD002] 出纳 赵出纳 不能作为 证明人(witness) 签字",
        "     11 |   - {role: witness, by: 赵出纳, on: 2026-03-05}",
        "  提示: 出纳只管付款，不作证明也不审批；签字人可撤回这条签字（houqin unsign ID --as 环节 --by 签字人 --reason 理由），或在文件中删去它，再由他人签（houqin expense sign BX-2026-0001 --as witness --by 姓名）。",
        "1 个错误，0 个警告。",
    ]
    code, out = run("--lang", "en", "check")
    assert out.splitlines()[0] == "2026/expenses.yaml:11: error[SOD002] the cashier 赵出纳 may not sign as witness"
    assert out.splitlines()[-1] == "1 error, 0 warnings."  # plural forms (#14): was "1 errors"


def test_check_json(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET.replace('"4999.00"', '"800.00"')})
    code, out = run("--ledger", str(root), "--lang", "en", "check", "--format", "json")
    assert code == 0  # a warning does not fail
    data = json.loads(out)
    assert data["errors"] == 0 and data["warnings"] == 1
    (d,) = data["diagnostics"]
    assert d["code"] == "CAP001" and d["check"] == "capitalisation" and d["line"] == 1
    assert d["message"] == "asset ZC-2026-0001 costs 800.00, below the 1000.00 threshold, with no reason given"


def test_check_named_checks_only(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": GOOD_EXPENSE.replace("witness, by: 李主任", "witness, by: 赵出纳")})
    assert run("--ledger", str(root), "check", "invoice", "signatures") == (0, "")
    assert run("--ledger", str(root), "check", "separation-of-duties")[0] == 1


def test_unreadable_file_exits_2(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": "- id: [\n"})
    code, out = run("--ledger", str(root), "check")
    assert code == 2
    assert "2026/assets.yaml:2: error[YAML001]" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("check", "no-such-check"), "没有名为 no-such-check 的检查"),
        (("--ledger", "/nonexistent/dir", "check"), "不是 houqin 账本"),
        (("--lang", "fr", "check"), "Invalid value for '--lang'"),
        (("asset", "add", "--name", "x"), "Missing option"),
        (("expense", "sign", "BX-2026-9999", "--as", "witness", "--by", "李主任", "--no-commit"), "找不到报销单"),
    ],
)
def test_usage_errors_exit_2_without_traceback(args: tuple[str, ...], needle: str) -> None:
    code, out = run("--ledger", str(BUNDLED), *args) if args[0] != "--ledger" else run(*args)
    assert code == 2
    assert needle in out
    assert "Traceback" not in out


def test_version() -> None:
    code, out = run("--version")
    assert code == 0 and out.startswith("houqin 0.")


def test_every_command_has_help_with_an_example() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "gen_docs", Path(__file__).resolve().parents[1] / "scripts/gen_docs.py"
    )
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    from houqin.cli.app import app

    commands = [c for c in gen.documented(app) if c and c not in (("hook",),)]  # the real command tree, walked
    assert len(commands) >= 20
    for args in commands:
        code, out = run(*args, "--help")
        assert code == 0, args
        assert "Example:" in out, args


@pytest.mark.parametrize("args", [["--help"], ["--lang", "en", "--help"], [], ["--version"]])
def test_the_top_level_help_of_the_bare_groups_is_the_whole_trees(args: list[str]) -> None:
    """`houqin --help` builds its groups bare (name and help, no commands: issue #19 item 2), and says
    exactly what the whole tree says, in both languages, with no arguments too."""
    from houqin.cli.app import build

    whole, bare = runner.invoke(build(), args), runner.invoke(build(shallow=True), args)
    assert (bare.exit_code, bare.output) == (whole.exit_code, whole.output)
    assert args == ["--version"] or "asset" in bare.output


ASSET_ARGS = [
    "asset",
    "add",
    "--name",
    "投影仪",
    "--category",
    "A02010105",
    "--price",
    "4200",
    "--place",
    "SY-301",
    "--keeper",
    "李主任",
    "--date",
    "2026-03-09",
]


def test_asset_add_writes_and_commits(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    code, out = run("--ledger", str(root), *ASSET_ARGS)
    assert code == 0, out
    assert "ZC-2026-0001" in out
    assert git(root, "log", "-1", "--format=%s") == "asset add ZC-2026-0001 投影仪 ×1 @ 4200.00 → SY-301\n"
    assert git(root, "status", "--porcelain") == ""
    code, out = run("--ledger", str(root), *ASSET_ARGS)
    assert "ZC-2026-0002" in out


def test_asset_add_below_threshold_refused_unless_reason(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    before = snapshot(root)
    args = [a if a != "4200" else "300" for a in ASSET_ARGS]
    code, out = run("--ledger", str(root), *args)
    assert code == 1
    assert "单价 300.00 元低于固定资产标准 1000.00 元" in out and "houqin stock in" in out
    assert snapshot(root) == before
    code, out = run("--ledger", str(root), *args, "--reason", "大批同类物资")
    assert code == 0, out
    assert "below_threshold_reason: 大批同类物资" in (root / "2026/assets.yaml").read_text()


def test_asset_add_refused_for_unknown_keeper_names_the_rule(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    before = snapshot(root)
    args = [a if a != "李主任" else "无名氏" for a in ASSET_ARGS]
    code, out = run("--ledger", str(root), *args)
    assert code == 1
    assert "拒绝写入 ZC-2026-0001" in out
    assert "2026/assets.yaml:2: error[REF001] 保管人(keeper) 中的人员 无名氏 不在 people.yaml 中" in out
    assert snapshot(root) == before
    assert not (root / "2026/assets.yaml").exists()


def test_bad_option_values_leave_ledger_unchanged(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    before = snapshot(root)
    for bad in (["--price", "12,34x"], ["--date", "2026-02-30"], ["--quantity", "-2"]):
        args = list(ASSET_ARGS)
        i = args.index(bad[0]) if bad[0] in args else len(args)
        args[i : i + 2] = bad
        code, out = run("--ledger", str(root), *args)
        assert code == 2, (bad, out)
        assert "Traceback" not in out
    assert snapshot(root) == before


EXPENSE_ARGS = [
    "expense",
    "add",
    "--payee",
    "文具店",
    "--amount",
    "1299.50",
    "--budget-line",
    "30201",
    "--purpose",
    "办公用品",
    "--invoice",
    "26442000000012345678",
    "--invoice-date",
    "2026-03-03",
    "--date",
    "2026-03-05",
]


def test_expense_add_and_sign_one_by_one(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    assert run("--ledger", str(root), *EXPENSE_ARGS)[0] == 0
    sign = ["--ledger", str(root), "expense", "sign", "BX-2026-0001"]
    assert run(*sign, "--as", "handler", "--by", "张老师", "--on", "2026-03-05")[0] == 0
    code, out = run(*sign, "--as", "witness", "--by", "赵出纳", "--on", "2026-03-05")
    assert code == 1 and "error[SOD002]" in out
    code, out = run(*sign, "--as", "principal", "--by", "刘副校长", "--on", "2026-03-05")
    assert code == 1 and "error[SIG001] 刘副校长 在 2026-03-05 不具备 校长(principal) 签字资格" in out
    assert run(*sign, "--as", "witness", "--by", "李主任", "--on", "2026-03-05")[0] == 0
    code, out = run(*sign, "--as", "witness", "--by", "李主任", "--on", "2026-03-05")
    assert code == 2 and "已签字" in out
    assert run(*sign, "--as", "principal", "--by", "王校长", "--on", "2026-03-06")[0] == 0
    log = git(root, "log", "--format=%s").splitlines()
    assert log[:4] == [
        "expense sign BX-2026-0001 principal 王校长",
        "expense sign BX-2026-0001 witness 李主任",
        "expense sign BX-2026-0001 handler 张老师",
        "expense add BX-2026-0001 文具店 1299.50 元 (办公用品)",
    ]
    code, out = run("--ledger", str(root), "expense", "list")
    assert "BX-2026-0001" in out and "未付" in out
    assert run("--ledger", str(root), "check") == (0, "")


def test_expense_with_reused_invoice_is_refused(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    code, out = run("--ledger", str(root), *EXPENSE_ARGS)
    assert code == 1
    assert "error[INV002] 发票 26442000000012345678 已在 BX-2026-0001 报销过" in out


def test_no_commit_writes_without_git(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir()
    code, out = run("--ledger", str(root), *ASSET_ARGS)
    assert code == 2 and "不在 git 仓库中" in out
    code, out = run("--ledger", str(root), *ASSET_ARGS, "--no-commit")
    assert code == 0 and "未提交" in out
    assert (root / "2026/assets.yaml").exists()


def test_overview_figures() -> None:
    code, out = run("--ledger", str(BUNDLED), "--lang", "en", "overview", "--at", "2026-11-24")
    assert code == 0
    assert "Claims: 2 awaiting signatures, 0 signed but unpaid" in out
    assert "Loans: 1 not returned, 0 overdue" in out
    assert "Cash advances: 1 open, 2,500.00 yuan" in out
    code, out = run("--ledger", str(BUNDLED), "--lang", "en", "overview", "--at", "2026-12-10")
    assert "Loans: 1 not returned, 1 overdue" in out


def test_shell_completion_script() -> None:
    result = runner.invoke(app, ["--show-completion", "bash"], env={"SHELL": "/bin/bash"})
    assert result.exit_code == 0, (result.output, repr(result.exception))
    assert "complete" in result.output and "houqin" in result.output.lower()


def test_internal_error_is_reported_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr("houqin.services.checking.check_ledger", broken)
    code, out = run("--ledger", str(BUNDLED), "check")
    assert code == 3
    assert "内部错误：ZeroDivisionError: boom" in out and "--debug" in out and "Traceback" not in out
    result = runner.invoke(app, ["--ledger", str(BUNDLED), "--debug", "check"])
    assert isinstance(result.exception, ZeroDivisionError)


@pytest.mark.parametrize("text", ["[]\n", "- id: [broken\n"])
def test_write_refuses_a_file_it_cannot_append_to(git_ledger: Callable[..., Path], text: str) -> None:
    root = git_ledger({"2026/assets.yaml": text})
    code, out = run("--ledger", str(root), *ASSET_ARGS)
    assert code == 2 and "2026/assets.yaml 无法读取" in out
    assert (root / "2026/assets.yaml").read_text() == text


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("stderr", [False, True])
def test_findings_written_plainly_are_what_rich_writes(
    git_ledger: Callable[..., Path],
    lang: str,
    stderr: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A check whose answer goes to no terminal writes its findings and summary without Rich (issue #19
    item 2: the warm check): byte for byte what Rich writes, errors with their lines and hints too."""
    from houqin.render import check_answer
    from houqin.services.checking import check_command

    root = git_ledger()
    (root / "people.yaml").write_text(
        (root / "people.yaml").read_text("utf-8") + "- {name: 王校長, roles: [teacher], joined: 2010-09-01}\n", "utf-8"
    )
    (root / "2026").mkdir(exist_ok=True)
    (root / "2026/loans.yaml").write_text(
        "- {id: JY-2026-0001, date: 2026-03-01, asset: ZC-2026-9999, borrower: 张老师, due: 2026-03-08,"
        " approvals: [{role: keeper, by: 李主任, on: 2026-03-01}]}\n",
        encoding="utf-8",
    )
    found = check_command(root, None, staged=False, with_keys=False, use_cache=False, full=False)
    assert {d.severity for d in found} == {"error", "warning"}
    check_answer.show_findings(found, False, lang, root, stderr)
    plain = capsys.readouterr()
    monkeypatch.setattr(check_answer, "plain_stream", lambda _stream, _summary: False)
    check_answer.show_findings(found, False, lang, root, stderr)
    assert capsys.readouterr() == plain and (plain.err if stderr else plain.out).count("\n") > 5


@pytest.mark.parametrize("committed", [True, False])
def test_a_write_said_plainly_is_what_rich_says(
    tmp_path: Path, committed: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from houqin.render import plain

    message = "asset add ZC-2026-0009 投影仪 ×1 @ 4200.00 → JX-101"
    for lang in ("zh", "en"):
        plain.print_written("ZC-2026-0009", tmp_path / "2026/assets.yaml", message, committed, lang, tmp_path)
    said = capsys.readouterr()
    monkeypatch.setattr(plain, "plain_stream", lambda *_args: False)
    for lang in ("zh", "en"):
        plain.print_written("ZC-2026-0009", tmp_path / "2026/assets.yaml", message, committed, lang, tmp_path)
    assert capsys.readouterr() == said and said.out.count("\n") == 4
    assert not plain.plain_stream(sys.stdout, "[bold]x[/]") and not plain.plain_stream(sys.stdout, "x" * 200)


@pytest.mark.parametrize(
    ("args", "status"), [(["check", "--format", "json"], 141), (["asset", "list"], 141), (["--help"], 1)]
)
def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path: Path, args: list[str], status: int) -> None:
    """`houqin … | head`: the output's reader gone, a command ends with the status a closed pipe gives
    (141; the help, which Click prints itself, with Click's 1), saying nothing — no internal error, no
    traceback — and the ledger as it was."""
    import shutil
    import subprocess

    root = tmp_path / "ledgers"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    before = {p: p.read_bytes() for p in root.rglob("*.yaml")}
    cmd = [sys.executable, "-m", "houqin", "--ledger", str(root), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before a word is written
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == status, err
    assert err == ""
    assert {p: p.read_bytes() for p in root.rglob("*.yaml")} == before

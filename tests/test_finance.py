"""Money (R9-R16, R31): receipts, fees, cash, balances, the budget, advances, and the monthly close —
each rule with a ledger that breaks it; the close and its report end to end in a real git repository."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import BASE, BUNDLED, GOOD_EXPENSE, git
from tests.test_rules import lines

NOTICE = """\
- id: GS-2026-0001
  date: 2026-02-21
  term: 2025-2026-2
  items:
  - {id: workbook, name: 作业本费, amount: "35.00", basis: 青价费〔2025〕8号}
  published: 2026-02-21
  where: 校门公示栏
  approvals:
  - {role: principal, by: 王校长, on: 2026-02-21}
"""
FEE = """\
- id: SR-2026-0001
  date: 2026-03-09
  kind: fee
  amount: "1400.00"
  account: bank
  payer: 一年级(1)班
  received_by: 赵出纳
  fee_item: workbook
  class: 一年级(1)班
  students: 40
"""
CASH_IN = """\
- id: SR-2026-0001
  date: 2026-03-09
  kind: other
  amount: "300.00"
  account: cash
  payer: 废品回收站
  received_by: 赵出纳
  purpose: 废旧报纸变卖
"""
ADVANCE = """\
- id: JK-2026-0001
  date: 2026-03-01
  person: 张老师
  amount: "2000.00"
  purpose: 赴市里教研
  approvals:
  - {role: principal, by: 王校长, on: 2026-03-01}
  payment: {on: 2026-03-01, by: 赵出纳, account: cash}
"""
SETTLED = ADVANCE + '  settlement: {on: 2026-03-20, cash_returned: "2000.00"}\n'
COUNT = '- id: DZ-2026-0001\n  date: 2026-03-31\n  account: cash\n  amount: "5250.00"\n  by: 赵出纳\n'
CANTEEN_IN = """\
- id: SR-2026-0001
  date: 2026-03-06
  kind: canteen
  amount: "2000.00"
  account: canteen
  payer: 学生伙食费
  received_by: 赵出纳
"""


def test_clean_money(ledger_dir: Callable[..., Path]) -> None:
    files = {
        "2026/fee-notices.yaml": NOTICE,
        "2026/income.yaml": FEE,
        "2026/advances.yaml": SETTLED,
        "2026/expenses.yaml": GOOD_EXPENSE,
    }
    assert lines(ledger_dir(files)) == []


FINANCE_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "FIN001 cash below zero",
        {
            "2026/transfers.yaml": "- id: ZZ-2026-0001\n  date: 2026-03-01\n  from_account: cash\n  to_account: bank\n"
            '  amount: "6000.00"\n  by: 赵出纳\n'
        },
        ["2026/transfers.yaml:1: error[FIN001] 现金余额在 2026-03-01 为 -1000.00 元：账户余额不能为负"],
    ),
    (
        "FIN002 spent on the spot",
        {"2026/income.yaml": CASH_IN + '  deductions:\n  - {purpose: 买茶叶, amount: "50.00"}\n'},
        ["2026/income.yaml:10: error[FIN002] 收入 SR-2026-0001 中坐支 50.00 元（买茶叶）：收支两条线，不得坐收坐支"],
    ),
    (
        "FIN003 fee never published",
        {"2026/income.yaml": FEE},
        [
            "2026/income.yaml:1: error[FIN003] 收费 SR-2026-0001 的收费项目 workbook 在 2026-03-09 前没有经校长批准并公示"
        ],
    ),
    (
        "FIN003 notice not approved",
        {"2026/fee-notices.yaml": NOTICE.split("  approvals:")[0], "2026/income.yaml": FEE},
        [
            "2026/income.yaml:1: error[FIN003] 收费 SR-2026-0001 的收费项目 workbook 在 2026-03-09 前没有经校长批准并公示"
        ],
    ),
    (
        "FIN004 fee without class and students",
        {"2026/fee-notices.yaml": NOTICE, "2026/income.yaml": FEE.replace("  students: 40\n", "")},
        ["2026/income.yaml:1: error[FIN004] 收费 SR-2026-0001（作业本费）须写明班级(class)和人数(students)"],
    ),
    (
        "FIN005 more than published",
        {"2026/fee-notices.yaml": NOTICE, "2026/income.yaml": FEE.replace('"1400.00"', '"1600.00"')},
        [
            "2026/income.yaml:1: error[FIN005] 收费 SR-2026-0001 金额 1600.00 元，与公示标准不符：40 人 × 35.00 元 = 1400.00 元"
        ],
    ),
    (
        "FIN006 cash taken by a teacher",
        {"2026/income.yaml": CASH_IN.replace("received_by: 赵出纳", "received_by: 张老师")},
        ["2026/income.yaml:1: error[FIN006] SR-2026-0001 的现金由 张老师 经手（2026-03-09），但现金只能由出纳员办理"],
    ),
    (
        "FIN007 count differs from the books",
        {
            "2026/income.yaml": CASH_IN,
            "2026/assertions.yaml": '- id: DZ-2026-0001\n  date: 2026-03-31\n  account: cash\n  amount: "5250.00"\n  by: 赵出纳\n',
        },
        [
            "2026/assertions.yaml:1: error[FIN007] 对账 DZ-2026-0001：2026-03-31 现金实有 5250.00 元，账面 5300.00 元，相差 -50.00 元"
        ],
    ),
    (
        "FIN008 canteen makes a profit",
        {
            "2026/income.yaml": CANTEEN_IN,
            "2026/expenses.yaml": GOOD_EXPENSE.replace("account: bank", "account: canteen"),
        },
        [
            "catalog.yaml: warning[FIN008] 学期 2025-2026-2 食堂收支结余 700.50 元，超过食堂收入 2000.00 元的 3%："
            "食堂应零盈利"
        ],
    ),
    (
        "BUD001 beyond the budget",
        {
            "catalog.yaml": BASE["catalog.yaml"].replace('amount: "50000.00"', 'amount: "1000.00"'),
            "2026/expenses.yaml": GOOD_EXPENSE,
        },
        [
            "2026/expenses.yaml:1: error[BUD001] 报销单 BX-2026-0001 使预算科目 30201 办公费 2026 年支出达 1299.50 元，超过预算 1000.00 元"
        ],
    ),
    (
        "BUD002 adjustment without the principal",
        {
            "2026/budget-adjustments.yaml": '- id: TZ-2026-0001\n  date: 2026-03-01\n  budget_line: "30201"\n'
            '  year: 2026\n  amount: "5000.00"\n  reason: 暑期维修\n'
        },
        ["2026/budget-adjustments.yaml:1: error[BUD002] 预算调整 TZ-2026-0001（30201）没有校长批准，不计入预算"],
    ),
    (
        "ADV001 open too long",
        {"2026/advances.yaml": ADVANCE},
        ["2026/advances.yaml:1: warning[ADV001] 借款 JK-2026-0001（张老师，2000.00 元）已 247 天未结清（节假日不计）"],
    ),
    (
        "ADV002 left holding an advance",
        {"2026/advances.yaml": ADVANCE.replace("person: 张老师", "person: 陈老师").replace("2026-03-01", "2026-02-20")},
        [
            "2026/advances.yaml:1: warning[ADV001] 借款 JK-2026-0001（陈老师，2000.00 元）已 253 天未结清（节假日不计）",
            "2026/advances.yaml:1: error[ADV002] 陈老师 于 2026-03-01 离校，借款 JK-2026-0001 未在此前结清",
        ],
    ),
    (
        "ADV003 settlement does not add up",
        {"2026/advances.yaml": SETTLED.replace('cash_returned: "2000.00"', 'cash_returned: "1500.00"')},
        [
            "2026/advances.yaml:1: error[ADV003] 借款 JK-2026-0001 2000.00 元，结清时报销 0.00 元、退回 1500.00 元，不相符"
        ],
    ),
    (
        "FIN009 a cash shortage awaiting the principal",
        {"2026/income.yaml": CASH_IN, "2026/assertions.yaml": COUNT.replace("  by:", '  books: "5300.00"\n  by:')},
        [
            "2026/assertions.yaml:1: warning[FIN009] 对账 DZ-2026-0001：2026-03-31 现金短缺 50.00 元"
            "（实点 5250.00 元，账面 5300.00 元），尚待校长决定如何处理"
        ],
    ),
    (
        "FIN010 a shortage decided by someone other than the principal",
        {
            "2026/income.yaml": CASH_IN,
            "2026/assertions.yaml": COUNT.replace("  by:", '  books: "5300.00"\n  by:')
            + "  decision: {on: 2026-04-01, by: 李主任, decision: 核销}\n",
        },
        [
            "2026/assertions.yaml:1: error[FIN010] 对账 DZ-2026-0001 的短缺/溢余由 李主任 决定（2026-04-01），但只有校长能决定"
        ],
    ),
    (
        "FIN011 the same count twice",
        {
            "2026/income.yaml": CASH_IN,
            "2026/assertions.yaml": COUNT.replace('"5250.00"', '"5300.00"')
            + COUNT.replace('"5250.00"', '"5300.00"').replace("0001", "0002"),
        },
        [
            "2026/assertions.yaml:6: error[FIN011] 对账 DZ-2026-0002 与 DZ-2026-0001 重复：2026-03-31 现金已清点为 5300.00 元",
        ],
    ),
    (
        "FIN012 a count by someone other than the cashier",
        {
            "2026/income.yaml": CASH_IN,
            "2026/assertions.yaml": COUNT.replace('"5250.00"', '"5300.00"').replace("by: 赵出纳", "by: 张老师"),
        },
        ["2026/assertions.yaml:1: error[FIN012] 对账 DZ-2026-0001 由 张老师 清点，但 张老师 在 2026-03-31 不是出纳"],
    ),
    (
        "CLS005 reopened without the principal",
        {"2026/reopens.yaml": "- id: KZ-2026-0001\n  date: 2026-04-10\n  month: 2026-03\n  reason: 补记\n"},
        ["2026/reopens.yaml:1: error[CLS005] 重新开账 KZ-2026-0001（2026-03）没有校长批准"],
    ),
    (
        "CLS006 a month left open",
        {"houqin.yaml": BASE["houqin.yaml"].replace("        terms:", "        started: 2026-10-01\n        terms:")},
        ["houqin.yaml: warning[CLS006] 2026-10 已过结账期限（月末后 10 天）仍未结账"],
    ),
]


@pytest.mark.parametrize(("name", "files", "expected"), FINANCE_CASES, ids=[c[0] for c in FINANCE_CASES])
def test_finance_rule(ledger_dir: Callable[..., Path], name: str, files: dict[str, str], expected: list[str]) -> None:
    assert lines(ledger_dir(files)) == expected


# --- the monthly close, in a real git repository


def month_end(root: Path, month: str, cash: str, bank: str) -> None:
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.models.closing import month_bounds

    _first, last = month_bounds(month)
    runner = CliRunner()
    for account, amount in (("cash", cash), ("bank", bank)):
        result = runner.invoke(app, ["--ledger", str(root), "finance", "assert", account, amount, "--on", str(last), "--by", "赵出纳"])  # fmt: skip
        assert result.exit_code == 0, result.output


def close(root: Path, month: str, *extra: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), "finance", "close", month, "--by", "孙老师", *extra])
    return result.exit_code, result.output


def test_close_refused_then_closed_then_tamper_caught(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    code, out = close(root, "2026-03")
    assert code == 1
    assert "2026-03 不能结账" in out
    assert "上月 2026-02 尚未结账" in out
    assert "cash 缺少 2026-03-31 的对账余额" in out and "bank 缺少 2026-03-31 的对账余额" in out
    month_end(root, "2026-02", "5000.00", "200000.00")
    assert close(root, "2026-02")[0] == 0
    month_end(root, "2026-03", "5000.00", "198700.50")
    code, out = close(root, "2026-03", "--format", "md")
    assert code == 0, out
    assert "已提交：finance close 2026-03 JZ-2026-0002" in out
    assert "| 银行存款 | 200,000.00 | 0.00 | 1,299.50 | 198,700.50 |" in out
    assert git(root, "status", "--porcelain") == ""
    # A quiet edit of the closed month — even committed with --no-verify — is caught by check.
    path = root / "2026/expenses.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('"1299.50"', '"1299.00"', 1), encoding="utf-8")
    refused = git_commit(root)
    assert "error[CLS001] BX-2026-0001 属于已结账的 2026-03（JZ-2026-0002），结账后被修改" in refused
    git(root, "checkout", "--", ".")
    # Reopening needs the principal; after it the month may change, and be closed again.
    from typer.testing import CliRunner

    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), "finance", "reopen", "2026-03", "--reason", "补记", "--approved-by", "王校长"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert lines(root) == []


def test_a_months_errors_stand_in_the_way_of_its_close_and_no_other_months(git_ledger: Callable[..., Path]) -> None:
    """The errors about the month's records refuse its close, counted (R16); an error in a later month
    does not keep an earlier one open."""
    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    month_end(root, "2026-02", "5000.00", "200000.00")
    month_end(root, "2026-03", "5000.00", "198700.50")
    claims = root / "2026/expenses.yaml"  # the March claim's witness made its handler (SOD001), uncommitted
    claims.write_text(claims.read_text(encoding="utf-8").replace("by: 李主任", "by: 张老师"), encoding="utf-8")
    code, out = close(root, "2026-02", "--no-commit")
    assert code == 0, out
    code, out = close(root, "2026-03")
    assert code == 1, out
    assert "2026-03 不能结账" in out and "本月记录有 1 个错误（houqin check）" in out, out


def test_the_report_a_close_prints_is_the_months_report_read_afresh(git_ledger: Callable[..., Path]) -> None:
    """The close prints the month's report from the books as its write left them (not read again): the
    same report, figure by figure, as `finance report` reading the committed files."""
    import json

    from typer.testing import CliRunner

    from houqin.cli.app import app

    root = git_ledger({"2026/expenses.yaml": GOOD_EXPENSE})
    month_end(root, "2026-02", "5000.00", "200000.00")
    assert close(root, "2026-02")[0] == 0
    month_end(root, "2026-03", "5000.00", "198700.50")
    code, out = close(root, "2026-03", "--format", "json")
    assert code == 0, out
    printed = json.loads(out[out.index("{") :])
    result = CliRunner().invoke(app, ["--ledger", str(root), "finance", "report", "2026-03", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert printed == json.loads(result.output)
    assert printed["sections"]["accounts"]["rows"]  # a report with figures in it
    assert printed["closed_by"] == "JZ-2026-0002"  # and the close just written


def git_commit(root: Path) -> str:
    import os
    import subprocess

    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@x"}  # fmt: skip
    proc = subprocess.run(["git", "commit", "-qam", "edit"], cwd=root, capture_output=True, text=True, env=env, check=False)  # fmt: skip
    assert proc.returncode != 0
    return proc.stdout + proc.stderr


def test_added_and_removed_records_and_an_altered_close(ledger_dir: Callable[..., Path]) -> None:
    """CLS002 (added after the close), CLS003 (removed), CLS004 (the close itself altered)."""
    from houqin.checks.engine import run_checks
    from houqin.ledger.load import load_ledger
    from houqin.ledger.roundtrip import render_records
    from houqin.services.finance import close_month

    assertions = (
        '- id: DZ-2026-0001\n  date: 2026-02-28\n  account: cash\n  amount: "5000.00"\n  by: 赵出纳\n'
        '- id: DZ-2026-0002\n  date: 2026-02-28\n  account: bank\n  amount: "200000.00"\n  by: 赵出纳\n'
    )
    root = ledger_dir({"2026/assertions.yaml": assertions})
    loaded = load_ledger(root)
    sealed = close_month(loaded.ledger, "2026-02", "孙老师", dt.date(2026, 3, 5), run_checks(loaded))
    (root / "2026/closes.yaml").write_text(render_records([sealed]), encoding="utf-8")
    assert lines(root) == []
    late = GOOD_EXPENSE.replace("2026-03-05", "2026-02-25").replace("2026-03-06", "2026-02-26").replace("2026-03-07", "2026-02-27").replace("2026-03-03", "2026-02-24")  # fmt: skip
    (root / "2026/expenses.yaml").write_text(late, encoding="utf-8")
    assert lines(root) == [
        # the month's sealed bank balance no longer holds either
        "2026/assertions.yaml:6: error[FIN007] 对账 DZ-2026-0002：2026-02-28 银行存款实有 200000.00 元，账面 198700.50 元，"
        "相差 1299.50 元",
        "2026/expenses.yaml:1: error[CLS002] BX-2026-0001 日期在已结账的 2026-02（JZ-2026-0001），是结账后补入的",
    ]
    (root / "2026/expenses.yaml").unlink()
    counts = root / "2026/stocktakes.yaml"
    original = counts.read_text(encoding="utf-8")
    counts.write_text(
        original.replace("date: 2026-02-21", "date: 2026-03-02"), encoding="utf-8"
    )  # moved out of February
    found = lines(root)
    assert "2026/closes.yaml:1: error[CLS003] PD-2026-0001 在 2026-02 结账（JZ-2026-0001）时存在，现已被删除" in found
    counts.write_text(original, encoding="utf-8")
    closes = (root / "2026/closes.yaml").read_text(encoding="utf-8")
    (root / "2026/closes.yaml").write_text(
        closes.replace("records: 3", "records: 3\n  previous: abc"), encoding="utf-8"
    )
    assert lines(root) == [
        "2026/closes.yaml:1: error[CLS004] 结账记录 JZ-2026-0001（2026-02）的摘要与前后不衔接，结账记录被改动过"
    ]


# --- the report, figure by figure, on the bundled ledger


def test_march_report_figure_by_figure() -> None:
    from houqin.ledger.load import load_ledger
    from houqin.models.money_flow import flows
    from houqin.models.records import BalanceAssertion, Income, Reimbursement
    from houqin.reports.finance import month_report

    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    r = month_report(ledger, "2026-03")
    assert r.closed_by == "JZ-2026-0002"
    # Every figure recomputed from the records themselves, independently of the report's own code.
    march = [x for x in ledger.all_records() if x.date.strftime("%Y-%m") == "2026-03"]
    income = [x for x in march if isinstance(x, Income)]
    assert r.total_income == sum((x.amount for x in income), Decimal(0)) + sum(
        (f.amount for f in flows(ledger) if f.what == "advance-return" and f.date.strftime("%Y-%m") == "2026-03"),
        Decimal(0),
    )
    fees = {x.key: x for x in r.fees}
    assert fees["workbook-2025-2026-2"].amount == sum((x.amount for x in income if x.kind == "fee"), Decimal(0))
    assert fees["workbook-2025-2026-2"].count == sum(x.students or 0 for x in income if x.kind == "fee")
    paid = [
        x for x in ledger.records(Reimbursement)
        if isinstance(x, Reimbursement) and x.payment and x.payment.on.strftime("%Y-%m") == "2026-03"
    ]  # fmt: skip
    by_line: dict[str, Decimal] = {}
    for x in paid:
        by_line[x.budget_line] = by_line.get(x.budget_line, Decimal(0)) + x.amount
    assert {s.key: s.amount for s in r.spending} == by_line
    accounts = {a.account: a for a in r.accounts}
    for a in accounts.values():
        assert a.closing == a.opening + a.received - a.paid
    assert accounts["bank"].opening == Decimal("420000.00") + sum(
        (
            f.amount
            for f in flows(ledger)
            if f.account == "bank" and dt.date(2026, 1, 31) < f.date < dt.date(2026, 3, 1)
        ),
        Decimal(0),
    )
    asserted = {
        x.account: x.amount
        for x in ledger.records(BalanceAssertion)
        if str(x.date) == "2026-03-31"  # type: ignore[attr-defined]
    }
    assert {k: accounts[k].closing for k in asserted} == asserted
    assert r.canteen_income == Decimal("46800.00") and r.canteen_result == Decimal("46800.00") - r.canteen_spending


def test_public_report_names_no_student_guardian_or_staff(tmp_path: Path) -> None:
    """财务公开: scan every public output of every closed month for every person the ledger names."""
    from houqin.ledger.load import load_ledger
    from houqin.models.records import Damage
    from houqin.render.finance import report_html, report_json, report_markdown, report_xlsx
    from houqin.reports.finance import month_report

    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    names = {p.name for p in ledger.people}
    for d in ledger.records(Damage):
        assert isinstance(d, Damage)
        names.add(d.responsible.name)
        if d.responsible.guardian:
            names.add(d.responsible.guardian)
    assert "王小明" in names and "王建军" in names
    for month in [f"2026-{m:02d}" for m in range(2, 12)]:
        r = month_report(ledger, month, public=True)
        xlsx = tmp_path / f"{month}.xlsx"
        report_xlsx(r, "zh", xlsx)
        from openpyxl import load_workbook

        cells = " ".join(str(c) for ws in load_workbook(xlsx).worksheets for row in ws.iter_rows(values_only=True) for c in row if c)  # fmt: skip
        for text in (report_markdown(r, "zh"), report_html(r, "zh"), report_json(r, "zh"), cells):
            leaked = sorted(n for n in names if n in text)
            assert leaked == [], f"{month}: {leaked}"
    private = report_markdown(month_report(ledger, "2026-11"), "zh")
    assert "王小明" in private  # the principal's report does name who pays compensation


def test_money_commands_end_to_end(git_ledger: Callable[..., Path]) -> None:
    """The cashier's day through the CLI: a claim paid only once signed, an advance paid only once the
    principal approved it and settled exactly, a fee only after its notice is approved."""
    from typer.testing import CliRunner

    from houqin.cli.app import app

    unsigned = GOOD_EXPENSE.split("  approvals:")[0]
    root = git_ledger({"2026/expenses.yaml": unsigned})
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args])
        return result.exit_code, result.output

    code, out = run("expense", "pay", "BX-2026-0001", "--by", "赵出纳", "--on", "2026-03-07")
    assert code == 1 and "error[APR001]" in out  # 方准报销: not before the three signatures
    for step, by in (("handler", "张老师"), ("witness", "李主任"), ("principal", "王校长")):
        assert run("expense", "sign", "BX-2026-0001", "--as", step, "--by", by, "--on", "2026-03-05")[0] == 0
    code, out = run("expense", "pay", "BX-2026-0001", "--by", "赵出纳", "--on", "2026-03-07")
    assert code == 0, out

    assert run("advance", "request", "--person", "张老师", "--amount", "800", "--purpose", "教研", "--date", "2026-03-10")[0] == 0  # fmt: skip
    code, out = run("advance", "pay", "JK-2026-0001", "--by", "赵出纳", "--on", "2026-03-10")
    assert code == 1 and "error[APR001]" in out  # 没有校长批准出纳员有权拒付
    assert run("advance", "approve", "JK-2026-0001", "--by", "王校长", "--on", "2026-03-10")[0] == 0
    assert run("advance", "pay", "JK-2026-0001", "--by", "赵出纳", "--on", "2026-03-10")[0] == 0
    code, out = run("advance", "settle", "JK-2026-0001", "--returned", "700", "--on", "2026-03-20")
    assert code == 1 and "error[ADV003]" in out
    assert run("advance", "settle", "JK-2026-0001", "--returned", "800", "--on", "2026-03-20")[0] == 0

    code, out = run("income", "add", "fee", "--fee-item", "workbook", "--class", "一年级(1)班", "--students", "2",
                    "--amount", "70.00", "--payer", "一年级(1)班", "--by", "赵出纳", "--date", "2026-03-09")  # fmt: skip
    assert code == 1 and "error[FIN003]" in out
    assert run("fee", "publish", "--term", "2025-2026-2", "--item", "workbook:作业本费:35.00", "--where", "公示栏", "--published", "2026-03-01")[0] == 0  # fmt: skip
    assert run("sign", "GS-2026-0001", "--as", "principal", "--by", "王校长", "--on", "2026-03-01")[0] == 0
    code, out = run("income", "add", "fee", "--fee-item", "workbook", "--class", "一年级(1)班", "--students", "2",
                    "--amount", "70.00", "--payer", "一年级(1)班", "--by", "赵出纳", "--date", "2026-03-09")  # fmt: skip
    assert code == 0, out
    code, out = run("finance", "transfer", "bank", "cash", "--amount", "500", "--by", "赵出纳", "--on", "2026-03-11")
    assert code == 0, out
    assert run("check") == (0, "")
    assert git(root, "status", "--porcelain") == ""
    code, out = run("budget", "show", "--at", "2026-03-31")
    assert code == 0 and "30201 办公费" in out and "1,299.50" in out and "48,700.50" in out
    code, out = run("budget", "show", "--at", "2026-03-04")  # the day before the claim: nothing spent yet
    assert code == 0 and "1,299.50" not in out

"""houqin due (issue #17, item 7): what is due or overdue, for whom, with the command that settles it;
exit 1 when anything is overdue (a daily cron job), 0 on a clean ledger; the overview's summary line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import GOOD_ASSET, GOOD_EXPENSE, write_ledger

runner = CliRunner()

COUNTED = """\
    - id: PD-2026-0001
      date: 2026-02-21
      term: 2025-2026-2
      at: term-start
      places: [SY-301, JX-101]
      counted_by: [李主任]
    - id: PD-2026-0002
      date: 2026-07-08
      term: 2025-2026-2
      places: [SY-301, JX-101]
      counted_by: [李主任]
    """
LATE = {
    "2026/stocktakes.yaml": COUNTED,
    "2026/assets.yaml": GOOD_ASSET,
    "2026/loans.yaml": """\
        - id: JY-2026-0001
          date: 2026-11-02
          asset: ZC-2026-0001
          borrower: 张老师
          due: 2026-11-10
          approvals:
          - {role: keeper, by: 李主任, on: 2026-11-02}
        """,
    "2026/advances.yaml": """\
        - id: JK-2026-0001
          date: 2026-09-01
          person: 张老师
          amount: "800.00"
          purpose: 参加教研活动
          approvals:
          - {role: principal, by: 王校长, on: 2026-09-01}
          payment: {on: 2026-09-02, by: 赵出纳, account: cash}
        """,
    "2026/repairs.yaml": """\
        - id: WX-2026-0001
          date: 2026-10-01
          place: JX-101
          reporter: 张老师
          fault: 灯管不亮
        """,
    "2026/expenses.yaml": GOOD_EXPENSE.replace("  payment: {on: 2026-03-07, by: 赵出纳, account: bank}\n", "")
    + GOOD_EXPENSE.replace("BX-2026-0001", "BX-2026-0002")
    .replace("26442000000012345678", "26442000000012345679")
    .replace("2026-03-", "2026-11-")
    .replace("  - {role: principal, by: 王校长, on: 2026-11-06}\n", "")
    .replace("  payment: {on: 2026-11-07, by: 赵出纳, account: bank}\n", ""),
}


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def test_a_clean_ledger_has_nothing_due(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/stocktakes.yaml": COUNTED, "2026/expenses.yaml": GOOD_EXPENSE})
    code, out = run(root, "due")
    assert code == 0, out
    assert "没有到期或逾期的事项" in out
    code, out = run(root, "due", "--format", "json")
    assert code == 0 and json.loads(out)["items"] == []


def test_what_is_overdue_exits_1_with_the_command_that_settles_it(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", LATE)
    code, out = run(root, "--lang", "en", "due", "--format", "json")
    assert code == 1, out
    doc = json.loads(out)
    assert doc["schema"] == "houqin.due/1" and doc["at"] == "2026-11-24"
    items = {(i["what"], i["record"]): i for i in doc["items"]}
    loan = items["loan", "JY-2026-0001"]
    assert loan["person"] == "张老师" and loan["due"] == "2026-11-10" and loan["days_late"] == 14 and loan["overdue"]
    assert loan["command"] == "houqin asset return JY-2026-0001 --received-by …"
    advance = items["advance", "JK-2026-0001"]
    assert advance["due"] == "2026-10-02" and advance["overdue"]  # paid 09-02 + 30 days
    assert items["repair", "WX-2026-0001"]["due"] == "2026-10-15"  # 14 days
    unpaid = items["unpaid", "BX-2026-0001"]
    assert unpaid["person"] == "赵出纳" and unpaid["due"] == "2026-04-10"  # the month's close: 03-31 + 10
    assert unpaid["command"] == "houqin expense pay BX-2026-0001 --by 赵出纳"
    awaited = [i for i in doc["items"] if i["what"] == "signature"]
    assert {i["person"] for i in awaited} == {"王校长", "孙老师"}  # both principals on that day (conftest)
    assert all(i["record"] == "BX-2026-0002" and i["step"] == "principal" and not i["overdue"] for i in awaited)
    assert "houqin sign BX-2026-0002 --as principal --by 王校长" in {i["command"] for i in awaited}
    assert doc["overdue"] == 4
    assert [i["overdue"] for i in doc["items"]] == sorted((i["overdue"] for i in doc["items"]), reverse=True)


def test_one_persons_list(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", LATE)
    code, out = run(root, "due", "--person", "王校长", "--format", "json")
    assert code == 0, out  # the principal's one signature is not late yet
    assert [(i["what"], i["record"]) for i in json.loads(out)["items"]] == [("signature", "BX-2026-0002")]
    code, out = run(root, "due", "--person", "张老师")
    assert code == 1 and "JY-2026-0001" in out and "逾期 14 天" in out and "BX-2026-0002" not in out
    code, out = run(root, "due", "--person", "无名氏")
    assert code == 2


def test_a_month_left_open_and_a_term_not_counted(tmp_path: Path) -> None:
    config = "schema: 1\nschool:\n  name: 测试小学\nstarted: 2026-09-01\nterms:\n  - {id: 2026-2027-1, start: 2026-09-01, end: 2027-01-20}\n"
    root = write_ledger(tmp_path / "l", {"houqin.yaml": config, "2026/stocktakes.yaml": None})
    code, out = run(root, "due", "--format", "json")
    assert code == 1
    items = json.loads(out)["items"]
    months = [i["record"] for i in items if i["what"] == "month"]
    assert months == ["2026-09", "2026-10"]
    assert [i["due"] for i in items if i["what"] == "month"] == ["2026-10-10", "2026-11-10"]  # end + 10 days
    count = next(i for i in items if i["what"] == "count")
    assert count["record"] == "2026-2027-1 term-start" and count["about"].startswith("2: ")


def test_the_overview_shows_the_same_summary(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", LATE)
    code, out = run(root, "overview")
    assert code == 0
    assert "到期待办：逾期 4 项" in out and "借用归还 1（逾期 1）" in out and "houqin due" in out

"""The school calendar (校历, R45): national holidays and make-up days from houqin.yaml govern the daily
rounds (PAT001), loans' due days, repairs' and advances' days; a term in a year the calendar lacks is
warned (CAL001)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.models.calendar import DEFAULT_CALENDAR, Holiday, SchoolCalendar
from houqin.models.config import Config
from tests.conftest import BASE, git
from tests.test_rules import lines

D = dt.date
NO_2026 = (
    BASE["houqin.yaml"].rstrip(" ")
    + """\
        calendar:
          source: 本校自定
          holidays:
            - {name: 元旦, start: 2025-01-01, end: 2025-01-01}
        """
)

# A school that has entered only 2025's notice and no term of 2026 yet: today (2026-11-24) is in a year
# in use without its notice.
NO_TERM_2026 = """\
schema: 1
school:
  name: 测试小学
terms: []
calendar:
  notices:
    - {year: 2025, title: 国务院办公厅关于2025年部分节假日安排的通知}
  holidays:
    - {name: 元旦, start: 2025-01-01, end: 2025-01-01}
"""

CALENDAR_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "CAL001 a term in a year the calendar has no holidays for",
        {"houqin.yaml": NO_2026},
        [
            "houqin.yaml: warning[CAL001] 学期 2025-2026-2 已到 2026 年，但校历(calendar)中没有国务院办公厅 2026 年的放假安排"
            "（该年只按周末计算休息日，巡视、各项期限会把节假日算作上课日）"
        ],
    ),
    (
        "CAL002 a record dated in a year the calendar has no notice for, outside every term",
        {"houqin.yaml": NO_TERM_2026, "2026/stocktakes.yaml": None},
        [
            "houqin.yaml: warning[CAL002] 账本已用到 2026 年（有该年的记录，或今天在该年），但校历(calendar)中没有国务院办公厅"
            " 2026 年的放假安排（该年只按周末计算休息日）"
        ],
    ),
]


def test_calendar_rules(ledger_dir: Callable[..., Path]) -> None:
    for name, files, expected in CALENDAR_CASES:
        assert lines(ledger_dir(files, name=name.split()[0])) == expected, name


def test_working_days_skip_holidays_and_count_make_up_days() -> None:
    cal = DEFAULT_CALENDAR
    assert not cal.working(D(2026, 10, 1))  # 国庆 (Thursday)
    assert cal.working(D(2026, 10, 10))  # 调休 Saturday
    assert not cal.working(D(2026, 10, 11))  # an ordinary Sunday
    assert cal.working(D(2026, 9, 24)) and not cal.working(D(2026, 9, 25))  # 中秋 on a Friday
    days = cal.working_days(D(2026, 9, 28), D(2026, 10, 11))
    assert days == [D(2026, 9, 28), D(2026, 9, 29), D(2026, 9, 30), D(2026, 10, 8), D(2026, 10, 9), D(2026, 10, 10)]


def test_limits_stop_during_holidays_and_due_days_move_on() -> None:
    cal = DEFAULT_CALENDAR
    assert cal.elapsed(D(2026, 9, 30), D(2026, 10, 8)) == 1  # 8 days, seven of them 国庆
    assert cal.elapsed(D(2026, 3, 2), D(2026, 3, 16)) == 14  # no holiday: every day counts
    assert cal.elapsed(D(2026, 3, 16), D(2026, 3, 2)) == -14
    assert cal.due(D(2026, 10, 3)) == D(2026, 10, 8)  # due in the holiday: the first working day after
    assert cal.due(D(2026, 3, 7)) == D(2026, 3, 9)  # a Saturday: Monday
    assert cal.due(D(2026, 2, 28)) == D(2026, 2, 28)  # a 调休 Saturday is a working day


def test_a_calendar_written_by_the_school_replaces_the_default() -> None:
    own = SchoolCalendar(holidays=(Holiday(name="校庆", start=D(2026, 3, 2), end=D(2026, 3, 2)),))
    config = Config.model_validate({"school": {"name": "x"}, "calendar": own.model_dump()})
    assert not config.calendar.working(D(2026, 3, 2)) and config.calendar.working(D(2026, 10, 1))
    assert Config.model_validate({"school": {"name": "x"}}).calendar == DEFAULT_CALENDAR


def test_the_template_ships_the_default_calendar() -> None:
    """houqin init writes the calendar the models default to: the two never drift apart."""
    from houqin.ledger.yamlio import parse

    template = (Path(__file__).parents[1] / "houqin" / "templates" / "houqin.yaml").read_text("utf-8")
    text = template.format(school="x", y0=2026, y1=2027, y=2026, today="2026-09-01")
    data, problem = parse(text.encode("utf-8"))
    assert problem is None
    config = Config.model_validate(data)
    assert config.calendar == DEFAULT_CALENDAR
    assert [(n.year, n.number, n.published) for n in DEFAULT_CALENDAR.notices] == [
        (2025, "国办发明电〔2024〕12号", D(2024, 11, 12)),
        (2026, "国办发明电〔2025〕7号", D(2025, 11, 4)),
    ]


def test_the_shipped_2026_arrangement_is_the_notices() -> None:
    """国办发明电〔2025〕7号 as 新华社 published it on 2025-11-04: seven holidays, 33 days off, six make-up days."""
    cal = DEFAULT_CALENDAR
    ours = [(h.name, h.start, h.end) for h in cal.holidays if h.start.year == 2026]
    assert ours == [
        ("元旦", D(2026, 1, 1), D(2026, 1, 3)),
        ("春节", D(2026, 2, 15), D(2026, 2, 23)),
        ("清明节", D(2026, 4, 4), D(2026, 4, 6)),
        ("劳动节", D(2026, 5, 1), D(2026, 5, 5)),
        ("端午节", D(2026, 6, 19), D(2026, 6, 21)),
        ("中秋节", D(2026, 9, 25), D(2026, 9, 27)),
        ("国庆节", D(2026, 10, 1), D(2026, 10, 7)),
    ]
    assert sum((b - a).days + 1 for _, a, b in ours) == 33
    made_up = [d for d in cal.workdays if d.year == 2026]
    assert made_up == [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]
    assert all(d.weekday() >= 5 for d in cal.workdays)
    assert cal.noticed_years() == {2025, 2026}


def test_a_year_without_its_notice_counts_weekends_only_and_is_warned_once(ledger_dir: Callable[..., Path]) -> None:
    """2027's notice is not shipped: its New Year's Day is a working day until the school enters the
    notice, and the year is warned once however many terms reach it."""
    assert DEFAULT_CALENDAR.working(D(2027, 1, 1))  # a Friday: weekends only
    terms = (
        "          - {id: 2026-2027-1, start: 2026-09-01, end: 2027-01-20}\n"
        "          - {id: 2026-2027-2, start: 2027-02-20, end: 2027-07-10}\n"
    )
    config = BASE["houqin.yaml"].replace("        terms:\n", "        terms:\n" + terms)
    from houqin.checks.calendar import check_calendar
    from houqin.ledger.load import load_ledger

    ledger = load_ledger(ledger_dir({"houqin.yaml": config})).ledger
    found = list(check_calendar(ledger, ledger.config.policy, D(2027, 3, 1)))
    assert [(d.code, d.args["year"], d.record) for d in found] == [("CAL001", "2027", "2026-2027-1")]
    # Today in 2027 in the winter break, no term under way there yet: the year is still in use.
    found = list(check_calendar(ledger, ledger.config.policy, D(2027, 1, 25)))
    assert [(d.code, d.record) for d in found] == [("CAL001", "2026-2027-1")]
    assert list(check_calendar(ledger, ledger.config.policy, D(2026, 12, 31))) == []


def test_the_school_enters_a_years_notice(git_ledger: Callable[..., Path]) -> None:
    """houqin calendar notice writes the year's notice into houqin.yaml in one commit; the warning goes;
    bad days are refused (exit 2), a year entered twice too."""
    terms = "          - {id: 2026-2027-1, start: 2026-09-01, end: 2027-01-20}\n"
    root = git_ledger({"houqin.yaml": BASE["houqin.yaml"].replace("        terms:\n", "        terms:\n" + terms)})
    runner = CliRunner()

    def run(*args: str) -> tuple[int, str]:
        result = runner.invoke(app, ["--ledger", str(root), *args], env={"HOUQIN_TODAY": "2027-01-05"})
        return result.exit_code, result.output

    code, out = run("check", "calendar")
    assert "warning[CAL001]" in out and "houqin calendar notice --year 2027" in out
    assert run("calendar", "notice", "--year", "2027", "--holiday", "元旦:2027-01-01:2027-01-03", "--workday", "2027-01-04")[0] == 2  # fmt: skip
    assert run("calendar", "notice", "--year", "2027", "--holiday", "元旦:2026-12-25")[0] == 2
    assert run("calendar", "notice", "--year", "2027", "--holiday", "元旦:2027-02-30")[0] == 2
    code, out = run(
        "calendar", "notice", "--year", "2027", "--number", "国办发明电〔2026〕8号", "--published", "2026-11-05",
        "--holiday", "元旦:2027-01-01:2027-01-03", "--holiday", "春节:2027-02-06:2027-02-12", "--workday", "2027-02-20",
    )  # fmt: skip
    assert code == 0, out
    assert git(root, "log", "-1", "--format=%s").strip() == "calendar notice 2027 国办发明电〔2026〕8号"
    assert run("check", "calendar") == (0, "")
    code, out = run("calendar", "show", "--format", "json")
    data = json.loads(out)
    assert data["notices"][-1] == {
        "year": 2027, "title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "国办发明电〔2026〕8号",
        "published": "2026-11-05",
    }  # fmt: skip
    assert run("calendar", "notice", "--year", "2027", "--holiday", "元旦:2027-01-01")[0] == 2
    # Without `calendar:` in houqin.yaml the default was in use: it is written out with the new year.
    from houqin.ledger.load import load_ledger

    cal = load_ledger(root).ledger.config.calendar
    assert cal.noticed_years() == {2025, 2026, 2027} and not cal.working(D(2027, 2, 8)) and cal.working(D(2027, 2, 20))


def test_rounds_are_expected_on_working_days_only(ledger_dir: Callable[..., Path]) -> None:
    """A round every weekday of the term but the holidays: the two 调休 Saturdays (2026-02-28, 2026-05-09)
    are missed; 清明, 劳动节 and 端午 are not."""
    start, end = D(2026, 2, 20), D(2026, 7, 10)
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    walked = [d for d in days if d.weekday() < 5 and not DEFAULT_CALENDAR.holiday(d)]
    text = "".join(
        f"- id: XS-2026-{n:04d}\n  date: {d}\n  inspector: 周保管\n  places: [SY-301]\n"
        for n, d in enumerate(walked, start=1)
    )
    assert lines(ledger_dir({"2026/patrols.yaml": text})) == [
        "houqin.yaml: info[PAT001] 学期 2025-2026-2 有 2 个上课日没有巡视记录（最早 2026-02-28）"
    ]


def test_a_loan_due_in_a_holiday_is_late_only_after_it(ledger_dir: Callable[..., Path]) -> None:
    from houqin.checks.loans import check_loans
    from houqin.ledger.load import load_ledger

    loan = (
        "- id: JY-2026-0001\n  date: 2026-09-28\n  asset: ZC-2026-0001\n  borrower: 张老师\n  due: 2026-10-03\n"
        "  approvals:\n  - {role: keeper, by: 李主任, on: 2026-09-28}\n"
    )
    ledger = load_ledger(ledger_dir({"2026/loans.yaml": loan})).ledger
    policy = ledger.config.policy
    assert list(check_loans(ledger, policy, D(2026, 10, 8))) == []  # due moved to 10-08, the first working day
    (late,) = check_loans(ledger, policy, D(2026, 10, 9))
    assert late.code == "LOAN001" and late.args["days"] == "1"


def test_calendar_show(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir()
    runner = CliRunner()
    result = runner.invoke(app, ["--ledger", str(root), "calendar", "show"])
    assert result.exit_code == 0, result.output
    assert "劳动节 05-01~05-05" in result.output and "05-09" in result.output and "国办发明电" in result.output
    result = runner.invoke(
        app, ["--ledger", str(root), "calendar", "show", "--term", "2025-2026-2", "--format", "json"]
    )
    data = json.loads(result.output)
    (term,) = data["terms"]
    assert term["working_days"] == 96 and term["workdays"] == ["2026-02-28", "2026-05-09"]
    assert [h["name"] for h in term["holidays"]] == ["春节", "清明节", "劳动节", "端午节"]
    result = runner.invoke(app, ["--ledger", str(root), "calendar", "show", "--term", "2099-1"])
    assert result.exit_code == 2 and "2025-2026-2" in result.output

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
from tests.conftest import BASE
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

CALENDAR_CASES: list[tuple[str, dict[str, str], list[str]]] = [
    (
        "CAL001 a term in a year the calendar has no holidays for",
        {"houqin.yaml": NO_2026},
        [
            "houqin.yaml: warning[CAL001] 学期 2025-2026-2 已到 2026 年，但校历(calendar)中没有 2026 年的法定节假日"
            "（巡视、各项期限会把节假日算作上课日）"
        ],
    ),
]


def test_calendar_rules(ledger_dir: Callable[..., Path]) -> None:
    for _name, files, expected in CALENDAR_CASES:
        assert lines(ledger_dir(files)) == expected


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
    assert DEFAULT_CALENDAR.source and "2026" in DEFAULT_CALENDAR.source and DEFAULT_CALENDAR.published


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

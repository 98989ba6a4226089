"""One reader of days for the command line and for imports (houqin.dates): the same four ways of
writing a day, and "no such date" for a day the calendar does not have."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.dates import NotADay, parse_day
from tests.conftest import git

runner = CliRunner()
ASSET = [
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
]


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "text", ["2026-11-30", "2026/11/30", "2026.11.30", "2026年11月30日", "2026年11月30", " 2026-11-30 "]
)
def test_the_four_ways_of_writing_a_day(text: str) -> None:
    assert parse_day(text) == dt.date(2026, 11, 30)


@pytest.mark.parametrize("text", ["2026-02-30", "2026/13/01", "2026.04.31", "2025年2月29日", "2026-00-10"])
def test_a_day_the_calendar_lacks_is_no_such_date(text: str) -> None:
    with pytest.raises(NotADay) as err:
        parse_day(text)
    assert err.value.why == "no_such_day"


@pytest.mark.parametrize("text", ["30/11/2026", "2026-11/30", "2026-11", "明天", "20261130", "2026--11-30", ""])
def test_anything_else_is_not_a_date(text: str) -> None:
    with pytest.raises(NotADay) as err:
        parse_day(text)
    assert err.value.why == "format"


def test_leap_day_exists_in_a_leap_year() -> None:
    assert parse_day("2028/2/29") == dt.date(2028, 2, 29)


def test_cli_refuses_a_day_that_does_not_exist_naming_the_option(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    code, out = run(root, *ASSET, "--date", "2026-02-30")
    assert code == 2
    assert out.strip() == "houqin: --date 2026-02-30：没有这一天，请核对年月日。"
    code, out = run(root, "--lang", "en", *ASSET, "--date", "2026-02-30")
    assert (code, out.strip()) == (2, "houqin: --date 2026-02-30: no such date; check the year, month and day.")
    assert not (root / "2026/assets.yaml").exists()


def test_cli_names_the_forms_for_a_text_that_is_not_a_day(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger()
    code, out = run(root, "expense", "sign", "BX-2026-0001", "--as", "handler", "--by", "张老师", "--on", "下周一")
    assert code == 2
    assert out.strip() == "houqin: --on 下周一：不是日期，请写成 2026-11-30、2026/11/30、2026.11.30、2026年11月30日。"


@pytest.mark.parametrize("day", ["2026/03/09", "2026.3.9", "2026年3月9日"])
def test_cli_takes_the_days_the_importer_takes(git_ledger: Callable[..., Path], day: str) -> None:
    root = git_ledger()
    code, out = run(root, *ASSET, "--date", day)
    assert code == 0, out
    assert "  date: 2026-03-09\n" in (root / "2026/assets.yaml").read_text()
    assert git(root, "status", "--porcelain") == ""


def test_import_says_no_such_date_for_a_row(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    root = git_ledger()
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "资产名称,分类代码,单价,取得日期,存放地点,保管人\n"
        "台式电脑,A02010105,4350,2026/3/1,SY-301,李主任\n"
        "笔记本,A02010105,5999,2026-02-30,SY-301,李主任\n"
        "打印机,A02010105,1680,下周一,SY-301,李主任\n",
        encoding="utf-8",
    )
    code, out = run(root, "asset", "import", str(sheet))
    assert code == 2  # a cell that is not a day is bad input (docs/moving-in.md)
    assert f"{sheet}:3: error[IMP001] 第 3 行：日期(date) 2026-02-30：没有这一天" in out
    assert f"{sheet}:4: error[IMP001] 第 4 行：日期(date) 下周一 不是日期" in out
    code, out = run(root, "--lang", "en", "asset", "import", str(sheet))
    assert f"{sheet}:3: error[IMP001] row 3: date 2026-02-30: no such date" in out

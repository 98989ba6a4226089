"""Options shared by many commands, defined once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, overload

import typer


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


@overload
def parse_day(value: str, option: str = ...) -> dt.date: ...
@overload
def parse_day(value: None, option: str = ...) -> None: ...
@overload
def parse_day(value: str | None, option: str = ...) -> dt.date | None: ...
def parse_day(value: str | None, option: str = "--date") -> dt.date | None:
    """The day typed for `option`, read as imports read it (houqin.dates); a usage error naming the
    option otherwise: "no such date" for 2026-02-30, the forms it takes for anything else."""
    from houqin import dates
    from houqin.errors import UsageError

    if value is None:
        return None
    try:
        return dates.parse_day(value)
    except dates.NotADay as err:
        raise UsageError("day_" + err.why, option=option, value=value, forms=dates.FORMS) from None


def parse_amount(value: str) -> Decimal:
    from houqin.money import parse_money

    try:
        return parse_money(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r}: 金额如 1299.50 / an amount like 1299.50") from None


def parse_quantity(text: str) -> Decimal:
    try:
        value = Decimal(text.strip())
    except ArithmeticError:
        raise typer.BadParameter(f"{text!r}: 数量如 10 或 2.5 / a quantity like 10 or 2.5") from None
    if not value.is_finite() or value <= 0:
        raise typer.BadParameter(f"{text!r}: 数量须大于零 / must be above zero")
    return value


def parse_reading(text: str) -> Decimal:
    """A meter reading: zero or more."""
    try:
        value = Decimal(text.strip())
    except ArithmeticError:
        raise typer.BadParameter(f"{text!r}: 读数如 48210 或 48210.5 / a reading like 48210") from None
    if not value.is_finite() or value < 0:
        raise typer.BadParameter(f"{text!r}: 读数不能为负 / a reading is zero or more")
    return value


NoCommit = Annotated[
    bool, typer.Option("--no-commit", help="Write the file but do not commit to git. 只写文件，不提交。")
]
OnDay = Annotated[
    str | None,
    typer.Option("--date", help="The record's date, YYYY-MM-DD (default: today). 日期。", show_default=False),
]
Format = Annotated[OutputFormat, typer.Option("--format", help="text or json.")]

PartOfLot = Annotated[int | None, typer.Option("--quantity", "-q", min=1, help="Part of a lot. 部分数量。")]
FromPlace = Annotated[str | None, typer.Option("--from-place", help="When the lot is in several places. 调出地点。")]
Authority = Annotated[str | None, typer.Option("--authority", help="主管部门批复文号 (large disposals).")]

"""Options shared by many commands, defined once."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, overload

import typer

from houqin.clock import today

if TYPE_CHECKING:
    from houqin.services.signing import KeySigner


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


class Day:
    """The type of a day option: the text read once, by the one reader of days (parse_day), naming
    the option in its error; a day already made (the default, today) passes as it is."""

    __name__ = "str"  # what --help shows for it, as for any text option

    def __init__(self, option: str) -> None:
        self.option = option

    def __call__(self, value: str | dt.date) -> dt.date:
        if isinstance(value, dt.date):
            return value
        return parse_day(value, self.option)


def day_option(option: str, *, help: str) -> Any:
    """A day option: `option` parsed as a Day, today (houqin.clock: HOUQIN_TODAY, else the system's
    date) when it is not given. A parameter declared with it has no default of its own, so a command
    taking one declares its parameters keyword-only (`*,`)."""
    return typer.Option(option, parser=Day(option), default_factory=today, help=help, show_default=False)


def required_day(option: str, *, help: str) -> Any:
    """A day option that must be given (a loan's due day, a meeting's day), parsed as a Day."""
    return typer.Option(option, parser=Day(option), help=help)


def parse_amount(value: str, option: str = "--amount") -> Decimal:
    """An amount above zero, written as the ledger writes it: 1299.50 (no 元, no separators)."""
    amount = _plain_amount(value, option)
    if amount <= 0:
        raise _refused("amount_positive", option, value)
    return amount


def parse_amount_or_zero(value: str, option: str = "--amount") -> Decimal:
    """An amount of zero or more (cash returned on settling an advance, a free repair)."""
    amount = _plain_amount(value, option)
    if amount < 0:
        raise _refused("amount_negative", option, value)
    return amount


def parse_signed_amount(value: str, option: str = "--amount") -> Decimal:
    """An amount that may be negative (a budget cut): -5000.00; never zero."""
    amount = _plain_amount(value, option)
    if amount == 0:
        raise _refused("amount_zero", option, value)
    return amount


def parse_quantity(text: str, option: str = "--quantity") -> Decimal:
    """A quantity above zero: 10 or 2.5 (at most three places; never 1E+2)."""
    value = _plain_quantity(text, option)
    if value <= 0:
        raise _refused("quantity_positive", option, text)
    return value


def parse_reading(text: str, option: str = "--reading") -> Decimal:
    """A meter reading: zero or more, written plainly (48210 or 48210.5)."""
    return _plain_quantity(text, option)


def _plain_amount(value: str, option: str) -> Decimal:
    from houqin.money import parse_money

    try:
        return parse_money(value)
    except ValueError:
        raise _refused("amount_format", option, value) from None


def _plain_quantity(text: str, option: str) -> Decimal:
    from houqin.money import parse_quantity as strict_quantity

    try:
        return strict_quantity(text)
    except ValueError:
        raise _refused("quantity_format", option, text) from None


def _refused(key: str, option: str, value: str) -> Exception:
    from houqin.errors import UsageError

    return UsageError(key, option=option, value=value)


NoCommit = Annotated[
    bool, typer.Option("--no-commit", help="Write the file but do not commit to git. 只写文件，不提交。")
]
OnDay = Annotated[dt.date, day_option("--date", help="The record's date, YYYY-MM-DD (default: today). 日期。")]
Format = Annotated[OutputFormat, typer.Option("--format", help="text or json.")]

PartOfLot = Annotated[
    int | None, typer.Option("--quantity", "-q", min=1, max=1_000_000, help="Part of a lot. 部分数量。")
]
FromPlace = Annotated[str | None, typer.Option("--from-place", help="When the lot is in several places. 调出地点。")]
Authority = Annotated[str | None, typer.Option("--authority", help="主管部门批复文号 (large disposals).")]


SigningKey = Annotated[
    str | None,
    typer.Option(
        "--key",
        help="用本人的 SSH 密钥签字：私钥文件，或 ssh-agent 中私钥的 .pub（默认 $HOUQIN_SIGNING_KEY）。"
        " Sign by key: a private key file, or the .pub of a key in ssh-agent (default: $HOUQIN_SIGNING_KEY).",
        metavar="KEYFILE",
        show_default=False,
    ),
]


def key_signer(option: str | None) -> KeySigner | None:
    """The key named by --key or $HOUQIN_SIGNING_KEY, ready to sign (None: a typed signature)."""
    from houqin.ledger import signer
    from houqin.services.signing import KeySigner

    path = signer.signing_key(option)
    if path is None:
        return None
    return KeySigner(signer.public_key_of(path), lambda message: signer.sign(message, path), str(path))


# 校长本人的报销、借款、请购 (docs/signatures.md): what the school's route rests on.
MeetingOn = Annotated[
    str | None,
    typer.Option(
        "--meeting-on", help="校长本人的申请：领导班子会议日期 The leadership meeting's day.", show_default=False
    ),
]
Attendees = Annotated[
    list[str] | None, typer.Option("--attendee", help="出席人员 Who attended the meeting. Repeat.", show_default=False)
]
Decision = Annotated[str | None, typer.Option("--decision", help="会议决定 What the meeting decided.")]
ApprovalNumber = Annotated[
    str | None,
    typer.Option("--authority", help="校长本人的申请：上级主管部门批复文号 The superior's approval number."),
]


def own_route(
    meeting_on: str | None, attendees: list[str] | None, decision: str | None, authority: str | None
) -> dict[str, object]:
    """The record's fields for the principal's own request: the meeting (all three options, or none)
    and/or the superior's approval number."""
    from houqin.errors import UsageError

    fields: dict[str, object] = {}
    given = [meeting_on is not None, bool(attendees), decision is not None]
    if any(given):
        if not all(given):
            raise UsageError("meeting_incomplete")
        fields["meeting"] = {
            "on": parse_day(meeting_on, "--meeting-on"),
            "attendees": tuple(attendees or ()),
            "decision": decision,
        }
    if authority:
        fields["authority"] = authority
    return fields

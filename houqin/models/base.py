"""Shared pieces of every record: where it came from, money, quantities, approvals.

Records are frozen pydantic models with tuples, never lists. Each top-level record carries its
`source` (file and line); each approval carries its own line, so a diagnostic points at the
signature that is wrong, not only at the record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Annotated, Any, ClassVar, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from houqin.money import CENT, MONEY_PATTERN, QUANTITY_PATTERN, parse_money


class Source(NamedTuple):
    file: str
    line: int


NOWHERE = Source("", 0)


def _money(value: Any) -> Decimal:
    """Money as a ledger holds it: a quoted decimal string ("1299.50"), strictly (MONEY_PATTERN)."""
    if type(value) is str and MONEY_PATTERN.fullmatch(value):
        return Decimal(value).quantize(CENT)
    if isinstance(value, float):
        raise PydanticCustomError("money_float", "money must be a quoted decimal string, not a float")
    if isinstance(value, Decimal):  # built by houqin itself
        if value.is_finite() and MONEY_PATTERN.fullmatch(str(value.quantize(CENT))):
            return value.quantize(CENT)
        raise PydanticCustomError("money_format", "not a money amount: {value}", {"value": str(value)})
    if isinstance(value, str):
        try:
            return parse_money(value)
        except ValueError:
            raise PydanticCustomError("money_format", "not a money amount: {value}", {"value": value}) from None
    # An unquoted 1200 is refused too: YAML reads 0x4b0 and 1_200 as that same number.
    raise PydanticCustomError("money_type", "money must be a quoted decimal string")


def _positive_money(value: Any) -> Decimal:
    amount = _money(value)
    if amount <= 0:
        raise PydanticCustomError("money_positive", "an amount must be above zero: {value}", {"value": str(amount)})
    return amount


def _money_or_zero(value: Any) -> Decimal:
    amount = _money(value)
    if amount < 0:
        raise PydanticCustomError("money_negative", "an amount cannot be negative: {value}", {"value": str(amount)})
    return amount


def _nonzero_money(value: Any) -> Decimal:
    amount = _money(value)
    if amount == 0:
        raise PydanticCustomError("money_zero", "an amount of zero changes nothing")
    return amount


def _quantity(value: Any) -> Decimal:
    """A whole number, or a decimal with at most three places written plainly: never 1E+2 or -3."""
    if isinstance(value, (bool, float)):
        raise PydanticCustomError("quantity_type", "a quantity is a whole number or a quoted decimal")
    text = str(value).strip() if isinstance(value, (int, str, Decimal)) else ""
    if not QUANTITY_PATTERN.fullmatch(text):
        if text.startswith("-") or text in ("0", "0.0", "0.00", "0.000"):
            raise PydanticCustomError("quantity_positive", "a quantity must be above zero")
        raise PydanticCustomError("quantity_format", "not a quantity: {value}", {"value": str(value)})
    q = Decimal(text)
    if q <= 0:
        raise PydanticCustomError("quantity_positive", "a quantity must be above zero")
    return q


def _count_or_zero(value: Any) -> Decimal:
    """A counted quantity, which may be zero (nothing found on the shelf)."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool) and value == 0:
        return Decimal(0)
    if isinstance(value, str) and value.strip() in ("0", "0.0", "0.00"):
        return Decimal(0)
    return _quantity(value)


def _text(value: Any) -> str:
    if type(value) is str and value and not value[0].isspace() and not value[-1].isspace():
        return value
    if isinstance(value, str):
        stripped = value.strip()
        if not stripped:
            raise PydanticCustomError("text_empty", "must not be empty")
        return stripped
    raise PydanticCustomError("text_type", "must be text; quote it if it looks like a number or date")


def _day(value: Any) -> dt.date:
    if type(value) is dt.date:
        return value
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_format", "a date is written YYYY-MM-DD: {value}", {"value": str(value)})
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            if len(value) == 10:
                return dt.date.fromisoformat(value)
        except ValueError:
            if value[4] == value[7] == "-" and (value[:4] + value[5:7] + value[8:]).isdigit():
                raise PydanticCustomError("no_such_date", "no such date: {value}", {"value": value}) from None
    raise PydanticCustomError("date_format", "a date is written YYYY-MM-DD: {value}", {"value": str(value)})


Money = Annotated[Decimal, BeforeValidator(_positive_money)]
MoneyOrZero = Annotated[Decimal, BeforeValidator(_money_or_zero)]
SignedMoney = Annotated[Decimal, BeforeValidator(_nonzero_money)]
Quantity = Annotated[Decimal, BeforeValidator(_quantity)]
Counted = Annotated[Decimal, BeforeValidator(_count_or_zero)]
Text = Annotated[str, BeforeValidator(_text)]
Day = Annotated[dt.date, BeforeValidator(_day)]
Count = Annotated[int, Field(ge=1, strict=True)]


class Frozen(BaseModel):
    # Validators are built when a model first validates: a command that only reads the cache never pays.
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, defer_build=True)


class Lined(Frozen):
    """A nested item that remembers its own line (the loader hands in dicts that know it)."""

    line: int = Field(default=0, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _take_line(cls, data: Any) -> Any:
        line = getattr(data, "line", None)
        if line is not None and isinstance(data, dict):
            if "line" in data:
                raise PydanticCustomError("reserved_key", "'line' is reserved")
            return {**data, "line": line}
        return data


class Approval(Lined):
    """One signature or approval step: who, in which role, on which day."""

    role: Text
    by: Text
    on: Day
    note: Text | None = None
    sig: Text | None = None  # the SSHSIG of the step's statement, by the signer's key (docs/signatures.md)


class Withdrawal(Lined):
    """A signature withdrawn by its own signer (houqin unsign), kept on the record: which step, who,
    the day it was signed and the day and reason it was withdrawn; `sig` is the signer's key signature
    over the withdrawal (docs/signatures.md)."""

    role: Text
    by: Text
    signed: Day
    on: Day
    reason: Text
    sig: Text | None = None


# A record's id: its kind's two-letter prefix, the year it was given in and a number of 4 to 6 digits
# (ZC-2026-0001). Stated once, here: the ids check (ID001), the next id, the year-end close's carried ids,
# an id found in scanned text (a label, a form's code) all build on these pieces.
ID_PREFIX, ID_YEAR, ID_SEQ = "[A-Z]{2}", "[0-9]{4}", "[0-9]{4,6}"
ID_TEXT = f"{ID_PREFIX}-{ID_YEAR}-{ID_SEQ}"
ID_FORM = re.compile(f"^(?P<prefix>{ID_PREFIX})-(?P<year>{ID_YEAR})-(?P<seq>{ID_SEQ})$")
# The year and number of an id of that shape whatever its number's length, so that the next id is
# given above every id written, even one too long for ID_FORM (which ID001 reports).
ID_NUMBERED = re.compile(f"^{ID_PREFIX}-({ID_YEAR})-([0-9]+)$")
# Ids a desk gives out in a year (ledger/desk.py): desk 0 numbers 1–9999, desk n n×10000+1 onwards.
ID_BLOCK = 10_000

IdTop = tuple[str, int, int]  # an id's prefix up to its number ('ZC-2026-'), the number's block, its highest


def id_tops(ids: Iterable[str], tops: Iterable[IdTop] = ()) -> tuple[IdTop, ...]:
    """The highest number of each prefix and block among these ids (those of the ID_NUMBERED shape)
    and `tops` already known: the next id of a desk is one above its block's, known without walking
    every id again."""
    return id_tally(ids, tops)[0]


def id_tally(ids: Iterable[str], tops: Iterable[IdTop] = (), odd: int = 0) -> tuple[tuple[IdTop, ...], int]:
    """id_tops, and how many of the ids (beside `odd` known) are not of the ID_NUMBERED shape."""
    best = {(prefix, block): n for prefix, block, n in tops}
    heads: dict[str, bool] = {}  # each prefix matched once, not each id (a file's ids share a few)
    for rid in ids:
        head, dash, number = rid.rpartition("-")
        if not (dash and number.isascii() and number.isdigit()):
            odd += 1
            continue
        fits = heads.get(head)
        if fits is None:
            fits = heads[head] = ID_NUMBERED.match(f"{head}-0") is not None
        if fits:
            n = int(number)
            key = (f"{head}-", n // ID_BLOCK)
            if n > best.get(key, -1):
                best[key] = n
        else:
            odd += 1
    return tuple((prefix, block, n) for (prefix, block), n in sorted(best.items())), odd


def top_of(tops: Iterable[IdTop], prefix: str, block: int) -> int | None:
    """The highest number of `prefix` in `block` among `tops` (None: none)."""
    return max((n for p, b, n in tops if p == prefix and b == block), default=None)


class Record(Frozen):
    """A dated ledger record with a stable id. Subclasses name their kind's id prefix."""

    prefix: ClassVar[str] = ""

    source: Source = Field(default=NOWHERE, exclude=True)
    id: Text
    date: Day
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _take_source(cls, data: Any, info: ValidationInfo) -> Any:
        line = getattr(data, "line", None)
        if isinstance(data, dict) and line is not None:
            if "source" in data:
                raise PydanticCustomError("reserved_key", "'source' is reserved")
            file = info.context.get("file", "") if isinstance(info.context, dict) else ""
            return {**data, "source": Source(file, line)}
        return data

    @property
    def sort_key(self) -> tuple[dt.date, str]:
        return (self.date, self.id)


class Signed(Record):
    """A record that carries approvals/signatures."""

    approvals: tuple[Approval, ...] = ()
    withdrawn: tuple[Withdrawal, ...] = ()

    def approval(self, role: str) -> Approval | None:
        for a in self.approvals:
            if a.role == role:
                return a
        return None

"""Invoices given on the command line: --invoice NUMBER (or CODE-NUMBER) with --invoice-date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from houqin.cli.options import parse_day
from houqin.errors import UsageError

if TYPE_CHECKING:
    from houqin.models.records import Invoice


def parse_invoices(numbers: list[str], dates: list[str]) -> tuple[Invoice, ...]:
    from houqin.models.records import Invoice

    if len(numbers) != len(dates):
        raise UsageError("invoice_mismatch")
    out = []
    for number, day in zip(numbers, dates, strict=True):
        code, _, num = number.strip().rpartition("-")
        out.append(Invoice(number=num, code=code or None, date=parse_day(day, "--invoice-date")))
    return tuple(out)

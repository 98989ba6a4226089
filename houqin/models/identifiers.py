"""证照号码: the numbers that name a supplier for real (实名), each with its check digit.

- 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and 20 letters (no I, O, S, V, Z); the
  last is a check character over the first 17, weighted 3^i mod 31.
- 居民身份证号码 (GB 11643-1999): 17 digits, the first six a region, then a real birth date, and a
  check character (0-9 or X) over them, weighted 2^(17-i) mod 11.
"""

from __future__ import annotations

import datetime as dt

CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK = "10X98765432"


def credit_code_ok(code: str) -> bool:
    """A well-formed 统一社会信用代码 whose check character is right."""
    if len(code) != 18 or any(c not in CREDIT_CODE_CHARS for c in code):
        return False
    total = sum(CREDIT_CODE_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARS[-total % 31] == code[17]


def id_card_ok(number: str) -> bool:
    """A well-formed 18-character 身份证号码: a real birth date and the right check character."""
    if len(number) != 18 or not number[:17].isascii() or not number[:17].isdigit():
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if born.year < 1900:
        return False
    total = sum(int(c) * w for c, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def supplier_id_ok(value: str) -> bool:
    return credit_code_ok(value.upper()) or id_card_ok(value)

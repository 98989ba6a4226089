"""Money and quantities: exact decimals, never floats, written one strict way.

Inside a ledger file and at the command line a number is written in one way only: ASCII digits,
a point, at most two places for money (three for a quantity), no thousands separators, no
exponent, no hex. Leniency (full-width digits, 元/¥, separators) belongs to imports alone
(`lenient_money`), where a school's spreadsheets bring every habit of typing."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MONEY_PATTERN = re.compile(r"-?[0-9]{1,13}(?:\.[0-9]{1,2})?", re.ASCII)
QUANTITY_PATTERN = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,3})?", re.ASCII)
_CURRENCY = ("元", "¥", "￥", "RMB", "rmb", "CNY")


def parse_money(text: str) -> Decimal:
    """'1299.5' or '1299.50' → Decimal('1299.50'); ValueError on anything else ('1,299', '１２', '1e3')."""
    cleaned = text.strip()
    if not MONEY_PATTERN.fullmatch(cleaned):
        raise ValueError(text)
    return Decimal(cleaned).quantize(CENT)


def parse_quantity(text: str) -> Decimal:
    """'10' or '2.5' → a Decimal written the same way back; ValueError on '1E+2', '-3', '１０'."""
    cleaned = text.strip()
    if not QUANTITY_PATTERN.fullmatch(cleaned):
        raise ValueError(text)
    return Decimal(cleaned)


def lenient_money(text: str) -> Decimal:
    """An amount as spreadsheets write it: '１，２００．５０元', '¥1,200.5', '1 200' → Decimal('1200.50')."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    for mark in _CURRENCY:
        cleaned = cleaned.replace(mark, "")
    cleaned = re.sub(r"[,，\s]", "", cleaned)
    return parse_money(cleaned)


def fmt_yuan(value: Decimal) -> str:
    """For people: thousands separators, two places."""
    return f"{value.quantize(CENT, rounding=ROUND_HALF_UP):,.2f}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿", "万亿")


def yuan_in_words(value: Decimal) -> str:
    """金额大写 as a 报销单 or 借条 writes it: 9768.00 → 玖仟柒佰陆拾捌元整, 1000.05 → 壹仟元零伍分."""
    cents = int(value.quantize(CENT, rounding=ROUND_HALF_UP) * 100)
    sign, cents = ("负" if cents < 0 else ""), abs(cents)
    yuan, jiao, fen = divmod(cents, 100)[0], cents // 10 % 10, cents % 10
    if cents == 0:
        return "零元整"
    text = _whole_yuan(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan and fen:
        text += "零"
    return sign + text + (_DIGITS[fen] + "分" if fen else "整")


def _whole_yuan(yuan: int) -> str:
    digits, text, zero = str(yuan), "", False
    for i, ch in enumerate(digits):
        pos = len(digits) - 1 - i
        if ch == "0":
            zero = True
        else:
            text += ("零" if zero else "") + _DIGITS[int(ch)] + _PLACES[pos % 4]
            zero = False
        if pos % 4 == 0 and pos and int(digits[max(0, i - 3) : i + 1]):
            text += _GROUPS[pos // 4]
    return text

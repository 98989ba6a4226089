"""One reader of days, for what a person types (--date, --on …) and for the cells of an imported sheet.

A school writes a day as 2026-11-30, 2026/11/30, 2026.11.30 or 2026年11月30日; all four mean the same
day. A text in none of these forms is "not a date"; one in these forms naming a day the calendar does
not have (2026-02-30, 2026-13-01) is "no such date", which is what the clerk needs to hear. Ledger
files themselves keep the one ISO form (models/base.py).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Literal

# 2026-11-30, 2026/11/30, 2026.11.30 (one separator throughout), or 2026年11月30日 (日 optional).
_DAY = re.compile(
    r"^(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})$"
    r"|^(?P<cy>\d{4})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})\s*日?$"
)
FORMS = "2026-11-30、2026/11/30、2026.11.30、2026年11月30日"


class NotADay(ValueError):
    """`text` is not a day: `why` is "format" (not written as one) or "no_such_day" (the calendar lacks it)."""

    def __init__(self, text: str, why: Literal["format", "no_such_day"]) -> None:
        super().__init__(text)
        self.text = text
        self.why = why


def parse_day(text: str) -> dt.date:
    """The day `text` names, in any of the school's four ways of writing one; NotADay otherwise."""
    m = _DAY.match(text.strip())
    if m is None:
        raise NotADay(text, "format")
    year, month, day = (m["y"], m["m"], m["d"]) if m["y"] else (m["cy"], m["cm"], m["cd"])
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise NotADay(text, "no_such_day") from None


_MONTH = re.compile(r"^(?P<y>\d{4})\s*(?:年\s*(?P<m>\d{1,2})\s*月|[-/.](?P<m2>\d{1,2}))$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0, counting its phantom 1900-02-29


def parse_sheet_day(text: str) -> dt.date:
    """A day as a register's cell holds it: any of parse_day's forms after NFKC (２０１９年３月５日),
    an Excel serial number left by a text export (43529 is 2019-03-05), or a month alone (2019年3月,
    2019-03), read as the month's first day — registers often record only the month of purchase."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if cleaned.isdigit() and len(cleaned) == 5 and 20000 <= int(cleaned) <= 80000:
        return _EXCEL_EPOCH + dt.timedelta(days=int(cleaned))
    month = _MONTH.match(cleaned)
    if month is not None:
        try:
            return dt.date(int(month["y"]), int(month["m"] or month["m2"]), 1)
        except ValueError:
            raise NotADay(text, "no_such_day") from None
    return parse_day(cleaned)

"""One reader of days, for what a person types (--date, --on …) and for the cells of an imported sheet.

A school writes a day as 2026-11-30, 2026/11/30, 2026.11.30 or 2026年11月30日; all four mean the same
day. A text in none of these forms is "not a date"; one in these forms naming a day the calendar does
not have (2026-02-30, 2026-13-01) is "no such date", which is what the clerk needs to hear. Ledger
files themselves keep the one ISO form (models/base.py).
"""

from __future__ import annotations

import datetime as dt
import re
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

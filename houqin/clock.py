"""Today, as houqin sees it: the system date, or HOUQIN_TODAY (YYYY-MM-DD) to check or report a
ledger as of another day — an auditor reviewing last term, a demo, a test that must not age."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    pinned = os.environ.get("HOUQIN_TODAY")
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            pass
    return dt.date.today()

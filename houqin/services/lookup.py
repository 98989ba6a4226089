"""Finding a record by the id a person typed or a QR scanner typed for them."""

from __future__ import annotations

import re
from typing import TypeVar

from houqin.errors import UsageError
from houqin.i18n import Pair
from houqin.models.base import Record
from houqin.models.ledger import Ledger

# An id standing alone: a scanner may put a prefix or a newline around it, but never a letter or digit
# against it, so BX-2026-0056x is no id at all rather than BX-2026-0056.
SCANNED_ID = re.compile(r"(?<![A-Z0-9-])([A-Z]{2}-[0-9]{4}-[0-9]{4,6})(?![A-Z0-9-])")
R = TypeVar("R", bound=Record)


def resolve_id(text: str) -> str:
    """An id as typed or as a QR scanner types it (any case; a prefix or suffix set apart from it)."""
    found = SCANNED_ID.search(text.strip().upper())
    return found.group(1) if found else text.strip().upper()


def find_record(ledger: Ledger, text: str, model: type[R], label: str) -> R:
    """The record of that id and kind, or a usage error naming what was looked for (exit 2)."""
    record = ledger.record_by_id.get(resolve_id(text))
    if not isinstance(record, model):
        raise UsageError("unknown_record", id=text, kind=Pair(label))
    return record

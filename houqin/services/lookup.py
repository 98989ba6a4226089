"""Finding a record by the id a person typed or a QR scanner typed for them."""

from __future__ import annotations

import re
from typing import TypeVar

from houqin.errors import UsageError
from houqin.i18n import RecordName
from houqin.models.base import ID_TEXT, Record
from houqin.models.ledger import Ledger

# An id standing alone: a scanner may put a prefix or a newline around it, but never a letter or digit
# against it, so BX-2026-0056x is no id at all rather than BX-2026-0056. A unit's label of a lot adds its
# number, ZC-2026-0001-03 (docs/paper.md), and stands for that lot wherever its id does.
SCANNED_ID = re.compile(f"(?<![A-Z0-9-])({ID_TEXT})(?:-([0-9]{{2,6}}))?(?![A-Z0-9-])")
R = TypeVar("R", bound=Record)


def resolve_unit(text: str) -> tuple[str, int | None]:
    """The id, and the unit's number when it is a unit's label (ZC-2026-0001-03 → ZC-2026-0001, 3)."""
    found = SCANNED_ID.search(text.strip().upper())
    if found is None:
        return text.strip().upper(), None
    return found.group(1), int(found.group(2)) if found.group(2) else None


def resolve_id(text: str) -> str:
    """An id as typed or as a QR scanner types it (any case; a prefix or suffix set apart from it; a
    unit's label gives its lot's id)."""
    return resolve_unit(text)[0]


def unit_label(lot: str, number: int, quantity: int) -> str:
    """The label id of one unit of a lot: ZC-2026-0001-03 (two digits at least, more for a lot above 99)."""
    return f"{lot}-{number:0{max(2, len(str(quantity)))}d}"


def find_record(ledger: Ledger, text: str, model: type[R], what: RecordName) -> R:
    """The record of that id and kind, or a usage error naming what was looked for (exit 2)."""
    record = ledger.find_one(resolve_id(text), model)
    if record is None:
        raise UsageError("unknown_record", id=text, kind=what)
    return record

"""What the QR code of a paper form holds, and how it is read back (docs/paper.md). Pure.

A form's code names the record and a fingerprint of everything the form prints: the record's fields,
its signatures and what was recorded after them (a payment, a return). A paper form whose code still
matches the books shows the record as it stands; one that does not was printed before a change.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import NamedTuple

from houqin.models.base import ID_TEXT, Record

FORM_CODE_VERSION = "1"
FINGERPRINT_HEX = 16  # 64 bits: enough to tell two versions of one record apart, short enough to scan
CODE = re.compile(f"HOUQIN-FORM:([0-9]+):({ID_TEXT}):([0-9A-F]+)")


class FormCode(NamedTuple):
    version: str
    record: str
    fingerprint: str


def form_fingerprint(record: Record) -> str:
    """The first 16 hex digits of the SHA-256 of the record as a form prints it (every field)."""
    body = record.model_dump(mode="json", by_alias=True, exclude_none=True)
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:FINGERPRINT_HEX]


def form_code(record: Record) -> str:
    return f"houqin-form:{FORM_CODE_VERSION}:{record.id}:{form_fingerprint(record)}"


def read_form_code(text: str) -> FormCode | None:
    """The code in what a scanner typed (any case, with text around it), or None."""
    found = CODE.search(text.strip().upper())
    if found is None:
        return None
    return FormCode(found.group(1), found.group(2), found.group(3).lower())

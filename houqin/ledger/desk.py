"""Desks (工位): each clone of a ledger that records on its own — a second office, a laptop taken to the
branch campus — takes a desk number, and allocates ids from its own block (desk 2: ZC-2026-20001 …),
so two clones never hand out the same id and their branches merge without a clash. The number belongs
to the clone, not to the books: it lives in `.houqin/desk`, which git never sees."""

from __future__ import annotations

import os
from pathlib import Path

from houqin.errors import UsageError
from houqin.ledger.save import STATE_DIR, atomic_write, state_dir
from houqin.models.base import ID_BLOCK

DESK_FILE = "desk"
BLOCK = ID_BLOCK  # ids per desk and year: desk 0 has 0001–9999, desk 1 10001–19999, … desk 99 990001–999999
MAX_DESK = 99


def read_desk(root: Path | None) -> int:
    """This clone's desk: $HOUQIN_DESK, else .houqin/desk, else 0."""
    text = os.environ.get("HOUQIN_DESK")
    if text is None and root is not None:
        try:
            text = (root / STATE_DIR / DESK_FILE).read_text(encoding="utf-8")
        except OSError:
            text = None
    if text is None or not text.strip():
        return 0
    return _valid(text.strip())


def write_desk(root: Path, desk: int) -> None:
    _valid(str(desk))
    atomic_write(state_dir(root) / DESK_FILE, f"{desk}\n".encode())


def _valid(text: str) -> int:
    if not text.isdigit() or not 0 <= int(text) <= MAX_DESK:
        raise UsageError("bad_desk", desk=text, most=MAX_DESK)
    return int(text)

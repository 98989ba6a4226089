"""houqin find: every record whose id or text holds what was typed — names, payees, purposes, suppliers,
borrowers, faults, invoice numbers (docs/finance.md). A plain scan of the records' own text fields,
field names taken once per kind, so 100,000 records are searched in well under a second once loaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from houqin.errors import UsageError
from houqin.models.base import Record
from houqin.models.kinds import KIND_BY_NAME, KINDS
from houqin.models.ledger import Ledger

LIMIT = 200
SKIPPED = frozenset({"id", "source", "note"})  # id is matched first; a note is searched too, last


@dataclass(frozen=True)
class Hit:
    id: str
    kind: str
    date: dt.date
    field: str  # the field that holds the text (id, payee, invoices.number …)
    text: str


@dataclass(frozen=True)
class Found:
    query: str
    rows: tuple[Hit, ...]
    total: int  # hits in all; rows holds the first `limit`

    @property
    def more(self) -> int:
        return self.total - len(self.rows)


@cache
def _text_fields(model: type[Record]) -> tuple[str, ...]:
    """The record's own text fields (str or str | None), the note last."""
    names = [
        name
        for name, info in model.model_fields.items()
        if name not in SKIPPED and info.annotation is not None and "str" in str(info.annotation)
        and "tuple" not in str(info.annotation)
    ]  # fmt: skip
    return (*names, "note")


@cache
def _invoice_fields(model: type[Record]) -> tuple[str, ...]:
    return tuple(name for name in ("invoices", "invoice") if name in model.model_fields)


def _match(record: Record, wanted: str) -> tuple[str, str] | None:
    if wanted in record.id.casefold():
        return "id", record.id
    values = record.__dict__  # the fields as pydantic keeps them: no attribute lookup per field
    for name in _text_fields(type(record)):
        value = values.get(name)
        if isinstance(value, str) and wanted in value.casefold():
            return name, value
    for name in _invoice_fields(type(record)):
        found = values.get(name)
        for invoice in found if isinstance(found, tuple) else (found,) if found is not None else ():
            if wanted in invoice.number.casefold():
                return "invoices.number", invoice.number
    return None


def find(ledger: Ledger, text: str, kind: str | None = None, limit: int = LIMIT) -> Found:
    wanted = text.strip().casefold()
    if not wanted:
        raise UsageError("find_empty")
    if kind is not None and kind not in KIND_BY_NAME:
        raise UsageError("find_kind", kind=kind, kinds=", ".join(k.name for k in KINDS))
    hits: list[Hit] = []
    for k in KINDS if kind is None else (KIND_BY_NAME[kind],):
        for record in ledger.records(k.model):
            found = _match(record, wanted)
            if found is not None:
                hits.append(Hit(record.id, k.name, record.date, *found))
    hits.sort(key=lambda h: (h.date, h.id), reverse=True)  # the newest first
    return Found(text, tuple(hits[:limit]), len(hits))

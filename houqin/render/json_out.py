"""`--format json` of every read command (docs/json.md): one JSON document on stdout, its `schema`
naming the layout and its version (houqin.<command>/<n>), then the report's own fields.

The layout follows the report's data, by one rule for every command, so a field added to a report
shows in its JSON without a second place to keep: a dataclass is an object of its fields and its public
properties (the totals), a record is its YAML keys (as the ledger writes them), money is a decimal
string ("1299.50", never a float), a day is ISO (2026-03-05), a tuple or list is an array, a mapping
keyed by a tuple (place, keeper) has its key joined by "/".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

SCHEMA_VERSION = 1


def schema_id(command: str, version: int = SCHEMA_VERSION) -> str:
    """houqin.asset.list/1 for `houqin asset list`."""
    return f"houqin.{command.replace(' ', '.')}/{version}"


def _properties(obj: object) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for klass in reversed(type(obj).__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, property) and not name.startswith("_"):
                out[name] = getattr(obj, name)
    return out


def plain(value: Any) -> Any:
    """`value` as JSON's types, by the rule above."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return format(Decimal(str(value)), "f")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return {k: plain(v) for k, v in {**fields, **_properties(value)}.items()}
    if isinstance(value, Mapping):
        return {("/".join(map(str, k)) if isinstance(k, tuple) else str(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        return [plain(v) for v in items]
    if hasattr(value, "_asdict"):
        return plain(value._asdict())
    return str(value)


def document(command: str, data: Any, **about: Any) -> dict[str, Any]:
    """The JSON document: its schema, what it was asked about (a day, a person), and the data."""
    body = plain(data)
    head = {"schema": schema_id(command), **{k: plain(v) for k, v in about.items()}}
    if isinstance(body, dict):
        return {**head, **body}
    return {**head, "rows": body}


def print_json(command: str, data: Any, **about: Any) -> None:
    sys.stdout.write(json.dumps(document(command, data, **about), ensure_ascii=False, indent=2) + "\n")

"""Round-trip writing with ruamel.yaml, one record at a time.

houqin never loads and dumps a whole record file to change it. Appending renders only the new
record and adds its text at the end; editing finds the record's lines, round-trips just those
lines (keeping their comments, quotes and key order) and splices them back. The rendering settings
here are the ledger's house style: what a full ruamel load + dump of a houqin file reproduces.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from houqin.models.base import Lined, Record

TAIL = ("note", "approvals", "accepted", "payment", "returned", "settlement")
FLOW_KEYS = frozenset({"approvals", "invoices", "invoice", "payment", "returned", "settlement", "accepted"})
# Lists of names or ids that read best on one line: places: [JX-101, JX-102].
FLOW_LISTS = frozenset({"places", "counted_by", "attendees"})
# A plain scalar starting with an indicator ('?0', '-x') is fine for ruamel but not for libyaml, the
# fast reader: quote it so both read it the same (found by tests/test_yamlio.py's hypothesis run).
INDICATORS = frozenset("?:-,[]{}#&*!|>'\"%@`")
# Strings that a YAML 1.2 reader would take for a number, boolean, null or date are quoted.
LOOKS_TYPED = re.compile(
    r"^(?:[-+]?(?:\d[\d_]*)?\.?\d*(?:[eE][-+]?\d+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    r"|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|~|null|Null|NULL"
    r"|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|\d+(?::\d+)+)$"
)


def yaml_rt() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=2, offset=0)
    y.width = 4096
    y.allow_unicode = True
    # The same date object used twice must be written twice, never as an anchor and alias.
    y.representer.ignore_aliases = lambda data: True
    return y


def _scalar(value: Any) -> Any:
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and value.as_tuple().exponent == 0:
            return int(value)
        return DoubleQuotedScalarString(str(value))
    # A colon anywhere is quoted too: libyaml refuses `{a: 0:?}` and `{a: x:}` in a flow mapping
    # (found by tests/test_housestyle.py's hypothesis run).
    if isinstance(value, str) and (not value or value[0] in INDICATORS or ":" in value or LOOKS_TYPED.match(value)):
        return DoubleQuotedScalarString(value)
    if isinstance(value, (str, int, bool, dt.date)) or value is None:
        return value
    raise TypeError(f"cannot write {type(value).__name__}")


def _flow_map(data: dict[str, Any]) -> CommentedMap:
    m = CommentedMap((k, to_yaml(v)) for k, v in data.items())
    m.fa.set_flow_style()
    return m


def to_yaml(value: Any, key: str = "") -> Any:
    """Turn model data into ruamel nodes in the house style (money quoted, small maps on one line)."""
    if isinstance(value, BaseModel):
        value = model_data(value)
    if isinstance(value, dict):
        if key in FLOW_KEYS:
            return _flow_map(value)
        return CommentedMap((k, to_yaml(v, k)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        seq = CommentedSeq()
        if key in FLOW_LISTS:
            seq.extend(_scalar(v) for v in value)
            seq.fa.set_flow_style()
            return seq
        for item in value:
            data = model_data(item) if isinstance(item, BaseModel) else item
            seq.append(_flow_map(data) if isinstance(data, dict) else to_yaml(data))
        return seq
    return _scalar(value)


def model_data(model: BaseModel) -> dict[str, Any]:
    """The fields a person writes, in model order, without defaults that say nothing."""
    data = model.model_dump(mode="python", exclude_none=True, exclude_defaults=False, by_alias=True)
    for name, field in type(model).model_fields.items():
        if name in data and not field.is_required() and data[name] == field.default and name != "account":
            del data[name]
    if isinstance(model, (Record, Lined)):
        data.pop("line", None)
        data.pop("source", None)
    # What happened to a record (its note, signatures, payment, return) reads best after what it is.
    return {k: v for k, v in data.items() if k not in TAIL} | {k: data[k] for k in TAIL if k in data}


def render_records(records: list[Record]) -> str:
    seq = CommentedSeq(to_yaml(r) for r in records)
    buf = io.StringIO()
    yaml_rt().dump(seq, buf)
    return buf.getvalue()


def record_spans(text: str, item_lines: list[int]) -> list[tuple[int, int]]:
    """(start, end) line indexes (0-based, end exclusive) of each top-level record, given the
    1-based lines the reader found them on; trailing comments and blank lines are left outside
    the span so an edit never touches them."""
    lines = text.splitlines(keepends=True)
    starts = [n - 1 for n in item_lines]
    spans = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        spans.append((start, end))
    return spans


def _update(node: CommentedMap, new: dict[str, Any]) -> None:
    for key in list(node.keys()):
        if key not in new:
            del node[key]
    for key, value in new.items():
        current = node.get(key)
        if isinstance(current, CommentedMap) and isinstance(value, dict) and key not in FLOW_KEYS:
            _update(current, value)
        elif isinstance(current, CommentedSeq) and isinstance(value, list) and _is_prefix(current, value):
            for item in value[len(current) :]:
                current.append(_flow_map(item) if isinstance(item, dict) else to_yaml(item))
        elif key not in node or _plain(current) != _normal(value):
            node[key] = to_yaml(value, key)


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    return node


def _normal(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent == 0 else str(value)
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_normal(v) for v in value]
    return value


def _is_prefix(current: CommentedSeq, new: list[Any]) -> bool:
    old = _plain(current)
    return len(old) <= len(new) and old == _normal(new[: len(old)])


def replace_record_text(text: str, span: tuple[int, int], record: Record) -> tuple[str, str]:
    """Re-render the record in `span` as `record`, touching only the keys whose values changed.
    Returns the new text of the file and the new text of the record alone."""
    lines = text.splitlines(keepends=True)
    start, end = span
    y = yaml_rt()
    seq = y.load("".join(lines[start:end]))
    _update(seq[0], model_data(record))
    buf = io.StringIO()
    y.dump(seq, buf)
    region = buf.getvalue()
    return "".join(lines[:start]) + region + "".join(lines[end:]), region


def append_record_text(text: str, record: Record) -> tuple[str, str]:
    """The file's text with `record` appended, and the record's own text."""
    if text and not text.endswith("\n"):
        text += "\n"
    chunk = render_records([record])
    return text + chunk, chunk


def is_block_list(text: str) -> bool:
    """True when the file's top level is a block sequence (or it has no content yet): then another
    `- ` item can be appended at the end without touching what is there."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return line.startswith("- ") or line == "-"
    return True

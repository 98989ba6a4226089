"""Round-trip writing with ruamel.yaml, one record at a time.

houqin never loads and dumps a whole record file to change it. Appending renders only the new
record and adds its text at the end; editing finds the record's lines, round-trips just those
lines (keeping their comments, quotes and key order) and splices them back. The rendering settings
here are the ledger's house style: what a full ruamel load + dump of a houqin file reproduces.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from houqin.models.base import Lined, Record

if TYPE_CHECKING:  # ruamel.yaml is imported by what uses it: a record the direct writer writes needs none
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

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
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.indent(mapping=2, sequence=2, offset=0)
    y.width = 4096
    y.allow_unicode = True
    # The same date object used twice must be written twice, never as an anchor and alias.
    y.representer.ignore_aliases = lambda data: True
    return y


def _shaped(value: Any) -> tuple[bool, Any]:
    """How the house style writes a scalar: (True, its text) to be double-quoted — money with cents,
    a string a reader could take for another type or an indicator — else (False, the value as written,
    money without cents as a whole number)."""
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and value.as_tuple().exponent == 0:
            return False, int(value)
        return True, str(value)
    # A colon anywhere is quoted too: libyaml refuses `{a: 0:?}` and `{a: x:}` in a flow mapping
    # (found by tests/test_housestyle.py's hypothesis run).
    if isinstance(value, str) and (not value or value[0] in INDICATORS or ":" in value or LOOKS_TYPED.match(value)):
        return True, value
    if isinstance(value, (str, int, bool, dt.date)) or value is None:
        return False, value
    raise TypeError(f"cannot write {type(value).__name__}")


def _scalar(value: Any) -> Any:
    """The scalar as ruamel is to write it (_shaped)."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    quoted, shaped = _shaped(value)
    return DoubleQuotedScalarString(shaped) if quoted else shaped


def _flow_map(data: dict[str, Any]) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap((k, to_yaml(v)) for k, v in data.items())
    m.fa.set_flow_style()
    return m


def to_yaml(value: Any, key: str = "") -> Any:
    """Turn model data into ruamel nodes in the house style (money quoted, small maps on one line)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

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
    """The records' text in the house style: written directly when every value is one the direct
    writer knows it writes as ruamel does (house_text), else by ruamel itself."""
    text = house_text(records)
    if text is not None:
        return text
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(to_yaml(r) for r in records)
    buf = io.StringIO()
    yaml_rt().dump(seq, buf)
    return buf.getvalue()


class _Unsure(Exception):
    """A value the direct writer leaves to ruamel."""


# A plain string the direct writer may write as it is: it starts with a letter or digit — one starting
# with a digit only if ruamel's own resolver takes it for a string (0b1 and 1.0_0 are numbers to it,
# not to _scalar) — and holds no character ruamel's emitter would weigh before leaving it plain (space
# runs, '#', quotes, escapes, line breaks; in a flow collection also , [ ] { }). Anything else goes to
# ruamel, which decides.
_PLAIN = re.compile(r"^[^\W_](?:[^\s#'\"\\,\[\]{}]| (?=[^\s#]))*$")
_PLAIN_BLOCK = re.compile(r"^[^\W_](?:[^\s#'\"\\]| (?=[^\s#]))*$")
_WIDTH = 4000  # ruamel breaks a flow collection past its width (4096 columns): longer goes to ruamel
_LONGEST = 1000  # a longer scalar is left to ruamel, which may fold it
_QUOTABLE = re.compile(r'^[^\x00-\x1f\x7f-\x9f"\\\u2028\u2029\ufeff]*$')


def house_text(records: list[Record]) -> str | None:
    """The records' text as ruamel writes them in the house style (yaml_rt, to_yaml), written
    directly — a close's thousands of fingerprints in a few milliseconds — or None when a value is one
    it leaves to ruamel (a nested map, a string ruamel might write in another style, …).
    tests/test_roundtrip.py holds it to ruamel's text on every record of the bundled ledger and on
    generated strings."""
    out: list[str] = []
    try:
        for record in records:
            first = True
            for key, value in model_data(record).items():
                _key(key)
                lead = "- " if first else "  "
                first = False
                if isinstance(value, dict):
                    if key not in FLOW_KEYS:
                        raise _Unsure
                    out.append(f"{lead}{key}: {_flow(value)}")
                elif isinstance(value, (list, tuple)):
                    if not value:
                        out.append(f"{lead}{key}: []")
                    elif key in FLOW_LISTS:
                        out.append(f"{lead}{key}: [{', '.join(_text(v, flow=True) for v in value)}]")
                    else:
                        out.append(f"{lead}{key}:")
                        for item in value:
                            data = model_data(item) if isinstance(item, BaseModel) else item
                            out.append(f"  - {_flow(data) if isinstance(data, dict) else _text(data, flow=False)}")
                else:
                    out.append(f"{lead}{key}: {_text(value, flow=False)}")
    except _Unsure:
        return None
    if any(len(line) > _WIDTH for line in out):
        return None
    return "".join(line + "\n" for line in out)


def _flow(data: dict[str, Any]) -> str:
    if not data:
        raise _Unsure
    return "{" + ", ".join(f"{_key(k)}: {_text(v, flow=True)}" for k, v in data.items()) + "}"


def _key(key: object) -> str:
    """A key as written: a field's name (anything else, a key of the school's choosing, goes to ruamel)."""
    if not isinstance(key, str) or not key.isidentifier() or not key.isascii():
        raise _Unsure
    return key


def _text(value: Any, *, flow: bool) -> str:
    """One scalar as ruamel writes it after _scalar, or _Unsure."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    if not isinstance(value, (str, Decimal)):
        raise _Unsure
    quoted, shaped = _shaped(value)
    if quoted:
        if len(shaped) > _LONGEST or not _QUOTABLE.match(shaped) or not shaped.isprintable():
            raise _Unsure
        return f'"{shaped}"'
    if isinstance(shaped, int):
        return str(shaped)
    if _writes_plain(shaped, flow=flow):
        return str(shaped)
    raise _Unsure


def _writes_plain(text: str, *, flow: bool) -> bool:
    """May the string be written plain, as ruamel writes it (see _PLAIN)?"""
    if len(text) > _LONGEST or not text.isprintable() or not (_PLAIN if flow else _PLAIN_BLOCK).match(text):
        return False
    return not text[0].isdigit() or _resolved(text) == "tag:yaml.org,2002:str"


@functools.cache
def _resolver() -> Any:
    from ruamel.yaml.resolver import VersionedResolver

    return VersionedResolver()


def _resolved(text: str) -> str:
    """The tag ruamel's resolver gives a plain scalar (what its emitter asks before writing it plain)."""
    from ruamel.yaml.nodes import ScalarNode

    return str(_resolver().resolve(ScalarNode, text, (True, False)))


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
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

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

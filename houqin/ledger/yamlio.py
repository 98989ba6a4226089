"""Reading a ledger file's YAML: what the two readers share, and the choice between them.

A file in the house style (what houqin writes) is read by housestyle.py; anything else by the strict
reader (libyaml.py: libyaml's parser with a YAML 1.2 core schema), for which alone PyYAML is imported.
Both resolve scalars the YAML 1.2 way (ruamel.yaml's, what houqin writes), give the mappings and
sequences below with the line of every mapping, key and item, so that a diagnostic can point at the
field that is wrong, and leave dates as strings for the models to parse.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from houqin.ledger.files import MAX_FILE_BYTES  # the bound the reader of files keeps too

TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = frozenset(TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq"))


class LinedDict(dict[Any, Any]):
    """A mapping that knows the (1-based) line it starts on and the line of each key."""

    __slots__ = ("key_lines", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.key_lines: dict[Hashable, int] = {}


class LinedList(list[Any]):
    __slots__ = ("item_lines", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.item_lines: list[int] = []


@dataclass(frozen=True)
class YamlProblem:
    """Why a file could not be read: a message code, its 1-based line, parameters."""

    code: str
    line: int
    params: tuple[tuple[str, str], ...] = ()


def bool_of(text: str) -> bool:
    return text.lower() == "true"


def too_long(text: str) -> bool:
    """A decimal integer of more than 30 digits: refused rather than carried as a huge number."""
    body = text.lstrip("+-")
    return not body.startswith(("0o", "0x")) and len(body) > 30


def int_of(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    if body.startswith("0o"):
        return sign * int(body[2:], 8)
    if body.startswith("0x"):
        return sign * int(body[2:], 16)
    return sign * int(body, 10)


def float_of(text: str) -> float:
    text = text.lower()
    if text.endswith((".inf", ".nan")):
        return float(text.replace(".", "", 1) if "nan" in text else text.replace(".", ""))
    return float(text)


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution), as ruamel.yaml reads it.
CORE_SCHEMA = (
    (TAG + "bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (TAG + "null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (TAG + "int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        TAG + "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
)
_PLAIN = tuple((re.compile(pattern), tag) for tag, pattern, _first in CORE_SCHEMA)
_MAY_RESOLVE = frozenset(c for _tag, _pattern, first in CORE_SCHEMA for c in first)
_OF_TAG = {TAG + "bool": bool_of, TAG + "null": lambda text: None, TAG + "int": int_of, TAG + "float": float_of}


def resolve_plain(text: str) -> Any:
    """What a plain (unquoted) scalar means under the schema above: the first resolver whose pattern
    matches (each one's first characters are those its pattern can start with), else the text."""
    if text and text[0] not in _MAY_RESOLVE:
        return text
    for pattern, tag in _PLAIN:
        if pattern.match(text):
            return _OF_TAG[tag](text)
    return text


def decode(data: bytes) -> tuple[str | None, YamlProblem | None]:
    """Ledger files are UTF-8 (a BOM is tolerated). Anything else gets a problem naming the likely encoding."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            data.decode("gb18030")
            return None, YamlProblem("YAML006", line, (("encoding", "GB18030"),))
        except UnicodeDecodeError:
            return None, YamlProblem("YAML006", line, (("encoding", "?"),))


def parse(data: bytes) -> tuple[Any, YamlProblem | None]:
    """Parse one YAML document from bytes (see housestyle: the house style takes a faster road to the
    same answer). Never raises on bad input: a problem is returned instead."""
    return _parse(data)


def strict_parse(data: bytes) -> tuple[Any, YamlProblem | None]:
    """parse() by libyaml alone: what the house-style reader is proven against."""
    return _parse(data, fast=False)


def _parse(data: bytes, fast: bool = True) -> tuple[Any, YamlProblem | None]:
    if len(data) > MAX_FILE_BYTES:
        return None, YamlProblem("YAML009", 0, (("size", str(len(data) >> 20)), ("limit", str(MAX_FILE_BYTES >> 20))))
    text, problem = decode(data)
    if problem is not None or text is None:
        return None, problem
    if "\0" in text:
        return None, YamlProblem("YAML001", text[: text.index("\0")].count("\n") + 1, (("problem", "NUL"),))
    from houqin.ledger.housestyle import read

    quick = read(text) if fast else None  # what houqin writes, read several times faster
    if quick is not None:
        return quick, None
    from houqin.ledger.libyaml import strict_read  # PyYAML is imported only for a file not in the house style

    return strict_read(text)

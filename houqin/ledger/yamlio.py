"""The fast, strict YAML reader: libyaml's parser with a YAML 1.2 core schema and line numbers.

Why not PyYAML's own SafeLoader schema: it is YAML 1.1 (`yes` is True, `012` is 10, `1:20` is 80,
a duplicated key silently wins), while what houqin writes is ruamel.yaml's YAML 1.2. This reader
resolves scalars the YAML 1.2 way, refuses duplicate keys, aliases and any tag beyond the plain
ones, and leaves dates as strings for the models to parse. Every mapping and sequence remembers its
line so a diagnostic can point at the field that is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from houqin.ledger.files import MAX_FILE_BYTES  # the bound the reader of files keeps too

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing: correct, only slower
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

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


class _Refused(ConstructorError):
    def __init__(self, code: str, node: Node, **params: str) -> None:
        super().__init__(None, None, code, node.start_mark)
        self.code = code
        self.params = params


class StrictLoader(_BaseLoader):
    yaml_implicit_resolvers = {}  # noqa: RUF012 - PyYAML's own class-level table, emptied for YAML 1.2

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused("YAML004", node)
        if node.tag not in ALLOWED_TAGS:
            raise _Refused("YAML003", node, tag=str(node.tag))
        return super().construct_object(node, deep=True)

    def construct_document(self, node: Node) -> Any:
        # Build everything eagerly (deep=True above) so no generator outlives a refused node.
        data = self.construct_object(node)
        self.constructed_objects = {}
        self.recursive_objects = {}
        return data


def _construct_map(loader: StrictLoader, node: MappingNode) -> LinedDict:
    out = LinedDict()
    out.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        if key_node.tag == TAG + "merge" or (key_node.value == "<<" and not key_node.style):
            raise _Refused("YAML004", key_node)  # ruamel would merge; houqin refuses rather than disagree
        key = loader.construct_object(key_node)
        if not isinstance(key, Hashable):
            raise _Refused("YAML005", key_node)
        if key in out:
            raise _Refused("YAML002", key_node, key=str(key), first=str(out.key_lines[key]))
        out.key_lines[key] = key_node.start_mark.line + 1
        out[key] = loader.construct_object(value_node)
    return out


def _construct_seq(loader: StrictLoader, node: SequenceNode) -> LinedList:
    out = LinedList()
    out.line = node.start_mark.line + 1
    for item in node.value:
        out.item_lines.append(item.start_mark.line + 1)
        out.append(loader.construct_object(item))
    return out


def _construct_bool(loader: StrictLoader, node: ScalarNode) -> bool:
    return bool_of(str(node.value))


def _construct_int(loader: StrictLoader, node: ScalarNode) -> int:
    text = str(node.value)
    if too_long(text):
        raise _Refused("YAML007", node)
    return int_of(text)


def _construct_float(loader: StrictLoader, node: ScalarNode) -> float:
    return float_of(str(node.value))


def _construct_null(loader: StrictLoader, node: ScalarNode) -> None:
    return None


def _construct_str(loader: StrictLoader, node: ScalarNode) -> str:
    return str(node.value)


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
_RESOLVERS = (
    (TAG + "bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (TAG + "null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (TAG + "int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        TAG + "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+0123456789."),
    ),
)
for _tag, _pattern, _first in _RESOLVERS:
    StrictLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)
_PLAIN = tuple((re.compile(pattern), tag) for tag, pattern, _first in _RESOLVERS)
_MAY_RESOLVE = frozenset(c for _tag, _pattern, first in _RESOLVERS for c in first)
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


StrictLoader.add_constructor(TAG + "map", _construct_map)
StrictLoader.add_constructor(TAG + "seq", _construct_seq)
StrictLoader.add_constructor(TAG + "bool", _construct_bool)
StrictLoader.add_constructor(TAG + "int", _construct_int)
StrictLoader.add_constructor(TAG + "float", _construct_float)
StrictLoader.add_constructor(TAG + "null", _construct_null)
StrictLoader.add_constructor(TAG + "str", _construct_str)


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
    loader = StrictLoader(text)
    try:
        return loader.get_single_data(), None
    except _Refused as exc:
        mark = exc.problem_mark
        return None, YamlProblem(exc.code, (mark.line + 1) if mark else 0, tuple(exc.params.items()))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "syntax"
        return None, YamlProblem("YAML001", (mark.line + 1) if mark else 0, (("problem", what),))
    except yaml.YAMLError as exc:
        return None, YamlProblem("YAML001", 0, (("problem", str(exc).splitlines()[0]),))
    except (RecursionError, MemoryError, ValueError, OverflowError) as exc:
        return None, YamlProblem("YAML001", 0, (("problem", type(exc).__name__),))
    finally:
        loader.dispose()

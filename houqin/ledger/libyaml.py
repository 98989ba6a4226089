"""The strict YAML reader: libyaml's parser with a YAML 1.2 core schema and line numbers.

Why not PyYAML's own SafeLoader schema: it is YAML 1.1 (`yes` is True, `012` is 10, `1:20` is 80,
a duplicated key silently wins), while what houqin writes is ruamel.yaml's YAML 1.2. This reader
resolves scalars the YAML 1.2 way, refuses duplicate keys, aliases and any tag beyond the plain
ones, and leaves dates as strings for the models to parse. It reads what the house-style reader
(housestyle.py) gives up on: yamlio.parse chooses, and imports this module (and PyYAML) only then.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from houqin.ledger.yamlio import (
    ALLOWED_TAGS,
    CORE_SCHEMA,
    TAG,
    LinedDict,
    LinedList,
    YamlProblem,
    bool_of,
    float_of,
    int_of,
    too_long,
)

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing: correct, only slower
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


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


for _tag, _pattern, _first in CORE_SCHEMA:
    StrictLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)
StrictLoader.add_constructor(TAG + "map", _construct_map)
StrictLoader.add_constructor(TAG + "seq", _construct_seq)
StrictLoader.add_constructor(TAG + "bool", _construct_bool)
StrictLoader.add_constructor(TAG + "int", _construct_int)
StrictLoader.add_constructor(TAG + "float", _construct_float)
StrictLoader.add_constructor(TAG + "null", _construct_null)
StrictLoader.add_constructor(TAG + "str", _construct_str)


def strict_read(text: str) -> tuple[Any, YamlProblem | None]:
    """The one YAML document in `text`, or the problem that stops it; never raises on bad input."""
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

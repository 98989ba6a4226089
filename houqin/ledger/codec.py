"""A compact, fast form of validated records for the cache.

pydantic guards the boundary: what a person wrote is validated once. The cache keeps the validated
data as plain tuples of str/int (money as text, days as ordinals), which `marshal` reads back far
faster than unpickling models, and rebuilds the very same frozen models without validating again.
Each model's encoder and decoder are generated from its fields (straight-line code, no per-field
function calls), so the codec never drifts from the models; tests prove decode(encode(r)) == r.

A model is rebuilt by filling in the four slots every pydantic v2 model has (its fields, the fields
set, no extra, no private attributes): what `model_construct` leaves, at a third of its cost (it
looks for aliases and defaults field by field, and a write decodes every record of the file it
changes). That is done only where it gives what `model_construct` gives: when pydantic's model has
exactly these slots and the model neither allows extra fields nor has private attributes, and once
per model the first record decoded is built both ways and compared; otherwise, and for good once the
two differ, the decoder calls `model_construct` (tests/test_ledger_model.py). The records of a model
share one fields set (every field is set): pydantic only ever adds a field's name to it, which it
holds already, and copies it before changing a copy (model_copy); a set of its own per record would
be a third of a decoded card's memory (at 1M records 200 MB for the carried register alone).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel

from houqin.models.base import Source

Encoder = Callable[[Any], tuple[Any, ...]]
Decoder = Callable[[tuple[Any, ...]], Any]


class _Gen:
    """Source text of one encode/decode pair, with the helpers it refers to."""

    def __init__(self) -> None:
        self.env: dict[str, Any] = {
            "Decimal": Decimal,
            "fromordinal": dt.date.fromordinal,
            "Source": Source,
        }

    def expr(self, annotation: Any, value: str, decode: bool) -> str:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            return self.expr(args[0], value, decode)
        if origin in (typing.Union, types.UnionType):
            rest = [a for a in args if a is not type(None)]
            if len(rest) != 1:
                raise TypeError(f"no codec for {annotation}")
            inner = self.expr(rest[0], value, decode)
            return value if inner == value else f"(None if {value} is None else {inner})"
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            inner = self.expr(args[0], "x", decode)
            return f"tuple({value})" if inner == "x" else f"tuple([{inner} for x in {value}])"
        if origin is typing.Literal or annotation in (str, int, bool):
            return value
        if annotation is Decimal:
            return f"Decimal({value})" if decode else f"str({value})"
        if annotation is dt.date:
            return f"fromordinal({value})" if decode else f"{value}.toordinal()"
        if annotation is Source:
            return f"Source(*{value})" if decode else f"tuple({value})"
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            enc, dec = model_codec(annotation)
            name = f"{'dec' if decode else 'enc'}_{annotation.__name__}"
            self.env[name] = dec if decode else enc
            return f"{name}({value})"
        raise TypeError(f"no codec for {annotation}")


@cache
def model_codec(cls: type[BaseModel]) -> tuple[Encoder, Decoder]:
    gen = _Gen()
    names = list(cls.model_fields)
    fields = {n: cls.model_fields[n].annotation for n in names}
    enc_items = ", ".join(gen.expr(fields[n], f"d[{n!r}]", decode=False) for n in names)
    dec_items = ", ".join(f"{n!r}: {gen.expr(fields[n], f'r[{i}]', decode=True)}" for i, n in enumerate(names))
    env = gen.env
    env.update(construct=cls.model_construct, all_fields=frozenset(names), fields_set=set(names), cls=cls)
    env.update(new=object.__new__, put=object.__setattr__, fast=False, tried=not _plain(cls))
    # How the fast path fills in a model from its fields' values `v`: inline in decode (no call per
    # record), and the same lines as `fill`, which the proof builds its model with. The fields' values
    # are written out once (compiling is most of what a codec costs to make).
    filled = (
        "m = new(cls)\n"
        "put(m, '__dict__', {v})\n"
        "put(m, '__pydantic_fields_set__', fields_set)\n"
        "put(m, '__pydantic_extra__', None)\n"
        "put(m, '__pydantic_private__', None)\n"
        "return m\n"
    )

    def body(values: str, indent: str) -> str:
        return "".join(f"{indent}{line}\n" for line in filled.format(v=values).splitlines())

    source = (
        f"def encode(m):\n    d = m.__dict__\n    return ({enc_items},)\n"
        "def decode(r):\n"
        f"    v = {{{dec_items}}}\n"
        "    if fast:\n"
        f"{body('v', ' ' * 8)}"
        "    sure = construct(set(all_fields), **v)\n"
        "    if not tried:\n"
        "        prove(v, sure)\n"
        "    return sure\n"
        "def fill(d):\n"
        f"{body('dict(d)', ' ' * 4)}"
    )

    def prove(values: dict[str, Any], sure: BaseModel) -> None:
        """The first row: built by filling in the slots, is it what model_construct built? Then from
        now on fill them in (else, for good, construct). Both are built from the same decoded values,
        so a nested model is the same object in both (its own decoder proved itself on its first row)
        and the comparison walks this model's slots, not the whole of a large record's nested rows."""
        env["tried"] = True
        env["fast"] = _same(env["fill"](values), sure)

    env["prove"] = prove
    exec(compile(source, f"<houqin codec {cls.__name__}>", "exec"), env)
    return env["encode"], env["decode"]


_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


def _plain(cls: type[BaseModel]) -> bool:
    """Is the model laid out as the decoder fills it in: pydantic's four slots, no extra, nothing private?"""
    return BaseModel.__slots__ == _SLOTS and cls.model_config.get("extra") != "allow" and not cls.__private_attributes__


def _same(quick: BaseModel, sure: BaseModel) -> bool:
    """Two models alike in every slot, field by field (a nested model compared the same way)."""
    return type(quick) is type(sure) and all(_alike(getattr(quick, slot), getattr(sure, slot)) for slot in _SLOTS)


def _alike(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if isinstance(a, BaseModel) and isinstance(b, BaseModel):
        return _same(a, b)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_alike(a[k], b[k]) for k in a)
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_alike(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and bool(a == b)


@cache
def fields_decoder(cls: type[BaseModel], names: tuple[str, ...]) -> Callable[[tuple[Any, ...]], dict[str, Any]]:
    """Some fields of a model, decoded from its cached row without building the model: the year
    opening's plain facts, without its asset register (models/year_close.OpeningHead)."""
    gen = _Gen()
    order = list(cls.model_fields)
    fields = {n: cls.model_fields[n].annotation for n in order}
    items = ", ".join(f"{n!r}: {gen.expr(fields[n], f'r[{order.index(n)}]', decode=True)}" for n in names)
    exec(compile(f"def decode(r):\n    return {{{items}}}\n", f"<houqin fields {cls.__name__}>", "exec"), gen.env)
    decode: Callable[[tuple[Any, ...]], dict[str, Any]] = gen.env["decode"]
    return decode

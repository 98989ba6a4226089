"""A compact, fast form of validated records for the cache.

pydantic guards the boundary: what a person wrote is validated once. The cache keeps the validated
data as plain tuples of str/int (money as text, days as ordinals), which `marshal` reads back far
faster than unpickling models, and rebuilds the very same frozen models without validating again,
through pydantic's public construction API (`model_construct`, with every field named as set), so it
does not depend on pydantic's private attributes across the versions pyproject allows. Each model's
encoder and decoder are generated from its fields (straight-line code, no per-field function calls),
so the codec never drifts from the models; tests prove decode(encode(r)) == r.
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
    gen.env.update(construct=cls.model_construct, all_fields=frozenset(names))
    source = (
        f"def encode(m):\n    d = m.__dict__\n    return ({enc_items},)\n"
        f"def decode(r):\n    return construct(set(all_fields), **{{{dec_items}}})\n"
    )
    exec(compile(source, f"<houqin codec {cls.__name__}>", "exec"), gen.env)
    return gen.env["encode"], gen.env["decode"]


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

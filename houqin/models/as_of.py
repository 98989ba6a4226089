"""A record as it stood on a day: without the steps dated after it.

A record is written once and then gathers steps as the work goes on — signatures, a payment, a return,
a repair done and accepted, an assessment, a settlement, an acceptance of goods, a finding resolved.
Each step carries its own day (`on`, or the day itself for `done`/`resolved`), so the record as it stood
at the end of any day is the record without the later steps. This is what a close seals (models/closing.py):
a later step on an item still open is a new fact, and leaves what was sealed as it was. Pure, no IO."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

from houqin.models.base import Record

R = TypeVar("R", bound=Record)
STEP_DAYS = frozenset({"done", "resolved"})  # fields whose value is the day a step was done


def as_of(record: R, day: dt.date) -> R:
    """`record` without the steps dated after `day` (the record itself when it has none)."""
    update: dict[str, Any] = {}
    for name in _step_fields(type(record)):
        value = getattr(record, name)
        kept = _kept(name, value, day)
        if kept is not value:
            update[name] = kept
    return record.model_copy(update=update) if update else record


def step_days(record: Record) -> Iterator[dt.date]:
    """The day of every step on the record."""
    for name in _step_fields(type(record)):
        yield from _days(name, getattr(record, name))


def last_step(record: Record) -> dt.date:
    """The day of the record's latest step, or its own day when it has none."""
    return max(step_days(record), default=record.date)


def has_steps(cls: type[BaseModel]) -> bool:
    """Can records of this model gather steps after they are written?"""
    return bool(_step_fields(cls))


def step_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that hold its steps."""
    return _step_fields(cls)


def _kept(name: str, value: object, day: dt.date) -> object:
    if isinstance(value, dt.date):
        return None if name in STEP_DAYS and value > day else value
    if isinstance(value, tuple):
        kept = tuple(k for k in (_kept(name, v, day) for v in value) if k is not None)
        return value if len(kept) == len(value) and all(a is b for a, b in zip(kept, value, strict=True)) else kept
    if isinstance(value, BaseModel):
        on = getattr(value, "on", None)
        if isinstance(on, dt.date):
            return None if on > day else value
        update = {}
        for inner in _step_fields(type(value)):
            old = getattr(value, inner)
            new = _kept(inner, old, day)
            if new is not old:
                update[inner] = new
        return value.model_copy(update=update) if update else value
    return value


def _days(name: str, value: object) -> Iterator[dt.date]:
    if isinstance(value, dt.date):
        if name in STEP_DAYS:
            yield value
    elif isinstance(value, tuple):
        for v in value:
            yield from _days(name, v)
    elif isinstance(value, BaseModel):
        on = getattr(value, "on", None)
        if isinstance(on, dt.date):
            yield on
            return
        for inner in _step_fields(type(value)):
            yield from _days(inner, getattr(value, inner))


@cache
def _step_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model that can hold a step: a step-day field, a nested model with its own day
    (`on`), or a tuple of them, or a nested model holding such fields."""
    return tuple(name for name, info in cls.model_fields.items() if name in STEP_DAYS or _holds_steps(info.annotation))


def _holds_steps(annotation: object) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "on" in annotation.model_fields or bool(_step_fields(annotation))
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return False
    return any(_holds_steps(arg) for arg in typing.get_args(annotation))

"""Turning a model's validation failure on command-line input into one readable line."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from houqin.errors import UsageError

M = TypeVar("M", bound=BaseModel)


def first_error(exc: ValidationError) -> str:
    err = exc.errors(include_url=False)[0]
    return f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"


def validated(model: type[M], /, **fields: object) -> M:
    """The model built from what a person typed, or a usage error (exit 2) naming the first bad field.
    (`model` is positional-only: an asset has a field of that name, 规格型号.)"""
    try:
        return model(**fields)
    except ValidationError as exc:
        raise UsageError("invalid_input", detail=first_error(exc)) from None

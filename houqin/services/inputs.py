"""Turning a model's validation failure on command-line input into one readable line."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from houqin.errors import UsageError

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class FieldProblem:
    """The first thing a model refused, said in the reader's language when printed: 验收人(received_by)：不能为空."""

    field: str
    kind: str
    params: tuple[tuple[str, str], ...]
    detail: str

    def render(self, lang: str) -> str:
        from houqin.i18n import field_label, message, t
        from houqin.messages import SCHEMA_REASONS

        said = message(self.kind, lang, "schema_reason") if self.kind in SCHEMA_REASONS else self.detail
        reason = said.format_map(defaultdict(lambda: "?", dict(self.params)))
        return f"{field_label(self.field, lang)}{t('sep.colon', lang)}{reason}"


def first_error(exc: ValidationError) -> FieldProblem:
    err = exc.errors(include_url=False)[0]
    field = ".".join(str(p) for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    params = tuple((str(k), str(v)) for k, v in (err.get("ctx") or {}).items())
    if "value" not in dict(params) and isinstance(err.get("input"), (str, int)):
        params += (("value", str(err["input"])),)
    return FieldProblem(field, err["type"], params, err["msg"])


def validated(model: type[M], /, **fields: object) -> M:
    """The model built from what a person typed, or a usage error (exit 2) naming the first bad field.
    (`model` is positional-only: an asset has a field of that name, 规格型号.)"""
    try:
        return model(**fields)
    except ValidationError as exc:
        raise UsageError("invalid_input", detail=first_error(exc)) from None

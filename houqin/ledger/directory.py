"""Entries appended to the ledger's directory files — people.yaml, places.yaml and catalog.yaml's
funding_sources — in the files' own one-line flow style, so `git diff` shows one added line each.
Used when an import registers what the register names and the ledger lacks (--add-missing)."""

from __future__ import annotations

import json
import re

import yaml

from houqin.errors import InputError
from houqin.models.directory import Person, Place

_PLAIN = re.compile(r"^[^\s,:{}\[\]#&*!|>'\"%@`?-][^,:{}\[\]#]*$")


def scalar(text: str) -> str:
    """A value as a flow mapping may hold it: plain when YAML reads it back as the same text, else quoted."""
    if _PLAIN.match(text) and yaml.safe_load(text) == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def person_line(p: Person) -> str:
    roles = ", ".join(r.role for r in p.roles)
    extra = f", department: {scalar(p.department)}" if p.department else ""
    extra += f", joined: {p.joined.isoformat()}" if p.joined else ""
    extra += f", phone: {json.dumps(p.phone, ensure_ascii=False)}" if p.phone else ""
    return f"- {{name: {scalar(p.name)}, roles: [{roles}]{extra}}}\n"


def place_line(p: Place) -> str:
    building = f", building: {scalar(p.building)}" if p.building else ""
    return f"- {{id: {scalar(p.id)}, name: {scalar(p.name)}, kind: {p.kind}{building}, keeper: {scalar(p.keeper)}}}\n"


def appended(text: str, lines: list[str], file: str) -> str:
    """`text` with `lines` added at its end (after a final newline)."""
    if text and not text.endswith("\n"):
        text += "\n"
    new = text + "".join(lines)
    parsed = yaml.safe_load(new)
    if not isinstance(parsed, list):
        raise InputError("file_unreadable", path=file)
    return new


def with_funding(text: str, sources: list[str], defaults: tuple[str, ...]) -> str:
    """catalog.yaml with `sources` added to funding_sources, written as the file writes it (a flow list
    on one line, or a block list), or the key added with the defaults it stood for."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        flow = re.match(r"^funding_sources:\s*\[(?P<items>.*)\]\s*$", line)
        if flow is not None:
            items = [x.strip() for x in flow["items"].split(",") if x.strip()]
            lines[i] = f"funding_sources: [{', '.join([*items, *map(scalar, sources)])}]\n"
            return _checked("".join(lines))
        if re.match(r"^funding_sources:\s*$", line):
            end = i + 1
            while end < len(lines) and lines[end].startswith("- "):
                end += 1
            lines[end:end] = [f"- {scalar(s)}\n" for s in sources]
            return _checked("".join(lines))
    tail = "" if not text or text.endswith("\n") else "\n"
    return _checked(text + tail + f"funding_sources: [{', '.join(map(scalar, [*defaults, *sources]))}]\n")


def _checked(text: str) -> str:
    if not isinstance(yaml.safe_load(text), dict):
        raise InputError("file_unreadable", path="catalog.yaml")
    return text

"""A reader for the YAML houqin itself writes, several times faster than libyaml through PyYAML.

The house style (docs/architecture.md) is a small, regular part of YAML: block sequences and block
mappings by indentation, one key per line, small mappings and lists in flow style on one line,
scalars plain or quoted without escapes, comments on lines of their own or after a value (as an
editor or another tool leaves them: `- id: ZC-2026-0001  # 已贴标签`). This reader accepts exactly
that and gives what the strict reader (libyaml.StrictLoader) gives for it: the same values, resolved
by the same YAML 1.2 core schema, and the same line of every mapping, key and item. On anything else
— a multi-line scalar, an escape, an anchor, a tag, a duplicate key, a tab — it
gives up (None) and the strict reader reads the file, with its diagnostics. tests/test_housestyle.py
proves the two agree on every bundled and generated file and on generated documents.
"""

from __future__ import annotations

import re
from typing import Any

from houqin.ledger.yamlio import LinedDict, LinedList, resolve_plain, too_long

KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
DECIMAL = re.compile(r"[-+]?[0-9]+")
# What may not start a plain scalar (YAML's indicators), and what may not appear in one here.
INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
FLOW_BREAKS = frozenset(",[]{}")
# Tabs, carriage returns, what libyaml takes for line breaks (NEL, LS, PS), byte order marks and every
# character YAML does not allow in a document.
UNUSUAL = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


class GiveUp(Exception):
    """Not the house style: let the strict reader read it."""


def read(text: str) -> Any | None:
    """The document, or None when the text is not (certainly) in the house style."""
    if "\\" in text or UNUSUAL.search(text):
        return None
    lines: list[tuple[int, int, str]] = []  # (1-based line, indent, content)
    for number, raw in enumerate(text.split("\n"), start=1):
        content = raw.lstrip(" ")
        if not content or content.startswith("#"):
            continue
        if raw.endswith(" "):
            return None
        indent = len(raw) - len(content)
        if " #" in content:
            content = _before_comment(content)
        lines.append((number, indent, content))
    if not lines:
        return None
    try:
        reader = _Reader(lines)
        value = reader.node(lines[0][1])  # a document may stand indented as a whole
        if reader.pos != len(lines):
            return None
        return value
    except (GiveUp, RecursionError):  # deep nesting is the strict reader's to report
        return None


def _before_comment(content: str) -> str:
    """The line without the comment after its value: YAML begins a comment at a # after a space, outside
    a quoted scalar. A quote opens wherever one stands (a quote inside a plain scalar, which YAML takes
    for a letter, keeps the rest uncut, and the scalar then gives up on its " #"), so a cut never falls
    inside a quoted scalar; one that would leave an unclosed quote, which the scalar refuses."""
    quote = ""
    for i, c in enumerate(content):
        if quote:
            if c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "#" and content[i - 1] == " ":
            return content[:i].rstrip(" ")
    return content


class _Reader:
    def __init__(self, lines: list[tuple[int, int, str]]) -> None:
        self.lines = lines
        self.pos = 0

    def node(self, indent: int) -> Any:
        _number, at, content = self.lines[self.pos]
        if at != indent:
            raise GiveUp
        if content.startswith("- ") or content == "-":
            return self.block_seq(indent)
        return self.block_map(indent)

    def block_seq(self, indent: int) -> LinedList:
        out = LinedList()
        out.line = self.lines[self.pos][0]
        while self.pos < len(self.lines):
            number, at, content = self.lines[self.pos]
            if at != indent or not content.startswith("- "):
                if at > indent:
                    raise GiveUp
                break
            rest = content[2:]
            out.item_lines.append(number)
            if rest.startswith(" ") or not rest:
                raise GiveUp
            key, sep, _value = rest.partition(": ")
            if (sep and KEY.fullmatch(key)) or (rest.endswith(":") and KEY.fullmatch(rest[:-1])):
                # a mapping begins on the item's line: its keys stand two columns in
                self.lines[self.pos] = (number, indent + 2, rest)
                out.append(self.block_map(indent + 2))
            else:
                self.pos += 1
                out.append(value_of(rest, number))
        return out

    def block_map(self, indent: int) -> LinedDict:
        out = LinedDict()
        out.line = self.lines[self.pos][0]
        while self.pos < len(self.lines):
            number, at, content = self.lines[self.pos]
            if at != indent or content.startswith("- "):
                if at > indent:
                    raise GiveUp
                break
            if content.endswith(":"):
                key, value_text = content[:-1], ""
            else:
                key, sep, value_text = content.partition(": ")
                if not sep:
                    raise GiveUp
            if not KEY.fullmatch(key) or resolve_plain(key) != key or key in out:
                raise GiveUp
            out.key_lines[key] = number
            self.pos += 1
            if value_text:
                out[key] = value_of(value_text, number)
                continue
            if self.pos < len(self.lines):
                _next, next_at, next_content = self.lines[self.pos]
                if next_at > indent or (next_at == indent and next_content.startswith("- ")):
                    out[key] = self.node(next_at)
                    continue
            out[key] = None
        return out


def value_of(text: str, line: int) -> Any:
    """A scalar or a one-line flow collection written after `key: ` or `- `."""
    if not text.startswith(("{", "[")):
        return _scalar(text, flow=False)
    value, end = _flow_item(text, 0, line)
    if end != len(text):
        raise GiveUp
    return value


def _scalar(text: str, flow: bool) -> Any:
    if not text or text[0] == " ":
        raise GiveUp
    if text[0] in "\"'":
        quote = text[0]
        if len(text) < 2 or text[-1] != quote or quote in text[1:-1]:
            raise GiveUp
        return text[1:-1]
    if (
        (text[0] in INDICATORS and not (text[0] == "-" and len(text) > 1 and (text[1].isdigit() or text[1] == ".")))
        or ": " in text
        or " #" in text
        or text.endswith((":", " "))
        or (flow and (any(c in FLOW_BREAKS for c in text) or ":" in text))  # libyaml refuses `{a: 0:?}`
    ):
        raise GiveUp
    if too_long(text) and DECIMAL.fullmatch(text):
        raise GiveUp  # a huge number, which the strict reader refuses
    return resolve_plain(text)


def _flow_value_end(text: str, start: int) -> int:
    """Where a scalar inside a flow collection ends: its closing quote, or the next , ] or }."""
    if text[start] in "\"'":
        end = text.find(text[start], start + 1)
        if end < 0:
            raise GiveUp
        return end + 1
    end = start
    while end < len(text) and text[end] not in ",]}":
        end += 1
    return end


def _flow_item(text: str, at: int, line: int) -> tuple[Any, int]:
    """A value inside a flow collection: a nested one, or a scalar. Returns it and where it ends."""
    if at >= len(text) or text[at] in " ,]}":
        raise GiveUp
    if text[at] == "{":
        return _flow_map(text, at, line)
    if text[at] == "[":
        return _flow_seq(text, at, line)
    end = _flow_value_end(text, at)
    return _scalar(text[at:end].rstrip(" "), flow=True), end


def _skip_spaces(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at


# One entry of a flow mapping as houqin writes it: `key: value`, entries joined by ", ".
ENTRY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): (\"[^\"]*\"|'[^']*'|[^,{}\[\]\"' ][^,{}\[\]]*?)(?=, |\}$)")


def _house_flow_map(text: str, line: int) -> LinedDict | None:
    """A whole line `{k: v, k: v}` in exactly the house spacing, read at once (None: read it slowly)."""
    entries = ENTRY.findall(text, 1)
    if not entries or "{" + ", ".join(f"{k}: {v}" for k, v in entries) + "}" != text:
        return None
    out = LinedDict()
    out.line = line
    for key, value in entries:
        if resolve_plain(key) != key or key in out:
            raise GiveUp
        out.key_lines[key] = line
        out[key] = _scalar(value, flow=True)
    return out


def _flow_map(text: str, start: int, line: int) -> tuple[LinedDict, int]:
    if start == 0 and text.endswith("}"):
        quick = _house_flow_map(text, line)
        if quick is not None:
            return quick, len(text)
    out = LinedDict()
    out.line = line
    at = _skip_spaces(text, start + 1)
    if at < len(text) and text[at] == "}":
        return out, at + 1
    while True:
        colon = text.find(": ", at)
        if colon < 0:
            raise GiveUp
        key = text[at:colon]
        if not KEY.fullmatch(key) or resolve_plain(key) != key or key in out:
            raise GiveUp
        out.key_lines[key] = line
        out[key], end = _flow_item(text, colon + 2, line)
        at = _skip_spaces(text, end)
        if at >= len(text):
            raise GiveUp
        if text[at] == "}":
            return out, at + 1
        if text[at] != ",":
            raise GiveUp
        at = _skip_spaces(text, at + 1)


def _flow_seq(text: str, start: int, line: int) -> tuple[LinedList, int]:
    out = LinedList()
    out.line = line
    at = _skip_spaces(text, start + 1)
    if at < len(text) and text[at] == "]":
        return out, at + 1
    while True:
        out.item_lines.append(line)
        item, end = _flow_item(text, at, line)
        out.append(item)
        at = _skip_spaces(text, end)
        if at >= len(text):
            raise GiveUp
        if text[at] == "]":
            return out, at + 1
        if text[at] != ",":
            raise GiveUp
        at = _skip_spaces(text, at + 1)

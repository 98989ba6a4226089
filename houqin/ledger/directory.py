"""Entries appended to the ledger's directory files — people.yaml, places.yaml and catalog.yaml's
funding_sources — in the files' own one-line flow style, so `git diff` shows one added line each.
Used when an import registers what the register names and the ledger lacks (--add-missing), and for
the accounts' opening balances (houqin finance open)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from decimal import Decimal

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from houqin.errors import InputError
from houqin.ledger.roundtrip import _flow_map, yaml_rt
from houqin.models.directory import DEFAULT_ACCOUNTS, Person, Place

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


def with_openings(text: str, openings: dict[str, tuple[str, Decimal]], day: dt.date) -> str:
    """catalog.yaml with each account's `opening` and `opened` set (houqin finance open): `openings` maps
    an account id to its name (for an account the file does not list yet: one of the three every ledger
    has) and its balance. Only the accounts' own lines change (one line each, as the file writes them),
    so `git diff` shows the openings and nothing else; a file without `accounts` gets the three defaults.
    An account written as a block mapping is rewritten through ruamel's round trip instead."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    head = next((i for i, line in enumerate(lines) if re.match(r"^accounts:\s*$", line)), None)
    if head is None:
        lines.append("accounts:\n")
        lines += [f"- {_flow_line({'id': a.id, 'name': a.name})}\n" for a in DEFAULT_ACCOUNTS]
        head = len(lines) - len(DEFAULT_ACCOUNTS) - 1
    end, prefix = head + 1, "- "
    items: dict[str, int] = {}
    while end < len(lines) and (lines[end].lstrip().startswith("- ") or not lines[end].strip()):
        item = re.match(r"^(\s*- )(\{.*\})\s*$", lines[end])
        if item is None and lines[end].strip():
            return _with_openings_rt(text, openings, day)
        if item is not None:
            prefix = item[1]
            data = yaml.safe_load(item[2])
            if isinstance(data, dict):
                items[str(data.get("id"))] = end
        end += 1
    for account, (name, amount) in openings.items():
        at = items.get(account)
        data = yaml.safe_load(lines[at][len(prefix) :]) if at is not None else {"id": account, "name": name}
        data.update(opening=f"{amount:.2f}", opened=day)
        line = f"{prefix}{_flow_line(data)}\n"
        if at is None:
            lines.insert(end, line)
            end += 1
        else:
            lines[at] = line
    new = "".join(lines)
    if not isinstance(yaml.safe_load(new), dict):
        raise InputError("file_unreadable", path="catalog.yaml")
    return new


def _flow_line(data: dict[str, object]) -> str:
    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (dt.date, int)):
            return str(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return scalar(str(v))

    return "{" + ", ".join(f"{k}: {value(v)}" for k, v in data.items()) + "}"


def _with_openings_rt(text: str, openings: dict[str, tuple[str, Decimal]], day: dt.date) -> str:
    y = yaml_rt()
    doc = y.load(text)
    if not isinstance(doc, CommentedMap) or not isinstance(doc.get("accounts"), CommentedSeq):
        raise InputError("file_unreadable", path="catalog.yaml")
    accounts = doc["accounts"]
    listed = {str(a.get("id")): a for a in accounts if isinstance(a, CommentedMap)}
    for account, (name, amount) in openings.items():
        entry = listed.get(account)
        if entry is None:
            entry = _flow_map({"id": account, "name": name})
            accounts.append(entry)
        entry["opening"] = DoubleQuotedScalarString(f"{amount:.2f}")
        entry["opened"] = day
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()

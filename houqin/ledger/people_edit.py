"""Edits of people.yaml that houqin makes itself: a key registered or revoked (houqin key add/revoke).

Only the person's own entry changes (through ruamel's round trip, so comments and the other entries
stay as they are); an entry written on one line becomes a block so that its keys read one a line.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from houqin.errors import InputError, UsageError
from houqin.ledger.roundtrip import _flow_map, yaml_rt

PEOPLE = "people.yaml"


def _load(text: str) -> CommentedSeq:
    y = yaml_rt()
    doc = y.load(text)
    if not isinstance(doc, CommentedSeq):
        raise InputError("file_unreadable", path=PEOPLE)
    return doc


def _dump(doc: CommentedSeq) -> str:
    buf = io.StringIO()
    yaml_rt().dump(doc, buf)
    return buf.getvalue()


def _entry(doc: CommentedSeq, person: str) -> CommentedMap:
    for item in doc:
        if isinstance(item, CommentedMap) and item.get("name") == person:
            return item
    raise UsageError("unknown_person", name=person)


def add_key(text: str, person: str, entry: dict[str, Any]) -> str:
    """people.yaml with `entry` (key, added, anchor, sig) appended to the person's keys."""
    doc = _load(text)
    found = _entry(doc, person)
    found.fa.set_block_style()
    keys = found.get("keys")
    if not isinstance(keys, CommentedSeq):
        keys = CommentedSeq()
        found["keys"] = keys
    keys.append(_flow_map(entry))
    return _dump(doc)


def revoke_key(text: str, person: str, index: int, revoked: Any, sig: str) -> str:
    """people.yaml with the person's key at `index` revoked on that day, with the revocation's signature."""
    doc = _load(text)
    keys = _entry(doc, person).get("keys")
    if not isinstance(keys, CommentedSeq) or not 0 <= index < len(keys):
        raise UsageError("unknown_key", person=person)
    key = keys[index]
    key["revoked"] = revoked
    key["revoke_sig"] = sig
    return _dump(doc)

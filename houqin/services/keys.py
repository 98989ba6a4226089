"""Keys in people.yaml: register one (the anchor, or under the principal's key), revoke one, list them.

A key change is itself a signed statement (models/statements.py: key_statement, revoke_statement)
written beside the key in people.yaml, so a key added or revoked by hand, without the principal's
key, is caught by the keys check (KEY006). The first key of the principal, the anchor, signs its own
registration; its fingerprint is what the school writes down outside the ledger (docs/signatures.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from houqin import sshsig
from houqin.checks.keys import trust_of
from houqin.errors import UsageError
from houqin.models.ledger import Ledger
from houqin.models.statements import key_statement, revoke_statement
from houqin.services.signing import KeySigner


@dataclass(frozen=True)
class KeyRow:
    person: str
    fingerprint: str
    type: str
    comment: str
    added: dt.date
    revoked: dt.date | None
    anchor: bool
    trusted: bool


def _principal_signer(ledger: Ledger, approver: KeySigner | None, on: dt.date) -> KeySigner:
    if approver is None:
        raise UsageError("key_needs_principal")
    trust = trust_of(ledger.config.school.name, ledger.people)
    if not any(
        h.entry.valid_on(on) and h.person.holds("principal", on)
        for h in trust.trusted.get(approver.public.fingerprint, ())
    ):
        raise UsageError("key_not_principal", fp=approver.public.fingerprint, on=on)
    return approver


def registered(ledger: Ledger, fingerprint: str) -> str | None:
    """Who already holds a key of this fingerprint (a key belongs to one person)."""
    for person in ledger.people:
        for entry in person.keys:
            try:
                if sshsig.parse_public_key(entry.key).fingerprint == fingerprint:
                    return person.name
            except sshsig.KeyFormatError:
                continue
    return None


def new_key_entry(
    ledger: Ledger, person: str, line: str, on: dt.date, anchor: bool, approver: KeySigner | None
) -> dict[str, Any]:
    """The people.yaml entry that registers `line` for `person`, signed (or refused, nothing written)."""
    who = ledger.person_by_name.get(person)
    if who is None:
        raise UsageError("unknown_person", name=person)
    try:
        key = sshsig.parse_public_key(line)
    except sshsig.KeyFormatError as e:
        raise UsageError(
            "key_type" if e.reason == "unsupported_type" else "key_not_ssh", path="--file", type=e.detail
        ) from None
    holder = registered(ledger, key.fingerprint)
    if holder is not None:
        raise UsageError("key_exists", fp=key.fingerprint, person=holder)
    school = ledger.config.school.name
    if anchor:
        if any(e.anchor for p in ledger.people for e in p.keys):
            raise UsageError("anchor_exists")
        if not who.holds("principal", on):
            raise UsageError("anchor_not_principal", name=person, on=on)
        if approver is None or approver.public.fingerprint != key.fingerprint:
            raise UsageError("anchor_self", fp=key.fingerprint)
    else:
        approver = _principal_signer(ledger, approver, on)
    sig = approver.sign(key_statement(school, person, key.line(), on.isoformat(), anchor))
    comment = " ".join(line.split()[2:])
    entry: dict[str, Any] = {"key": key.line() + (f" {comment}" if comment else ""), "added": on}
    if anchor:
        entry["anchor"] = True
    entry["sig"] = sig
    return entry


def revocation(
    ledger: Ledger, person: str, fingerprint: str, on: dt.date, approver: KeySigner | None
) -> tuple[int, str]:
    """(index of the person's key, the revocation's signature): by the principal's key or the key itself."""
    who = ledger.person_by_name.get(person)
    if who is None:
        raise UsageError("unknown_person", name=person)
    for index, entry in enumerate(who.keys):
        try:
            key = sshsig.parse_public_key(entry.key)
        except sshsig.KeyFormatError:
            continue
        if key.fingerprint != fingerprint:
            continue
        if entry.revoked is not None:
            raise UsageError("key_revoked_already", fp=fingerprint, on=entry.revoked)
        if on < entry.added:
            raise UsageError("key_revoke_early", fp=fingerprint, added=entry.added)
        if approver is None or approver.public.fingerprint != fingerprint:
            approver = _principal_signer(ledger, approver, on)
        return index, approver.sign(revoke_statement(ledger.config.school.name, person, key.line(), on.isoformat()))
    raise UsageError("unknown_key", person=person, fp=fingerprint)


def key_rows(ledger: Ledger) -> list[KeyRow]:
    trust = trust_of(ledger.config.school.name, ledger.people)
    rows = []
    for person in ledger.people:
        for entry in person.keys:
            try:
                key = sshsig.parse_public_key(entry.key)
            except sshsig.KeyFormatError:
                continue
            trusted = any(
                h.entry == entry and h.person.name == person.name for h in trust.trusted.get(key.fingerprint, ())
            )
            comment = " ".join(entry.key.split()[2:])
            rows.append(
                KeyRow(
                    person.name, key.fingerprint, key.type, comment, entry.added, entry.revoked, entry.anchor, trusted
                )
            )
    return rows

"""The canonical statements a key signs (docs/signatures.md). Pure: the same record gives the same bytes.

A step's statement names the school, the record's kind and id, the step's role, signer and day, a
fingerprint of the record's content as it stands without its approvals and without what is recorded
only after the chain (a payment, a settlement, a return, an acceptance: LATER), and every signature
before it in the chain. So a step signed before the one it follows, an edit of the record, or an
edit of an earlier signature each make the statement differ from what was signed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from houqin.models.base import Approval, Signed, Withdrawal
from houqin.models.kinds import RecordKind, kind_of
from houqin.models.records import Payment

VERSION = "houqin-signature-v1"
# What a kind records after its chain is complete, so a later fact does not break the signatures
# before it (it is a fact of its own: the cashier's payment, the keeper's return).
LATER: dict[str, frozenset[str]] = {
    RecordKind.EXPENSES: frozenset({"payment"}),
    RecordKind.ADVANCES: frozenset({"payment", "settlement"}),
    RecordKind.LOANS: frozenset({"returned"}),
    RecordKind.PURCHASES: frozenset({"accepted"}),
    RecordKind.DAMAGES: frozenset({"settled"}),
    RecordKind.PRINT_JOBS: frozenset({"done"}),
    RecordKind.AUDITS: frozenset({"answers"}),  # 被稽核方的答复, after the members signed
    RecordKind.TRIPS: frozenset({"odometer_start", "odometer_end"}),  # 回车登记, after the approval beforehand
    RecordKind.RECEPTIONS: frozenset({"expense"}),  # the claim that paid it, after the event
    RecordKind.FEE_SETTLEMENTS: frozenset({"refunded"}),  # 多退: paid back after the principal approved
}


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_fingerprint(record: Signed) -> str:
    """sha256 of the record's fields (those not at their default), without approvals, the signatures
    withdrawn from it (each signed on its own) and LATER."""
    kind = kind_of(record).name
    exclude = {"approvals", "withdrawn", *LATER.get(kind, ())}
    body = record.model_dump(mode="json", exclude=exclude, exclude_defaults=True)
    return hashlib.sha256(_canonical(body).encode()).hexdigest()


def _approval(a: Approval) -> str:
    return _canonical(a.model_dump(mode="json", exclude_none=True))


def step_statement(school: str, record: Signed, index: int, content: str | None = None) -> bytes:
    """What the signer of `record.approvals[index]` signs (`content`: the record's content_fingerprint,
    when the caller has it already — a check verifying every step of a record computes it once)."""
    a = record.approvals[index]
    lines = [
        VERSION,
        f"school: {school}",
        f"kind: {kind_of(record).name}",
        f"record: {record.id}",
        f"role: {a.role}",
        f"by: {a.by}",
        f"on: {a.on.isoformat()}",
        f"content: sha256:{content or content_fingerprint(record)}",
        *(f"prior: {_approval(p)}" for p in record.approvals[:index]),
    ]
    return ("\n".join(lines) + "\n").encode()


# The field that holds a kind's payment by the cashier, where it is not `payment`: a settlement's
# refunds (多退) paid back to the classes.
PAYMENT_FIELDS: dict[str, str] = {RecordKind.FEE_SETTLEMENTS: "refunded"}


def payment_field(record: Signed) -> str:
    return PAYMENT_FIELDS.get(kind_of(record).name, "payment")


def paid(record: Signed) -> Payment | None:
    """The cashier's payment of a record (a claim's, an advance's, a settlement's refunds), if any."""
    payment = getattr(record, payment_field(record), None)
    return payment if isinstance(payment, Payment) else None


def payment_statement(school: str, record: Signed) -> bytes:
    """What the cashier signs to pay a record: the record's content, every approval (with its
    signature) and the payment's day, payer and account."""
    payment = paid(record)
    assert payment is not None, "a payment statement needs a payment"
    lines = [
        "houqin-payment-v1",
        f"school: {school}",
        f"kind: {kind_of(record).name}",
        f"record: {record.id}",
        f"by: {payment.by}",
        f"on: {payment.on.isoformat()}",
        f"account: {payment.account}",
        f"content: sha256:{content_fingerprint(record)}",
        *(f"prior: {_approval(p)}" for p in record.approvals),
    ]
    return ("\n".join(lines) + "\n").encode()


def withdrawal_statement(school: str, record: Signed, withdrawal: Withdrawal) -> bytes:
    """What a signer signs to withdraw their own signature: the step, its day, the withdrawal's day and
    reason, and the record's content as it stands."""
    lines = [
        "houqin-withdrawal-v1",
        f"school: {school}",
        f"kind: {kind_of(record).name}",
        f"record: {record.id}",
        f"role: {withdrawal.role}",
        f"by: {withdrawal.by}",
        f"signed: {withdrawal.signed.isoformat()}",
        f"on: {withdrawal.on.isoformat()}",
        f"reason: {withdrawal.reason}",
        f"content: sha256:{content_fingerprint(record)}",
    ]
    return ("\n".join(lines) + "\n").encode()


def key_statement(school: str, person: str, key_line: str, added: str, anchor: bool) -> bytes:
    """What the principal's key signs to register a key (the anchor signs its own)."""
    lines = ["houqin-key-v1", f"school: {school}", f"person: {person}", f"key: {key_line}", f"added: {added}"]
    if anchor:
        lines.append("anchor: true")
    return ("\n".join(lines) + "\n").encode()


def revoke_statement(school: str, person: str, key_line: str, revoked: str) -> bytes:
    """What the principal's key (or the revoked key itself) signs to revoke a key."""
    lines = [
        "houqin-key-revoke-v1",
        f"school: {school}",
        f"person: {person}",
        f"key: {key_line}",
        f"revoked: {revoked}",
    ]
    return ("\n".join(lines) + "\n").encode()

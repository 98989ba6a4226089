"""Signatures collected one by one on any record whose kind has an approval chain (报销单、借款、处置)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast, overload

from houqin import sshsig
from houqin.errors import UsageError
from houqin.i18n import RecordName, Steps, role_key
from houqin.models.base import Approval, Record, Signed, Withdrawal
from houqin.models.kinds import kind_of
from houqin.models.ledger import Ledger
from houqin.models.statements import paid, payment_field, payment_statement, step_statement, withdrawal_statement
from houqin.services.lookup import find_record

S = TypeVar("S", bound=Signed)
R = TypeVar("R", bound=Record)

DOCUMENT = RecordName("document")  # 单据: a signed record of any kind


@dataclass(frozen=True)
class KeySigner:
    """A key to sign with: its public half (to check it is the signer's) and the function that signs a
    statement with it (ssh-keygen, in houqin/ledger/signer.py), returning the SSHSIG as base64."""

    public: sshsig.PublicKey
    sign: Callable[[bytes], str]
    path: str = ""


def key_signed(ledger: Ledger, record: S, index: int, key: KeySigner) -> S:
    """`record` with its approval at `index` signed by `key`, refused before signing if the key is not
    a registered key of the signer valid on the day (nothing is written)."""
    from houqin.checks.keys import trust_of

    a = record.approvals[index]
    school = ledger.config.school.name
    if trust_of(school, ledger.people).key_of(a.by, key.public.fingerprint, a.on) is None:
        raise UsageError("key_not_signers", path=key.path, fp=key.public.fingerprint, by=a.by, on=a.on)
    sig = key.sign(step_statement(school, record, index))
    approvals = list(record.approvals)
    approvals[index] = a.model_copy(update={"sig": sig})
    return record.model_copy(update={"approvals": tuple(approvals)})


def by_key(ledger: Ledger, record: R, key: KeySigner | None) -> R:
    """A new record's steps that are the key holder's own, signed by `key` in the chain's order (the
    others stay typed names, for their signers' rules to judge). With `key`, at least one step must be
    the holder's: a key that signs nothing is refused, nothing written."""
    return record if key is None else all_by_key(ledger, [record], key)[0]


def all_by_key(ledger: Ledger, records: list[R], key: KeySigner | None) -> list[R]:
    """`by_key` over the records one command writes (an acceptance's stock-ins and asset cards)."""
    from houqin.checks.keys import trust_of

    if key is None:
        return records
    trust = trust_of(ledger.config.school.name, ledger.people)
    out: list[R] = []
    signed = 0
    for record in records:
        if isinstance(record, Signed):
            steps: Signed = record
            for i, a in enumerate(steps.approvals):
                if a.sig is None and trust.key_of(a.by, key.public.fingerprint, a.on) is not None:
                    steps = key_signed(ledger, steps, i, key)
                    signed += 1
            record = cast(R, steps)
        out.append(record)
    if not signed:
        names = [f"{a.by}({a.role})" for r in records if isinstance(r, Signed) for a in r.approvals]
        raise UsageError("key_signs_nothing", path=key.path, fp=key.public.fingerprint, steps="、".join(names) or "-")
    return out


def key_paid(ledger: Ledger, record: S, key: KeySigner) -> S:
    """`record` with its payment signed by the cashier's `key` (refused, nothing written, if the key
    is not the payer's registered key valid on the day)."""
    from houqin.checks.keys import trust_of

    payment = paid(record)
    if payment is None:  # the services call this only on a record they have just paid
        raise ValueError(f"{record.id}: only a paid record's payment is signed")
    school = ledger.config.school.name
    if trust_of(school, ledger.people).key_of(payment.by, key.public.fingerprint, payment.on) is None:
        raise UsageError("key_not_signers", path=key.path, fp=key.public.fingerprint, by=payment.by, on=payment.on)
    sig = key.sign(payment_statement(school, record))
    return record.model_copy(update={payment_field(record): payment.model_copy(update={"sig": sig})})


@overload
def sign_record(
    ledger: Ledger,
    record_text: str,
    step: str,
    by: str,
    on: dt.date,
    *,
    model: type[S],
    label: RecordName = ...,
    key: KeySigner | None = ...,
) -> S: ...
@overload
def sign_record(
    ledger: Ledger,
    record_text: str,
    step: str,
    by: str,
    on: dt.date,
    *,
    label: RecordName = ...,
    key: KeySigner | None = ...,
) -> Signed: ...
def sign_record(
    ledger: Ledger,
    record_text: str,
    step: str,
    by: str,
    on: dt.date,
    *,
    model: type[Signed] = Signed,
    label: RecordName = DOCUMENT,
    key: KeySigner | None = None,
) -> Signed:
    """Add one signature to a record of `model` (any signed record, unless named). The step (its key,
    or the school's word for it: 经手人, 证明人, 校长 …) must be in the policy's chain for the record's
    kind and not yet signed; whether the signer may sign it is the checks' business, so hand edits obey
    the same rules."""
    record = find_record(ledger, record_text, model, label)
    rules = ledger.config.policy.signatures
    chain = rules.chains.get(kind_of(record).name, ())
    typed, step = step, role_key(step)
    if step not in chain:
        raise UsageError("unknown_step", step=typed, chain=Steps(chain, " → "), keys=" | ".join(chain) or "-")
    if kind_of(record).name in rules.signed_by_members:
        members: tuple[str, ...] = getattr(record, "members", ())
        if by not in members:
            raise UsageError("audit_not_member", id=record.id, by=by, members="、".join(members))
        if any(a.role == step and a.by == by for a in record.approvals):
            raise UsageError("audit_signed_already", id=record.id, by=by)
    elif record.approval(step) is not None:
        raise UsageError("already_signed", id=record.id, step=Steps((step,)))
    if getattr(record, "payment", None) is not None:
        raise UsageError("already_paid", id=record.id)
    signed = record.model_copy(update={"approvals": (*record.approvals, Approval(role=step, by=by, on=on))})
    return signed if key is None else key_signed(ledger, signed, len(signed.approvals) - 1, key)


def unsign_record(
    ledger: Ledger,
    record_text: str,
    step: str,
    by: str,
    reason: str,
    on: dt.date,
    key: KeySigner | None = None,
) -> Signed:
    """Withdraw one's own signature (houqin unsign): the last step signed, not once paid; kept on the
    record under `withdrawn`, and signed by the signer's key when the step was (or policy requires it)."""
    from houqin.checks.keys import trust_of

    record = find_record(ledger, record_text, Signed, DOCUMENT)
    step = role_key(step)
    a = record.approval(step)
    if a is None:
        raise UsageError("unsign_not_signed", id=record.id, step=Steps((step,)))
    if a.by != by:
        raise UsageError("unsign_other", id=record.id, step=Steps((step,)), signer=a.by, by=by)
    if getattr(record, "payment", None) is not None:
        raise UsageError("already_paid", id=record.id)
    if record.approvals[-1] is not a:
        raise UsageError(
            "unsign_later_first", id=record.id, step=Steps((step,)), later=Steps((record.approvals[-1].role,))
        )
    if a.sig is not None and key is None:
        raise UsageError("unsign_needs_key", id=record.id, by=by)
    withdrawal = Withdrawal(role=step, by=by, signed=a.on, on=on, reason=reason)
    out = record.model_copy(update={"approvals": record.approvals[:-1], "withdrawn": (*record.withdrawn, withdrawal)})
    if key is None:
        return out
    school = ledger.config.school.name
    if trust_of(school, ledger.people).key_of(by, key.public.fingerprint, on) is None:
        raise UsageError("key_not_signers", path=key.path, fp=key.public.fingerprint, by=by, on=on)
    signed = withdrawal.model_copy(update={"sig": key.sign(withdrawal_statement(school, out, withdrawal))})
    return out.model_copy(update={"withdrawn": (*record.withdrawn, signed)})

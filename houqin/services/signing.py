"""Signatures collected one by one on any record whose kind has an approval chain (报销单、借款、处置)."""

from __future__ import annotations

import datetime as dt

from houqin.errors import UsageError
from houqin.i18n import Pair, Steps, role_key
from houqin.models.base import Approval, Signed
from houqin.models.kinds import kind_of
from houqin.models.ledger import Ledger
from houqin.services.lookup import find_record


def sign_record(
    ledger: Ledger,
    record_text: str,
    step: str,
    by: str,
    on: dt.date,
    kind: str | None = None,
    label: str = "单据/record",
) -> Signed:
    """Add one signature. The step (its key, or the school's word for it: 经手人, 证明人, 校长 …) must
    be in the policy's chain for the record's kind and not yet signed; whether the signer may sign it is the checks' business, so hand edits obey the same rules."""
    record = find_record(ledger, record_text, Signed, label)
    if kind is not None and kind_of(record).name != kind:
        raise UsageError("unknown_record", id=record_text, kind=Pair(label))
    chain = ledger.config.policy.signatures.chains.get(kind_of(record).name, ())
    typed, step = step, role_key(step)
    if step not in chain:
        raise UsageError("unknown_step", step=typed, chain=Steps(chain, " → "), keys=" | ".join(chain) or "-")
    if record.approval(step) is not None:
        raise UsageError("already_signed", id=record.id, step=Steps((step,)))
    if getattr(record, "payment", None) is not None:
        raise UsageError("already_paid", id=record.id)
    return record.model_copy(update={"approvals": (*record.approvals, Approval(role=step, by=by, on=on))})

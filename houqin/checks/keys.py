"""keys: every key in people.yaml reads and was registered under the principal's key, and every
signature made by key verifies over its step's canonical statement (docs/signatures.md).

Trust starts at one anchor: the principal's first key, which signs its own registration. Every other
key is trusted once a trusted key of a person holding the principal role on the day it was added
signs its registration. A step signed by key verifies when its SSHSIG is in the houqin namespace, by
a trusted key of the signer valid on the day of the step, over the step's statement (which holds the
record's content and the signatures before it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from houqin import sshsig
from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Approval, Signed
from houqin.models.closing import UNSEALED, fingerprint, month_of, sealed_as_of, standing_closes
from houqin.models.config import Policy
from houqin.models.directory import Person, PersonKey
from houqin.models.kinds import kind_of
from houqin.models.ledger import Ledger
from houqin.models.records import Close, Payment
from houqin.models.statements import (
    content_fingerprint,
    key_statement,
    paid,
    payment_statement,
    revoke_statement,
    step_statement,
    withdrawal_statement,
)

PEOPLE = "people.yaml"


@dataclass(frozen=True)
class Held:
    person: Person
    entry: PersonKey
    key: sshsig.PublicKey


@dataclass
class Trust:
    """The keys people.yaml holds, which of them are trusted, and what is wrong with the others."""

    trusted: dict[str, list[Held]] = field(default_factory=dict)  # fingerprint → holders
    problems: list[Diagnostic] = field(default_factory=list)

    def key_of(self, name: str, fingerprint: str, day: dt.date) -> Held | None:
        """The trusted key of that fingerprint held by `name` and valid on `day`."""
        for held in self.trusted.get(fingerprint, ()):
            if held.person.name == name and held.entry.valid_on(day):
                return held
        return None


def _signed_by(sig_text: str | None, message: bytes) -> sshsig.PublicKey | None:
    """The key that made this signature over `message`, if it is one and verifies."""
    if not sig_text:
        return None
    try:
        signature = sshsig.parse_signature(sig_text)
    except sshsig.KeyFormatError:
        return None
    return signature.key if sshsig.verify(signature, message) else None


def _principal_key(trust: Trust, key: sshsig.PublicKey | None, day: dt.date) -> bool:
    if key is None:
        return False
    return any(
        h.entry.valid_on(day) and h.person.holds("principal", day) for h in trust.trusted.get(key.fingerprint, ())
    )


@lru_cache(maxsize=8)
def trust_of(school: str, people: tuple[Person, ...]) -> Trust:
    trust = Trust()
    pending: list[Held] = []
    anchors = 0
    for person in people:
        for entry in person.keys:
            try:
                key = sshsig.parse_public_key(entry.key)
            except sshsig.KeyFormatError as e:
                code = "KEY008" if e.reason == "unsupported_type" else "KEY007"
                trust.problems.append(diag(code, PEOPLE, entry.line, person=person.name, type=e.detail or "-"))
                continue
            held = Held(person, entry, key)
            if not entry.anchor:
                pending.append(held)
                continue
            anchors += 1
            statement = key_statement(school, person.name, key.line(), entry.added.isoformat(), True)
            signer = _signed_by(entry.sig, statement)
            if anchors > 1 or signer != key or not person.holds("principal", entry.added):
                trust.problems.append(diag("KEY006", PEOPLE, entry.line, person=person.name, fp=key.fingerprint))
                continue
            trust.trusted.setdefault(key.fingerprint, []).append(held)
    pending.sort(key=lambda h: h.entry.added)
    progress = True
    while pending and progress:  # a key approved by a key approved later in the file still counts
        progress = False
        for held in list(pending):
            entry, name = held.entry, held.person.name
            statement = key_statement(school, name, held.key.line(), entry.added.isoformat(), False)
            if _principal_key(trust, _signed_by(entry.sig, statement), entry.added):
                trust.trusted.setdefault(held.key.fingerprint, []).append(held)
                pending.remove(held)
                progress = True
    for held in pending:
        trust.problems.append(diag("KEY006", PEOPLE, held.entry.line, person=held.person.name, fp=held.key.fingerprint))
    for holders in trust.trusted.values():
        for held in holders:
            entry = held.entry
            if entry.revoked is None:
                continue
            statement = revoke_statement(school, held.person.name, held.key.line(), entry.revoked.isoformat())
            signer = _signed_by(entry.revoke_sig, statement)
            if signer != held.key and not _principal_key(trust, signer, entry.revoked):
                # The revocation stands (a key is never trusted longer than people.yaml says), but
                # an unsigned one is reported: it may hide the day a key really stopped.
                trust.problems.append(
                    diag("KEY006", PEOPLE, entry.line, person=held.person.name, fp=held.key.fingerprint)
                )
    return trust


def check_keys(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """people.yaml's keys: each reads, and each was registered (and revoked) under the principal's key."""
    yield from trust_of(ledger.config.school.name, ledger.people).problems


@dataclass(frozen=True)
class Sealed:
    """A month whose standing close the accountant signed by key, and whose signature verifies: its
    fingerprints stand for every step they hold, which were verified when the month was closed."""

    as_of: dt.date
    seal: int
    prints: frozenset[str]


_SEALED: dict[tuple[object, ...], tuple[Trust, dict[str, Sealed]]] = {}


def sealed_by_key(ledger: Ledger, trust: Trust) -> dict[str, Sealed]:
    """Month → its close, if signed by the accountant's key. Remembered across the files of one check,
    under everything the answer rests on: the trust (by identity) and each close's whole content."""
    closes = standing_closes(ledger)
    key = (
        ledger.config.school.name,
        id(trust),
        tuple(
            (c.id, c.month, c.seal, c.digest, c.fingerprints, tuple((a.role, a.by, a.on, a.sig) for a in c.approvals))
            for c in closes.values()
        ),
    )
    hit = _SEALED.get(key)
    if hit is not None and hit[0] is trust:
        return hit[1]
    found: dict[str, Sealed] = {}
    for month, close in closes.items():
        if _accountant_signed(ledger, trust, close):
            found[month] = Sealed(sealed_as_of(close), close.seal, frozenset(close.fingerprints))
    if len(_SEALED) > 8:
        _SEALED.clear()
    _SEALED[key] = (trust, found)
    return found


def _accountant_signed(ledger: Ledger, trust: Trust, close: Close) -> bool:
    for i, a in enumerate(close.approvals):
        if a.role != "accountant" or a.sig is None or not ledger.holds(a.by, "accountant", a.on):
            continue
        try:
            signature = sshsig.parse_signature(a.sig)
        except sshsig.KeyFormatError:
            return False
        if trust.key_of(a.by, signature.key.fingerprint, a.on) is None:
            return False
        return sshsig.verify(signature, step_statement(ledger.config.school.name, close, i))
    return False


def check_key_signatures(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Every signature made by key verifies — but a step sealed in a month whose close the accountant
    signed by key is taken as the close holds it (its fingerprint in the close's), not verified again:
    the close was refused while the month had errors, and its own signature covers the fingerprints.
    A close seals no close, reopening or year opening: theirs are always verified, the closes unread
    (the opening's file is not checked again, over its whole register, when a month is closed)."""
    rules = policy.signatures
    school = ledger.config.school.name
    trust = trust_of(school, ledger.people)
    found: dict[str, Sealed] | None = None
    for r in ledger.all_records():
        if not isinstance(r, Signed) or not r.approvals:
            continue
        kind = kind_of(r).name
        if kind in UNSEALED:
            sealed: dict[str, Sealed] = {}
        else:
            sealed = found = sealed_by_key(ledger, trust) if found is None else found
        chain = rules.chains.get(kind, ())
        prints: dict[str, str] = {}
        content: str | None = None
        for i, a in enumerate(r.approvals):
            if a.sig is None:
                if must_sign_by_key(ledger, policy, a.by, a.on):
                    yield _step("KEY001", r, a)
                continue
            month = sealed.get(month_of(a.on))
            if month is not None and a.on <= month.as_of:
                mark = month_of(a.on)
                if mark not in prints:
                    prints[mark] = fingerprint(r, month.as_of, month.seal)
                if prints[mark] in month.prints:
                    continue
            if content is None:
                content = content_fingerprint(r)
            problem = step_problem(trust, school, r, i, chain, content)
            if problem is not None:
                yield _step(problem.code, r, a, fp=problem.fp, missing=problem.missing)
        yield from _payment(ledger, policy, trust, sealed, r)
        yield from _withdrawals(ledger, policy, trust, r)


@dataclass(frozen=True)
class Problem:
    """Why a signature made by key does not stand: its code, and the key or the missing step."""

    code: str
    fp: str | None = None
    missing: str | None = None


def step_problem(
    trust: Trust, school: str, r: Signed, i: int, chain: tuple[str, ...], content: str | None = None
) -> Problem | None:
    """None when step `i` of `r` carries a signature that reads, is in houqin's namespace, is by a
    trusted key of its signer valid on its day, verifies over its statement, and follows the steps its
    chain puts before it; otherwise the first of these that fails (KEY002 … KEY005)."""
    a = r.approvals[i]
    try:
        signature = sshsig.parse_signature(a.sig or "")
    except sshsig.KeyFormatError:
        return Problem("KEY002")
    if signature.namespace != sshsig.NAMESPACE:
        return Problem("KEY002")
    if trust.key_of(a.by, signature.key.fingerprint, a.on) is None:
        return Problem("KEY003", fp=signature.key.fingerprint)
    if not sshsig.verify(signature, step_statement(school, r, i, content)):
        return Problem("KEY004")
    if a.role in chain:
        before = {p.role for p in r.approvals[:i]}
        missing = [s for s in chain[: chain.index(a.role)] if s not in before]
        if missing:
            return Problem("KEY005", missing=missing[0])
    return None


def _withdrawals(ledger: Ledger, policy: Policy, trust: Trust, r: Signed) -> Iterator[Diagnostic]:
    """A signature withdrawn is withdrawn by its signer: by their key, where a key is required or the
    withdrawal carries a signature."""
    school = ledger.config.school.name
    for w in r.withdrawn:
        if w.sig is None:
            if not must_sign_by_key(ledger, policy, w.by, w.on):
                continue
        else:
            try:
                signature = sshsig.parse_signature(w.sig)
            except sshsig.KeyFormatError:
                signature = None
            if (
                signature is not None
                and trust.key_of(w.by, signature.key.fingerprint, w.on) is not None
                and sshsig.verify(signature, withdrawal_statement(school, r, w))
            ):
                continue
        yield diag("KEY011", r.source.file, w.line, record=r.id, by=w.by, on=w.on, step=w.role)


def _payment(
    ledger: Ledger, policy: Policy, trust: Trust, sealed: dict[str, Sealed], r: Signed
) -> Iterator[Diagnostic]:
    """The cashier's payment, like a step: by key where required, by the payer's key, over the record
    and every approval as they stand."""
    payment = paid(r)
    if payment is None:
        return
    step = Approval.model_construct(role="payment", by=payment.by, on=payment.on, line=r.source.line, sig=payment.sig)
    if payment.sig is None:
        if must_sign_by_key(ledger, policy, payment.by, payment.on):
            yield _step("KEY001", r, step)
        return
    month = sealed.get(month_of(payment.on))
    if month is not None and payment.on <= month.as_of and fingerprint(r, month.as_of, month.seal) in month.prints:
        return
    problem = payment_problem(trust, ledger.config.school.name, r, payment)
    if problem is not None:
        yield _step(problem.code, r, step, fp=problem.fp)


def payment_problem(trust: Trust, school: str, r: Signed, payment: Payment) -> Problem | None:
    """None when the payment's signature is the payer's trusted key's, over the record as it stands."""
    try:
        signature = sshsig.parse_signature(payment.sig or "")
    except sshsig.KeyFormatError:
        return Problem("KEY002")
    if signature.namespace != sshsig.NAMESPACE:
        return Problem("KEY002")
    if trust.key_of(payment.by, signature.key.fingerprint, payment.on) is None:
        return Problem("KEY003", fp=signature.key.fingerprint)
    if not sshsig.verify(signature, payment_statement(school, r)):
        return Problem("KEY004")
    return None


def _step(code: str, r: Signed, a: Approval, fp: str | None = None, missing: str | None = None) -> Diagnostic:
    if fp is not None:
        return diag(code, r.source.file, a.line, record=r.id, by=a.by, on=a.on, step=a.role, fp=fp)
    if missing is not None:
        return diag(code, r.source.file, a.line, record=r.id, by=a.by, on=a.on, step=a.role, missing=missing)
    return diag(code, r.source.file, a.line, record=r.id, by=a.by, on=a.on, step=a.role)


def must_sign_by_key(ledger: Ledger, policy: Policy, by: str, on: dt.date) -> bool:
    """Does policy.signatures.require_keys ask `by` to sign by key on `on` (by the roles held that day)?"""
    return policy.signatures.key_required(lambda role: ledger.holds(by, role, on))


def check_not_by_key(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Every signature that is only a typed name where policy does not require a key (a warning)."""
    for r in ledger.all_records():
        if not isinstance(r, Signed):
            continue
        for a in r.approvals:
            if a.sig is None and not must_sign_by_key(ledger, policy, a.by, a.on):
                yield diag("KEY009", r.source.file, a.line, record=r.id, by=a.by, on=a.on, step=a.role)


OFFICERS = ("principal", "vice_principal", "director", "accountant", "cashier")


def check_who_has_no_key(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """A ledger that does not yet require keys is told, in one line, which of its officers (the one
    pen, the books, the cash) and how many others on the staff have no key yet."""
    if policy.signatures.require_keys is not False:
        return
    staff = [p for p in ledger.people if p.left is None and not p.keys]
    officers = [p.name for p in staff if any(r.role in OFFICERS for r in p.roles)]
    if staff:
        yield diag("KEY010", PEOPLE, 0, officers="、".join(officers) or "-", others=len(staff) - len(officers))

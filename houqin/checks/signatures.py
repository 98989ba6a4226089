"""signatures: whoever signs a step holds a role that policy allows for it, on the day they sign,
and was on the staff that day (a person who has left signs nothing); and no name in people.yaml can be
mistaken for another's (王建囯 for 王建国, 張偉 for 张伟, a zero-width space), since a signature is
made under a name."""

from __future__ import annotations

from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Signed
from houqin.models.config import Policy
from houqin.models.directory import invisible_characters, name_skeleton
from houqin.models.ledger import Ledger
from houqin.models.records import principals_own


def check_signatures(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    signers = policy.signatures.signers
    for r in ledger.all_records():
        if not isinstance(r, Signed):
            continue
        for a in r.approvals:
            if not ledger.active(a.by, a.on):
                if a.by in ledger.person_by_name:  # refs reports unknown people
                    yield diag("SIG002", r.source.file, a.line, record=r.id, by=a.by, on=a.on)
                continue
            allowed = signers.get(a.role, "any")
            if a.role == "principal" and principals_own(ledger.holds, r):
                # 校长本人的: signed by whom the school's route names (docs/signatures.md)
                allowed = (*policy.signatures.own_requests.signers, "principal")
            if allowed == "any":
                continue
            if not any(ledger.holds(a.by, role, a.on) for role in allowed):
                yield diag(
                    "SIG001", r.source.file, a.line, record=r.id, by=a.by, on=a.on, step=a.role, roles="/".join(allowed)
                )


def check_names(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Names in people.yaml that hide a character (SIG004), or that look like another's (SIG003)."""
    first: dict[str, str] = {}
    for person in ledger.people:
        hidden = invisible_characters(person.name)
        if hidden:
            codes = " ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(hidden))
            yield diag("SIG004", "people.yaml", person.line, person=person.name, chars=codes)
        look = name_skeleton(person.name)
        other = first.setdefault(look, person.name)
        if other != person.name:
            yield diag("SIG003", "people.yaml", person.line, person=person.name, other=other)

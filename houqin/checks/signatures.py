"""signatures: whoever signs a step holds a role that policy allows for it, on the day they sign,
and was on the staff that day (a person who has left signs nothing); and no name in people.yaml can be
mistaken for another's (王建囯 for 王建国, 張偉 for 张伟, a zero-width space), since a signature is
made under a name."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from houqin.diagnostics import Diagnostic, diag
from houqin.models.base import Signed
from houqin.models.config import Policy
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


# Characters that look alike in a name (a variant, a traditional form, a Cyrillic or Greek letter for a
# Latin one) mapped to one form; NFKC already folds full-width letters and digits, compatibility
# ideographs and Kangxi radicals. Not a full traditional→simplified table: the characters of names.
_LOOKALIKE = str.maketrans(
    "囯國圀喆堃峯島嶋張陳劉黃趙吳孫楊鄭馬羅鄧許謝韓馮蔣蕭葉蘇盧錢華偉紅麗強軍東劍龍鳳雲輝傑濤興鵬廣貴寶靜蘭嬌鋒義慶榮發濱彥長學書門鄉聰穎飛"
    "аеорсхіјԁһкмтуАВЕКМНОРСТХУΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "国国国哲坤峰岛岛张陈刘黄赵吴孙杨郑马罗邓许谢韩冯蒋萧叶苏卢钱华伟红丽强军东剑龙凤云辉杰涛兴鹏广贵宝静兰娇锋义庆荣发滨彦长学书门乡聪颖飞"
    "aeopcxijdhkmtyABEKMHOPCTXYABEZHIKMNOPTYX",
)


def _hidden(c: str) -> bool:
    """A character that prints as nothing or as a blank (zero-width, joiners, BOM, controls, spaces)."""
    return unicodedata.category(c) in ("Cf", "Cc", "Zs", "Zl", "Zp") or c.isspace()


def _invisible(name: str) -> list[str]:
    return [c for c in name if _hidden(c)]


def name_skeleton(name: str) -> str:
    """What a name looks like: NFKC, no invisible characters, look-alikes folded, case folded."""
    shown = "".join(c for c in unicodedata.normalize("NFKC", name) if not _hidden(c))
    return shown.translate(_LOOKALIKE).casefold()


def check_names(ledger: Ledger, policy: Policy) -> Iterator[Diagnostic]:
    """Names in people.yaml that hide a character (SIG004), or that look like another's (SIG003)."""
    first: dict[str, str] = {}
    for person in ledger.people:
        hidden = _invisible(person.name)
        if hidden:
            codes = " ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(hidden))
            yield diag("SIG004", "people.yaml", person.line, person=person.name, chars=codes)
        look = name_skeleton(person.name)
        other = first.setdefault(look, person.name)
        if other != person.name:
            yield diag("SIG003", "people.yaml", person.line, person=person.name, other=other)

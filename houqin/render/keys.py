"""houqin key list: one key a line (plain text, greppable; fingerprints as ssh-keygen -l prints them)."""

from __future__ import annotations

from collections.abc import Sequence

from houqin.i18n import t
from houqin.render.console import console
from houqin.services.keys import KeyRow


def print_keys(rows: Sequence[KeyRow], lang: str) -> None:
    out = console()
    if not rows:
        out.print(t("no_keys", lang))
        return
    for r in rows:
        marks = []
        if r.anchor:
            marks.append(t("key_anchor", lang))
        if r.revoked is not None:
            marks.append(t("key_revoked_on", lang, on=r.revoked))
        if not r.trusted:
            marks.append(t("key_untrusted", lang))
        fields = [r.person, r.fingerprint, r.type, t("key_added_on", lang, on=r.added), *marks]
        if r.comment:
            fields.append(r.comment)
        out.print("  ".join(fields), highlight=False, markup=False, soft_wrap=True)

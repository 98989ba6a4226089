"""houqin key list: one key a line (plain text, greppable; fingerprints as ssh-keygen -l prints them);
houqin key verify: one record's signatures as a table, or json."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table

from houqin.i18n import t, word
from houqin.models.kinds import KIND_BY_NAME
from houqin.render.console import console
from houqin.reports.keys import TYPED, TYPED_REQUIRED, VERIFIED, RecordSignatures
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


def _status(status: str, lang: str) -> str:
    if status in (VERIFIED, TYPED, TYPED_REQUIRED):
        return t(f"sig.{status}", lang)
    return t("sig.broken", lang, code=status)


def print_signatures(r: RecordSignatures, lang: str) -> None:
    out = console()
    if not r.steps:
        out.print(t("sig.none", lang, id=r.id))
        return
    kind = KIND_BY_NAME[r.kind]
    title = t("title.signatures", lang, id=r.id, kind=kind.zh if lang == "zh" else kind.en, file=r.file)
    table = Table(title=title, title_justify="left")
    for key in ("col.step", "col.signer", "col.date", "col.key", "col.result"):
        table.add_column(t(key, lang))
    styles = {VERIFIED: "green", TYPED: "", TYPED_REQUIRED: "red"}
    for s in r.steps:
        table.add_row(
            word(s.role, lang),
            s.by,
            s.on.isoformat(),
            s.fingerprint or "-",
            _status(s.status, lang),
            style=styles.get(s.status, "red"),
        )
    out.print(table)
    out.print(t("sig.all_stand" if r.stands else "sig.some_fail", lang))

"""houqin pending: one line a record (greppable), with its amount, its place in the files and the command
that signs it."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from houqin.i18n import t, word
from houqin.messages import sign_command
from houqin.money import fmt_yuan
from houqin.render.console import console
from houqin.services.pending import Awaiting


def print_pending(rows: Sequence[Awaiting], person: str, lang: str) -> None:
    out = console()
    if not rows:
        out.print(t("nothing_pending", lang, person=person))
        return
    amounts = [r.amount for r in rows if r.amount is not None]
    if amounts:  # a sum only of what has an amount; records of no money (a count, a trip) have none
        head = t("pending_head", lang, person=person, count=len(rows), total=fmt_yuan(sum(amounts, start=Decimal(0))))
    else:
        head = t("pending_head_no_money", lang, person=person, count=len(rows))
    out.print(head, highlight=False)
    for r in rows:
        amount = fmt_yuan(r.amount) if r.amount is not None else "-"
        command = sign_command(r.id, r.step, lang).replace("姓名", person).replace("NAME", person)
        fields = [r.id, r.date.isoformat(), word(r.step, lang), amount, r.about, f"{r.file}:{r.line}"]
        out.print("  ".join(fields), highlight=False, markup=False, soft_wrap=True)
        out.print(f"    {command} --key KEYFILE", highlight=False, markup=False, soft_wrap=True)

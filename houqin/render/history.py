"""`houqin check --since`: the commits that brought problems in (or came unsigned), as a person reads them."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from houqin.i18n import t
from houqin.render.console import print_diagnostics
from houqin.services.history import History


def print_audit(out: Console, history: History, since: str, lang: str, root: Path) -> None:
    """Each commit that brought an error in or was not signed, with what it brought; who signed each
    commit when the policy asks for signed commits; the count."""
    for a in history.bad:
        c = a.commit
        out.print(t("audit.commit", lang, sha=c.sha[:10], author=c.author, date=c.date, subject=c.subject))
        if a.unsigned:
            out.print("  " + t("audit.unsigned", lang, status=c.signature))
        print_diagnostics(out, a.introduced, lang, root, excerpt=False)
    if history.require_signed:  # policy asks for signed commits: say who signed each one
        for a in history.audits:
            if not a.unsigned:
                c = a.commit
                out.print(t("audit.signed", lang, sha=c.sha[:10], signer=c.signer or "?", status=c.signature))
    out.print(t("audit.summary", lang, commits=len(history.audits), bad=len(history.bad), since=since))

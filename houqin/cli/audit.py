"""houqin audit pack: 稽核小组每学期稽核审计 — everything of a term, for the audit group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.state import get_state
from houqin.clock import today

app = typer.Typer(help="稽核 / The term audit pack.", no_args_is_help=True)


@app.command("pack")
def pack(
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory to write the pack into.")],
) -> None:
    """稽核资料 / Write the term's audit pack: the checks, closes and their digests, the counts, every
    claim with signatures and invoices, advances, damage cases, the budget, and git's record of who
    changed what — as a workbook and a printable HTML index, with a digest of the whole pack.

    Example: houqin audit pack --term 2025-2026-2 --out 稽核-2025-2026-2
    """
    from houqin.i18n import t
    from houqin.ledger import git
    from houqin.ledger.load import open_ledger
    from houqin.render.audit import write_pack
    from houqin.render.console import console
    from houqin.reports.audit import audit_pack
    from houqin.services.checking import check_ledger
    from houqin.services.stocktake import term_dates

    state = get_state(ctx)
    root = state.root()
    for name in ("", f"稽核资料-{term}.xlsx", "index.html", "MANIFEST.sha256"):  # the files write_pack writes
        state.output(out_dir / name)
    ledger = open_ledger(root)
    term_dates(ledger, term)
    chosen = next(x for x in ledger.config.terms if x.id == term)
    day = today()
    log = git.log_between(root, chosen.start, min(chosen.end, day)) if git.toplevel(root) else []
    result = audit_pack(ledger, chosen, day, check_ledger(root), log)
    digest = write_pack(result, out_dir)
    console().print(t("audit.written", state.lang, path=out_dir, digest=digest))

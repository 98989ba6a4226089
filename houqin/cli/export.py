"""houqin export: the books for the accountant's own tools — hledger, beancount, a spreadsheet."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.state import get_state


class Target(StrEnum):
    hledger = "hledger"
    beancount = "beancount"
    csv = "csv"
    xlsx = "xlsx"


SUFFIX = {Target.hledger: "journal", Target.beancount: "beancount", Target.csv: "csv", Target.xlsx: "xlsx"}


def export(
    ctx: typer.Context,
    target: Annotated[Target, typer.Argument(help="hledger, beancount, csv or xlsx.")],
    out_file: Annotated[Path | None, typer.Option("--out", help="File to write (default: 账本.<suffix>).")] = None,
) -> None:
    """导出账本 / Export the books as double-entry transactions (ASCII accounts, Chinese names alongside),
    with the cashier's balances as balance assertions.

    Example: houqin export hledger --out 账本.journal && hledger -f 账本.journal bal -p 2026-03
    """
    from houqin.i18n import t
    from houqin.ledger.load import open_ledger
    from houqin.ledger.save import atomic_write
    from houqin.render import books as render
    from houqin.render.console import console
    from houqin.reports.books import books

    state = get_state(ctx)
    path = state.output(out_file or Path(f"账本.{SUFFIX[target]}"))
    ledger = open_ledger(state.root())
    b = books(ledger)
    school = ledger.config.school.name
    if target is Target.xlsx:
        render.books_xlsx(b, school, path)
    elif target is Target.csv:
        atomic_write(path, render.books_csv(b))
    else:
        text = render.hledger_journal(b, school) if target is Target.hledger else render.beancount_file(b, school)
        atomic_write(path, text.encode("utf-8"))
    console(stderr=True).print(t("exported", state.lang, count=len(b.txns), path=path))

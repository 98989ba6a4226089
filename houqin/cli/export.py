"""houqin export: the books for the accountant's own tools — hledger, beancount, a spreadsheet."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.state import State, get_state


class Target(StrEnum):
    hledger = "hledger"
    beancount = "beancount"
    csv = "csv"
    xlsx = "xlsx"
    vouchers = "vouchers"
    parquet = "parquet"


SUFFIX = {
    Target.hledger: "journal",
    Target.beancount: "beancount",
    Target.csv: "csv",
    Target.xlsx: "xlsx",
    Target.vouchers: "xlsx",
    Target.parquet: "parquet",
}


def export(
    ctx: typer.Context,
    target: Annotated[Target, typer.Argument(help="hledger, beancount, csv, xlsx, vouchers (记账凭证) or parquet.")],
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help="File to write (default: 账本.<suffix>); for parquet a folder (the dataset)."),
    ] = None,
    month: Annotated[str | None, typer.Option("--month", help="YYYY-MM: the month of the vouchers.")] = None,
) -> None:
    """导出账本 / Export the books as double-entry transactions (ASCII accounts, Chinese names alongside,
    each with its 政府会计制度 科目代码), with the cashier's balances as balance assertions; or a month's
    记账凭证 (财务会计 and 预算会计 entries) for a government-accounting package; or, as parquet, every
    record and the school's report figures as the county's dataset (docs/county.md): one dataset per
    kind, school=…/year=…, only the partitions that changed rewritten.

    Example: houqin export hledger --out 账本.journal && hledger -f 账本.journal bal -p 2026-03

    Example: houqin export vouchers --month 2026-10 --out 凭证-2026-10.xlsx

    Example: houqin export parquet --out 县局数据
    """
    state = get_state(ctx)
    if target is Target.vouchers:
        _vouchers(state, month, out_file)
        return
    path = state.output(out_file or Path(f"账本.{SUFFIX[target]}"))
    if target is Target.parquet:
        from houqin.render.county import print_exported
        from houqin.services.dataset import export_parquet

        print_exported(export_parquet(state.root(), path), state.lang)
        return
    from houqin.i18n import nt
    from houqin.render.books import write_books
    from houqin.render.console import console
    from houqin.reports.books import books

    ledger = state.books(full=True)
    b = books(ledger)
    write_books(b, ledger.config.school.name, target.value, path)
    console(stderr=True).print(nt("exported", len(b.txns), state.lang, count=len(b.txns), path=path))


def _vouchers(state: State, month: str | None, out_file: Path | None) -> None:
    """A month's 记账凭证 as a workbook (--month is needed)."""
    from houqin.cli.finance import check_month
    from houqin.errors import UsageError
    from houqin.i18n import nt
    from houqin.models.closing import month_bounds
    from houqin.render.console import console
    from houqin.render.vouchers import vouchers_xlsx
    from houqin.reports.vouchers import month_vouchers

    if month is None:
        raise UsageError("vouchers_month")
    path = state.output(out_file or Path(f"凭证-{month}.xlsx"))
    mv = month_vouchers(state.books(since=month_bounds(check_month(month))[0]), month)
    vouchers_xlsx(mv, path)
    console(stderr=True).print(nt("vouchers.exported", len(mv.vouchers), state.lang, count=len(mv.vouchers), path=path))

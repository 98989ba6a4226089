"""houqin form / verify-form: a record's paper form to sign, and an auditor's check of a paper form."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.options import Format, OutputFormat, day_option
from houqin.cli.state import get_state
from houqin.errors import Findings

FORM_SUFFIXES = (".pdf", ".html", ".htm")


def form(
    *,
    ctx: typer.Context,
    record: Annotated[
        str, typer.Argument(help="记录编号 (BX-2026-0001…), or with --blank a kind: expenses, BX, 报销.")
    ],
    out_file: Annotated[
        Path | None, typer.Option("--out", help="FILE.pdf or FILE.html (default: <id>.pdf).", show_default=False)
    ] = None,
    blank: Annotated[bool, typer.Option("--blank", help="An empty form of that kind, to fill by hand.")] = False,
    day: Annotated[dt.date, day_option("--at", help="Book values as of this day (asset card).")],
) -> None:
    """表单 / The paper form of a record (报销单 with its 粘贴单, 入库单, 领用单, 借用单, 借条, 资产卡片,
    报废申请表, 报修单, 请购单, 盘点报告 …), its signature boxes filled from the books or blank to sign by
    hand, and a QR code of its id and fingerprint for `houqin verify-form`.

    Example: houqin form BX-2026-0001 --out 报销单-BX-2026-0001.pdf
    """
    from houqin.errors import UsageError
    from houqin.i18n import t
    from houqin.render.console import console
    from houqin.render.forms import write_form
    from houqin.reports.forms import blank_form, form_of

    state = get_state(ctx)
    target = out_file or Path(f"{'空白-' + record if blank else record}.pdf")
    if target.suffix.lower() not in FORM_SUFFIXES:
        raise UsageError("form_out_suffix", path=str(target))
    state.output(target)
    ledger = state.books(record=record)
    paper = blank_form(ledger, record) if blank else form_of(ledger, record, day)
    write_form(paper, state.lang, target)
    console().print(t("report_written", state.lang, path=target))


def verify_form(
    ctx: typer.Context,
    scanned: Annotated[str, typer.Argument(help="表单码: the text of the form's QR code, as scanned.")],
    fmt: Format = OutputFormat.text,
) -> None:
    """核对表单 / Tell whether a paper form matches the books: the QR code's record id and fingerprint
    against the record as it stands. Exit 0 when it matches, 1 when the record changed after printing.

    Example: houqin verify-form houqin-form:1:BX-2026-0001:0123456789abcdef
    """
    from houqin.render.forms import print_form_check
    from houqin.reports.forms import verify_form as check

    state = get_state(ctx)
    result = check(state.books(full=True), scanned)
    print_form_check(result, state.lang, fmt.value)
    if not result.matches:
        raise Findings

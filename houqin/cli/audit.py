"""houqin audit: 稽核小组每学期稽核审计 — the pack of everything of a term for the audit group, and the
group's own record (members, scope, findings, signatures, answers)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from houqin.cli.options import NoCommit, OnDay, SigningKey, day_option, key_signer
from houqin.cli.state import get_state
from houqin.cli.writing import run_write
from houqin.clock import today

app = typer.Typer(
    help="稽核 / The audit group: the term's audit record, its signatures and answers, the pack.", no_args_is_help=True
)


@app.command("pack")
def pack(
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term id.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory to write the pack into.")],
) -> None:
    """稽核资料 / Write the term's audit pack: the checks, closes and their digests, the counts, every
    claim with signatures and invoices, advances, damage cases, the budget, git's record of who changed
    what, every commit of the term checked as it stood (those that broke rules past the hook named), and
    the audit group's records — as a workbook and a printable HTML index, with a digest of the whole pack.

    Example: houqin audit pack --term 2025-2026-2 --out 稽核-2025-2026-2
    """
    from houqin.i18n import t
    from houqin.render.audit import write_pack
    from houqin.render.console import console
    from houqin.reports.audit import term_pack

    state = get_state(ctx)
    for name in ("", f"稽核资料-{term}.xlsx", "index.html", "MANIFEST.sha256"):  # the files write_pack writes
        state.output(out_dir / name)
    digest = write_pack(term_pack(state.root(), term, today()), out_dir)
    console().print(t("audit.written", state.lang, path=out_dir, digest=digest))


@app.command("record")
def record(
    *,
    ctx: typer.Context,
    term: Annotated[str, typer.Option("--term", help="学期 Term audited.")],
    member: Annotated[list[str], typer.Option("--member", help="稽核小组成员 Member (auditor role). Repeat.")],
    scope: Annotated[str, typer.Option("--scope", help="稽核范围 What was audited.")],
    finding: Annotated[list[str] | None, typer.Option("--finding", help="发现的问题 A finding. Repeat.")] = None,
    signed: Annotated[
        bool, typer.Option("--signed", help="全体成员已在纸质记录上签字 Every member signed the minutes that day.")
    ] = False,
    day: OnDay,
    no_commit: NoCommit = False,
) -> None:
    """稽核记录 / Record the audit group's audit of a term: members, scope, findings; the members then
    sign it (houqin audit sign), and the office answers each finding (houqin audit answer).

    Example: houqin audit record --term 2025-2026-2 --member 郑国华 --member 杨丽华 --member 陈晓东 --scope 本学期经费使用 --finding 两张报销单缺证明人
    """
    from houqin.services.audit_record import record_audit

    run_write(
        ctx,
        lambda ledger: record_audit(ledger, term, member, scope, finding or [], day, signed),
        lambda r: f"audit record {r.id} {term}",
        no_commit=no_commit,
    )


@app.command("sign")
def sign(
    *,
    ctx: typer.Context,
    audit: Annotated[str, typer.Argument(help="稽核记录编号 Audit record id.")],
    by: Annotated[str, typer.Option("--by", help="签字的成员 The member signing.")],
    day: Annotated[dt.date, day_option("--on", help="签字日期 (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """成员签字 / One member signs the audit record (step auditor), typed or by key.

    Example: houqin audit sign JH-2026-0001 --by 郑国华
    """
    from houqin.services.audit_record import sign_audit

    run_write(
        ctx,
        lambda ledger: sign_audit(ledger, audit, by, day, key_signer(key)),
        lambda r: f"audit sign {r.id} {by}",
        replace=True,
        no_commit=no_commit,
    )


@app.command("answer")
def answer(
    *,
    ctx: typer.Context,
    audit: Annotated[str, typer.Argument(help="稽核记录编号 Audit record id.")],
    finding: Annotated[int, typer.Option("--finding", min=1, max=1000, help="问题序号 The finding's number (from 1).")],
    by: Annotated[str, typer.Option("--by", help="答复人 Who answers.")],
    text: Annotated[str, typer.Option("--text", help="答复与整改 The answer.")],
    day: Annotated[dt.date, day_option("--on", help="答复日期 (default: today).")],
    no_commit: NoCommit = False,
) -> None:
    """答复 / Record the answer to one of the audit's findings (整改情况).

    Example: houqin audit answer JH-2026-0001 --finding 1 --by 李明 --text 已补签证明人
    """
    from houqin.services.audit_record import answer_audit

    run_write(
        ctx,
        lambda ledger: answer_audit(ledger, audit, finding, by, text, day),
        lambda r: f"audit answer {r.id} {finding}",
        replace=True,
        no_commit=no_commit,
    )

"""houqin unsign: a signer withdraws their own signature, kept on the record (withdrawn) and in history."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import NoCommit, SigningKey, day_option, key_signer
from houqin.cli.writing import run_write


def unsign(
    *,
    ctx: typer.Context,
    record: Annotated[str, typer.Argument(help="单据编号 Record id, e.g. BX-2026-0012.")],
    step: Annotated[str, typer.Option("--as", help="所撤的签批环节 The step withdrawn (中文或英文).")],
    by: Annotated[str, typer.Option("--by", help="签字人本人 The signer (only they may withdraw).")],
    reason: Annotated[str, typer.Option("--reason", help="撤回理由 Why.")],
    day: Annotated[dt.date, day_option("--on", help="撤回日期 (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """撤回签字 / Withdraw one's own signature (the last one of the record, before it is paid); the
    withdrawal stays on the record and is signed by key when the signature was.

    Example: houqin unsign BX-2026-0012 --as principal --by 王建国 --reason 金额有误 --key ~/.ssh/id_ed25519
    """
    from houqin.i18n import role_key
    from houqin.services.signing import unsign_record

    run_write(
        ctx,
        lambda ledger: unsign_record(ledger, record, step, by, reason, day, key=key_signer(key)),
        lambda r: f"unsign {r.id} {role_key(step)} {by}: {reason}",
        replace=True,
        no_commit=no_commit,
    )

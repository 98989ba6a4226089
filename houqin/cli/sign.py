"""houqin sign: one signature on any record with an approval chain (报销单、借款、报废/转让/报损)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from houqin.cli.options import NoCommit, SigningKey, day_option, key_signer
from houqin.cli.writing import run_write


def sign(
    *,
    ctx: typer.Context,
    record: Annotated[str, typer.Argument(help="单据编号 Record id, e.g. CZ-2026-0004.")],
    step: Annotated[
        str,
        typer.Option(
            "--as",
            help="签批环节 Step, 中文或英文: 经手人 handler, 证明人 witness, 校长 principal, 保管人 keeper, 总务主任 director…",
        ),
    ],
    by: Annotated[str, typer.Option("--by", help="签字人 Signer (people.yaml name).")],
    day: Annotated[dt.date, day_option("--on", help="签字日期 (default: today).")],
    key: SigningKey = None,
    no_commit: NoCommit = False,
) -> None:
    """签字 / Add one signature to a record; refused if the signer may not sign that step.

    Example: houqin sign CZ-2026-0004 --as director --by 李明
    """
    from houqin.i18n import role_key
    from houqin.services.signing import sign_record

    run_write(
        ctx,
        lambda ledger: sign_record(ledger, record, step, by, day, key=key_signer(key)),
        lambda r: f"sign {r.id} {role_key(step)} {by}",
        replace=True,
        no_commit=no_commit,
    )

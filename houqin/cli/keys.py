"""houqin key: the SSH keys people sign with (people.yaml), registered and revoked under the principal's key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from houqin.cli.options import Format, NoCommit, OutputFormat, SigningKey, day_option, key_signer
from houqin.cli.state import get_state
from houqin.errors import Findings

app = typer.Typer(
    help="密钥 / Keys: register, revoke and list the SSH keys people sign with (docs/signatures.md).",
    no_args_is_help=True,
)

Person = Annotated[str, typer.Option("--person", help="密钥持有人 The key's holder (people.yaml name).")]
if TYPE_CHECKING:
    from houqin.models.ledger import Ledger

On = Annotated[dt.date, day_option("--on", help="日期 YYYY-MM-DD (default: today).")]


def _read_pub(path: str) -> str:
    from houqin.errors import UsageError

    try:
        text = Path(path).expanduser().read_text(encoding="utf-8").strip()  # the comment may be a name: 王建国
    except FileNotFoundError:
        raise UsageError("key_missing", path=path) from None
    except (OSError, UnicodeDecodeError):
        raise UsageError("key_not_ssh", path=path) from None
    if text.startswith("-----BEGIN"):
        raise UsageError("key_private_given", path=path)
    return text.splitlines()[0] if text else ""


@app.command("add")
def add(
    *,
    ctx: typer.Context,
    person: Person,
    file: Annotated[str, typer.Option("--file", help="公钥文件 The public key (.pub) to register.", metavar="KEY.pub")],
    anchor: Annotated[
        bool,
        typer.Option(
            "--anchor", help="校长的第一把密钥：信任根，自签登记。 The principal's first key: the trust anchor."
        ),
    ] = False,
    key: SigningKey = None,
    day: On,
    no_commit: NoCommit = False,
) -> None:
    """登记密钥 / Register a person's public key, signed by the principal's key (--key).

    The anchor (--anchor) is the principal's own first key and signs its own registration (with the
    private key beside KEY.pub, or --key). Example: houqin key add --person 李红梅 --file li.pub --key ~/.ssh/id_ed25519
    """
    from houqin.ledger.people_edit import PEOPLE, add_key
    from houqin.render.console import print_written
    from houqin.services.keys import new_key_entry
    from houqin.services.writes import write_directory

    state = get_state(ctx)
    root = state.root(write=True)
    line = _read_pub(file)
    if key is None and anchor:
        import os

        from houqin.ledger.signer import ENV

        beside = Path(file).expanduser().with_suffix("")
        key = os.environ.get(ENV) or (str(beside) if beside.is_file() and beside.name != Path(file).name else file)

    def build(ledger: Ledger, text: str) -> str:
        return add_key(text, person, new_key_entry(ledger, person, line, day, anchor, key_signer(key)))

    message = f"key add {person}" + (" (anchor)" if anchor else "")
    path = write_directory(root, PEOPLE, build, message, commit=not no_commit)
    print_written(person, path, message, not no_commit, state.lang, root)


@app.command("revoke")
def revoke(
    *,
    ctx: typer.Context,
    person: Person,
    fingerprint: Annotated[
        str, typer.Option("--fingerprint", help="所撤密钥的指纹 SHA256:… (houqin key list).", metavar="SHA256:…")
    ],
    key: SigningKey = None,
    day: On,
    no_commit: NoCommit = False,
) -> None:
    """撤销密钥 / Revoke a key from a day on, signed by the principal's key or by the key itself.

    Signatures made with it before that day stand. Example: houqin key revoke --person 李红梅 --fingerprint SHA256:… --key ~/.ssh/id_ed25519
    """
    from houqin.ledger.people_edit import PEOPLE, revoke_key
    from houqin.render.console import print_written
    from houqin.services.keys import revocation
    from houqin.services.writes import write_directory

    state = get_state(ctx)
    root = state.root(write=True)

    def build(ledger: Ledger, text: str) -> str:
        index, sig = revocation(ledger, person, fingerprint, day, key_signer(key))
        return revoke_key(text, person, index, day, sig)

    message = f"key revoke {person} {fingerprint}"
    path = write_directory(root, PEOPLE, build, message, commit=not no_commit)
    print_written(person, path, message, not no_commit, state.lang, root)


@app.command("list")
def list_keys(ctx: typer.Context, fmt: Format = OutputFormat.text) -> None:
    """列出密钥 / Every registered key with its SHA256 fingerprint (as ssh-keygen -l prints it).

    Example: houqin key list
    """
    from houqin.render.keys import print_keys
    from houqin.render.output import show
    from houqin.services.keys import key_rows

    state = get_state(ctx)
    rows = key_rows(state.books())
    show(fmt, "key list", rows, lambda out: print_keys(rows, state.lang))


@app.command("verify")
def verify(
    ctx: typer.Context,
    record: Annotated[str, typer.Argument(help="单据编号 Record id, e.g. BX-2026-0012 or JZ-2026-0009.")],
    fmt: Format = OutputFormat.text,
) -> None:
    """验证签字 / Each signature of one record: who signed, with which key, and whether it verifies
    over the record as it stands (checked afresh, not taken from a close). Exit 1 if one does not stand.

    Example: houqin key verify JZ-2026-0009 --format json
    """
    from houqin.render.keys import print_signatures
    from houqin.render.output import show
    from houqin.reports.keys import signatures_of

    state = get_state(ctx)
    result = signatures_of(state.books(record=record), record)
    show(fmt, "key verify", result, lambda out: print_signatures(result, state.lang))
    if not result.stands:
        raise Findings

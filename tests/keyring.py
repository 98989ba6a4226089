"""Demonstration keys for the tests: one Ed25519 key per person, derived from the name (so the
fingerprints in expected messages never change), and real SSHSIG signatures made with them.

The signatures are built here from PROTOCOL.sshsig with `cryptography`, not by houqin's own code,
and tests/test_keys.py proves ssh-keygen -Y verify accepts them: so a test ledger signed here is
signed as OpenSSH would sign it.
"""

from __future__ import annotations

import base64
import hashlib
import struct
import textwrap
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from houqin.ledger.yamlio import parse
from houqin.models.base import Approval, Signed
from houqin.models.statements import key_statement, payment_statement, step_statement

SCHOOL = "测试小学"


def private(name: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"houqin demo key {name}".encode()).digest())


def _string(b: bytes) -> bytes:
    return struct.pack(">I", len(b)) + b


def pub_blob(name: str) -> bytes:
    raw = private(name).public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _string(b"ssh-ed25519") + _string(raw)


def pub_line(name: str) -> str:
    return "ssh-ed25519 " + base64.b64encode(pub_blob(name)).decode()


def fingerprint(name: str) -> str:
    return "SHA256:" + base64.b64encode(hashlib.sha256(pub_blob(name)).digest()).decode().rstrip("=")


def sshsig(name: str, message: bytes, namespace: str = "houqin") -> str:
    """The SSHSIG blob (base64, one line) of `message` by `name`'s key, as ssh-keygen -Y sign makes it."""
    ns = namespace.encode()
    signed = b"SSHSIG" + _string(ns) + _string(b"") + _string(b"sha512") + _string(hashlib.sha512(message).digest())
    sig = private(name).sign(signed)
    blob = (
        b"SSHSIG"
        + struct.pack(">I", 1)
        + _string(pub_blob(name))
        + _string(ns)
        + _string(b"")
        + _string(b"sha512")
        + _string(_string(b"ssh-ed25519") + _string(sig))
    )
    return base64.b64encode(blob).decode()


def write_key_files(name: str, directory: Path, stem: str) -> Path:
    """`name`'s key as ssh-keygen would write it (private key and .pub), for ssh-keygen to sign with."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / stem
    data = private(name).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
    )
    path.write_bytes(data)
    path.chmod(0o600)
    path.with_name(stem + ".pub").write_text(pub_line(name) + f" {stem}\n")
    return path


def key_entry(person: str, added: str = "2026-01-05", by: str | None = "王校长", anchor: bool = False) -> str:
    """One line of a person's `keys:` list: the key, signed by `by` (the anchor: by itself)."""
    signer = person if anchor else by
    statement = key_statement(SCHOOL, person, pub_line(person), added, anchor)
    parts = [f"key: {pub_line(person)}", f"added: {added}"]
    if anchor:
        parts.append("anchor: true")
    if signer is not None:
        parts.append(f"sig: {sshsig(signer, statement)}")
    return "{" + ", ".join(parts) + "}"


def people(*keyed: str, extra: str = "") -> str:
    """conftest's people.yaml with the anchor (王校长) and keys for `keyed`, each under the anchor."""
    from tests.conftest import BASE

    text = textwrap.dedent(BASE["people.yaml"])
    anchor = key_entry("王校长", anchor=True)
    lines = []
    for line in text.splitlines():
        name = line.split("name: ", 1)[1].split(",", 1)[0] if line.startswith("- {name: ") else ""
        if name == "王校长" or name in keyed:
            entries = [anchor] if name == "王校长" else []
            if name in keyed and name != "王校长":
                entries.append(key_entry(name))
            body = line[3:-1]
            lines.append(f"- {{{body}, keys: [{', '.join(entries)}]}}")
        else:
            lines.append(line)
    return "\n".join(lines) + "\n" + extra


def sign_record_text(text: str, model: type[Signed], keys: dict[str, str | None], pay: str | None = None) -> str:
    """The record text (one record) with each approval signed in order by the key named for its role
    in `keys` (role → whose key; None: left typed). The statements are houqin's own (what is signed);
    the signing is this module's."""
    value, problem = parse(text.encode("utf-8"))
    assert problem is None and isinstance(value, list)
    raw = dict(value[0])
    record = model.model_validate({**raw, "approvals": []})
    approvals: list[Approval] = []
    for item in raw["approvals"]:
        a = Approval.model_validate(item)
        record = record.model_copy(update={"approvals": (*approvals, a)})
        who = keys.get(a.role)
        if who is not None:
            a = a.model_copy(update={"sig": sshsig(who, step_statement(SCHOOL, record, len(approvals)))})
        approvals.append(a)
    out = text
    if pay is not None:
        record = record.model_copy(update={"approvals": tuple(approvals)})
        sig = sshsig(pay, payment_statement(SCHOOL, record))
        typed = "account: bank}"
        assert typed in out
        out = out.replace(typed, f"account: bank, sig: {sig}}}", 1)
    for a in approvals:
        if a.sig is not None:
            typed = f"{{role: {a.role}, by: {a.by}, on: {a.on.isoformat()}}}"
            out = out.replace(typed, typed[:-1] + f", sig: {a.sig}}}", 1)
    return out


SK = b"sk-ssh-ed25519@openssh.com"


def sk_pub_blob(name: str) -> bytes:
    raw = private(name).public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return _string(SK) + _string(raw) + _string(b"ssh:")


def sk_pub_line(name: str) -> str:
    return SK.decode() + " " + base64.b64encode(sk_pub_blob(name)).decode()


def sk_sshsig(name: str, message: bytes, flags: int = 0x01, counter: int = 7) -> str:
    """What a FIDO authenticator holding `name`'s key returns, wrapped as ssh-keygen -Y sign wraps it
    (PROTOCOL.u2f: the key signs SHA256(application) | flags | counter | SHA256(data))."""
    ns = b"houqin"
    data = b"SSHSIG" + _string(ns) + _string(b"") + _string(b"sha512") + _string(hashlib.sha512(message).digest())
    signed = (
        hashlib.sha256(b"ssh:").digest() + bytes([flags]) + struct.pack(">I", counter) + hashlib.sha256(data).digest()
    )
    inner = _string(SK) + _string(private(name).sign(signed)) + bytes([flags]) + struct.pack(">I", counter)
    blob = (
        b"SSHSIG"
        + struct.pack(">I", 1)
        + _string(sk_pub_blob(name))
        + _string(ns)
        + _string(b"")
        + _string(b"sha512")
        + _string(inner)
    )
    return base64.b64encode(blob).decode()


BUNDLED_KEYS = Path(__file__).resolve().parents[1] / "examples" / "keys"


def bundled_key(tmp: Path, stem: str) -> Path:
    """A demonstration key of the bundled ledger (examples/keys/STEM), copied with the 0600 mode that
    ssh-keygen insists on (a clone checks files out 0644), beside its .pub."""
    tmp.mkdir(parents=True, exist_ok=True)
    for name in (stem, f"{stem}.pub"):
        (tmp / name).write_bytes((BUNDLED_KEYS / name).read_bytes())
    (tmp / stem).chmod(0o600)
    return tmp / stem

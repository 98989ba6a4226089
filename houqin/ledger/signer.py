"""Signing with the person's own OpenSSH: `ssh-keygen -Y sign -n houqin -f KEYFILE` (docs/signatures.md).

The key is a private key file, or a public key (.pub) whose private half an ssh-agent holds, named by
`--key` or else by `HOUQIN_SIGNING_KEY`. houqin never reads a private key itself and never asks for a
passphrase: ssh-keygen runs without a terminal, and a passphrase-protected key that no agent holds is
refused with a clear message before it is tried. Verification is not here but in-process
(houqin/sshsig.py).
"""

from __future__ import annotations

import base64
import os
import subprocess
import tempfile
from pathlib import Path

from houqin import sshsig
from houqin.errors import UsageError

ENV = "HOUQIN_SIGNING_KEY"
_OPENSSH_PRIVATE = "-----BEGIN OPENSSH PRIVATE KEY-----"


def signing_key(option: str | None) -> Path | None:
    """The key file to sign with: `--key`, else $HOUQIN_SIGNING_KEY, else none (a typed signature)."""
    chosen = option or os.environ.get(ENV) or None
    return Path(chosen).expanduser() if chosen else None


def public_key_of(key: Path) -> sshsig.PublicKey:
    """The public key of a key file: the .pub itself, or the .pub beside a private key, or derived
    by ssh-keygen -y (an unencrypted private key)."""
    text = _read(key)
    if not text.startswith(_OPENSSH_PRIVATE):
        return _parse_pub(text, key)
    _only_owner_reads(key)
    beside = key.with_name(key.name + ".pub")
    if beside.is_file():
        return _parse_pub(_read(beside), beside)
    proc = _ssh_keygen(["-y", "-f", str(key)])
    if proc.returncode != 0:
        raise UsageError("key_encrypted", path=str(key))
    return _parse_pub(proc.stdout, key)


def sign(message: bytes, key: Path) -> str:
    """The SSHSIG of `message` in the houqin namespace, as one line of base64."""
    text = _read(key)
    if text.startswith(_OPENSSH_PRIVATE):
        _only_owner_reads(key)
        if _encrypted(text) and not _agent_holds(key):
            raise UsageError("key_encrypted", path=str(key))
    else:
        _parse_pub(text, key)
        if not os.environ.get("SSH_AUTH_SOCK"):
            raise UsageError("key_no_agent", path=str(key))
    with tempfile.TemporaryDirectory(prefix="houqin-sign-") as tmp:
        statement = Path(tmp) / "statement"
        statement.write_bytes(message)
        proc = _ssh_keygen(["-Y", "sign", "-n", sshsig.NAMESPACE, "-f", str(key), str(statement)])
        sig = statement.with_name("statement.sig")
        if proc.returncode != 0 or not sig.is_file():
            raise UsageError("key_sign_failed", path=str(key), detail=(proc.stderr or proc.stdout).strip()[-300:])
        return sshsig.unarmor(sig.read_text(encoding="ascii"))


def _only_owner_reads(key: Path) -> None:
    """OpenSSH ignores a private key others can read ("UNPROTECTED PRIVATE KEY FILE"): say so, and how
    to fix it, before ssh-keygen is asked (it would only say the key cannot be loaded)."""
    mode = key.stat().st_mode & 0o777
    if mode & 0o077:
        raise UsageError("key_permissions", path=str(key), mode=f"{mode:04o}")


def _read(key: Path) -> str:
    try:
        data = key.read_bytes()
    except FileNotFoundError:
        raise UsageError("key_missing", path=str(key)) from None
    except OSError as e:
        raise UsageError("key_unreadable", path=str(key), detail=e.strerror or str(e)) from None
    try:
        return data.decode("utf-8").strip()  # a .pub comment may be a Chinese name
    except UnicodeDecodeError:
        raise UsageError("key_not_ssh", path=str(key)) from None


def _parse_pub(text: str, path: Path) -> sshsig.PublicKey:
    try:
        return sshsig.parse_public_key(text.strip().splitlines()[0] if text.strip() else "")
    except sshsig.KeyFormatError as e:
        if e.reason == "unsupported_type":
            raise UsageError("key_type", path=str(path), type=e.detail) from None
        raise UsageError("key_not_ssh", path=str(path)) from None


def _encrypted(text: str) -> bool:
    """Is an OpenSSH private key protected by a passphrase? (Its cipher name is not "none".)"""
    body = "".join(text.splitlines()[1:-1])
    try:
        blob = base64.b64decode(body)
    except ValueError:
        return False
    magic = b"openssh-key-v1\0"
    if not blob.startswith(magic) or len(blob) < len(magic) + 4:
        return False
    n = int.from_bytes(blob[len(magic) : len(magic) + 4], "big")
    return blob[len(magic) + 4 : len(magic) + 4 + n] != b"none"


def _agent_holds(key: Path) -> bool:
    if not os.environ.get("SSH_AUTH_SOCK"):
        return False
    beside = key.with_name(key.name + ".pub")
    if not beside.is_file():
        return False
    wanted = _parse_pub(_read(beside), beside).fingerprint
    proc = subprocess.run(["ssh-add", "-l", "-E", "sha256"], capture_output=True, text=True, check=False)
    return wanted in proc.stdout


def _ssh_keygen(args: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        # No terminal and no stdin: ssh-keygen can never sit waiting for a passphrase.
        return subprocess.run(
            ["ssh-keygen", *args],
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            check=False,
            timeout=120,  # a hardware key waits for a touch
        )
    except FileNotFoundError:
        raise UsageError("no_ssh_keygen") from None
    except subprocess.TimeoutExpired:
        raise UsageError("key_sign_failed", path=args[-2], detail="timeout") from None

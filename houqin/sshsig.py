"""OpenSSH public keys and SSHSIG signatures, read and verified in-process (no subprocess per signature).

The formats are OpenSSH's own: a public key line is `TYPE BASE64 [comment]` (RFC 4253 wire form
inside the base64), and a signature is the SSHSIG blob of OpenSSH's PROTOCOL.sshsig:

    "SSHSIG" | uint32 version (1) | string publickey | string namespace | string reserved
    | string hash_algorithm ("sha512" or "sha256") | string signature

signed over "SSHSIG" | string namespace | string reserved | string hash_algorithm | string H(message).
Two key types are accepted: ssh-ed25519, and sk-ssh-ed25519@openssh.com (a hardware key that needs
a touch), whose signature also covers the authenticator's flags and counter (PROTOCOL.u2f).
Verification uses the `cryptography` package; this module does no IO.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

ED25519 = "ssh-ed25519"
SK_ED25519 = "sk-ssh-ed25519@openssh.com"
KEY_TYPES = (ED25519, SK_ED25519)
NAMESPACE = "houqin"
_MAGIC = b"SSHSIG"
_ARMOR_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_ARMOR_END = "-----END SSH SIGNATURE-----"
_SK_USER_PRESENT = 0x01


class KeyFormatError(ValueError):
    """A key line or signature that cannot be read; `reason` is a short key for the message."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class PublicKey:
    type: str
    raw: bytes  # the 32-byte Ed25519 point
    application: str = ""  # sk keys: the FIDO application, usually "ssh:"
    blob: bytes = b""  # the whole wire form, as in the key line's base64

    @property
    def fingerprint(self) -> str:
        """As `ssh-keygen -l` prints it: SHA256: and the unpadded base64 of the blob's SHA-256."""
        return "SHA256:" + base64.b64encode(hashlib.sha256(self.blob).digest()).decode().rstrip("=")

    def line(self) -> str:
        return f"{self.type} {base64.b64encode(self.blob).decode()}"


@dataclass(frozen=True)
class Signature:
    key: PublicKey
    namespace: str
    hash_algorithm: str
    sig_type: str
    sig: bytes
    sk_flags: int = 0
    sk_counter: int = 0


class _Reader:
    """The wire form's reader (RFC 4251 strings and uint32s). Kept lean: a cold check reads one
    signature per signed step."""

    __slots__ = ("at", "data")

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def take(self, n: int) -> bytes:
        at = self.at
        if n < 0 or at + n > len(self.data):
            raise KeyFormatError("truncated")
        self.at = at + n
        return self.data[at : at + n]

    def uint32(self) -> int:
        at = self.at
        if at + 4 > len(self.data):
            raise KeyFormatError("truncated")
        self.at = at + 4
        return int.from_bytes(self.data[at : at + 4], "big")

    def string(self) -> bytes:
        data, at = self.data, self.at
        if at + 4 > len(data):
            raise KeyFormatError("truncated")
        end = at + 4 + int.from_bytes(data[at : at + 4], "big")
        if end > len(data):
            raise KeyFormatError("truncated")
        self.at = end
        return data[at + 4 : end]

    def text(self) -> str:
        try:
            return self.string().decode("ascii")
        except UnicodeDecodeError:
            raise KeyFormatError("not_text") from None

    def done(self) -> None:
        if self.at != len(self.data):
            raise KeyFormatError("trailing_bytes")


def _string(value: bytes) -> bytes:
    return struct.pack(">I", len(value)) + value


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise KeyFormatError("not_base64") from None


@lru_cache(maxsize=4096)
def _key_from_blob(blob: bytes) -> PublicKey:
    """A school has a few dozen keys and each signs thousands of steps: read each once."""
    r = _Reader(blob)
    kind = r.text()
    if kind not in KEY_TYPES:
        raise KeyFormatError("unsupported_type", kind)
    raw = r.string()
    if len(raw) != 32:
        raise KeyFormatError("bad_key")
    application = r.text() if kind == SK_ED25519 else ""
    r.done()
    return PublicKey(kind, raw, application, blob)


def parse_public_key(line: str) -> PublicKey:
    """`ssh-ed25519 AAAA… comment` → the key. Raises KeyFormatError (unsupported_type, not_base64 …)."""
    fields = line.split()
    if len(fields) < 2:
        raise KeyFormatError("malformed")
    kind, body = fields[0], fields[1]
    if kind not in KEY_TYPES:
        raise KeyFormatError("unsupported_type", kind)
    key = _key_from_blob(_b64(body))
    if key.type != kind:
        raise KeyFormatError("type_mismatch", f"{kind} / {key.type}")
    return key


def unarmor(text: str) -> str:
    """The base64 body of an armored signature (ssh-keygen's .sig file), on one line."""
    if "\n" not in text and not text.startswith("-----"):
        return text.strip()  # as a ledger holds it: one line already
    body = [ln.strip() for ln in text.strip().splitlines()]
    if body and body[0] == _ARMOR_BEGIN:
        body = body[1:]
    if body and body[-1] == _ARMOR_END:
        body = body[:-1]
    return "".join(body)


def armor(b64: str) -> str:
    """The armored form ssh-keygen reads back (76 columns)."""
    rows = [b64[i : i + 76] for i in range(0, len(b64), 76)]
    return "\n".join([_ARMOR_BEGIN, *rows, _ARMOR_END]) + "\n"


def parse_signature(b64: str) -> Signature:
    """The SSHSIG blob written in a ledger (its base64, armored or not)."""
    r = _Reader(_b64(unarmor(b64)))
    if r.take(6) != _MAGIC:
        raise KeyFormatError("not_sshsig")
    if r.uint32() != 1:
        raise KeyFormatError("version")
    key = _key_from_blob(r.string())
    namespace = r.text()
    r.string()  # reserved
    hash_algorithm = r.text()
    inner = _Reader(r.string())
    r.done()
    sig_type = inner.text()
    sig = inner.string()
    flags = counter = 0
    if sig_type == SK_ED25519:
        flags = inner.take(1)[0]
        counter = inner.uint32()
    inner.done()
    if sig_type != key.type or len(sig) != 64:
        raise KeyFormatError("bad_signature")
    return Signature(key, namespace, hash_algorithm, sig_type, sig, flags, counter)


def signer_fingerprint(b64: str) -> str | None:
    """The fingerprint of the key a signature carries (whether or not it verifies, or is trusted);
    None when the text is no signature."""
    try:
        return parse_signature(b64).key.fingerprint
    except KeyFormatError:
        return None


def signed_data(message: bytes, namespace: str, hash_algorithm: str) -> bytes:
    digest = hashlib.sha512(message) if hash_algorithm == "sha512" else hashlib.sha256(message)
    return (
        _MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(hash_algorithm.encode())
        + _string(digest.digest())
    )


def verify(signature: Signature, message: bytes, namespace: str = NAMESPACE) -> bool:
    """Does this signature, by the key it carries, sign `message` in `namespace`? (Whose key it is,
    and whether it was valid that day, is the caller's question.)"""
    from cryptography.exceptions import InvalidSignature

    if signature.namespace != namespace or signature.hash_algorithm not in ("sha512", "sha256"):
        return False
    data = signed_data(message, namespace, signature.hash_algorithm)
    if signature.sig_type == SK_ED25519:
        if not signature.sk_flags & _SK_USER_PRESENT:
            return False
        data = (
            hashlib.sha256(signature.key.application.encode()).digest()
            + bytes([signature.sk_flags])
            + struct.pack(">I", signature.sk_counter)
            + hashlib.sha256(data).digest()
        )
    try:
        _ed25519(signature.key.raw).verify(signature.sig, data)
    except InvalidSignature:
        return False
    return True


@lru_cache(maxsize=4096)
def _ed25519(raw: bytes) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(raw)


def sign_ed25519(seed: bytes, message: bytes, namespace: str = NAMESPACE) -> str:
    """The SSHSIG (base64, one line) that `ssh-keygen -Y sign` makes with the ssh-ed25519 key of this
    32-byte private seed. Ed25519 is deterministic, so the same seed and message give the same bytes:
    the bundled ledger's demonstration signatures and the benchmark generator's are reproducible, and
    signing 100,000 steps needs no subprocess. houqin's commands sign with the person's own OpenSSH
    (houqin/ledger/signer.py); this is for keys houqin itself derived (demonstration, benchmarks, tests)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(seed)
    key = public_of_seed(seed)
    raw = private.sign(signed_data(message, namespace, "sha512"))
    blob = (
        _MAGIC
        + struct.pack(">I", 1)
        + _string(key.blob)
        + _string(namespace.encode())
        + _string(b"")
        + _string(b"sha512")
        + _string(_string(ED25519.encode()) + _string(raw))
    )
    return base64.b64encode(blob).decode()


def public_of_seed(seed: bytes) -> PublicKey:
    """The ssh-ed25519 public key of a 32-byte private seed."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    raw = Ed25519PrivateKey.from_private_bytes(seed).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return _key_from_blob(_string(ED25519.encode()) + _string(raw))

"""Ed25519 keys: make one, sign, verify; the key id and the short fingerprint people read aloud.

A key id is the SHA-256 (64 hex digits) of the raw 32-byte public key. The short fingerprint is its first
100 bits in Crockford's base32 (no I, L, O or U, so nothing is misheard), in five groups of four:
"7KQ2 M4XD 9PWA 3RTE H6NB". Forging a key with the same short fingerprint takes about 2^100 tries.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re

from typing import TYPE_CHECKING

from idmf.signing.errors import SigningError

if TYPE_CHECKING:  # cryptography (about 6 MiB) is imported when a key is first used, not when the app starts
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

KEY_BYTES = 32
SIGNATURE_BYTES = 64
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SHORT_BITS = 100


def b64(data: bytes) -> str:
    """Bytes as standard base64 text."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str, what: str, size: int) -> bytes:
    """Base64 text back to exactly `size` bytes; SigningError naming `what` otherwise."""
    try:
        data = base64.b64decode(str(text), validate=True)
    except (binascii.Error, ValueError):
        raise SigningError(f"The {what} is not valid (it is not base64 text).") from None
    if len(data) != size:
        raise SigningError(f"The {what} is not valid (it has {len(data)} bytes instead of {size}).")
    return data


def new_private_key() -> Ed25519PrivateKey:
    """A fresh Ed25519 private key from the operating system's random source."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


def private_key_from(text: str) -> Ed25519PrivateKey:
    """A private key from its base64 raw form (as kept in the credential store)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(unb64(text, "stored private key", KEY_BYTES))


def private_key_text(key: Ed25519PrivateKey) -> str:
    """A private key's raw 32 bytes as base64 (what the credential store keeps)."""
    return b64(key.private_bytes_raw())


def public_key_text(key: Ed25519PrivateKey) -> str:
    """The public half of a private key, as base64 of its raw 32 bytes."""
    return b64(key.public_key().public_bytes_raw())


def key_id(public_key: str) -> str:
    """SHA-256 (hex) of a public key's raw bytes: the key's full fingerprint."""
    return hashlib.sha256(unb64(public_key, "public key", KEY_BYTES)).hexdigest()


def short_fingerprint(key_id_hex: str) -> str:
    """The first 100 bits of a key id in Crockford base32, grouped for reading aloud: '7KQ2 M4XD …'."""
    bits = int(key_id_hex[:26], 16) >> (26 * 4 - _SHORT_BITS)
    chars = [_CROCKFORD[(bits >> shift) & 31] for shift in range(_SHORT_BITS - 5, -1, -5)]
    return " ".join("".join(chars[i:i + 4]) for i in range(0, len(chars), 4))


def same_fingerprint(typed: str, key_id_hex: str) -> bool:
    """Whether a fingerprint as typed or read out (any case, spaces or dashes, O for 0…) names this key."""
    plain = re.sub(r"[\s:\-]", "", typed or "").upper().translate(str.maketrans("OIL", "011"))
    if len(plain) == 64:
        return plain.lower() == key_id_hex
    return len(plain) == _SHORT_BITS // 5 and plain == short_fingerprint(key_id_hex).replace(" ", "")


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    """An Ed25519 signature over `data`, as base64."""
    return b64(key.sign(data))


def verify(public_key: str, data: bytes, signature: str) -> bool:
    """Whether `signature` is the holder of `public_key`'s signature over exactly `data`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = Ed25519PublicKey.from_public_bytes(unb64(public_key, "public key", KEY_BYTES))
        key.verify(unb64(signature, "signature", SIGNATURE_BYTES), data)
    except (SigningError, InvalidSignature, ValueError):
        return False
    return True

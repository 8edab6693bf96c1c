"""A signing identity: a person's card with the private key that matches it (held only on their computer)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from idmf.signing.cards import Card
from idmf.signing.keys import new_private_key, public_key_text, sign

if TYPE_CHECKING:  # imported with the first key used (idmf.signing.keys), not at start-up
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey


@dataclass(frozen=True)
class Identity:
    """The person who signs: their card and their private key."""

    card: Card
    private_key: Ed25519PrivateKey = field(repr=False)
    # The card's, worked out once (every audit entry and signature names the key).
    name: str = field(init=False)
    key_id: str = field(init=False)
    fingerprint: str = field(init=False)

    def __post_init__(self) -> None:
        for attribute in ("name", "key_id", "fingerprint"):
            object.__setattr__(self, attribute, getattr(self.card, attribute))

    @classmethod
    def new(cls, name: str, role: str, organisation: str = "") -> "Identity":
        """A fresh key pair with its card."""
        key = new_private_key()
        return cls(Card(name=name, role=role, organisation=organisation, public_key=public_key_text(key)), key)

    def sign(self, data: bytes) -> str:
        """An Ed25519 signature (base64) over `data`."""
        return sign(self.private_key, data)

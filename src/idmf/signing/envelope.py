"""Signed statements: what is signed (a JSON payload), who signed (their card), and the signature.

The signature covers the bytes `IDMF-SIGNED-1`, the statement's kind and the RFC 8785 canonical JSON of the
kind, the payload and the signer's card, so a signature made for one purpose (a review reply) can never be
passed off as another (a sign-off), and no byte of the payload or the card can change unnoticed.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import rfc8785
from pydantic import BaseModel, ConfigDict, ValidationError

from idmf.interchange.jsonio import InterchangeError, parse_json
from idmf.signing.cards import Card
from idmf.signing.errors import SigningError, invalid
from idmf.signing.identity import Identity
from idmf.signing.keys import verify

DOMAIN = b"IDMF-SIGNED-1\n"


def canonical(value: Any) -> bytes:
    """RFC 8785 canonical JSON of a value; SigningError when it cannot be canonicalised."""
    try:
        return rfc8785.dumps(value)
    except (rfc8785.CanonicalizationError, TypeError, ValueError) as exc:
        raise SigningError(f"The data to sign or check cannot be put in canonical form ({exc}).") from None


def digest(value: Any) -> str:
    """SHA-256 (hex) of a value's RFC 8785 canonical JSON."""
    return hashlib.sha256(canonical(value)).hexdigest()


class Signed(BaseModel):
    """A payload of one kind, signed by the holder of the card's key."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    payload: dict[str, Any]
    signer: Card
    signature: str

    def to_json(self) -> str:
        """The statement as JSON text (to embed in a file)."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=True, indent=1, sort_keys=True)


def signed_bytes(kind: str, payload: dict[str, Any], signer: Card) -> bytes:
    """Exactly the bytes a signature of this kind covers."""
    return DOMAIN + canonical({"kind": kind, "payload": payload, "signer": signer.model_dump(mode="json")})


def seal(identity: Identity, kind: str, payload: dict[str, Any]) -> Signed:
    """Sign a payload of one kind with a person's key."""
    return Signed(kind=kind, payload=payload, signer=identity.card,
                  signature=identity.sign(signed_bytes(kind, payload, identity.card)))


def parse_signed(data: Any, what: str) -> Signed:
    """A signed statement from parsed JSON (or its text), not yet checked."""
    if isinstance(data, (str, bytes)):
        try:
            data = parse_json(data)  # untrusted: no endless nesting, NaN or 5,000-digit numbers
        except (InterchangeError, UnicodeDecodeError):
            raise SigningError(f"The signature in {what} is damaged (it is not valid JSON).") from None
    try:
        return Signed.model_validate(data)
    except ValidationError as exc:
        raise invalid(f"The signature in {what}", exc) from None


def is_genuine(statement: Signed) -> bool:
    """Whether the signature matches the payload and the card's key (nothing changed since it was signed)."""
    return verify(statement.signer.public_key, signed_bytes(statement.kind, statement.payload, statement.signer),
                  statement.signature)


def open_signed(data: Any, kind: str, what: str) -> Signed:
    """A checked statement of the expected kind; SigningError when it is of another kind or does not verify."""
    statement = parse_signed(data, what)
    if statement.kind != kind:
        raise SigningError(f"The signature in {what} is for something else ({statement.kind!r}, not {kind!r}).")
    if not is_genuine(statement):
        raise SigningError(f"The signature in {what} does not match its contents: they were changed after "
                           "they were signed.")
    return statement

"""What the author of a review file signs: its whole manifest, which names the request (and the reply), the
SHA-256 of the content and of the comments, and when it was written. The signature travels in the file as
signature.json; its card, not any field of the file, says who wrote it."""

from __future__ import annotations

from typing import Any

from idmf.signing.cards import Card
from idmf.signing.envelope import open_signed, seal
from idmf.signing.errors import SigningError
from idmf.signing.identity import Identity

KIND = "review-file"


def sign_manifest(identity: Identity, manifest: dict[str, Any]) -> str:
    """signature.json's text for a manifest."""
    return seal(identity, KIND, manifest).to_json() + "\n"


def manifest_author(signature: str | None, manifest: dict[str, Any], what: str) -> Card:
    """The card of whoever signed exactly this manifest; SigningError when unsigned, forged or changed."""
    if not signature:
        raise SigningError(f"{what} is not signed, so nobody can tell who wrote it. Ask the sender to export it "
                           "again with the latest IDMF Desktop.")
    statement = open_signed(signature, KIND, what)
    if statement.payload != manifest:
        raise SigningError(f"The signature in {what} does not match its manifest: the file was changed after it "
                           "was signed.")
    return statement.signer

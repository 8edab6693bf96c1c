"""Errors of the signing feature: each message says what happened and what to do, in plain English."""

from __future__ import annotations

from pydantic import ValidationError

from idmf.errors import IdmfError


class SigningError(IdmfError):
    """A key, card, trusted-signers list or signature that cannot be used; the message says why."""


class KeyStoreError(SigningError):
    """The private key cannot be kept or found in the credential store (or its file fallback)."""


def invalid(what: str, exc: ValidationError) -> SigningError:
    """The refusal for data that failed its model: '{what} is not valid (field: problem).', first problem only."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "the data"
    return SigningError(f"{what} is not valid ({field}: {first['msg'].removeprefix('Value error, ')}).")

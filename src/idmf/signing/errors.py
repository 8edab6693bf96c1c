"""Errors of the signing feature: each message says what happened and what to do, in plain English."""

from __future__ import annotations

from idmf.errors import IdmfError


class SigningError(IdmfError):
    """A key, card, trusted-signers list or signature that cannot be used; the message says why."""


class KeyStoreError(SigningError):
    """The private key cannot be kept or found in the credential store (or its file fallback)."""

"""Tables of the signing feature (created by migration 0007_signatures): the signers this database knows,
whom it trusts for which role, and the organisation's trusted-signers lists it imported.

Only public keys are kept here (in team mode, on the shared server); private keys never leave the
person's own computer (idmf.signing.keystore).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel


class SignerRow(SQLModel, table=True):
    """A public key seen on a signature or a card, with its holder's card and the trust given to it here."""

    __tablename__ = "signer"

    key_id: str = Field(primary_key=True, max_length=64)  # SHA-256 of the public key
    public_key: str = Field(max_length=64)
    name: str
    role: str  # as the holder's card states it: a claim, not a permission
    organisation: str = ""
    first_seen_at: dt.datetime
    list_role: str | None = None  # the role the current trusted-signers list gives this key
    vouched_role: str | None = None  # the role a user of this database gave after comparing fingerprints
    vouched_by: str | None = None
    vouched_at: dt.datetime | None = None


class TrustListRow(SQLModel, table=True):
    """An organisation's trusted-signers list as imported (the newest one is in force)."""

    __tablename__ = "trust_list"

    id: int | None = Field(default=None, primary_key=True)
    organisation: str
    admin_key_id: str = Field(max_length=64)
    admin_name: str
    issued_at: dt.datetime
    list_json: str = Field(sa_column=Column(Text, nullable=False))  # the signed file, exactly as imported
    imported_at: dt.datetime
    imported_by: str

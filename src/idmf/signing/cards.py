"""A person's card: name, role, organisation and public key, plus the short fingerprint people read aloud.

Cards travel as small JSON files (`*.idmf-card.json`): a person sends theirs to the EDI team for the
organisation's trusted-signers list, or to a colleague who trusts them one by one. A card proves nothing by
itself: trust comes from comparing its fingerprint with the person, or from a list the admin key signed.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from idmf.interchange.jsonio import InterchangeError, parse_json
from idmf.signing.errors import SigningError, invalid
from idmf.signing.keys import KEY_BYTES, key_id, short_fingerprint, unb64

CARD_FORMAT = "idmf-card"
Role = Literal["lead", "reviewer", "committee", "admin"]
ROLE_LABELS: dict[str, str] = {"lead": "project lead", "reviewer": "EDI reviewer",
                               "committee": "committee secretary", "admin": "trusted-signers administrator"}
SIGNING_ROLES = ("lead", "reviewer", "committee")  # roles a trusted-signers list can give


def role_label(role: str | None) -> str:
    """A role in words ('EDI reviewer'); an unknown one as it is."""
    return ROLE_LABELS.get(role or "", role or "no role")


class Card(BaseModel):
    """Who a public key belongs to, as its holder states it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=200)
    role: Role
    organisation: str = Field(default="", max_length=200)
    public_key: str

    @field_validator("name", "organisation")
    @classmethod
    def _one_line(cls, value: str) -> str:
        value = " ".join(value.split())
        if any(ord(c) < 32 for c in value):
            raise ValueError("must be plain text on one line")
        return value

    @field_validator("public_key")
    @classmethod
    def _ed25519(cls, value: str) -> str:
        try:
            unb64(value, "public key", KEY_BYTES)
        except SigningError as exc:
            raise ValueError(str(exc)) from None
        return value

    @property
    def key_id(self) -> str:
        """The full fingerprint: SHA-256 (hex) of the public key."""
        return key_id(self.public_key)

    @property
    def fingerprint(self) -> str:
        """The short fingerprint to read aloud: '7KQ2 M4XD 9PWA 3RTE H6NB'."""
        return short_fingerprint(self.key_id)

    def describe(self) -> str:
        """'Esi Mensah (EDI reviewer, Leicester NHS Trust), key 7KQ2 M4XD …'."""
        where = f", {self.organisation}" if self.organisation else ""
        return f"{self.name} ({role_label(self.role)}{where}), key {self.fingerprint}"

    def to_json(self) -> str:
        """The card file's text."""
        return json.dumps({"format": CARD_FORMAT, **self.model_dump()}, ensure_ascii=False, indent=2) + "\n"


def card_from(data: object, where: str = "The card") -> Card:
    """A card from parsed JSON (a dict); SigningError saying what is wrong."""
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k != "format"}
    try:
        return Card.model_validate(data)
    except ValidationError as exc:
        raise invalid(where, exc) from None


def read_card(text: str, name: str = "The card file") -> Card:
    """A card from a card file's text."""
    try:
        data = parse_json(text)  # untrusted: no endless nesting, NaN or 5,000-digit numbers
    except InterchangeError:
        raise SigningError(f"{name} is not a signer's card (it is not JSON).") from None
    if not isinstance(data, dict) or data.get("format") != CARD_FORMAT:
        raise SigningError(f"{name} is not a signer's card made by IDMF Desktop.")
    return card_from(data, name)

"""An organisation's trusted-signers list: the people (name, role, public key) whose signatures count,
signed by the organisation's admin key, which the EDI team keeps.

    make_trust_list(admin, "Leicester NHS Trust", [(card, "reviewer"), …]) -> text of the .idmf-trust file
    read_trust_list(text) -> TrustList (the admin's signature checked; who to trust is decided by the caller)

The first list a database imports is trusted after the user compares the admin key's fingerprint with the
one the EDI team publishes; later lists must be signed by the same admin key and be newer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from idmf.signing.cards import SIGNING_ROLES, Card, role_label
from idmf.signing.envelope import Signed, open_signed, seal
from idmf.signing.errors import SigningError, invalid
from idmf.signing.identity import Identity

KIND = "trusted-signers"
MAX_SIGNERS = 10_000


class _ListPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")

    organisation: str = Field(min_length=1, max_length=200)
    issued_at: dt.datetime
    signers: list[Card] = Field(max_length=MAX_SIGNERS)


@dataclass(frozen=True)
class TrustList:
    """A trusted-signers list whose admin signature was checked."""

    organisation: str
    issued_at: dt.datetime  # aware UTC
    signers: tuple[Card, ...]
    admin: Card
    statement: Signed

    def role_of(self, key_id: str) -> str | None:
        """The role the list gives a key (None when the key is not on it)."""
        return next((c.role for c in self.signers if c.key_id == key_id), None)


def make_trust_list(admin: Identity, organisation: str, people: Iterable[tuple[Card, str]],
                    issued_at: dt.datetime | None = None) -> str:
    """The signed list (file text) giving each card the role beside it."""
    if admin.card.role != "admin":
        raise SigningError("Only an admin identity (role “admin”) can sign a trusted-signers list.")
    signers = []
    for card, role in people:
        if role not in SIGNING_ROLES:
            raise SigningError(f"A trusted-signers list gives the roles {', '.join(SIGNING_ROLES)}, not “{role}”.")
        signers.append(card.model_copy(update={"role": role}))
    when = (issued_at or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    payload = _ListPayload(organisation=organisation, issued_at=when, signers=signers)
    return seal(admin, KIND, payload.model_dump(mode="json")).to_json() + "\n"


def read_trust_list(text: str, name: str = "The trusted-signers list") -> TrustList:
    """Check a list's admin signature and contents; SigningError saying why it is refused."""
    statement = open_signed(text, KIND, name)
    if statement.signer.role != "admin":
        raise SigningError(f"{name} is signed by {statement.signer.describe()}, which is not an admin key.")
    try:
        payload = _ListPayload.model_validate(statement.payload)
    except ValidationError as exc:
        raise invalid(name, exc) from None
    seen: set[str] = set()
    for card in payload.signers:
        if card.role not in SIGNING_ROLES:
            raise SigningError(f"{name} gives {card.name} the role “{role_label(card.role)}”, which no list can "
                               "give.")
        if card.key_id in seen or card.key_id == statement.signer.key_id:
            raise SigningError(f"{name} lists the key of {card.name} twice (or lists the admin key itself).")
        seen.add(card.key_id)
    issued = payload.issued_at if payload.issued_at.tzinfo else payload.issued_at.replace(tzinfo=dt.timezone.utc)
    return TrustList(payload.organisation, issued.astimezone(dt.timezone.utc), tuple(payload.signers),
                     statement.signer, statement)

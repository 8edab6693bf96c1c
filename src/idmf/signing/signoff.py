"""The committee's sign-off as a signed statement over what people read.

The approver's key signs: the SHA-256 of the RFC 8785 canonical assessment (idmf.interchange.content: its
answers, census tables, form and uid/version; not bookkeeping such as status or archiving), the SHA-256 of the Word document's
visible text, the version, the committee, the meeting date, the approver's name, and the head and length
of the version's audit log at the moment of approval.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from idmf.signing.envelope import Signed, open_signed, seal
from idmf.signing.errors import invalid
from idmf.signing.identity import Identity

KIND = "signoff"
_SHA256 = r"^[0-9a-f]{64}$"


class SignoffClaim(BaseModel):
    """What the approver signs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    assessment_uid: str = Field(max_length=32)
    version_number: int = Field(ge=1)
    title: str = ""
    content_sha256: str = Field(pattern=_SHA256)
    visible_text_sha256: str = Field(pattern=_SHA256)
    committee: str = Field(min_length=1)
    meeting_date: dt.date
    approver: str = Field(min_length=1)
    signed_at: dt.datetime
    audit_head: str = Field(pattern=_SHA256)
    audit_count: int = Field(ge=1)


def sign_signoff(identity: Identity, claim: SignoffClaim) -> Signed:
    """The approver's signature over a sign-off."""
    return seal(identity, KIND, claim.model_dump(mode="json"))


def read_signoff(data: Any, what: str) -> tuple[Signed, SignoffClaim]:
    """A sign-off statement whose signature matches; SigningError saying why not."""
    statement = open_signed(data, KIND, what)
    try:
        return statement, SignoffClaim.model_validate(statement.payload)
    except ValidationError as exc:
        raise invalid(f"The sign-off in {what}", exc) from None

"""The three outcomes of checking a sign-off, in words and exit codes (the CLI and the app say the same):

    Verified                                 valid signature by a trusted signer, nothing changed   -> 0
    Signed by someone you do not trust yet   valid signature, nothing changed, signer not trusted    -> 3
    Not verified                             anything changed, a bad or a missing signature          -> 1
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Callable

from idmf.signing.cards import Card, role_label
from idmf.signing.errors import SigningError
from idmf.signing.signoff import SignoffClaim, read_signoff

SIGNOFF_ROLE = "committee"
TRUST_HINT = ("Compare the fingerprint with them, or import your organisation's trusted-signers list, in "
              "File → Trusted signers…")


class Outcome(Enum):
    """The three states: each with its words and the exit code of `idmf-cli verify`."""

    VERIFIED = ("Verified", 0)
    UNTRUSTED = ("Signed by someone you do not trust yet", 3)
    NOT_VERIFIED = ("Not verified", 1)

    def __init__(self, title: str, exit_code: int) -> None:
        self.title, self.exit_code = title, exit_code


@dataclass(frozen=True)
class Verification:
    """What a check found, with one message for the user."""

    outcome: Outcome
    message: str
    signer: Card | None = None
    claim: SignoffClaim | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == Outcome.VERIFIED


@dataclass(frozen=True)
class Evidence:
    """What was read from a document (or the database) to check against its signature."""

    what: str  # "day-case.docx" or "version 2 in this database"
    signature: str | None  # the signed statement's JSON text; None when there is none
    content_sha256: str | None  # of the assessment as it is now
    visible_text_sha256: str | None  # of the document's visible text as it is now
    recorded_signature: str | None = None  # the signature this database recorded for that version, if any
    audit_hash_at: Callable[[int], str | None] | None = None  # entry n's hash in this database's audit log


def not_verified(message: str) -> Verification:
    """The 'Not verified' outcome with its reason."""
    return Verification(Outcome.NOT_VERIFIED, f"Not verified: {message}")


def judge(evidence: Evidence, trusted_roles: Callable[[str], set[str]]) -> Verification:
    """Decide the outcome: signature, then content, then visible text, then the database's record, then trust."""
    what = evidence.what
    if not evidence.signature:
        return not_verified(f"{what} carries no sign-off signature. Only versions signed off in IDMF Desktop carry "
                            "one; a draft, or a document signed off before signatures were used, cannot be verified.")
    try:
        statement, claim = read_signoff(evidence.signature, what)
    except SigningError as exc:
        return not_verified(str(exc))
    if evidence.content_sha256 != claim.content_sha256:
        return not_verified(f"the assessment in {what} is not the one that was signed off: its answers were changed "
                            "after sign-off.")
    if evidence.visible_text_sha256 != claim.visible_text_sha256:
        return not_verified(f"the text of {what} was changed after it was signed off. Ask the committee secretary "
                            "for the document as it was issued.")
    if evidence.recorded_signature is not None and evidence.recorded_signature != statement.signature:
        return not_verified(f"{what} carries a different sign-off from the one this database recorded for version "
                            f"{claim.version_number}.")
    if evidence.audit_hash_at is not None and evidence.audit_hash_at(claim.audit_count) != claim.audit_head:
        return not_verified(f"the audit log of {what} is not the one that was signed off: its entries up to the "
                            "approval were deleted or rewritten.")
    return _trust(statement.signer, claim, trusted_roles(statement.signer.key_id))


def _trust(signer: Card, claim: SignoffClaim, roles: set[str]) -> Verification:
    version = f"version {claim.version_number} of “{claim.title or 'untitled'}”"
    meeting = f"for {claim.committee} on {claim.meeting_date:%d/%m/%Y} (approver: {claim.approver})"
    if SIGNOFF_ROLE in roles:
        return Verification(Outcome.VERIFIED, f"Verified: {version} was signed off {meeting} by {signer.describe()}. "
                                              "The text and the answers are exactly as they were signed.",
                            signer, claim)
    standing = (f"You trust this key as {', '.join(role_label(r) for r in sorted(roles))}, not to sign off for a "
                "committee." if roles else "You have not trusted this key yet.")
    return Verification(Outcome.UNTRUSTED, f"Signed by someone you do not trust yet: {signer.describe()} signed off "
                                           f"{version} {meeting}, and nothing has changed since. {standing} "
                                           f"{TRUST_HINT}", signer, claim)

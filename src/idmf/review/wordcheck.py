"""Verify a signed-off Word document: the fingerprint printed in its footer against the assessment embedded
in it, and, when the database holds the sign-off, against that record. Reading the file is idmf.export's
job (footer_fingerprint, read_embedded_json); this module decides and words the outcome.
"""

from __future__ import annotations

from idmf.review.signoff import Signoff, Verification, display_fingerprint, verify_fingerprint


def no_fingerprint(name: str) -> Verification:
    """The outcome for a Word file whose footer carries no fingerprint."""
    return Verification(False, f"{name} has no fingerprint in its footer: only signed-off versions carry one "
                               "(drafts are not signed).")


def verify_word_content(name: str, printed: str, document: dict, signed: Signoff | None,
                        with_database: bool = True) -> Verification:
    """Check a footer fingerprint against the embedded content, then against the recorded sign-off (if any)."""
    if not verify_fingerprint(document, printed):
        return Verification(False, f"NOT verified: the content inside {name} does not match the fingerprint "
                                   f"in its footer ({display_fingerprint(printed)}). The document has been "
                                   "changed since it was signed off.", printed)
    ok = Verification(True, f"Verified: the content of {name} matches the fingerprint in its footer "
                            f"({display_fingerprint(printed)}).", printed, printed)
    if not with_database:
        return ok
    if signed is None:
        return Verification(True, ok.message + " This database holds no sign-off for it to compare with.",
                            printed, printed)
    if signed.fingerprint != printed:
        return Verification(False, f"NOT verified: {name} is self-consistent, but its fingerprint differs from the "
                                   f"sign-off recorded on {signed.meeting_date:%d/%m/%Y} by {signed.committee}.",
                            signed.fingerprint, printed)
    return Verification(True, ok.message + f" It is the version signed off by {signed.committee} on "
                                           f"{signed.meeting_date:%d/%m/%Y} (approver: {signed.approver}).",
                        signed.fingerprint, printed)

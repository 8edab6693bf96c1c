"""Committee sign-off: approve and lock a version, fingerprint its content, verify a fingerprint later.

The fingerprint is the SHA-256 (hex) of the RFC 8785 canonical JSON of the signed content: the
`jsonio.to_document` document with the assessment details reduced to its uid and version number (status,
dates of editing, archiving and the review date are bookkeeping and may change after sign-off). The Word
export prints it in the footer (`fingerprint_of`, `signoff_for`) and embeds the document, so
`verify_fingerprint(document, fingerprint)` can check a Word file years later.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass
from typing import Any

import rfc8785
from sqlalchemy import Connection

from idmf.domain.assessment import Assessment, Status
from idmf.domain.questions import APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE, COMPLETED_DATE
from idmf.domain.times import aware, utcnow
from idmf.interchange import jsonio
from idmf.review.errors import SignoffError
from idmf.review.workflow import Action, Role, check_allowed, default_person, ensure_workflow_target, record_status
from idmf.storage.backup import take_backup
from idmf.storage.store import Store

SIGNED_META = ("uid", "version_number")  # the only assessment details a fingerprint covers


def signed_content(document: dict[str, Any]) -> dict[str, Any]:
    """The part of a jsonio document that a fingerprint covers (everything but bookkeeping details)."""
    content = copy.deepcopy(document)
    meta = document.get("assessment") if isinstance(document.get("assessment"), dict) else {}
    content["assessment"] = {key: meta.get(key) for key in SIGNED_META}
    return content


def fingerprint(document: dict[str, Any]) -> str:
    """SHA-256 (64 hex digits) over the RFC 8785 canonical JSON of a document's signed content."""
    return hashlib.sha256(rfc8785.dumps(signed_content(document))).hexdigest()


def fingerprint_of(assessment: Assessment) -> str:
    """The fingerprint of an assessment as it is now (the Word footer prints the signed-off one)."""
    return fingerprint(jsonio.to_document(assessment))


def normalise_fingerprint(text: str) -> str:
    """A fingerprint as typed or printed ('AB12 CD34…', 'ab12:cd34…') in its plain form."""
    return re.sub(r"[\s:\-]", "", text or "").lower()


def display_fingerprint(value: str, group: int = 4) -> str:
    """A fingerprint in groups of four for people to compare by eye: 'ab12 cd34 …'."""
    plain = normalise_fingerprint(value)
    return " ".join(plain[i:i + group] for i in range(0, len(plain), group))


def verify_fingerprint(document: dict[str, Any], expected: str) -> bool:
    """True when the document's signed content has exactly this fingerprint."""
    try:
        actual = fingerprint(document)
    except (TypeError, ValueError, rfc8785.CanonicalizationError):
        return False
    return hmac.compare_digest(actual, normalise_fingerprint(expected))


@dataclass(frozen=True)
class Signoff:
    """The record of a committee's approval of one version."""

    assessment_id: int
    uid: str
    version_number: int
    committee: str
    meeting_date: dt.date
    approver: str
    fingerprint: str
    signed_at: dt.datetime
    recorded_by: str


def _signoff(row: Any) -> Signoff:
    return Signoff(row.assessment_id, row.assessment_uid, row.version_number, row.committee, row.meeting_date,
                   row.approver, row.fingerprint, aware(row.signed_at), row.recorded_by)


def signoff_for(store: Store, assessment_id: int) -> Signoff | None:
    """The sign-off of a version (None when it is not signed off)."""
    row = store.signoffs.for_assessment(assessment_id)
    return _signoff(row) if row else None


def signoff_by_uid(store: Store, uid: str, version_number: int) -> Signoff | None:
    """The sign-off of an assessment version found by its uid (e.g. from a Word file's embedded data)."""
    row = store.signoffs.for_version(uid, version_number)
    return _signoff(row) if row else None


def _one_year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def _check_details(item: Assessment, committee: str, meeting_date: dt.date, approver: str, today: dt.date) -> None:
    if not committee.strip() or not approver.strip():
        raise SignoffError("Approving needs the name of the committee and of the person approving.")
    if meeting_date > today:
        raise SignoffError(f"The meeting date {meeting_date:%d/%m/%Y} is in the future: record the approval after "
                           "the meeting.")
    completed = item.answers.get(COMPLETED_DATE)
    if isinstance(completed, dt.date) and meeting_date < completed:
        raise SignoffError(f"The meeting date {meeting_date:%d/%m/%Y} is before the assessment was completed "
                           f"({completed:%d/%m/%Y}).")


def _record_answers(store: Store, conn: Connection, item: Assessment, committee: str,
                    meeting_date: dt.date) -> None:
    """Write the committee and meeting date into the Approval section (before locking)."""
    form = store.form_for(item)
    known = {q.id for q in form.questions()}
    for qid, value in ((APPROVAL_COMMITTEE, committee.strip()), (APPROVAL_MEETING_DATE, meeting_date)):
        if qid in known and item.answers.get(qid) != value:
            store.assessments.store_answer(item, form, qid, value, conn)


def _backup_first(store: Store) -> None:
    path = store.database.path
    if store.database.is_sqlite and path is not None and path.exists():
        take_backup(path, "before-signoff")


def approve(store: Store, assessment_id: int, committee: str, meeting_date: dt.date, approver: str,
            person: str | None = None, comment: str = "", today: dt.date | None = None,
            review_date: dt.date | None = None) -> Signoff:
    """Record the committee's approval, fingerprint the content and lock the version, in one transaction.

    The SQLite file is backed up first. The review date defaults to a year after the meeting.
    """
    today, person = today or dt.date.today(), (person or default_person()).strip()
    item = ensure_workflow_target(store, assessment_id)
    if store.assessments.is_locked(assessment_id):
        raise SignoffError("This version is already signed off.")
    check_allowed(store, item, Action.APPROVE, Role.COMMITTEE, comment, today)
    _check_details(item, committee, meeting_date, approver, today)
    _backup_first(store)
    with store.transaction() as conn:
        _record_answers(store, conn, item, committee, meeting_date)
        item = store.assessments.get(assessment_id, conn)  # exactly what verification will read back
        digest = fingerprint_of(item)
        record_status(store, conn, item, Status.APPROVED, Action.APPROVE, person, Role.COMMITTEE,
                      comment or f"Approved by {approver.strip()} at {committee.strip()}.",
                      review_date=review_date or _one_year_later(meeting_date), locked=True)
        store.signoffs.insert(
            conn, assessment_id=item.id, assessment_uid=item.uid, version_number=item.version_number,
            committee=committee.strip(), meeting_date=meeting_date, approver=approver.strip(),
            fingerprint=digest, signed_at=utcnow(), recorded_by=person)
    return signoff_for(store, assessment_id)  # type: ignore[return-value]


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a fingerprint, in words."""

    ok: bool
    message: str
    expected: str = ""
    actual: str = ""


def verify_stored(store: Store, assessment_id: int) -> Verification:
    """Recompute a signed-off version's fingerprint from the database and compare it with its sign-off."""
    signed = signoff_for(store, assessment_id)
    if signed is None:
        return Verification(False, f"Assessment {assessment_id} has not been signed off, so there is no fingerprint "
                                   "to check.")
    actual = fingerprint_of(store.assessments.get(assessment_id))
    if hmac.compare_digest(actual, signed.fingerprint):
        return Verification(True, f"Verified: version {signed.version_number} is exactly as signed off by "
                                  f"{signed.committee} on {signed.meeting_date:%d/%m/%Y}.", signed.fingerprint, actual)
    return Verification(False, f"NOT verified: the stored content of version {signed.version_number} differs from "
                               "what was signed off.", signed.fingerprint, actual)

"""Committee sign-off: approve and lock a version, with the approver's signature over what people read.

The signature itself is made by the caller (idmf.services, which holds the approver's key and renders the
Word document): `approve` records the approval, appends the signed audit entry, then asks `seal` for the
signed statement and the signed Word document, and stores them with the sign-off, all in one transaction.
The sign-off's `fingerprint` column keeps the SHA-256 of the canonical content that was signed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable

from sqlalchemy import Connection

from idmf.domain.assessment import Assessment, Status
from idmf.domain.questions import APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE, COMPLETED_DATE
from idmf.domain.times import aware, utcnow
from idmf.review import team
from idmf.review.audit import AuditEntry, Signer
from idmf.review.errors import SignoffError
from idmf.review.workflow import Action, Role, check_allowed, ensure_workflow_target, record_status
from idmf.storage.backup import take_backup
from idmf.storage.store import Store


@dataclass(frozen=True)
class Signoff:
    """The record of a committee's approval of one version."""

    assessment_id: int
    uid: str
    version_number: int
    committee: str
    meeting_date: dt.date
    approver: str
    fingerprint: str  # SHA-256 of the signed canonical content
    signed_at: dt.datetime
    recorded_by: str
    signer_key: str | None = None  # None: signed off before sign-offs were signed
    signature: str | None = None  # the signed statement (JSON)


@dataclass(frozen=True)
class Seal:
    """What the approver's key produced for a sign-off (made by the caller, who holds the key)."""

    content_sha256: str
    signer_key: str
    signature: str
    document: bytes  # the signed Word document, kept so it can be issued again exactly as signed


# (the approved assessment, the approval's audit entry, committee, meeting date, approver, signed at) -> Seal
SealMaker = Callable[[Assessment, AuditEntry, str, dt.date, str, dt.datetime], Seal]


def _signoff(row: Any) -> Signoff:
    return Signoff(row.assessment_id, row.assessment_uid, row.version_number, row.committee, row.meeting_date,
                   row.approver, row.fingerprint, aware(row.signed_at), row.recorded_by, row.signer_key,
                   row.signature)


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


def approve(store: Store, assessment_id: int, committee: str, meeting_date: dt.date, approver: str, person: str,
            comment: str = "", today: dt.date | None = None, review_date: dt.date | None = None, *,
            signer: Signer, seal: SealMaker) -> Signoff:
    """Record the committee's approval, sign it (`signer`, `seal`) and lock the version, in one transaction.

    The SQLite file is backed up first. The review date defaults to a year after the meeting.
    """
    today, person = today or dt.date.today(), person.strip()
    item = ensure_workflow_target(store, assessment_id)
    if store.assessments.is_locked(assessment_id):
        raise SignoffError("This version is already signed off.")
    check_allowed(store, item, Action.APPROVE, Role.COMMITTEE, comment, today)
    _check_details(item, committee, meeting_date, approver, today)
    _backup_first(store)
    with store.transaction() as conn:
        _record_answers(store, conn, item, committee, meeting_date)
        item = store.assessments.get(assessment_id, conn)
        entry = record_status(store, conn, item, Status.APPROVED, Action.APPROVE, person, Role.COMMITTEE,
                              comment or f"Approved by {approver.strip()} at {committee.strip()}.", signer,
                              review_date=review_date or _one_year_later(meeting_date), locked=True)
        signed_at = team.server_time(store, conn) if team.active(store) else utcnow()
        item = store.assessments.get(assessment_id, conn)  # exactly what verification will read back
        sealed = seal(item, entry, committee.strip(), meeting_date, approver.strip(), signed_at)
        details = dict(committee=committee.strip(), meeting_date=meeting_date, approver=approver.strip(),
                       fingerprint=sealed.content_sha256, signed_at=signed_at, signer_key=sealed.signer_key,
                       signature=sealed.signature, document=sealed.document)
        if team.active(store):  # the database records it, with the login as the person who recorded it
            store.teams.record_signoff(conn, id=item.id, **details)
        else:
            store.signoffs.insert(conn, assessment_id=item.id, assessment_uid=item.uid,
                                  version_number=item.version_number, recorded_by=person, **details)
    return signoff_for(store, assessment_id)  # type: ignore[return-value]

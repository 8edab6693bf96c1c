"""Review by file between two people, each with their own database.

    lead:      export_review_request(store, id, "x.idmf")      -> send the file to the EDI partner
    reviewer:  import_review_file(store, "x.idmf")             -> a read-only review copy + its comments
               add_comment(...); set_verdict(...)
               export_review_reply(store, copy_id, "reply.idmf") -> send it back
    lead:      import_review_file(store, "reply.idmf")         -> comments merged, answers untouched,
                                                                 the verdict applied as a workflow step
Importing is one transaction: a crash or a refusal part-way leaves the database as it was.
A reply is accepted only for an assessment and version in the lead's database, and only if it carries the
very content the lead sent (same SHA-256); anything else is refused with the exact reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from idmf.domain.assessment import Assessment
from idmf.domain.times import utc, utcnow
from idmf.interchange import jsonio
from idmf.review import comments as comment_store
from idmf.review.errors import ReadOnlyError, ReviewError, ReviewFileError
from idmf.review.reviewfile import REPLY, REQUEST, ReviewFile, Verdict, read_review_file, sha256, write_review_file
from idmf.review.workflow import Action, Role, default_person, plan, transition
from idmf.storage.store import Store

VERDICTS = {"assured": Action.SUBMIT_FOR_COMMITTEE, "changes_requested": Action.REQUEST_CHANGES}


@dataclass(frozen=True)
class ImportOutcome:
    """What importing a review file did, with a sentence for the user."""

    kind: str
    assessment_id: int
    comments_added: int
    comments_updated: int
    verdict: str | None
    message: str


def _record(store: Store, conn: Connection | None, kind: str, direction: str, uid: str, version: int,
            content_sha: str, file_sha: str, person: str) -> None:
    store.exchanges.record(conn, assessment_uid=uid, version_number=version, kind=kind, direction=direction,
                           content_sha256=content_sha, file_sha256=file_sha, person=person, at=utcnow())


def export_review_request(store: Store, assessment_id: int, out: Path, person: str | None = None) -> Path:
    """Write a review file of one of your own assessments for an EDI partner."""
    if store.review_copies.get(assessment_id) is not None:
        raise ReadOnlyError("This is a copy you received for review: send a reply instead (Export reply).")
    item = store.assessments.get(assessment_id)
    person, text = (person or default_person()).strip(), jsonio.dumps(item)
    found = comment_store.export_comments(store, item.uid, item.version_number)
    path = write_review_file(out, REQUEST, item.uid, item.version_number, item.title, text, found, None, person)
    _record(store, None, REQUEST, "sent", item.uid, item.version_number, sha256(text.encode("utf-8")),
            sha256(path.read_bytes()), person)
    return path


def set_verdict(store: Store, assessment_id: int, verdict: str, person: str | None = None,
                comment: str = "") -> None:
    """The reviewer's verdict on a copy received for review: 'assured' or 'changes_requested'."""
    verdict = verdict.strip().lower().replace("-", "_")
    if verdict not in VERDICTS:
        raise ReviewError("The verdict must be 'assured' (EDI assurance given) or 'changes-requested'.")
    if verdict == "changes_requested" and not comment.strip():
        raise ReviewError("Say what should change when you request changes.")
    if store.review_copies.get(assessment_id) is None:
        raise ReviewError("A verdict is given on a copy received for review; for your own assessments use the "
                          "workflow actions.")
    store.review_copies.set_verdict(assessment_id, verdict=verdict, verdict_by=(person or default_person()).strip(),
                                    verdict_comment=comment.strip(), verdict_at=utcnow())


def export_review_reply(store: Store, assessment_id: int, out: Path, person: str | None = None) -> Path:
    """Write the reply to a review request: the same content, your comments and your verdict."""
    copy = store.review_copies.get(assessment_id)
    if copy is None:
        raise ReviewError("Only a copy received for review can be replied to. To ask for a review of your own "
                          "assessment, export a review request.")
    item = store.assessments.get(assessment_id)
    verdict = None
    if copy.verdict:
        verdict = Verdict(verdict=copy.verdict, by=copy.verdict_by or "", comment=copy.verdict_comment or "",
                          at=utc(copy.verdict_at))
    person = (person or default_person()).strip()
    found = comment_store.export_comments(store, item.uid, item.version_number)
    path = write_review_file(out, REPLY, item.uid, item.version_number, item.title, copy.content_json, found,
                             verdict, person)
    _record(store, None, REPLY, "sent", item.uid, item.version_number, copy.content_sha256,
            sha256(path.read_bytes()), person)
    return path


def import_review_file(store: Store, path: Path, person: str | None = None, today: dt.date | None = None,
                       apply_verdict: bool = True) -> ImportOutcome:
    """Import a review request (as a reviewer) or a reply (as the lead) in one transaction; refused with the
    exact reason (and nothing changed)."""
    rf = read_review_file(Path(path))
    person = (person or default_person()).strip()
    with store.transaction() as conn:
        if rf.manifest.kind == REQUEST:
            return _import_request(store, conn, rf, person)
        return _import_reply(store, conn, rf, person, today, apply_verdict)


def _check_anchors(store: Store, item: Assessment, rf: ReviewFile) -> None:
    known = comment_store.valid_anchors(store.form_for(item))
    unknown = sorted({c.anchor for c in rf.comments} - known)
    if unknown:
        raise ReviewFileError(f"The file's comments refer to questions this form does not have: {', '.join(unknown)}.")


def _add_review_copy(store: Store, conn: Connection, rf: ReviewFile, existing_id: int | None) -> int:
    """Store the received content as a read-only review copy (replacing an older copy of the same version)."""
    item = jsonio.from_document(rf.document, store.forms)
    _check_anchors(store, item, rf)
    if existing_id is not None:  # an updated request for the same version: the old copy is only a cache
        store.assessments.delete(existing_id, conn)
    item = store.assessments.add(item, conn)
    store.review_copies.mark(conn, assessment_id=item.id, content_sha256=rf.content_sha256,
                             content_json=rf.content_text, received_at=utcnow(),
                             received_from=rf.manifest.created_by)
    return item.id


def _import_request(store: Store, conn: Connection, rf: ReviewFile, person: str) -> ImportOutcome:
    m = rf.manifest
    found = store.assessments.find_version(m.assessment_uid, m.version_number, conn)
    copy = store.review_copies.get(found.id, conn) if found else None
    if found and copy is None:
        raise ReviewFileError(f"This review request is for “{found.title}” version {m.version_number}, which is "
                              f"your own assessment here (id {found.id}). Open it directly instead.")
    if copy is not None and copy.content_sha256 == rf.content_sha256:
        assessment_id, note = found.id, "You already had this version; its comments are brought up to date."
    else:
        assessment_id = _add_review_copy(store, conn, rf, found.id if found else None)
        note = ("The answers were updated to the ones in this file." if found
                else "It opens read-only: add comments and your verdict.")
    merged = comment_store.merge_comments(store, conn, m.assessment_uid, m.version_number, rf.comments)
    _record(store, conn, m.kind, "received", m.assessment_uid, m.version_number, rf.content_sha256,
            rf.file_sha256, person)
    return ImportOutcome(m.kind, assessment_id, merged.added, merged.updated, None,
                         f"Review request for “{m.title}” (version {m.version_number}) imported as id "
                         f"{assessment_id}. {note}")


def _reply_target(store: Store, conn: Connection, rf: ReviewFile) -> int:
    """The lead's assessment a reply belongs to; refused when it is another assessment, version or content."""
    m = rf.manifest
    versions = store.assessments.versions(m.assessment_uid, conn)
    if not versions:
        raise ReviewFileError(f"This reply is for another assessment (“{m.title}”), which is not in your database.")
    match = [v for v in versions if v.version_number == m.version_number]
    if not match:
        have = ", ".join(str(v.version_number) for v in versions)
        raise ReviewFileError(f"This reply is for version {m.version_number} of “{m.title}”, but your database has "
                              f"version {have} of it.")
    target = match[0].id
    if store.review_copies.get(target, conn) is not None:
        raise ReviewFileError("This reply is about a copy you received for review; replies go back to the "
                              "project lead who sent the request.")
    current = sha256(jsonio.dumps(store.assessments.get(target, conn)).encode("utf-8"))
    sent = store.exchanges.content_hashes(m.assessment_uid, m.version_number, REQUEST, "sent", conn)
    if rf.content_sha256 not in sent | {current}:
        raise ReviewFileError("This reply was written on different answers from the ones you sent for review (its "
                              "content hash differs), so it is refused. Ask the reviewer to reply to your latest "
                              "review file.")
    return target


def _import_reply(store: Store, conn: Connection, rf: ReviewFile, person: str, today: dt.date | None,
                  apply_verdict: bool) -> ImportOutcome:
    m = rf.manifest
    target = _reply_target(store, conn, rf)
    _check_anchors(store, store.assessments.get(target, conn), rf)
    repeat = store.exchanges.seen(rf.file_sha256, "received", conn)
    merged = comment_store.merge_comments(store, conn, m.assessment_uid, m.version_number, rf.comments)
    _record(store, conn, m.kind, "received", m.assessment_uid, m.version_number, rf.content_sha256,
            rf.file_sha256, person)
    message = f"Reply from {m.created_by or 'the reviewer'} imported: {merged.added} new comment(s)."
    if rf.verdict and apply_verdict and not repeat:
        message += " " + _apply_verdict(store, conn, target, rf.verdict, today)
    return ImportOutcome(m.kind, target, merged.added, merged.updated, rf.verdict.verdict if rf.verdict else None,
                         message)


def _apply_verdict(store: Store, conn: Connection, assessment_id: int, verdict: Verdict,
                   today: dt.date | None) -> str:
    """Record the reviewer's verdict as the matching workflow step, in the reviewer's name."""
    action = VERDICTS[verdict.verdict]
    comment = verdict.comment or ("EDI assurance given (review reply)." if verdict.verdict == "assured"
                                  else "Changes requested (review reply).")
    today = today or dt.date.today()
    try:  # checked before anything is written, so a refusal leaves the rest of the import to be kept
        plan(store, assessment_id, action, Role.REVIEWER, comment, today, conn)
    except ReviewError as exc:
        return f"The reviewer's verdict ({action.label}) could not be recorded: {exc}"
    result = transition(store, assessment_id, action, person=verdict.by or "EDI partner", comment=comment,
                        role=Role.REVIEWER, today=today, conn=conn)
    return f"The reviewer's verdict is recorded: the assessment is now “{result.assessment.status.label}”."

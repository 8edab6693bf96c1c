"""Review by file between two people, each with their own database and their own signing key.

    lead:      export_review_request(store, id, out, author)        -> a signed request with a new request id
    reviewer:  import_review_file(store, rf, author)                -> a read-only review copy + its comments
               set_verdict(...); export_review_reply(store, copy_id, out, author) -> a signed reply
    lead:      import_review_file(store, rf, author, recorder)      -> comments merged, answers untouched

The caller (idmf.services) checks the file's signature and says who signed it (`Author`); this module
decides what the file may do. A reply is accepted only when signed by someone this database trusts as an
EDI reviewer, answering a request this database sent, with the content that request carried. Its verdict
is applied only when it answers the latest request, not withdrawn, for the current content; otherwise the
verdict is kept as a comment. A reply id already imported is never applied again (replays are noticed by
request and reply ids, never by the file's bytes). New comments are written in the signer's name and role,
whatever the file's own fields say. Importing is one transaction: a refusal leaves the database as it was.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from idmf.domain.assessment import Status
from idmf.domain.times import utc, utcnow
from idmf.interchange import jsonio
from idmf.review import comments as comment_store
from idmf.review.audit import Signer
from idmf.review.errors import ReadOnlyError, ReviewError, ReviewFileError
from idmf.review.reviewfile import REPLY, REQUEST, Ids, ManifestSigner, ReviewFile, Verdict, sha256, \
    write_review_file
from idmf.review.verdicts import apply_verdict, stale_reason
from idmf.review.workflow import Role
from idmf.storage.store import Store

VERDICTS = ("assured", "changes_requested")
REVIEWER = Role.REVIEWER.value


@dataclass(frozen=True)
class Author:
    """Who wrote (or writes) a review file, as their signature proves it."""

    name: str
    key_id: str
    description: str  # 'Esi Mensah (EDI reviewer, …), key 7KQ2 …'
    trusted_roles: frozenset[str] = frozenset()  # the roles this database trusts the key for
    sign: ManifestSigner | None = None  # set when the author is the person using this app


@dataclass(frozen=True)
class ImportOutcome:
    """What importing a review file did, with a sentence for the user."""

    kind: str
    assessment_id: int
    comments_added: int
    comments_updated: int
    verdict: str | None
    message: str
    applied: bool = False


def _record(store: Store, conn: Connection | None, rf_kind: str, direction: str, uid: str, version: int,
            content_sha: str, file_sha: str, author: Author, ids: Ids) -> None:
    store.exchanges.record(conn, assessment_uid=uid, version_number=version, kind=rf_kind, direction=direction,
                           content_sha256=content_sha, file_sha256=file_sha, person=author.name, at=utcnow(),
                           request_id=ids.request_id, reply_id=ids.reply_id, signer_key=author.key_id)


def _signer(author: Author) -> ManifestSigner:
    if author.sign is None:
        raise ReviewError("Writing a review file needs your own signing key.")
    return author.sign


def export_review_request(store: Store, assessment_id: int, out: Path, author: Author) -> Path:
    """Write a signed review file of one of your own assessments for an EDI partner (a new request id)."""
    if store.review_copies.get(assessment_id) is not None:
        raise ReadOnlyError("This is a copy you received for review: send a reply instead (Export reply).")
    item = store.assessments.get(assessment_id)
    text, ids = jsonio.dumps(item), Ids(uuid.uuid4().hex)
    found = comment_store.export_comments(store, item.uid, item.version_number)
    path = write_review_file(out, REQUEST, item.uid, item.version_number, item.title, text, found, None,
                             author.name, ids, _signer(author))
    _record(store, None, REQUEST, "sent", item.uid, item.version_number, sha256(text.encode("utf-8")),
            sha256(path.read_bytes()), author, ids)
    return path


def set_verdict(store: Store, assessment_id: int, verdict: str, person: str, comment: str = "") -> None:
    """The reviewer's verdict on a copy received for review: 'assured' or 'changes_requested'."""
    verdict = verdict.strip().lower().replace("-", "_")
    if verdict not in VERDICTS:
        raise ReviewError("The verdict must be 'assured' (EDI assurance given) or 'changes-requested'.")
    if verdict == "changes_requested" and not comment.strip():
        raise ReviewError("Say what should change when you request changes.")
    if store.review_copies.get(assessment_id) is None:
        raise ReviewError("A verdict is given on a copy received for review; for your own assessments use the "
                          "workflow actions.")
    store.review_copies.set_verdict(assessment_id, verdict=verdict, verdict_by=person.strip(),
                                    verdict_comment=comment.strip(), verdict_at=utcnow())


def export_review_reply(store: Store, assessment_id: int, out: Path, author: Author) -> Path:
    """Write the signed reply to a review request: the same content, your comments and your verdict."""
    copy = store.review_copies.get(assessment_id)
    if copy is None:
        raise ReviewError("Only a copy received for review can be replied to. To ask for a review of your own "
                          "assessment, export a review request.")
    if not copy.request_id:
        raise ReviewError("This copy came in an unsigned review file, so a reply could not be matched to the "
                          "request. Ask the project lead for a new review file.")
    item = store.assessments.get(assessment_id)
    verdict = None
    if copy.verdict:
        verdict = Verdict(verdict=copy.verdict, by=author.name, comment=copy.verdict_comment or "",
                          at=utc(copy.verdict_at))
    ids = Ids(copy.request_id, uuid.uuid4().hex)
    found = comment_store.export_comments(store, item.uid, item.version_number)
    path = write_review_file(out, REPLY, item.uid, item.version_number, item.title, copy.content_json, found,
                             verdict, author.name, ids, _signer(author))
    _record(store, None, REPLY, "sent", item.uid, item.version_number, copy.content_sha256,
            sha256(path.read_bytes()), author, ids)
    return path


def import_review_file(store: Store, rf: ReviewFile, author: Author, recorder: Signer | None = None,
                       today: dt.date | None = None) -> ImportOutcome:
    """Import a checked review file signed by `author`: a request (as a reviewer) or a reply (as the lead,
    whose `recorder` key signs the audit entry of an applied verdict), in one transaction; refused with the
    exact reason (and nothing changed)."""
    with store.transaction() as conn:
        if rf.manifest.kind == REQUEST:
            return _import_request(store, conn, rf, author)
        return _import_reply(store, conn, rf, author, recorder, today)


def _check_anchors(store: Store, form_item, rf: ReviewFile) -> None:
    known = comment_store.valid_anchors(store.form_for(form_item))
    unknown = sorted({c.anchor for c in rf.comments} - known)
    if unknown:
        raise ReviewFileError(f"The file's comments refer to questions this form does not have: {', '.join(unknown)}.")


def _add_review_copy(store: Store, conn: Connection, rf: ReviewFile, existing_id: int | None, author: Author) -> int:
    """Store the received content as a read-only review copy (replacing an older copy of the same version).

    The lead's status is not taken from the file: a copy received for review is "In EDI review" here."""
    item = jsonio.from_document(rf.document, store.forms)
    item.status, item.review_date = Status.IN_REVIEW, None
    _check_anchors(store, item, rf)
    if existing_id is not None:  # an updated request for the same version: the old copy is only a cache
        store.assessments.delete(existing_id, conn)
    item = store.assessments.add(item, conn)
    store.review_copies.mark(conn, assessment_id=item.id, content_sha256=rf.content_sha256,
                             content_json=rf.content_text, received_at=utcnow(), received_from=author.name,
                             request_id=rf.manifest.request_id)
    return item.id


def _import_request(store: Store, conn: Connection, rf: ReviewFile, author: Author) -> ImportOutcome:
    m = rf.manifest
    found = store.assessments.find_version(m.assessment_uid, m.version_number, conn)
    copy = store.review_copies.get(found.id, conn) if found else None
    if found and copy is None:
        raise ReviewFileError(f"This review request is for “{found.title}” version {m.version_number}, which is "
                              f"your own assessment here (id {found.id}). Open it directly instead.")
    if copy is not None and copy.content_sha256 == rf.content_sha256 and copy.request_id == m.request_id:
        assessment_id, note = found.id, "You already had this version; its comments are brought up to date."
    else:
        assessment_id = _add_review_copy(store, conn, rf, found.id if found else None, author)
        note = ("The answers were updated to the ones in this file." if found
                else "It opens read-only: add comments and your verdict.")
    merged = comment_store.merge_comments(store, conn, m.assessment_uid, m.version_number, rf.comments,
                                          signed_by=(author.name, Role.LEAD.value))
    _record(store, conn, m.kind, "received", m.assessment_uid, m.version_number, rf.content_sha256,
            rf.file_sha256, author, Ids(m.request_id))
    return ImportOutcome(m.kind, assessment_id, merged.added, merged.updated, None,
                         f"Review request for “{m.title}” (version {m.version_number}) from {author.description} "
                         f"imported as id {assessment_id}. {note}")


def _reply_target(store: Store, conn: Connection, rf: ReviewFile, author: Author) -> tuple[int, object]:
    """The lead's assessment a reply belongs to and the request it answers; refused when the signer is not a
    trusted EDI reviewer, or it is another assessment, version, request or content."""
    m = rf.manifest
    if REVIEWER not in author.trusted_roles:
        raise ReviewFileError(f"This reply is signed by {author.description}, whom you do not trust as an EDI "
                              "reviewer yet, so nothing was imported. Compare fingerprints with them and trust "
                              "them in File → Trusted signers…, then import the reply again.")
    match = [v for v in store.assessments.versions(m.assessment_uid, conn) if v.version_number == m.version_number]
    if not match or store.review_copies.get(match[0].id, conn) is not None:
        raise ReviewFileError(f"This reply is for “{m.title}” version {m.version_number}, which is not one of your "
                              "own assessments in this database.")
    request = next((r for r in store.exchanges.requests_sent(m.assessment_uid, m.version_number, conn)
                    if r.request_id == m.request_id), None)
    if request is None:
        raise ReviewFileError("This reply answers a review request that was not sent from this database, so it is "
                              "refused.")
    if rf.content_sha256 != request.content_sha256:
        raise ReviewFileError("This reply carries different answers from the ones in the review request it "
                              "answers (its content hash differs), so it is refused.")
    return match[0].id, request


def _import_reply(store: Store, conn: Connection, rf: ReviewFile, author: Author, recorder: Signer | None,
                  today: dt.date | None) -> ImportOutcome:
    m = rf.manifest
    target, request = _reply_target(store, conn, rf, author)
    _check_anchors(store, store.assessments.get(target, conn), rf)
    earlier = store.exchanges.reply_received(m.reply_id or "", conn)
    merged = comment_store.merge_comments(store, conn, m.assessment_uid, m.version_number, rf.comments,
                                          signed_by=(author.name, REVIEWER))
    _record(store, conn, m.kind, "received", m.assessment_uid, m.version_number, rf.content_sha256,
            rf.file_sha256, author, Ids(m.request_id, m.reply_id))
    message = f"Reply from {author.description} imported: {merged.added} new comment(s)."
    applied = False
    if rf.verdict is None:
        pass
    elif earlier is not None:
        message += (f" This reply was already imported on {earlier.at:%d/%m/%Y}: its verdict is not applied "
                    "again.")
    elif (reason := stale_reason(store, conn, target, request, rf)) is not None:
        message += " " + comment_store.keep_verdict_as_comment(store, conn, m, rf.verdict, author.name, reason)
    elif recorder is None:
        raise ReviewError("Applying a reviewer's verdict needs your own signing key.")
    else:
        said, applied = apply_verdict(store, conn, target, rf.verdict, (author.name, author.key_id), recorder,
                                      m.reply_id, today)
        message += " " + said
    return ImportOutcome(m.kind, target, merged.added, merged.updated, rf.verdict.verdict if rf.verdict else None,
                         message, applied)

"""A reviewer's verdict from a signed reply: whether it may still move the assessment, and moving it.

A verdict answers one review request. It is applied only while that request is the latest one sent for the
version, was not withdrawn, and the answers are still the ones it carried; otherwise it is kept as a comment
(`comments.keep_verdict_as_comment`) and the lead is told why.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection

from idmf.interchange import jsonio
from idmf.interchange.content import content_sha256
from idmf.review.audit import Signer
from idmf.review.errors import ReviewError
from idmf.review.reviewfile import ReviewFile, Verdict
from idmf.review.workflow import Action, Role, plan, transition
from idmf.storage.store import Store

ACTIONS = {"assured": Action.SUBMIT_FOR_COMMITTEE, "changes_requested": Action.REQUEST_CHANGES}


def stale_reason(store: Store, conn: Connection, assessment_id: int, request: Any, rf: ReviewFile) -> str | None:
    """Why a reply to `request` may no longer move the assessment (None when it still answers what is there)."""
    if request.withdrawn:
        return "you withdrew the assessment from review after sending the request it answers"
    latest = store.exchanges.requests_sent(request.assessment_uid, request.version_number, conn)[-1]
    if latest.request_id != request.request_id:
        return f"you sent a newer review request on {latest.at:%d/%m/%Y} after the one it answers"
    current = jsonio.to_document(store.assessments.get(assessment_id, conn))
    if content_sha256(current) != content_sha256(rf.document):
        return "the answers have changed since you sent the request it answers"
    return None


def apply_verdict(store: Store, conn: Connection, assessment_id: int, verdict: Verdict, reviewer: tuple[str, str],
                  recorder: Signer, reply_id: str | None, today: dt.date | None) -> tuple[str, bool]:
    """Record the verdict as the matching workflow step in the name of `reviewer` (name, key id), the entry
    signed by the person importing it; (what happened, whether it was applied)."""
    action = ACTIONS[verdict.verdict]
    default = "EDI assurance given" if verdict.verdict == "assured" else "Changes requested"
    comment = f"{verdict.comment or default + '.'} (Signed review reply {reply_id}.)"
    today = today or dt.date.today()
    try:  # checked before anything is written, so a refusal leaves the rest of the import to be kept
        plan(store, assessment_id, action, Role.REVIEWER, comment, today, conn)
    except ReviewError as exc:
        return f"The reviewer's verdict ({action.label}) could not be recorded: {exc}", False
    result = transition(store, assessment_id, action, reviewer[0], comment, Role.REVIEWER, today, conn,
                        signer=recorder, person_key=reviewer[1])
    return f"The reviewer's verdict is recorded: the assessment is now “{result.assessment.status.label}”.", True

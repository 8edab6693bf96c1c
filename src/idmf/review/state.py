"""Read-only questions about an assessment's review state, and what needs the user (dashboard counts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select

from idmf.domain.assessment import Status
from idmf.review.tables import ReviewCopyRow
from idmf.services.context import AppContext
from idmf.storage.repository import AssessmentSummary
from idmf.storage.tables import AssessmentRow


def is_locked(engine: Engine, assessment_id: int) -> bool:
    """True for a signed-off version: the database refuses any change to its content."""
    with engine.connect() as conn:
        return bool(conn.execute(select(AssessmentRow.locked).where(AssessmentRow.id == assessment_id)).scalar())


def review_copy(engine: Engine, assessment_id: int) -> ReviewCopyRow | None:
    """The marker of a copy received for review (None for the user's own assessments)."""
    with engine.connect() as conn:
        row = conn.execute(select(ReviewCopyRow).where(ReviewCopyRow.assessment_id == assessment_id)).first()
    return ReviewCopyRow.model_validate(row._mapping) if row else None


def is_review_copy(engine: Engine, assessment_id: int) -> bool:
    """True for an assessment received from a lead for review: read-only here except comments and verdict."""
    return review_copy(engine, assessment_id) is not None


def is_read_only(engine: Engine, assessment_id: int) -> bool:
    """Whether the GUI must show every answer read-only (signed off, or a review copy)."""
    return is_locked(engine, assessment_id) or is_review_copy(engine, assessment_id)


@dataclass(frozen=True)
class NeedsYou:
    """What the dashboard's "needs you" panel lists."""

    reviews_waiting: list[AssessmentSummary]  # in EDI review (for EDI partners)
    changes_requested: list[AssessmentSummary]  # sent back to the lead
    ready_for_committee: list[AssessmentSummary]  # for the committee secretary
    reviews_due: list[AssessmentSummary]  # approved, review date reached

    def counts(self) -> dict[str, int]:
        return {"reviews_waiting": len(self.reviews_waiting), "changes_requested": len(self.changes_requested),
                "ready_for_committee": len(self.ready_for_committee), "reviews_due": len(self.reviews_due)}


def needs_you(context: AppContext, today: dt.date | None = None) -> NeedsYou:
    """Assessments waiting for someone, by kind (archived ones left out; a review is due only on the newest
    version of an assessment)."""
    return needs_you_from(context.repository.list(), today)


def needs_you_from(summaries: list[AssessmentSummary], today: dt.date | None = None) -> NeedsYou:
    """The same, from summaries already loaded (the dashboard's list: no further query); archived left out."""
    today = today or dt.date.today()
    rows = [r for r in summaries if not r.archived]
    by = {status: [r for r in rows if r.status == status] for status in Status}
    newest: dict[str, int] = {}
    for r in rows:
        newest[r.uid] = max(newest.get(r.uid, 0), r.version_number)
    due = [r for r in by[Status.APPROVED]
           if r.review_date is not None and r.review_date <= today and r.version_number == newest[r.uid]]
    return NeedsYou(by[Status.IN_REVIEW], by[Status.CHANGES_REQUESTED], by[Status.READY_FOR_COMMITTEE], due)

"""What lists show of an assessment without loading its answers (dashboard, versions, portfolio)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from idmf.domain.status import Status


@dataclass(frozen=True)
class AssessmentSummary:
    """One assessment version as the dashboard shows it."""

    id: int
    uid: str
    version_number: int
    title: str
    organisation: str
    lead: str
    status: Status
    steps_complete: int
    created_at: dt.datetime
    updated_at: dt.datetime
    review_date: dt.date | None
    archived: bool


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


def needs_you_from(summaries: list[AssessmentSummary], today: dt.date | None = None) -> NeedsYou:
    """Assessments waiting for someone, by kind, from summaries already loaded (archived ones left out; a
    review is due only on the newest version of an assessment)."""
    today = today or dt.date.today()
    rows = [r for r in summaries if not r.archived]
    by = {status: [r for r in rows if r.status == status] for status in Status}
    newest: dict[str, int] = {}
    for r in rows:
        newest[r.uid] = max(newest.get(r.uid, 0), r.version_number)
    due = [r for r in by[Status.APPROVED]
           if r.review_date is not None and r.review_date <= today and r.version_number == newest[r.uid]]
    return NeedsYou(by[Status.IN_REVIEW], by[Status.CHANGES_REQUESTED], by[Status.READY_FOR_COMMITTEE], due)

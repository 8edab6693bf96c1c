"""Rules about dates that must agree: start and completion, completion and committee approval."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.answer_text import date_text
from idmf.domain.assessment import Status
from idmf.domain.questions import APPROVAL_MEETING_DATE, COMPLETED_DATE, START_DATE
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.wording import parse_date

_AT_OR_PAST_COMMITTEE = {Status.READY_FOR_COMMITTEE, Status.APPROVED}


@rule("completed-before-start", step="front", severity=Severity.BLOCKING,
      title="Completed date is before the start date")
def completed_before_start(ctx: RuleContext) -> Iterator[Hit]:
    """The assessment cannot be completed before it started."""
    start, completed = parse_date(ctx.value(START_DATE)), parse_date(ctx.value(COMPLETED_DATE))
    if start and completed and completed < start:
        yield Hit(COMPLETED_DATE, f"The completed date ({date_text(completed)}) is before the start date "
                                  f"({date_text(start)}).")


@rule("approval-date-missing", step="approval", severity=Severity.BLOCKING,
      title="No committee date for an assessment at or past committee")
def approval_date_missing(ctx: RuleContext) -> Iterator[Hit]:
    """Once ready for committee (or approved), the approval section needs the committee meeting date."""
    if ctx.assessment.status in _AT_OR_PAST_COMMITTEE and ctx.has(APPROVAL_MEETING_DATE) \
            and parse_date(ctx.value(APPROVAL_MEETING_DATE)) is None:
        yield Hit(APPROVAL_MEETING_DATE, f"The assessment is “{ctx.assessment.status.label}” but the date of the "
                                         "committee meeting is not filled in.")


@rule("approval-before-completed", step="approval", severity=Severity.BLOCKING,
      title="Committee date is before the assessment was completed")
def approval_before_completed(ctx: RuleContext) -> Iterator[Hit]:
    """A committee cannot approve an assessment before it was completed."""
    meeting, completed = parse_date(ctx.value(APPROVAL_MEETING_DATE)), parse_date(ctx.value(COMPLETED_DATE))
    if meeting and completed and meeting < completed:
        yield Hit(APPROVAL_MEETING_DATE, f"The committee meeting date ({date_text(meeting)}) is before the "
                                         f"assessment was completed ({date_text(completed)}).")

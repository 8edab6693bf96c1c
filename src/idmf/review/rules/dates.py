"""Rules about dates that must agree: start and completion, completion and committee approval."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.answer_text import date_text
from idmf.domain.assessment import Status
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.wording import parse_date

_AT_OR_PAST_COMMITTEE = {Status.READY_FOR_COMMITTEE, Status.APPROVED}


@rule("completed-before-start", step="front", severity=Severity.BLOCKING,
      title="Completed date is before the start date")
def completed_before_start(ctx: RuleContext) -> Iterator[Hit]:
    """The assessment cannot be completed before it started."""
    start, completed = parse_date(ctx.value("start_date")), parse_date(ctx.value("completed_date"))
    if start and completed and completed < start:
        yield Hit("completed_date", f"The completed date ({date_text(completed)}) is before the start date "
                                    f"({date_text(start)}).")


@rule("approval-date-missing", step="approval", severity=Severity.BLOCKING,
      title="No committee date for an assessment at or past committee")
def approval_date_missing(ctx: RuleContext) -> Iterator[Hit]:
    """Once ready for committee (or approved), the approval section needs the committee meeting date."""
    if ctx.assessment.status in _AT_OR_PAST_COMMITTEE and ctx.has("approval_meeting_date") \
            and parse_date(ctx.value("approval_meeting_date")) is None:
        yield Hit("approval_meeting_date", f"The assessment is “{ctx.assessment.status.label}” but the date of the "
                                           "committee meeting is not filled in.")


@rule("approval-before-completed", step="approval", severity=Severity.BLOCKING,
      title="Committee date is before the assessment was completed")
def approval_before_completed(ctx: RuleContext) -> Iterator[Hit]:
    """A committee cannot approve an assessment before it was completed."""
    meeting, completed = parse_date(ctx.value("approval_meeting_date")), parse_date(ctx.value("completed_date"))
    if meeting and completed and meeting < completed:
        yield Hit("approval_meeting_date", f"The committee meeting date ({date_text(meeting)}) is before the "
                                           f"assessment was completed ({date_text(completed)}).")

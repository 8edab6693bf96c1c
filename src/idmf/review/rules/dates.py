"""Rules about dates that must agree: start and completion, completion and committee approval."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.answer_text import date_text
from idmf.domain.assessment import Status
from idmf.domain.questions import APPROVAL_MEETING_DATE, COMPLETED_DATE, START_DATE
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.wording import parse_date

_AT_OR_PAST_COMMITTEE = {Status.READY_FOR_COMMITTEE, Status.APPROVED}


def _out_of_order(ctx: RuleContext, earlier_id: str, later_id: str) -> tuple | None:
    """(earlier, later) dates when the later one comes before the earlier one, else None."""
    earlier, later = parse_date(ctx.value(earlier_id)), parse_date(ctx.value(later_id))
    return (date_text(earlier), date_text(later)) if earlier and later and later < earlier else None


@rule("completed-before-start", step="front", severity=Severity.BLOCKING,
      title="Completed date is before the start date")
def completed_before_start(ctx: RuleContext) -> Iterator[Hit]:
    """The assessment cannot be completed before it started."""
    if found := _out_of_order(ctx, START_DATE, COMPLETED_DATE):
        yield Hit(COMPLETED_DATE, f"The completed date ({found[1]}) is before the start date ({found[0]}).")


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
    if found := _out_of_order(ctx, COMPLETED_DATE, APPROVAL_MEETING_DATE):
        yield Hit(APPROVAL_MEETING_DATE, f"The committee meeting date ({found[1]}) is before the assessment was "
                                         f"completed ({found[0]}).")

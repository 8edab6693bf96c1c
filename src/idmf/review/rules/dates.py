"""Rules about dates that must agree, in date fields and written in text: start <= completed <= EDI assurance
<= committee meeting; a date in the committee's name; action targets; the review date. Messages quote both."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.answer_text import date_text
from idmf.domain.assessment import Status
from idmf.domain.questions import (ACTION_PLAN, APPROVAL_COMMITTEE, APPROVAL_EDI_DATE, APPROVAL_MEETING_DATE,
                                   COL_TARGET_DATE, COMPLETED_DATE, DECISION_EDI_ADVICE, ENGAGE_FINDINGS,
                                   ENGAGE_KEY_FINDINGS, FINDING_HEARD_FROM, FINDING_TEXT, HUMAN_RIGHTS_EDI_ADVICE,
                                   START_DATE)
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.rules.common import action_name, action_rows, cell_text, finding_rows
from idmf.review.textdates import dates_in
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


@rule("edi-date-order", step="approval", severity=Severity.BLOCKING,
      title="EDI assurance is dated outside the assessment's timeline")
def edi_date_order(ctx: RuleContext) -> Iterator[Hit]:
    """EDI assurance comes after the assessment was completed and no later than the committee meeting."""
    edi = parse_date(ctx.value(APPROVAL_EDI_DATE))
    completed, meeting = parse_date(ctx.value(COMPLETED_DATE)), parse_date(ctx.value(APPROVAL_MEETING_DATE))
    if edi and completed and edi < completed:
        yield Hit(APPROVAL_EDI_DATE, f"The EDI assurance date ({date_text(edi)}) is before the assessment was "
                                     f"completed ({date_text(completed)}): assurance is given on the completed "
                                     "assessment. Correct one of the dates.")
    if edi and meeting and edi > meeting:
        yield Hit(APPROVAL_EDI_DATE, f"The EDI assurance date ({date_text(edi)}) is after the committee meeting "
                                     f"({date_text(meeting)}): the committee needs the assurance first. Correct "
                                     "one of the dates.")


@rule("committee-date-mismatch", step="approval", severity=Severity.BLOCKING,
      title="The committee's name holds a different date from the meeting date")
def committee_date_mismatch(ctx: RuleContext) -> Iterator[Hit]:
    """A date written in the committee's name must be the meeting date."""
    meeting = parse_date(ctx.value(APPROVAL_MEETING_DATE))
    if meeting is None or not ctx.has(APPROVAL_COMMITTEE):
        return
    for found in dates_in(ctx.text(APPROVAL_COMMITTEE), near=meeting):
        if found.date != meeting:
            yield Hit(APPROVAL_COMMITTEE, f"The committee is named with the date “{found.written}” "
                                          f"({date_text(found.date)}), but the meeting date is "
                                          f"{date_text(meeting)}. Correct one so they agree.")
            return


@rule("action-date-out-of-range", step="monitoring", severity=Severity.BLOCKING,
      title="An action's target date is before the assessment started or was completed")
def action_date_out_of_range(ctx: RuleContext) -> Iterator[Hit]:
    """Actions come out of the assessment: their targets fall after it started and not before it was completed."""
    start, completed = parse_date(ctx.value(START_DATE)), parse_date(ctx.value(COMPLETED_DATE))
    for n, row in action_rows(ctx):
        when = parse_date(row.get(COL_TARGET_DATE))
        if when is None:
            continue
        if start and when <= start:
            yield Hit(ACTION_PLAN, f"{action_name(n, row)}: the target date {date_text(when)} is not after the "
                                   f"assessment's start date ({date_text(start)}).", n)
        elif completed and when < completed:
            yield Hit(ACTION_PLAN, f"{action_name(n, row)}: the target date {date_text(when)} is before the "
                                   f"assessment was completed ({date_text(completed)}).", n)


@rule("review-date-before-approval", step="approval", severity=Severity.BLOCKING,
      title="The review date is not after approval")
def review_date_before_approval(ctx: RuleContext) -> Iterator[Hit]:
    """The date to review the assessment comes after the committee approved it (or, before then, completion)."""
    review = ctx.assessment.review_date
    meeting = parse_date(ctx.value(APPROVAL_MEETING_DATE))
    anchor, what = (meeting, "the committee meeting") if meeting else (parse_date(ctx.value(COMPLETED_DATE)),
                                                                         "the completed date")
    if review and anchor and review <= anchor:
        yield Hit(APPROVAL_MEETING_DATE, f"The review date ({date_text(review)}) is not after {what} "
                                         f"({date_text(anchor)}). Set a review date after approval.")


@rule("text-date-order", step="engagement", severity=Severity.WARNING,
      title="A date written in an answer falls outside the assessment's timeline")
def text_date_order(ctx: RuleContext) -> Iterator[Hit]:
    """Findings written up by the completed date cannot cite later dates; EDI advice comes before committee."""
    completed, meeting = parse_date(ctx.value(COMPLETED_DATE)), parse_date(ctx.value(APPROVAL_MEETING_DATE))
    limit, what = (completed, "the assessment was completed") if completed else (meeting, "the committee met")
    if limit:
        for qid, n, text in _finding_texts(ctx):
            late = [d for d in dates_in(text, near=limit) if d.date > limit]
            if late:
                where = f"Key finding {n}" if n else "The engagement findings"
                yield Hit(qid, f"{where} mention “{late[0].written}” ({date_text(late[0].date)}), after {what} "
                               f"({date_text(limit)}). Check the dates.", n)
    for qid in (DECISION_EDI_ADVICE, HUMAN_RIGHTS_EDI_ADVICE):
        late = [d for d in dates_in(ctx.text(qid), near=meeting) if meeting and d.date > meeting] if ctx.has(qid) \
            else []
        if late:
            yield Hit(qid, f"The EDI advice is dated “{late[0].written}” ({date_text(late[0].date)}), after the "
                           f"committee meeting ({date_text(meeting)}). Advice comes before the decision.")


def _finding_texts(ctx: RuleContext) -> Iterator[tuple[str, int | None, str]]:
    if ctx.has(ENGAGE_FINDINGS):
        yield ENGAGE_FINDINGS, None, ctx.text(ENGAGE_FINDINGS)
    for n, row in finding_rows(ctx):
        yield ENGAGE_KEY_FINDINGS, n, " ".join(cell_text(row, c) for c in (FINDING_TEXT, FINDING_HEARD_FROM))

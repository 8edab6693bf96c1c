"""Rules about answers that must be there: required questions and the engagement findings."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.questions import (APPROVAL_MEETING_DATE, DECISION_EDI_ADVICE, DECISION_JUSTIFICATION, DECISION_OPTION,
                                   DECISION_RATIONALE, DUTY_NARRATIVE, ENGAGE_FINDINGS, HUMAN_RIGHTS_EDI_ADVICE,
                                   ENGAGE_KEY_FINDINGS, FINDING_TEXT, LEGAL_DUTIES)
from idmf.forms.schema import FieldType
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.language import not_final
from idmf.review.rules.common import cell_text, finding_rows, short
from idmf.review.rules.language import unfinished

# Required even when a form file forgets to say so: the template says this "must be completed".
ALWAYS_REQUIRED = frozenset({DUTY_NARRATIVE})

# Questions another rule checks with a more precise message (so one gap is reported once).
CHECKED_ELSEWHERE = frozenset({
    DECISION_OPTION, DECISION_RATIONALE, DECISION_JUSTIFICATION, DECISION_EDI_ADVICE,
    HUMAN_RIGHTS_EDI_ADVICE, ENGAGE_FINDINGS, ENGAGE_KEY_FINDINGS, APPROVAL_MEETING_DATE, *LEGAL_DUTIES,
})
_TYPES_CHECKED_ELSEWHERE = {FieldType.IMPACT, FieldType.GROUP_CATALOGUE}


@rule("required-missing", step="front", severity=Severity.BLOCKING,
      title="Required answers are missing")
def required_missing(ctx: RuleContext) -> Iterator[Hit]:
    """Every required question that applies must be answered (the legal-duty narrative always is)."""
    for question in ctx.form.questions():
        if question.id in CHECKED_ELSEWHERE or question.type in _TYPES_CHECKED_ELSEWHERE:
            continue
        if (question.required or question.id in ALWAYS_REQUIRED) and ctx.has(question.id) and ctx.empty(question.id):
            yield Hit(question.id, f"“{short(question.label).rstrip('.:')}” is not answered yet.")


@rule("engagement-findings-pending", step="engagement", severity=Severity.BLOCKING,
      title="Engagement findings are empty or still to come")
def engagement_findings_pending(ctx: RuleContext) -> Iterator[Hit]:
    """Before a decision, the findings of the engagement must be written up, not promised."""
    if not ctx.has(ENGAGE_FINDINGS):
        return
    text = ctx.text(ENGAGE_FINDINGS)
    if not text and not finding_rows(ctx):
        yield Hit(ENGAGE_FINDINGS, "The findings from your inclusive engagement are empty. Write up what people "
                                   "told you before the proposal goes for decision.")
    elif verdict := not_final(text):
        yield Hit(ENGAGE_FINDINGS, unfinished("The engagement findings", verdict))
    for n, row in finding_rows(ctx):
        if verdict := not_final(cell_text(row, FINDING_TEXT)):
            yield Hit(ENGAGE_KEY_FINDINGS, unfinished(f"Key finding {n}", verdict), n)

"""Rules about the Step 4 impact blocks: each group rated, explained, and negative impacts mitigated (by links)."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.answer_text import answer_text
from idmf.domain.questions import DECISION_OPTION, OPTION_CONTINUE, OPTION_STOP
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.rules.common import linked_actions, short
from idmf.review.rules.decisions import single_option


@rule("impact-unrated", step="impact", severity=Severity.BLOCKING,
      title="A group has no impact rating")
def impact_unrated(ctx: RuleContext) -> Iterator[Hit]:
    """Every protected characteristic and inclusion-health group needs positive, negative or neutral ticked."""
    for item in ctx.impacts:
        if not item.impact.ratings():
            yield Hit(item.question_id, f"{item.where} has no rating: tick positive, negative or neutral impact.",
                      item.row)


@rule("impact-no-narrative", step="impact", severity=Severity.BLOCKING,
      title="A rated group has no explanation")
def impact_no_narrative(ctx: RuleContext) -> Iterator[Hit]:
    """A rating needs a narrative saying why."""
    for item in ctx.impacts:
        if item.impact.ratings() and not item.impact.narrative.strip():
            yield Hit(item.question_id, f"{item.where} is rated but not explained: say why in the narrative.",
                      item.row)


@rule("negative-no-mitigation", step="impact", severity=Severity.BLOCKING,
      title="A negative impact has no mitigation")
def negative_no_mitigation(ctx: RuleContext) -> Iterator[Hit]:
    """A negative impact needs a link to the actions that reduce it, or a reason why none is possible.

    Decided by the links alone: words in the narrative never count as a mitigation.
    """
    for item in ctx.negatives:
        if linked_actions(ctx, item) or item.impact.no_mitigation.strip():
            continue
        gone = " (the actions it was linked to have been deleted)" if item.impact.mitigated_by else ""
        yield Hit(item.question_id,
                  f"The negative impact on {item.where} has no mitigation{gone}: under “Mitigated by”, pick the "
                  "action-plan rows that reduce it, or say why no mitigation is possible.", item.row)


@rule("no-mitigation-needs-continue", step="options", severity=Severity.BLOCKING,
      title="A negative impact cannot be mitigated, but Step 5 does not say so")
def no_mitigation_needs_continue(ctx: RuleContext) -> Iterator[Hit]:
    """Saying no mitigation is possible means continuing despite negative impacts (option 3), or stopping."""
    option = single_option(ctx)
    if option is None or option in (OPTION_CONTINUE, OPTION_STOP):
        return
    label = short(answer_text(ctx.form.question(DECISION_OPTION), option), 60)
    for item in ctx.negatives:
        if item.impact.no_mitigation.strip():
            yield Hit(item.question_id,
                      f"You say no mitigation is possible for the negative impact on {item.where}, but Step 5 "
                      f"chose “{label}”. Choose option 3 (continue despite negative impacts, with the objective "
                      "justification) or link the actions that mitigate it.", item.row)

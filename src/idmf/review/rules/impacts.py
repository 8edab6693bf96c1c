"""Rules about the Step 4 impact blocks: each group rated, explained, and negative impacts mitigated."""

from __future__ import annotations

from typing import Iterator

from idmf.review.readiness import Hit, ImpactItem, RuleContext, Severity, rule
from idmf.review.rules.common import action_plan_text
from idmf.review.wording import MITIGATION_WORDS, mentions, words_for_group


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


def _referred_to_by_action(ctx: RuleContext, item: ImpactItem) -> bool:
    words = words_for_group(item.question_id, item.name)
    return bool(words) and mentions(action_plan_text(ctx), words) is not None


@rule("negative-no-mitigation", step="impact", severity=Severity.BLOCKING,
      title="A negative impact has no mitigation")
def negative_no_mitigation(ctx: RuleContext) -> Iterator[Hit]:
    """A negative impact must be mitigated: in its narrative, or by an action in the action plan about it."""
    for item in ctx.negatives:
        if mentions(item.impact.narrative, MITIGATION_WORDS) or _referred_to_by_action(ctx, item):
            continue
        yield Hit(item.question_id,
                  f"The negative impact on {item.where} has no mitigation: say in the narrative how it will be "
                  "reduced, or add an action to the action plan that names this group.", item.row)

"""Quality warnings (not blocking): ratings without evidence linked, negatively affected groups not engaged."""

from __future__ import annotations

from typing import Iterator

from idmf.review.readiness import Hit, ImpactItem, RuleContext, Severity, rule
from idmf.review.rules.common import engagement_text, linked_findings, live_evidence
from idmf.review.wording import mentions, words_for_group


def _has_evidence(ctx: RuleContext, item: ImpactItem) -> bool:
    if live_evidence(ctx, item):
        return True
    # Census tables attached for a characteristic before links existed evidence it without a link.
    return item.row is None and any(t.characteristic == item.question_id for t in ctx.assessment.census_tables)


@rule("rating-no-evidence", step="impact", severity=Severity.WARNING, title="An impact is claimed without evidence")
def rating_no_evidence(ctx: RuleContext) -> Iterator[Hit]:
    """A positive or negative impact should link its evidence: a census table, an engagement finding or a document.

    Neutral ratings are not listed one by one (that was a wall of advice); boilerplate neutral wording is caught
    by narratives-near-identical.
    """
    for item in ctx.impacts:
        if (item.impact.positive or item.impact.negative) and not _has_evidence(ctx, item):
            yield Hit(item.question_id, f"{item.where} is rated {' and '.join(item.impact.ratings())} without any "
                                        "evidence linked: under “Evidence”, link a census table, an engagement "
                                        "finding or a document.", item.row)


@rule("negative-not-engaged", step="engagement", severity=Severity.WARNING,
      title="A negatively affected group is not in the engagement plan")
def negative_not_engaged(ctx: RuleContext) -> Iterator[Hit]:
    """People who would be negatively affected should be heard (a linked engagement finding shows they were)."""
    text = engagement_text(ctx)
    for item in ctx.negatives:
        words = words_for_group(item.question_id, item.name)
        if words and mentions(text, words) is None and not linked_findings(ctx, item):
            yield Hit(item.question_id, f"A negative impact is recorded for {item.where}, but the engagement plan "
                                        "never mentions this group: plan how you will hear from them.", item.row)

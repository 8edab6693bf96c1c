"""Quality warnings (not blocking): boilerplate narratives, ratings without evidence, groups not engaged."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.questions import PROTECTED_PREFIX
from idmf.forms.schema import FieldType
from idmf.review.readiness import Hit, ImpactItem, RuleContext, Severity, rule
from idmf.review.rules.common import engagement_text
from idmf.review.wording import mentions, near_identical, words_for_group


def _protected(ctx: RuleContext) -> list[ImpactItem]:
    ids = {q.id for q in ctx.form.questions() if q.type == FieldType.IMPACT and q.id.startswith(PROTECTED_PREFIX)}
    return [item for item in ctx.impacts if item.question_id in ids]


def _neutral_only(item: ImpactItem) -> bool:
    return item.impact.ratings() == ["neutral"]


@rule("neutral-boilerplate", step="impact", severity=Severity.WARNING,
      title="Every characteristic neutral with the same wording")
def neutral_boilerplate(ctx: RuleContext) -> Iterator[Hit]:
    """All nine characteristics neutral with (nearly) the same narrative reads as 'applies equally to all'."""
    items = _protected(ctx)
    if len(items) < 2 or not all(_neutral_only(item) for item in items):
        return
    if near_identical([item.impact.narrative for item in items]):
        yield Hit(items[0].question_id,
                  f"All {len(items)} protected characteristics are rated neutral with the same wording. Explain for "
                  "each group why the proposal does not affect it, with the evidence.")


def _has_evidence(ctx: RuleContext, item: ImpactItem) -> bool:
    if item.impact.evidence:
        return True
    return item.row is None and any(t.characteristic == item.question_id for t in ctx.assessment.census_tables)


@rule("rating-no-evidence", step="impact", severity=Severity.WARNING, title="A rating has no evidence linked")
def rating_no_evidence(ctx: RuleContext) -> Iterator[Hit]:
    """Each rating should link evidence: a census table, an engagement finding or a document."""
    for item in ctx.impacts:
        if item.impact.ratings() and not _has_evidence(ctx, item):
            yield Hit(item.question_id, f"{item.where} is rated without any evidence linked: link a census table, "
                                        "an engagement finding or a document.", item.row)


@rule("negative-not-engaged", step="engagement", severity=Severity.WARNING,
      title="A negatively affected group is not in the engagement plan")
def negative_not_engaged(ctx: RuleContext) -> Iterator[Hit]:
    """People who would be negatively affected should be heard in the engagement."""
    text = engagement_text(ctx)
    for item in ctx.negatives:
        words = words_for_group(item.question_id, item.name)
        if words and mentions(text, words) is None:
            yield Hit(item.question_id, f"A negative impact is recorded for {item.where}, but the engagement plan "
                                        "never mentions this group: plan how you will hear from them.", item.row)

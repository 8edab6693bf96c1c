"""Consistency rules: ticks that contradict each other, boilerplate narratives, a hollow action plan, and
Step 1 saying people are impacted whom the rest of the assessment never mentions."""

from __future__ import annotations

import difflib
import re
from typing import Iterator

from idmf.domain.answer_text import contradiction_text
from idmf.domain.questions import (ACTION_PLAN, COL_ACTION, COL_LEAD, COL_OUTCOME, ENGAGE_WITH, IMPACTED, ROW_CARERS,
                                   ROW_STAFF, YES)
from idmf.review.readiness import Hit, ImpactItem, RuleContext, Severity, rule
from idmf.review.rules.common import action_name, action_rows, cell_text, engagement_text, short
from idmf.review.wording import mentions, normalise, words_for_group

SAME_WORDING = 0.85  # difflib ratio at or above which two narratives say the same thing
_CONDITION = re.compile(r"^\W*(?:this will (?:happen|be done|go ahead|start) )?(?:if|once|when|subject to|"
                        r"dependent on|depending on|provided (?:that)?|assuming|should the|pending|on approval|"
                        r"following approval)\b|\b(?:if|once|when) (?:the |this )?(?:decision|proposal|policy|"
                        r"business case|plan|funding|paper)\b[^.]{0,40}\b(?:approved|agreed|signed off|funded|"
                        r"supported)\b|\b(?:subject to|dependent on|depending on) (?:the )?(?:approval|agreement|"
                        r"funding|sign-?off|the decision|the policy|the staff survey|[a-z]+ being)\b", re.I)
_RESOURCES = re.compile(r"[;£$€]|\d|\b(?:wte|fte|hours?|days?|sessions?|budget|funding|funded|cost|costs|time|"
                        r"staff|team|contract|analyst|money|resources?|existing|within|allowance|grant|post)\b",
                        re.I)
_RATED = re.compile(r"\b(positive|negative|adverse|beneficial)\s+(?:\w+\s+){0,2}?(?:impacts?|effects?|outcomes?)\b",
                    re.I)
_BENEFIT = re.compile(r"\b(?:will|would|to)\s+(?:benefit|help|improve|make it easier)|\bbenefits?\b|\beasier\b|"
                      r"\bimproves?\b|\bbetter access\b|\bpositive\b", re.I)
_HARM = re.compile(r"\b(?:may|might|could)\s+(?:not|lose|find|face|struggle|be)|\bharder\b|\bdifficult|\blose|"
                   r"\bless likely\b|\bfurther\b|\bcosts?\b|\bbarriers?\b|\brisk|\bcannot\b|\bcan't\b|\bface[sd]?\b|"
                   r"\bworse|\bdisadvantage|\bexclud|\bstruggle|\bunable\b|\bmiss", re.I)


@rule("ticks-contradictory", step="impact", severity=Severity.BLOCKING,
      title="Neutral is ticked together with positive or negative")
def ticks_contradictory(ctx: RuleContext) -> Iterator[Hit]:
    """Neutral means no impact: it cannot stand beside a positive or negative impact (those two may go together)."""
    for item in ctx.impacts:
        if clash := contradiction_text(item.impact):
            yield Hit(item.question_id, f"{item.where}: {clash}. Neutral means no impact, so untick one of them.",
                      item.row)


def _same(a: str, b: str) -> bool:
    """Whether two normalised narratives are near-identical (cheap upper bounds first: this runs as you type)."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return (matcher.real_quick_ratio() >= SAME_WORDING and matcher.quick_ratio() >= SAME_WORDING
            and matcher.ratio() >= SAME_WORDING)


def _clusters(items: list[ImpactItem]) -> list[list[ImpactItem]]:
    plain = [(item, normalise(item.impact.narrative)) for item in items if len(item.impact.narrative.strip()) >= 12]
    clusters: list[list[tuple[ImpactItem, str]]] = []
    for item, text in plain:
        home = next((c for c in clusters if _same(c[0][1], text)), None)
        (home.append((item, text)) if home is not None else clusters.append([(item, text)]))
    return [[item for item, _ in c] for c in clusters if len(c) >= 3]


@rule("narratives-near-identical", step="impact", severity=Severity.WARNING,
      title="Three or more groups share the same narrative")
def narratives_near_identical(ctx: RuleContext) -> Iterator[Hit]:
    """The same sentence for several groups reads as boilerplate: each group needs its own reasons."""
    for cluster in _clusters([item for item in ctx.impacts if item.impact.ratings()]):
        names = ", ".join(item.display_name for item in cluster[:5]) + (" and others" if len(cluster) > 5 else "")
        first = cluster[0]
        yield Hit(first.question_id, f"These {len(cluster)} groups share the same wording ({names}): "
                                     f"“{short(first.impact.narrative, 70)}”. Explain for each group how the "
                                     "proposal affects it, with the evidence.", first.row)


@rule("benefit-only-negative", step="impact", severity=Severity.WARNING,
      title="A narrative describes a benefit but only Negative is ticked")
def benefit_only_negative(ctx: RuleContext) -> Iterator[Hit]:
    """A narrative that only describes a benefit under a Negative tick may have the wrong box ticked."""
    for item in ctx.impacts:
        text = item.impact.narrative
        if item.impact.ratings() == ["negative"] and _BENEFIT.search(text) and not _HARM.search(text):
            yield Hit(item.question_id, f"The narrative for {item.where} describes a benefit, but only Negative "
                                        "impact is ticked. Check the tick (positive, or both) or say what the harm "
                                        "is.", item.row)


@rule("action-outcome-condition", step="monitoring", severity=Severity.WARNING,
      title="An action's outcome is a condition, not an outcome")
def action_outcome_condition(ctx: RuleContext) -> Iterator[Hit]:
    """An outcome says what will be different for people, not what it depends on."""
    for n, row in action_rows(ctx):
        outcome = cell_text(row, COL_OUTCOME)
        if outcome and _CONDITION.search(outcome):
            yield Hit(ACTION_PLAN, f"{action_name(n, row)}: the outcome (“{short(outcome, 60)}”) is a condition. "
                                   "Say what will be different for people when the action is done.", n)


@rule("action-single-lead-no-resources", step="monitoring", severity=Severity.WARNING,
      title="One lead for every action and no resources named")
def action_single_lead_no_resources(ctx: RuleContext) -> Iterator[Hit]:
    """An action plan resting on one person with no time or money named is unlikely to be delivered."""
    leads = [cell_text(row, COL_LEAD) for _, row in action_rows(ctx)]
    if len(leads) >= 2 and all(leads) and len({normalise(lead) for lead in leads}) == 1 \
            and not any(_RESOURCES.search(lead) for lead in leads):
        yield Hit(ACTION_PLAN, f"Every action is led by “{short(leads[0], 40)}” and no resources are named. "
                               "Name who else is involved and the time or money each action needs.")


def _rated(items: list[ImpactItem], rating: str) -> list[ImpactItem]:
    field = "positive" if rating in ("positive", "beneficial") else "negative"
    return [item for item in items if getattr(item.impact, field)]


@rule("action-about-unrated-impact", step="monitoring", severity=Severity.WARNING,
      title="An action is about an impact nobody rated")
def action_about_unrated_impact(ctx: RuleContext) -> Iterator[Hit]:
    """An action about positive (or negative) impacts needs such an impact in Step 4, for the groups it names."""
    for n, row in action_rows(ctx):
        text = cell_text(row, COL_ACTION)
        found = _RATED.search(text)
        if not found:
            continue
        rating = found.group(1).lower()
        rated = _rated(ctx.impacts, rating)
        named = [item for item in ctx.impacts
                 if (words := words_for_group(item.question_id, item.name)) and mentions(text, words)]
        if not rated or (named and not _rated(named, rating)):
            about = f" for {', '.join(item.display_name for item in named[:3])}" if named and rated else ""
            yield Hit(ACTION_PLAN, f"{action_name(n, row)} is about {rating} impacts, but Step 4 rates no "
                                   f"{rating} impact{about}. Link the action to the impact it addresses or "
                                   "correct the rating.", n)


_ROW_WORDS = {ROW_STAFF: ("staff", "employee*", "workforce", "colleague*"), ROW_CARERS: ("carer*", "young carer*")}


@rule("impacted-not-assessed", step="aims", severity=Severity.WARNING,
      title="People Step 1 says are impacted are never assessed or engaged")
def impacted_not_assessed(ctx: RuleContext) -> Iterator[Hit]:
    """Staff or carers ticked 'Yes' in Step 1 should be heard in Step 3 or assessed in Step 4."""
    grid = ctx.value(IMPACTED) if ctx.has(IMPACTED) else None
    if not isinstance(grid, dict):
        return
    engaged = set(ctx.value(ENGAGE_WITH) or []) if ctx.has(ENGAGE_WITH) else set()
    step4 = " \n".join([item.impact.narrative for item in ctx.impacts] + [item.name for item in ctx.impacts])
    heard = engagement_text(ctx)
    labels = {row.id: row.label for row in ctx.form.question(IMPACTED).rows}
    for row_id, words in _ROW_WORDS.items():
        if grid.get(row_id) != YES or row_id in engaged:
            continue
        if mentions(step4, words) is None and mentions(heard, words) is None:
            yield Hit(IMPACTED, f"Step 1 says {labels.get(row_id, row_id)} are impacted, but they are not in the "
                                "engagement plan or the impact assessment. Plan how you will hear from them and "
                                "assess the impact on them (or correct Step 1).")

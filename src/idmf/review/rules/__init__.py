"""The readiness rules. Importing this package registers every rule with `idmf.review.readiness`.

Rule modules, by theme:
    answers    required answers missing; engagement findings empty or "to be added"
    impacts    impact blocks unrated or without narrative; negative impacts without mitigation
    decisions  Step 5 option and rationale; legal duties; human-rights advice
    actions    action-plan rows: lead, real target date, date not in the past
    dates      completed before start; approval fields inconsistent
    quality    warnings: boilerplate "neutral" narratives, ratings without evidence, groups not engaged
"""

from idmf.review.rules import actions, answers, dates, decisions, impacts, quality  # noqa: F401

__all__ = ["actions", "answers", "dates", "decisions", "impacts", "quality"]

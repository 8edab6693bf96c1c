"""The readiness rules. Importing this package registers every rule with `idmf.review.readiness`.

Rule modules, by theme:
    answers      required answers missing; engagement findings empty or still to come
    language     answers still to come or holding template text (blocking where they must be complete)
    impacts      impact blocks unrated or unexplained; negative impacts without a linked mitigation
    decisions    Step 5 option and rationale; legal duties; human-rights advice
    actions      action-plan rows: lead, real target date, date not in the past
    dates        dates in fields and in text in order: start, completed, EDI assurance, committee, actions, review
    consistency  contradictory ticks, boilerplate narratives, a hollow action plan, Step 1 groups never assessed
    quality      warnings: impacts claimed without evidence, negatively affected groups not engaged
"""

from idmf.review.rules import actions, answers, consistency, dates, decisions, impacts, language, quality  # noqa: F401

__all__ = ["actions", "answers", "consistency", "dates", "decisions", "impacts", "language", "quality"]

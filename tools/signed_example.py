"""The bundled example assessment, taken through review and signed off, for the docs' screenshots and the tests.

    sign_off_example(context, lead, reviewer, secretary)  ->  the signed-off version

The three names must be signing identities on `context`'s key store, the reviewer and the secretary trusted for
their roles. The example's one gap (a rural group's negative impact with no action) is filled first, and every
step is taken on its committee's meeting day, 13/01/2026, when its dates were still to come.
"""

from __future__ import annotations

import datetime as dt

from idmf.paths import resources_dir

EXAMPLE = "examples/day-case-unit.json"
MEETING = dt.date(2026, 1, 13)
COMMITTEE, APPROVER = "ICB Board", "Dr Anil Mistry"
RURAL_ACTION = {"action": "Community transport for people living in rural/remote communities",
                "lead": "Rachel Dunn", "target_date": "2026-06-30", "outcome": "No missed appointments"}


def example_at_committee(context, lead: str, reviewer: str):
    """Import the example (a Draft), fill its gap and take it through review: Ready for committee."""
    example = context.assessments.import_json((resources_dir() / EXAMPLE).read_text(encoding="utf-8"))
    plan = [row.model_dump(mode="json") for row in example.action_plan()] + [RURAL_ACTION]
    context.assessments.set_answer(example, "action_plan", plan)
    context.review.transition(example.id, "submit_for_review", lead, role="lead", today=MEETING)
    context.review.transition(example.id, "submit_for_committee", reviewer, role="reviewer", today=MEETING)
    return context.assessments.get(example.id)


def sign_off_example(context, lead: str, reviewer: str, secretary: str, committee: str = COMMITTEE):
    """Import the example (a Draft), review it and sign it off; returns the signed-off version."""
    example = example_at_committee(context, lead, reviewer)
    context.review.approve(example.id, committee, MEETING, APPROVER, secretary, today=MEETING)
    return context.assessments.get(example.id)

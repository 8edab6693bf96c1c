"""Every change through a service announces what it touched, so views refresh only that."""

from __future__ import annotations

import datetime as dt
import logging

from idmf.services.changes import Changes
from tests.review.helpers import TODAY, ready_answers, store


def _recorder(context) -> list[Changes]:
    seen: list[Changes] = []
    context.changes.subscribe(seen.append)
    return seen


def test_each_kind_of_change_says_what_it_touched(context, form):
    seen = _recorder(context)
    item = context.assessments.create("Day case unit")
    assert seen[-1] == Changes(item.id, listing=True, opened=item.id)
    context.assessments.set_answer(item, "summary", "A new unit.")
    assert seen[-1].answers == {"summary"} and seen[-1].touches(item.id) and not seen[-1].listing
    context.comments.add(item.id, "summary", "Which wards?", "Priya", "reviewer")
    assert seen[-1].comments and seen[-1].assessment_id == item.id
    context.assessments.set_archived(item.id, True)
    assert seen[-1].listing and not seen[-1].touches(item.id + 1)


def test_a_workflow_step_announces_its_status_and_the_answers_it_cleared(context, form):
    item = store(context, form, ready_answers(form))
    context.assessments.set_answer(item, "approval_edi_date", "2026-02-20")
    context.review.transition(item.id, "submit_for_review", role="lead", today=TODAY)  # your key, made on first use
    seen = _recorder(context)
    context.review.transition(item.id, "withdraw", role="lead", today=TODAY)
    assert seen[-1].status and seen[-1].listing and seen[-1].answers == {"approval_edi_date"}


def test_revise_points_at_the_new_version(context, form, people):
    item = store(context, form, ready_answers(form))
    for action, role in (("submit_for_review", "lead"), ("submit_for_committee", "reviewer")):
        context.review.transition(item.id, action, person=f"{role.title()} Person", role=role, today=TODAY)
    context.review.approve(item.id, "Board", dt.date(2026, 2, 20), "Chair", "Committee Person", today=TODAY)
    seen = _recorder(context)
    result = context.review.transition(item.id, "revise", person="Lead Person", role="lead", today=TODAY)
    assert result.assessment.id != item.id and seen[-1].opened == result.assessment.id


def test_a_broken_listener_never_undoes_the_change(context, caplog):
    def broken(_changes):
        raise RuntimeError("a view fell over")

    context.changes.subscribe(broken)
    with caplog.at_level(logging.ERROR):
        item = context.assessments.create("Still saved")
    assert context.assessments.get(item.id).title == "Still saved"
    assert "A change listener failed" in caplog.text


def test_unsubscribing_stops_the_notices(context):
    seen: list[Changes] = []
    stop = context.changes.subscribe(seen.append)
    stop()
    context.assessments.create("Nobody hears this")
    assert seen == []

"""Fixtures for the publishing tests: the bundled example stored as a draft, and signed off through the workflow."""

from __future__ import annotations

import datetime as dt

import pytest

from idmf.domain.assessment import Status
from idmf.domain.publishing import CoverDetails, Purpose
from idmf.domain.questions import ACTION_PLAN, COL_ACTION, COL_LEAD, COL_TARGET_DATE

TODAY = dt.date(2026, 3, 1)
MEETING = dt.date(2026, 2, 20)
DETAILS = CoverDetails(meeting="ICB Public Board", meeting_date=dt.date(2026, 3, 12), paper_reference="PB/26/031",
                       agenda_item="7.2", presenter="Dr Anil Mistry, Chief Strategy and Planning Officer",
                       purpose=Purpose.APPROVAL, strategic_objectives="Elective recovery; estates within capital limits",
                       conflicts="None declared", baf_risk="BAF 4: capital resources", implications=["financial"])


@pytest.fixture
def example_id(context):
    """The example stored as a draft, with an action naming the rural group (so the readiness check passes)."""
    from tools.export_sample import load_example

    item = load_example(context.forms)
    rows = item.answers[ACTION_PLAN] + [{COL_ACTION: "Include people living in rural/remote communities in the "
                                         "extended transport scheme", COL_LEAD: "Helen Okafor",
                                         COL_TARGET_DATE: dt.date(2026, 5, 31)}]
    item = item.model_copy(update={"status": Status.DRAFT, "answers": {**item.answers, ACTION_PLAN: rows}})
    return context.store.assessments.add(item).id


@pytest.fixture
def signed_example(context, example_id, people):
    """The example taken through EDI review and signed off by the committee secretary's trusted key:
    (id, the signed-off line every output's footer prints)."""
    for action, role in (("submit_for_review", "lead"), ("submit_for_committee", "reviewer")):
        context.review.transition(example_id, action, person=f"{role.title()} Person", comment="done", role=role,
                                  today=TODAY)
    context.review.approve(example_id, "Joint Executive Team", MEETING, "Dr Anil Mistry", person="Committee Person",
                           today=TODAY)
    line = context.documents.signed_by(example_id)
    assert line.startswith("Signed off for Joint Executive Team on 20/02/2026 by Committee Person")
    return example_id, line

"""Fixtures for review tests: a committee-ready stored assessment, moved along the workflow."""

from __future__ import annotations

import pytest

from tests.review.helpers import TODAY, ready_answers, store


@pytest.fixture(autouse=True)
def _staff(people):
    """Every review test has a lead, an EDI reviewer and a committee secretary with trusted keys."""
    return people


@pytest.fixture
def ready(context, form):
    """A stored draft that passes the readiness check."""
    return store(context, form, ready_answers(form))


def advance(context, assessment_id: int, *steps: tuple[str, str]) -> None:
    """Take workflow actions as (action, role), in order."""
    for action, role in steps:
        context.review.transition(assessment_id, action, person=f"{role.title()} Person", comment=f"{action} done",
                   role=role, today=TODAY)


@pytest.fixture
def at_committee(context, ready):
    """The ready assessment, submitted for review and assured: Ready for committee."""
    advance(context, ready.id, ("submit_for_review", "lead"), ("submit_for_committee", "reviewer"))
    return context.store.assessments.get(ready.id)


@pytest.fixture
def reviewer_context(context, tmp_path):
    """A second person's own app: the EDI partner Esi EDI, with their own database and key store, whom the lead
    has trusted as an EDI reviewer after comparing fingerprints."""
    from tests.people import second_person

    ctx, esi = second_person(tmp_path / "reviewer", "Esi EDI", "reviewer")
    context.signing.trust(esi, "reviewer", esi.fingerprint, person="Lead Person")
    yield ctx
    ctx.close()

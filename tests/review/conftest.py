"""Fixtures for review tests: a committee-ready stored assessment, moved along the workflow."""

from __future__ import annotations

import pytest

from tests.review.helpers import TODAY, ready_answers, store


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
def reviewer_context(tmp_path):
    """A second user's own database (the EDI partner's copy of the app)."""
    from idmf.services.context import open_app

    ctx = open_app(f"sqlite:///{tmp_path / 'reviewer' / 'idmf.sqlite3'}")
    yield ctx
    ctx.close()

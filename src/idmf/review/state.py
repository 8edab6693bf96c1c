"""Read-only questions about an assessment's review state, and what needs the user (dashboard counts)."""

from __future__ import annotations

# The dashboard counts live beside the summaries they count (the first screen needs them cheaply).
from idmf.domain.summary import NeedsYou, needs_you_from  # noqa: F401 - re-exported
from idmf.storage.store import Store


def is_read_only(store: Store, assessment_id: int) -> bool:
    """Whether the app must show every answer read-only (signed off, or a copy received for review)."""
    return store.assessments.is_locked(assessment_id) or store.review_copies.get(assessment_id) is not None

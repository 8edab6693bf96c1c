"""An assessment's status: a module of its own (no pydantic), so the first screen can show it cheaply."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where an assessment is in its journey to committee."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    READY_FOR_COMMITTEE = "ready_for_committee"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        """How the status reads in the app and the document."""
        return {
            "draft": "Draft",
            "in_review": "In EDI review",
            "changes_requested": "Changes requested",
            "ready_for_committee": "Ready for committee",
            "approved": "Approved",
        }[self.value]

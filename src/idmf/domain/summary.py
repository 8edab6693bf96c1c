"""What lists show of an assessment without loading its answers (dashboard, versions, portfolio)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from idmf.domain.status import Status


@dataclass(frozen=True)
class AssessmentSummary:
    """One assessment version as the dashboard shows it."""

    id: int
    uid: str
    version_number: int
    title: str
    organisation: str
    lead: str
    status: Status
    steps_complete: int
    created_at: dt.datetime
    updated_at: dt.datetime
    review_date: dt.date | None
    archived: bool

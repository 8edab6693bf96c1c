"""What an assessment version carries when it is published: the board paper's cover-sheet details and the
easy-read summary (created by migration 0006_publishing).

Kept apart from the answers on purpose: a signed-off version's answers are locked by the database (0004), but
the cover sheet is usually written after the executive meeting approved the assessment, and neither of
these is part of what the sign-off fingerprint covers. Each is one pydantic model stored as JSON and checked
on the way back (idmf.domain.publishing).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from idmf.storage.tables.assessments import part_of_assessment


class PublicationRow(SQLModel, table=True):
    """One assessment version's cover-sheet details and easy-read text (either may be absent)."""

    __tablename__ = "publication"

    assessment_id: int = part_of_assessment()
    cover_sheet: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    easy_read: Any = Field(default=None, sa_column=Column(JSON, nullable=True))
    updated_at: dt.datetime

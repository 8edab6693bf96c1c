"""The documents attached to an assessment version as evidence (created by migration 0008_documents)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from idmf.storage.tables.assessments import part_of_assessment


class AssessmentDocumentRow(SQLModel, table=True):
    """One attached file, stored whole, with the name, size and SHA-256 the export lists."""

    __tablename__ = "assessment_document"

    assessment_id: int = part_of_assessment()
    document_id: str = Field(primary_key=True, max_length=32)
    position: int = 0
    name: str
    media_type: str
    size: int
    sha256: str = Field(max_length=64)
    added_at: dt.datetime
    content: bytes = Field(sa_column=Column(LargeBinary, nullable=False))

"""Tables of assessments: one row per version, its answers, and the census tables attached to it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

metadata = SQLModel.metadata


class AssessmentRow(SQLModel, table=True):
    """One version of one assessment; dashboard columns are kept here so the list needs no answers."""

    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("uid", "version_number", name="uq_assessment_uid_version"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(index=True, max_length=32)
    version_number: int = 1
    form_id: str
    form_version: str
    title: str = Field(default="", index=True)
    organisation: str = Field(default="", index=True)  # team mode: who may see it (0008)
    lead: str = ""
    status: str = Field(default="draft", index=True)
    archived: bool = False
    steps_complete: int = 0
    review_date: dt.date | None = None
    created_at: dt.datetime
    updated_at: dt.datetime = Field(index=True)
    row_version: int = 0
    locked: bool = False  # signed off: the database refuses changes (migration 0004)
    # Counted by the database's own triggers on `answer` and `status_event` (0010): kept portfolio facts are
    # stale once it moves.
    facts_changed: int = Field(default=0, sa_column_kwargs={"server_default": "0"})


def part_of_assessment() -> Any:
    """The key column of a row that belongs to one assessment version and goes when it goes."""
    return Field(sa_column=Column(Integer, ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True))


class AnswerRow(SQLModel, table=True):
    """One answer; saving an answer touches this one row (plus the parent's timestamp)."""

    __tablename__ = "answer"

    assessment_id: int = part_of_assessment()
    question_id: str = Field(primary_key=True)
    value: Any = Field(sa_column=Column(JSON, nullable=False))
    version: int = 1
    updated_at: dt.datetime


class AssessmentCensusRow(SQLModel, table=True):
    """One census table attached to an assessment, stored whole (a frozen copy of the cache at the time)."""

    __tablename__ = "assessment_census"

    assessment_id: int = part_of_assessment()
    position: int = Field(primary_key=True)
    table_json: Any = Field(sa_column=Column(JSON, nullable=False))


class PortfolioFactsRow(SQLModel, table=True):
    """What one assessment contributes to the portfolio (idmf.review.portfolio.Facts as JSON), valid while
    `facts_changed` equals the assessment's and `basis` names the app and forms that computed it (0010)."""

    __tablename__ = "portfolio_facts"

    assessment_id: int = part_of_assessment()
    facts_changed: int
    basis: str
    facts: str = Field(sa_column=Column(Text, nullable=False))
    computed_by: str  # the login (team mode) or the person at this computer
    computed_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))

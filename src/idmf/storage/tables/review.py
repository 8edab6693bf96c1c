"""Tables of the review and sign-off feature (created by migration 0004_review).

Datetimes are written as timezone-aware UTC to the second (idmf.domain.times), so the audit hashes
computed on write can be recomputed on read, whatever the database.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Index, Integer, LargeBinary, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from idmf.storage.tables.assessments import part_of_assessment


class CommentRow(SQLModel, table=True):
    """A reviewer's (or lead's) comment anchored to a question or a step of one assessment version."""

    __tablename__ = "comment"
    __table_args__ = (Index("ix_comment_assessment", "assessment_uid", "version_number"),)

    id: int | None = Field(default=None, primary_key=True)
    origin: str = Field(max_length=32, unique=True)  # uuid given where the comment was written; merges by it
    assessment_uid: str = Field(max_length=32)
    version_number: int
    anchor: str  # question id, or section id for a comment on a whole step
    parent_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("comment.id", ondelete="CASCADE"), nullable=True))
    author: str
    role: str
    body: str = Field(sa_column=Column(Text, nullable=False))
    created_at: dt.datetime
    resolved: bool = False
    resolved_by: str | None = None
    resolved_at: dt.datetime | None = None
    changed_at: dt.datetime  # last change (written, resolved, reopened): the newer state wins in a merge


class StatusEventRow(SQLModel, table=True):
    """One entry of the audit log: a status change, chained to the previous entry by hashes."""

    __tablename__ = "status_event"
    __table_args__ = (UniqueConstraint("assessment_id", "seq", name="uq_status_event_seq"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(sa_column=Column(Integer, ForeignKey("assessment.id"), nullable=False, index=True))
    seq: int  # 1, 2, 3… per assessment version
    assessment_uid: str = Field(max_length=32)
    version_number: int
    action: str
    from_status: str
    to_status: str
    person: str
    role: str
    comment: str = Field(default="", sa_column=Column(Text, nullable=False))
    at: dt.datetime
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
    signer_key: str | None = Field(default=None, max_length=64)  # who signed the entry (0007); None: older entry
    signature: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    person_key: str | None = Field(default=None, max_length=64)  # the reviewer named, when their signed reply is
    #                                                              recorded by the lead's key
    login: str | None = Field(default=None, max_length=63)  # team mode: the database login, written by the
    #                                                          database itself (0008); None: single-user mode


class SignoffRow(SQLModel, table=True):
    """The committee sign-off of one assessment version (the database refuses to change or delete it)."""

    __tablename__ = "signoff"

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(
        sa_column=Column(Integer, ForeignKey("assessment.id"), nullable=False, unique=True))
    assessment_uid: str = Field(max_length=32)
    version_number: int
    committee: str
    meeting_date: dt.date
    approver: str
    fingerprint: str = Field(max_length=64)
    signed_at: dt.datetime
    recorded_by: str
    signer_key: str | None = Field(default=None, max_length=64)  # the approver's key (0007)
    signature: str | None = Field(default=None, sa_column=Column(Text, nullable=True))  # the signed statement
    document: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))  # the signed .docx


class ReviewCopyRow(SQLModel, table=True):
    """Marks an assessment received from a lead for review: read-only here except comments and the verdict."""

    __tablename__ = "review_copy"

    assessment_id: int = part_of_assessment()
    content_sha256: str = Field(max_length=64)
    content_json: str = Field(sa_column=Column(Text, nullable=False))  # exactly as received; the reply repeats it
    received_at: dt.datetime
    received_from: str = ""
    request_id: str | None = Field(default=None, max_length=32)  # the request this copy came in (0007)
    verdict: str | None = None  # "assured" | "changes_requested"
    verdict_by: str | None = None
    verdict_comment: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    verdict_at: dt.datetime | None = None


class ReviewExchangeRow(SQLModel, table=True):
    """A review file sent or received, with the SHA-256 of the content it carried."""

    __tablename__ = "review_exchange"
    __table_args__ = (Index("ix_review_exchange_assessment", "assessment_uid", "version_number"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_uid: str = Field(max_length=32)
    version_number: int
    kind: str  # "review-request" | "review-reply"
    direction: str  # "sent" | "received"
    content_sha256: str = Field(max_length=64)
    file_sha256: str = Field(max_length=64)  # of the file's manifest
    person: str
    at: dt.datetime
    request_id: str | None = Field(default=None, max_length=32)  # the request a file is or answers (0007)
    reply_id: str | None = Field(default=None, max_length=32)  # a reply's own id: replays are noticed by it
    signer_key: str | None = Field(default=None, max_length=64)  # who signed the file
    withdrawn: bool = False  # a request sent, then withdrawn: replies to it are no longer applied

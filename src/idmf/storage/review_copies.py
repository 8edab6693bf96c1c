"""Copies received for review (`review_copy`) and the review files sent and received (`review_exchange`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from idmf.storage.tables import ReviewCopyRow, ReviewExchangeRow
from idmf.storage.unit import Repository


class ReviewCopyRepository(Repository):
    """Marks an assessment as a copy received for review, with the reviewer's verdict on it."""

    def get(self, assessment_id: int, conn: Connection | None = None) -> ReviewCopyRow | None:
        """The mark of a copy received for review (None for the user's own assessments)."""
        with self._read(conn) as c:
            row = c.execute(select(ReviewCopyRow).where(ReviewCopyRow.assessment_id == assessment_id)).first()
        return ReviewCopyRow.model_validate(row._mapping) if row else None

    def mark(self, conn: Connection | None = None, **values: Any) -> None:
        """Mark a stored assessment as a copy received for review."""
        with self._write(conn) as c:
            c.execute(insert(ReviewCopyRow).values(**values))

    def set_verdict(self, assessment_id: int, conn: Connection | None = None, **values: Any) -> None:
        """Record the reviewer's verdict on a copy."""
        with self._write(conn) as c:
            c.execute(update(ReviewCopyRow).where(ReviewCopyRow.assessment_id == assessment_id).values(**values))


class ExchangeRepository(Repository):
    """Remembers every review file sent or received, so replies can be matched and repeats noticed."""

    def record(self, conn: Connection | None = None, **values: Any) -> None:
        """Note one review file sent or received."""
        with self._write(conn) as c:
            c.execute(insert(ReviewExchangeRow).values(**values))

    def content_hashes(self, uid: str, version: int, kind: str, direction: str,
                       conn: Connection | None = None) -> set[str]:
        """SHA-256 of the content of every file of one kind sent (or received) for a version."""
        with self._read(conn) as c:
            return set(c.execute(select(ReviewExchangeRow.content_sha256).where(
                ReviewExchangeRow.assessment_uid == uid, ReviewExchangeRow.version_number == version,
                ReviewExchangeRow.kind == kind, ReviewExchangeRow.direction == direction)).scalars())

    def requests_sent(self, uid: str, version: int, conn: Connection | None = None) -> list:
        """Every review request sent for a version, oldest first."""
        with self._read(conn) as c:
            return c.execute(select(ReviewExchangeRow).where(
                ReviewExchangeRow.assessment_uid == uid, ReviewExchangeRow.version_number == version,
                ReviewExchangeRow.kind == "review-request", ReviewExchangeRow.direction == "sent")
                .order_by(ReviewExchangeRow.id)).all()

    def reply_received(self, reply_id: str, conn: Connection | None = None):
        """The first receipt of a reply with this id (None when it was never imported)."""
        with self._read(conn) as c:
            return c.execute(select(ReviewExchangeRow).where(
                ReviewExchangeRow.reply_id == reply_id, ReviewExchangeRow.direction == "received")
                .order_by(ReviewExchangeRow.id).limit(1)).first()

    def reply_signed_by(self, uid: str, version: int, key_id: str, conn: Connection | None = None) -> bool:
        """Whether a review reply signed by this key was received for a version."""
        with self._read(conn) as c:
            return c.execute(select(ReviewExchangeRow.id).where(
                ReviewExchangeRow.assessment_uid == uid, ReviewExchangeRow.version_number == version,
                ReviewExchangeRow.kind == "review-reply", ReviewExchangeRow.direction == "received",
                ReviewExchangeRow.signer_key == key_id).limit(1)).first() is not None

    def withdraw_requests(self, uid: str, version: int, conn: Connection | None = None) -> None:
        """Mark every request sent for a version as withdrawn: replies to them are no longer applied."""
        with self._write(conn) as c:
            c.execute(update(ReviewExchangeRow).where(
                ReviewExchangeRow.assessment_uid == uid, ReviewExchangeRow.version_number == version,
                ReviewExchangeRow.kind == "review-request", ReviewExchangeRow.direction == "sent")
                .values(withdrawn=True))

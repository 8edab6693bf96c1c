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

    def seen(self, file_sha256: str, direction: str, conn: Connection | None = None) -> bool:
        """Whether this very file was already sent or received."""
        with self._read(conn) as c:
            return c.execute(select(ReviewExchangeRow.id).where(
                ReviewExchangeRow.file_sha256 == file_sha256,
                ReviewExchangeRow.direction == direction)).first() is not None

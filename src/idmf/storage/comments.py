"""Comments on assessment versions: rows of the `comment` table, read and written for idmf.review.comments."""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import Connection, Row, insert, select, update

from idmf.storage.tables import CommentRow
from idmf.storage.unit import Repository


class CommentRepository(Repository):
    """Reads and writes comment rows (threads are rows whose parent_id is null)."""

    def insert(self, conn: Connection | None = None, **values: Any) -> int:
        """Add one comment row; returns its id."""
        with self._write(conn) as c:
            return c.execute(insert(CommentRow).values(**values)).inserted_primary_key[0]

    def get(self, comment_id: int, conn: Connection | None = None) -> Row | None:
        """One comment by id (None when there is none)."""
        with self._read(conn) as c:
            return c.execute(select(CommentRow).where(CommentRow.id == comment_id)).first()

    def for_version(self, uid: str, version: int, conn: Connection | None = None) -> list[Row]:
        """Every comment of an assessment version, oldest first."""
        with self._read(conn) as c:
            return c.execute(select(CommentRow).where(CommentRow.assessment_uid == uid,
                                                      CommentRow.version_number == version)
                             .order_by(CommentRow.created_at, CommentRow.id)).all()

    def by_origins(self, origins: Iterable[str], conn: Connection | None = None) -> dict[str, Row]:
        """Comments already here, by the origin ids given where they were written."""
        with self._read(conn) as c:
            rows = c.execute(select(CommentRow).where(CommentRow.origin.in_(list(origins))))
            return {row.origin: row for row in rows}

    def change(self, comment_id: int, conn: Connection | None = None, **values: Any) -> None:
        """Update one comment's columns (resolved state, its time of change)."""
        with self._write(conn) as c:
            c.execute(update(CommentRow).where(CommentRow.id == comment_id).values(**values))

"""Committee sign-off records (`signoff`): written once, never changed (database triggers refuse it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, insert, select

from idmf.storage.tables import SignoffRow
from idmf.storage.unit import Repository


# Every column but the signed document, which only exporting and verifying read.
_RECORD = [column for column in SignoffRow.__table__.columns if column.name != "document"]


class SignoffRepository(Repository):
    """Records and finds sign-offs of assessment versions."""

    def insert(self, conn: Connection | None = None, **values: Any) -> None:
        """Record a sign-off."""
        with self._write(conn) as c:
            c.execute(insert(SignoffRow).values(**values))

    def for_assessment(self, assessment_id: int, conn: Connection | None = None) -> Row | None:
        """The sign-off of one stored version (None when it is not signed off)."""
        with self._read(conn) as c:
            return c.execute(select(*_RECORD).where(SignoffRow.assessment_id == assessment_id)).first()

    def document(self, assessment_id: int, conn: Connection | None = None) -> bytes | None:
        """The signed Word document kept with a sign-off (None for sign-offs made before documents were kept)."""
        with self._read(conn) as c:
            return c.execute(select(SignoffRow.document).where(SignoffRow.assessment_id == assessment_id)).scalar()

    def for_version(self, uid: str, version_number: int, conn: Connection | None = None) -> Row | None:
        """The sign-off of an assessment version found by its uid (e.g. from a Word file's embedded data)."""
        with self._read(conn) as c:
            return c.execute(select(*_RECORD).where(SignoffRow.assessment_uid == uid,
                                                      SignoffRow.version_number == version_number)).first()

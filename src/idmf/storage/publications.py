"""The cover-sheet details and easy-read text kept with an assessment version (`publication`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert, select, update

from idmf.domain.times import utcnow
from idmf.storage.tables import PublicationRow
from idmf.storage.unit import Repository

PARTS = ("cover_sheet", "easy_read")


class PublicationRepository(Repository):
    """Reads and writes one version's publishing details, each part as the JSON of its domain model."""

    def get(self, assessment_id: int, part: str, conn: Connection | None = None) -> Any | None:
        """One part ('cover_sheet' or 'easy_read') as stored JSON, or None when it was never saved."""
        column = getattr(PublicationRow, _checked(part))
        with self._read(conn) as c:
            return c.execute(select(column).where(PublicationRow.assessment_id == assessment_id)).scalar()

    def put(self, assessment_id: int, part: str, value: Any, conn: Connection | None = None) -> None:
        """Store one part (JSON), creating the version's row the first time."""
        values = {_checked(part): value, "updated_at": utcnow()}
        with self._write(conn) as c:
            done = c.execute(update(PublicationRow).where(PublicationRow.assessment_id == assessment_id)
                             .values(**values))
            if done.rowcount == 0:
                c.execute(insert(PublicationRow).values(assessment_id=assessment_id, **values))


def _checked(part: str) -> str:
    if part not in PARTS:
        raise ValueError(f"unknown publication part '{part}' (known: {', '.join(PARTS)})")
    return part

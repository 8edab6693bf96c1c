"""Rows of the audit log (`status_event`); the hash chain over them is computed in idmf.review.audit."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, func, insert, select

from idmf.storage.tables import AssessmentRow, StatusEventRow
from idmf.storage.unit import Repository


class AuditRepository(Repository):
    """Appends and reads status events, per assessment version, in sequence order."""

    def last(self, assessment_id: int, conn: Connection | None = None) -> Row | None:
        """The newest entry of a version's chain (its seq and hash), None when there is none."""
        with self._read(conn) as c:
            return c.execute(select(StatusEventRow.seq, StatusEventRow.hash)
                             .where(StatusEventRow.assessment_id == assessment_id)
                             .order_by(StatusEventRow.seq.desc()).limit(1)).first()

    def insert(self, conn: Connection | None = None, **values: Any) -> None:
        """Add one entry (the caller has computed its hashes)."""
        with self._write(conn) as c:
            c.execute(insert(StatusEventRow).values(**values))

    def entries(self, assessment_id: int, conn: Connection | None = None) -> list[Row]:
        """Every entry of one version, oldest first."""
        with self._read(conn) as c:
            return c.execute(select(StatusEventRow).where(StatusEventRow.assessment_id == assessment_id)
                             .order_by(StatusEventRow.seq)).all()

    def count(self, assessment_id: int, conn: Connection | None = None) -> int:
        """How many entries one version has."""
        with self._read(conn) as c:
            return c.execute(select(func.count()).select_from(StatusEventRow)
                             .where(StatusEventRow.assessment_id == assessment_id)).scalar() or 0

    def status_changes(self, conn: Connection | None = None) -> dict[int, list[tuple[Any, str]]]:
        """(time, new status) of every status change of every assessment you can see (archived left out), oldest
        first, by version: one query."""
        visible = select(AssessmentRow.id).where(AssessmentRow.archived == False)  # noqa: E712 - SQL expression
        found: dict[int, list[tuple[Any, str]]] = {}
        with self._read(conn) as c:
            for aid, at, to_status in c.execute(
                    select(StatusEventRow.assessment_id, StatusEventRow.at, StatusEventRow.to_status)
                    .where(StatusEventRow.assessment_id.in_(visible))
                    .order_by(StatusEventRow.assessment_id, StatusEventRow.seq)).all():  # one fetch
                found.setdefault(aid, []).append((at, to_status))
        return found

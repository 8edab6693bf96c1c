"""The attached-document repository: the files kept with an assessment version as evidence."""

from __future__ import annotations

from sqlalchemy import Connection, delete, func, insert, select, update

from idmf.domain.documents import AttachedDocument
from idmf.domain.times import utc, utcnow
from idmf.errors import LockedError, NotFoundError
from idmf.storage.tables import AssessmentDocumentRow, AssessmentRow
from idmf.storage.unit import Repository

_T = AssessmentDocumentRow


def load_documents(c: Connection, assessment_id: int) -> list[AttachedDocument]:
    """Every document of one assessment version, in the order they were attached."""
    rows = c.execute(select(_T).where(_T.assessment_id == assessment_id).order_by(_T.position, _T.added_at))
    return [AttachedDocument(id=r.document_id, name=r.name, media_type=r.media_type, size=r.size, sha256=r.sha256,
                             added_at=utc(r.added_at, precise=True), content=r.content) for r in rows]


def insert_documents(c: Connection, assessment_id: int, documents: list[AttachedDocument], start: int = 0) -> None:
    """Store documents with an assessment version (positions from `start`)."""
    if documents:
        c.execute(insert(_T), [
            {"assessment_id": assessment_id, "document_id": d.id, "position": start + n, "name": d.name,
             "media_type": d.media_type, "size": d.size, "sha256": d.sha256, "added_at": utc(d.added_at),
             "content": d.content} for n, d in enumerate(documents)])


class DocumentRepository(Repository):
    """Attaches and removes documents (refused on a signed-off version; the database refuses it too)."""

    def attach(self, assessment_id: int, document: AttachedDocument, conn: Connection | None = None) -> None:
        """Keep one more document with the assessment, after the others."""
        with self._write(conn) as c:
            self._check(c, assessment_id)
            last = c.execute(select(func.max(_T.position)).where(_T.assessment_id == assessment_id)).scalar()
            insert_documents(c, assessment_id, [document], start=(last + 1) if last is not None else 0)
            self._touch(c, assessment_id)

    def remove(self, assessment_id: int, document_id: str, conn: Connection | None = None) -> None:
        """Take a document away from the assessment (NotFoundError when it is not attached)."""
        with self._write(conn) as c:
            self._check(c, assessment_id)
            gone = c.execute(delete(_T).where(_T.assessment_id == assessment_id, _T.document_id == document_id))
            if gone.rowcount != 1:
                raise NotFoundError("That document is no longer attached to this assessment.")
            self._touch(c, assessment_id)

    def list(self, assessment_id: int, conn: Connection | None = None) -> list[AttachedDocument]:
        """The documents of one assessment version."""
        with self._read(conn) as c:
            return load_documents(c, assessment_id)

    @staticmethod
    def _check(c: Connection, assessment_id: int) -> None:
        locked = c.execute(select(AssessmentRow.locked).where(AssessmentRow.id == assessment_id)).first()
        if locked is None:
            raise NotFoundError(f"There is no assessment with id {assessment_id}.")
        if locked[0]:
            raise LockedError(assessment_id)

    @staticmethod
    def _touch(c: Connection, assessment_id: int) -> None:
        c.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(updated_at=utcnow()))

"""The assessment repository: every read and write of assessments, their answers and attached census tables."""

from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import Connection, Select, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from idmf.domain.answers import parse_answer, parse_answer_text, to_json
from idmf.domain.assessment import Assessment, Status
from idmf.domain.evidence import CensusTable
from idmf.domain.questions import LEAD, ORGANISATION, TITLE
from idmf.domain.summary import AssessmentSummary
from idmf.domain.times import utc, utcnow
from idmf.errors import ConflictError, LockedError, NotFoundError
from idmf.forms.loader import FormRegistry
from idmf.forms.schema import FormDefinition, Question
from idmf.storage.database import Database
from idmf.storage.documents import insert_documents, load_documents
from idmf.storage.quick_list import SUMMARY_COLUMNS
from idmf.storage.tables import AnswerRow, AssessmentCensusRow, AssessmentRow
from idmf.storage.unit import Repository

# Answers copied onto the assessment row so the dashboard can list and search without joins.
DENORMALISED = {TITLE: "title", ORGANISATION: "organisation", LEAD: "lead"}

_SUMMARY = [getattr(AssessmentRow, name) for name in SUMMARY_COLUMNS]
ASSESSMENT_COLUMNS = [getattr(AssessmentRow, name)
                      for name in (*SUMMARY_COLUMNS, "form_id", "form_version", "row_version")]


def _summary(row: Any) -> AssessmentSummary:
    return AssessmentSummary(
        id=row.id, uid=row.uid, version_number=row.version_number, title=row.title,
        organisation=row.organisation, lead=row.lead, status=Status(row.status),
        steps_complete=row.steps_complete, created_at=utc(row.created_at, precise=True),
        updated_at=utc(row.updated_at, precise=True), review_date=row.review_date, archived=row.archived,
    )


Cursor = tuple[Any, int]  # (updated_at as stored, id) of the last summary of a page
PAGE_SIZE = 200  # about ten screens of the dashboard


def _listing(search: str, statuses: Iterable[Status] | None, include_archived: bool) -> Select:
    """The dashboard's query: summaries most recently edited first (id breaks ties, so paging is exact)."""
    # Plain column rows, not ORM objects: building 10,000 SQLModel instances took most of a second.
    query = select(*_SUMMARY)
    if not include_archived:
        query = query.where(AssessmentRow.archived == False)  # noqa: E712 - SQL expression
    if statuses:
        query = query.where(AssessmentRow.status.in_([s.value for s in statuses]))
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(or_(*(func.lower(getattr(AssessmentRow, c)).like(pattern)
                                  for c in ("title", "organisation", "lead"))))
    return query.order_by(AssessmentRow.updated_at.desc(), AssessmentRow.id.desc())


class AssessmentRepository(Repository):
    """Stores assessments in the database (each method joins the caller's transaction when given `conn`)."""

    def __init__(self, database: Database, forms: FormRegistry) -> None:
        super().__init__(database)
        self.forms = forms
        self._known: dict[tuple[str, str], dict[str, Question]] = {}

    # --- reads ----------------------------------------------------------------------------------------------
    def get(self, assessment_id: int, conn: Connection | None = None) -> Assessment:
        """Load one assessment with its answers parsed against its own form version (one query per table)."""
        return self.get_with_lock(assessment_id, conn)[0]

    def get_with_lock(self, assessment_id: int, conn: Connection | None = None) -> tuple[Assessment, bool]:
        """An assessment (as `get`) and whether it is signed off, read from the same row (one query per table)."""
        with self._read(conn) as c:
            row = c.execute(select(AssessmentRow).where(AssessmentRow.id == assessment_id)).first()
            if row is None:
                raise NotFoundError(f"There is no assessment with id {assessment_id}.")
            answers = c.execute(select(AnswerRow.question_id, AnswerRow.value, AnswerRow.version)
                                .where(AnswerRow.assessment_id == assessment_id)).all()
            census = c.execute(select(AssessmentCensusRow.table_json).where(
                AssessmentCensusRow.assessment_id == assessment_id).order_by(AssessmentCensusRow.position)).scalars()
            census = [CensusTable.model_validate(doc) for doc in census]
            item = self._assessment(row, answers, census)
            item.documents = load_documents(c, assessment_id)
        return item, bool(row.locked)

    def get_many(self, ids: list[int], conn: Connection | None = None, chunk: int = 500) -> list[Assessment]:
        """Load many assessments with their answers (two queries per `chunk` ids; census tables not loaded)."""
        found: list[Assessment] = []
        with self._read(conn) as c:
            for start in range(0, len(ids), chunk):
                part = ids[start:start + chunk]
                answers: dict[int, list] = {}
                for aid, qid, raw, version in c.execute(select(
                        AnswerRow.assessment_id, AnswerRow.question_id, AnswerRow.value, AnswerRow.version)
                        .where(AnswerRow.assessment_id.in_(part))):
                    answers.setdefault(aid, []).append((qid, raw, version))
                rows = c.execute(select(AssessmentRow).where(AssessmentRow.id.in_(part)))
                found.extend(self._assessment(row, answers.get(row.id, []), []) for row in rows)
        return found

    def _questions(self, form_id: str, version: str) -> dict[str, Question]:
        """A form version's questions by id, worked out once (bulk reads asked for them once per row)."""
        key = (form_id, version)
        if key not in self._known:
            self._known[key] = {q.id: q for q in self.forms.get(form_id, version).questions()}
        return self._known[key]

    def from_rows(self, rows: list[Any], answers: dict[int, list[tuple[str, str | None, int]]]) -> list[Assessment]:
        """Assessments from rows read with ASSESSMENT_COLUMNS and their answers as (question id, JSON text,
        version), by assessment id."""
        return [self._assessment(row, answers.get(row.id, []), [], parse_answer_text) for row in rows]

    def _assessment(self, row: Any, answers: list, census: list[CensusTable], parse=parse_answer) -> Assessment:
        known = self._questions(row.form_id, row.form_version)
        item = Assessment(
            id=row.id, uid=row.uid, version_number=row.version_number, form_id=row.form_id,
            form_version=row.form_version, status=Status(row.status), archived=row.archived,
            created_at=utc(row.created_at, precise=True), updated_at=utc(row.updated_at, precise=True),
            review_date=row.review_date, row_version=row.row_version, census_tables=census,
        )
        for qid, raw, version in answers:
            item.answer_versions[qid] = version
            value = parse(known[qid], raw) if raw is not None and qid in known else None
            if value is not None:  # a JSON null (an answer cleared by the workflow) is no answer
                item.answers[qid] = value
        return item

    def list(self, search: str = "", statuses: Iterable[Status] | None = None, include_archived: bool = False,
             conn: Connection | None = None) -> list[AssessmentSummary]:
        """Summaries for the dashboard, most recently edited first."""
        with self._read(conn) as c:
            return [_summary(row) for row in c.execute(_listing(search, statuses, include_archived))]

    def page(self, after: Cursor | None = None, limit: int | None = None, include_archived: bool = False,
             conn: Connection | None = None) -> tuple[list[AssessmentSummary], Cursor | None]:
        """The next `limit` (default PAGE_SIZE) summaries in the dashboard's order after `after` (None: the first),
        and the cursor of the page after them (None after the last). Keyset paging: one index range, however deep."""
        query, limit = _listing("", None, include_archived), limit or PAGE_SIZE
        if after is not None:
            at, last_id = after
            query = query.where(or_(AssessmentRow.updated_at < at,
                                    and_(AssessmentRow.updated_at == at, AssessmentRow.id < last_id)))
        with self._read(conn) as c:
            rows = c.execute(query.limit(limit)).all()
        # The cursor keeps the stored value as the database returned it, so comparing it back is exact.
        more = (rows[-1].updated_at, rows[-1].id) if len(rows) == limit else None
        return [_summary(row) for row in rows], more

    def versions(self, uid: str, conn: Connection | None = None) -> list[AssessmentSummary]:
        """Every stored version of one assessment, oldest first."""
        with self._read(conn) as c:
            rows = c.execute(select(*_SUMMARY).where(AssessmentRow.uid == uid)
                             .order_by(AssessmentRow.version_number))
            return [_summary(row) for row in rows]

    def find_version(self, uid: str, version_number: int, conn: Connection | None = None) -> AssessmentSummary | None:
        """One version of an assessment by its uid and number (None when this database does not hold it)."""
        with self._read(conn) as c:
            row = c.execute(select(*_SUMMARY).where(AssessmentRow.uid == uid,
                                                    AssessmentRow.version_number == version_number)).first()
        return _summary(row) if row else None

    def is_locked(self, assessment_id: int, conn: Connection | None = None) -> bool:
        """True for a signed-off version: the database refuses any change to its content."""
        with self._read(conn) as c:
            return bool(c.execute(select(AssessmentRow.locked).where(AssessmentRow.id == assessment_id)).scalar())

    # --- writes ---------------------------------------------------------------------------------------------
    def add(self, assessment: Assessment, conn: Connection | None = None) -> Assessment:
        """Insert a new assessment with its answers and census tables; sets and returns it with its id."""
        form = self.forms.get(assessment.form_id, assessment.form_version)
        now = utcnow()
        with self._write(conn) as c:
            new_id = c.execute(insert(AssessmentRow).values(
                uid=assessment.uid, version_number=assessment.version_number, form_id=assessment.form_id,
                form_version=assessment.form_version, status=assessment.status.value,
                archived=assessment.archived, review_date=assessment.review_date,
                created_at=utc(assessment.created_at), updated_at=utc(assessment.updated_at),
                steps_complete=assessment.steps_complete(form), row_version=1, locked=False,
                **{col: assessment.text(qid) for qid, col in DENORMALISED.items()},
            )).inserted_primary_key[0]
            if assessment.answers:
                c.execute(insert(AnswerRow), [
                    {"assessment_id": new_id, "question_id": qid, "value": to_json(value), "version": 1,
                     "updated_at": now} for qid, value in assessment.answers.items()])
            self._insert_census(c, new_id, assessment.census_tables)
            insert_documents(c, new_id, assessment.documents)
        assessment.id, assessment.row_version = new_id, 1
        assessment.answer_versions = {qid: 1 for qid in assessment.answers}
        return assessment

    def delete(self, assessment_id: int, conn: Connection | None = None) -> None:
        """Remove an assessment and its answers (only review copies are ever replaced this way)."""
        with self._write(conn) as c:
            c.execute(delete(AssessmentRow).where(AssessmentRow.id == assessment_id))

    def store_answer(self, item: Assessment, form: FormDefinition, question_id: str, raw: Any,
                     conn: Connection | None = None) -> Any:
        """Validate one answer, save it, and keep the in-memory assessment in step; returns the typed value."""
        previous = item.answers.get(question_id)
        value = item.set_answer(form, question_id, raw)
        try:
            version = self.save_answer(item.id, question_id, value, item.answer_versions.get(question_id, 0),
                                       steps_complete=item.steps_complete(form), conn=conn)
        except Exception:
            # Keep memory and database telling the same story when the write fails.
            if previous is None:
                item.answers.pop(question_id, None)
            else:
                item.answers[question_id] = previous
            raise
        item.answer_versions[question_id] = version
        return value

    def save_answer(self, assessment_id: int, question_id: str, value: Any, expected_version: int,
                    steps_complete: int | None = None, conn: Connection | None = None) -> int:
        """Write one answer if nobody changed it since `expected_version`; return its new version."""
        payload, now = to_json(value), utcnow()
        with self._write(conn) as c:
            if self.is_locked(assessment_id, c):
                raise LockedError(assessment_id)
            current = c.execute(select(AnswerRow.version).where(
                AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id)).scalar()
            if (current or 0) != expected_version:
                raise ConflictError(assessment_id, question_id, current or 0)
            if current is None:
                self._require(c, assessment_id)
                self._insert_first(c, assessment_id, question_id, payload, now)
            # The version is checked again in the UPDATE itself: on a server, another user's save can land
            # between the read above and this write (READ COMMITTED), and must not be overwritten unseen.
            elif c.execute(update(AnswerRow).where(
                    AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id,
                    AnswerRow.version == current).values(value=payload, version=current + 1,
                                                         updated_at=now)).rowcount != 1:
                raise ConflictError(assessment_id, question_id, current)
            changes: dict[str, Any] = {"updated_at": now}
            if question_id in DENORMALISED:
                changes[DENORMALISED[question_id]] = payload if isinstance(payload, str) else ""
            if steps_complete is not None:
                changes["steps_complete"] = steps_complete
            c.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(**changes))
        return (current or 0) + 1

    def attach_census_tables(self, assessment_id: int, tables: list[CensusTable],
                             conn: Connection | None = None) -> None:
        """Replace the census tables stored with an assessment, all at once."""
        with self._write(conn) as c:
            self._require(c, assessment_id)
            if self.is_locked(assessment_id, c):
                raise LockedError(assessment_id)
            c.execute(delete(AssessmentCensusRow).where(AssessmentCensusRow.assessment_id == assessment_id))
            self._insert_census(c, assessment_id, tables)
            c.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(updated_at=utcnow()))

    def update_meta(self, assessment_id: int, expected_row_version: int, conn: Connection | None = None,
                    **changes: Any) -> int:
        """Change metadata columns (status, archived, review date…) with an optimistic check."""
        changes = {k: (v.value if isinstance(v, Status) else v) for k, v in changes.items()}
        changes["updated_at"] = utcnow()
        with self._write(conn) as c:
            result = c.execute(update(AssessmentRow).where(
                AssessmentRow.id == assessment_id, AssessmentRow.row_version == expected_row_version
            ).values(row_version=expected_row_version + 1, **changes))
            if result.rowcount != 1:
                self._require(c, assessment_id)
                raise ConflictError(assessment_id, "details", -1)
        return expected_row_version + 1

    def set_archived(self, assessment_id: int, archived: bool = True, conn: Connection | None = None) -> None:
        """Archive (or bring back) an assessment; nothing is ever deleted from the app."""
        with self._write(conn) as c:
            row_version = c.execute(select(AssessmentRow.row_version)
                                    .where(AssessmentRow.id == assessment_id)).scalar()
            if row_version is None:
                raise NotFoundError(f"There is no assessment with id {assessment_id}.")
            self.update_meta(assessment_id, row_version, conn=c, archived=archived)

    def duplicate_as_new_version(self, assessment_id: int, conn: Connection | None = None) -> Assessment:
        """Start version n+1 from an assessment: same lineage (uid), a fresh draft with the same answers."""
        with self._write(conn) as c:
            source = self.get(assessment_id, c)
            newest = c.execute(select(func.max(AssessmentRow.version_number))
                               .where(AssessmentRow.uid == source.uid)).scalar()
            copy = source.model_copy(deep=True, update={
                "id": None, "version_number": (newest or 0) + 1, "status": Status.DRAFT, "archived": False,
                "created_at": utcnow(), "updated_at": utcnow(), "answer_versions": {}, "row_version": 0,
            })
            return self.add(copy, c)

    # --- helpers --------------------------------------------------------------------------------------------
    @staticmethod
    def _insert_first(c: Connection, assessment_id: int, question_id: str, payload: Any, now) -> None:
        """The first answer to a question; someone else's first answer at the same moment is a conflict."""
        try:
            c.execute(insert(AnswerRow).values(assessment_id=assessment_id, question_id=question_id,
                                               value=payload, version=1, updated_at=now))
        except IntegrityError as exc:
            words = str(exc.orig).lower()
            if getattr(exc.orig, "sqlstate", None) == "23505" or "unique constraint failed" in words:
                raise ConflictError(assessment_id, question_id, 1) from None
            raise

    @staticmethod
    def _insert_census(c: Connection, assessment_id: int, tables: list[CensusTable]) -> None:
        # Stored whole as JSON: a frozen copy, so refreshing the census cache never changes a signed-off document.
        if tables:
            c.execute(insert(AssessmentCensusRow), [
                {"assessment_id": assessment_id, "position": n, "table_json": t.model_dump(mode="json")}
                for n, t in enumerate(tables)])

    @staticmethod
    def _require(c: Connection, assessment_id: int) -> None:
        if c.execute(select(AssessmentRow.id).where(AssessmentRow.id == assessment_id)).first() is None:
            raise NotFoundError(f"There is no assessment with id {assessment_id}.")

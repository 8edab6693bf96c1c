"""The assessment repository: every read and write of assessments goes through here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import Engine, delete, func, insert, or_, select, update
from sqlmodel import Session

from idmf.domain.answers import parse_answer, to_json
from idmf.domain.assessment import Assessment, Status, utcnow
from idmf.domain.evidence import CensusTable
from idmf.forms.loader import FormRegistry
from idmf.storage.tables import AnswerRow, AssessmentCensusRow, AssessmentRow

# Answers copied onto the assessment row so the dashboard can list and search without joins.
DENORMALISED = {"title": "title", "organisation": "organisation", "lead": "lead"}


class NotFoundError(LookupError):
    """No assessment with that id."""


class ConflictError(RuntimeError):
    """A write based on a stale copy: someone else changed the answer first."""

    def __init__(self, assessment_id: int, question_id: str, current_version: int) -> None:
        super().__init__(
            f"Assessment {assessment_id}: the answer '{question_id}' was changed elsewhere (another window or "
            "another user) since you opened it. Reload the assessment to see the latest text."
        )
        self.assessment_id = assessment_id
        self.question_id = question_id
        self.current_version = current_version


class LockedError(RuntimeError):
    """A change to a signed-off (locked) version, whose content can never change."""

    def __init__(self, assessment_id: int) -> None:
        super().__init__(f"Assessment {assessment_id} is a signed-off version and is locked: its answers cannot be "
                         "changed. Use Revise to start a new version.")
        self.assessment_id = assessment_id


@dataclass(frozen=True)
class AssessmentSummary:
    """What the dashboard shows for one assessment."""

    id: int
    uid: str
    version_number: int
    title: str
    organisation: str
    lead: str
    status: Status
    steps_complete: int
    created_at: dt.datetime
    updated_at: dt.datetime
    review_date: dt.date | None
    archived: bool


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc) if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


_SUMMARY_COLUMNS = ("id", "uid", "version_number", "title", "organisation", "lead", "status", "steps_complete",
                    "created_at", "updated_at", "review_date", "archived")


def _summary(row: AssessmentRow) -> AssessmentSummary:
    return AssessmentSummary(
        id=row.id, uid=row.uid, version_number=row.version_number, title=row.title,
        organisation=row.organisation, lead=row.lead, status=Status(row.status),
        steps_complete=row.steps_complete, created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at), review_date=row.review_date, archived=row.archived,
    )


def _insert_census(session: Session, assessment_id: int, tables: list[CensusTable]) -> None:
    # Stored whole as JSON: a frozen copy, so refreshing the census cache never changes a signed-off document.
    for position, table in enumerate(tables):
        session.execute(insert(AssessmentCensusRow).values(
            assessment_id=assessment_id, position=position, table_json=table.model_dump(mode="json")))


class AssessmentRepository:
    """Stores assessments in the injected engine."""

    def __init__(self, engine: Engine, forms: FormRegistry) -> None:
        self.engine = engine
        self.forms = forms

    def add(self, assessment: Assessment) -> Assessment:
        """Insert a new assessment with its answers; sets and returns it with its id."""
        form = self.forms.get(assessment.form_id, assessment.form_version)
        now = utcnow()
        with Session(self.engine) as session, session.begin():
            row = AssessmentRow(
                uid=assessment.uid, version_number=assessment.version_number, form_id=assessment.form_id,
                form_version=assessment.form_version, status=assessment.status.value,
                archived=assessment.archived, review_date=assessment.review_date,
                created_at=_utc(assessment.created_at), updated_at=_utc(assessment.updated_at),
                steps_complete=assessment.steps_complete(form), row_version=1,
                **{col: assessment.text(qid) for qid, col in DENORMALISED.items()},
            )
            session.add(row)
            session.flush()
            assessment.id = row.id
            assessment.row_version = 1
            for qid, value in assessment.answers.items():
                session.execute(insert(AnswerRow).values(
                    assessment_id=row.id, question_id=qid, value=to_json(value), version=1, updated_at=_utc(now)))
                assessment.answer_versions[qid] = 1
            _insert_census(session, row.id, assessment.census_tables)
        return assessment

    def get(self, assessment_id: int) -> Assessment:
        """Load one assessment with its answers parsed against its own form version."""
        with Session(self.engine) as session:
            row = session.get(AssessmentRow, assessment_id)
            if row is None:
                raise NotFoundError(f"There is no assessment with id {assessment_id}.")
            answers = session.execute(
                select(AnswerRow.question_id, AnswerRow.value, AnswerRow.version)
                .where(AnswerRow.assessment_id == assessment_id)
            ).all()
            census = session.scalars(select(AssessmentCensusRow.table_json).where(
                AssessmentCensusRow.assessment_id == assessment_id).order_by(AssessmentCensusRow.position)).all()
        form = self.forms.get(row.form_id, row.form_version)
        known = {q.id: q for q in form.questions()}
        item = Assessment(
            id=row.id, uid=row.uid, version_number=row.version_number, form_id=row.form_id,
            form_version=row.form_version, status=Status(row.status), archived=row.archived,
            created_at=_aware(row.created_at), updated_at=_aware(row.updated_at),
            review_date=row.review_date, row_version=row.row_version,
            census_tables=[CensusTable.model_validate(doc) for doc in census],
        )
        for qid, raw, version in answers:
            item.answer_versions[qid] = version
            if raw is not None and qid in known:
                item.answers[qid] = parse_answer(known[qid], raw)
        return item

    def list(self, search: str = "", statuses: Iterable[Status] | None = None,
             include_archived: bool = False) -> list[AssessmentSummary]:
        """Summaries for the dashboard, most recently edited first."""
        # Plain column rows, not ORM objects: building 10,000 SQLModel instances took most of a second.
        query = select(*(getattr(AssessmentRow, name) for name in _SUMMARY_COLUMNS))
        if not include_archived:
            query = query.where(AssessmentRow.archived == False)  # noqa: E712 - SQL expression
        if statuses:
            query = query.where(AssessmentRow.status.in_([s.value for s in statuses]))
        if search.strip():
            pattern = f"%{search.strip().lower()}%"
            query = query.where(or_(*(func.lower(getattr(AssessmentRow, c)).like(pattern)
                                      for c in ("title", "organisation", "lead"))))
        query = query.order_by(AssessmentRow.updated_at.desc(), AssessmentRow.id.desc())
        with Session(self.engine) as session:
            return [_summary(row) for row in session.execute(query)]

    def save_answer(self, assessment_id: int, question_id: str, value: Any, expected_version: int,
                    steps_complete: int | None = None) -> int:
        """Write one answer if nobody changed it since `expected_version`; return its new version."""
        payload, now = to_json(value), _utc(utcnow())
        with self.engine.begin() as conn:
            if conn.execute(select(AssessmentRow.locked).where(AssessmentRow.id == assessment_id)).scalar():
                raise LockedError(assessment_id)
            current = conn.execute(select(AnswerRow.version).where(
                AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id)).scalar()
            if (current or 0) != expected_version:
                raise ConflictError(assessment_id, question_id, current or 0)
            if current is None:
                self._require(conn, assessment_id)
                conn.execute(insert(AnswerRow).values(assessment_id=assessment_id, question_id=question_id,
                                                      value=payload, version=1, updated_at=now))
            else:
                conn.execute(update(AnswerRow).where(
                    AnswerRow.assessment_id == assessment_id, AnswerRow.question_id == question_id
                ).values(value=payload, version=current + 1, updated_at=now))
            changes: dict[str, Any] = {"updated_at": now}
            if question_id in DENORMALISED:
                changes[DENORMALISED[question_id]] = payload if isinstance(payload, str) else ""
            if steps_complete is not None:
                changes["steps_complete"] = steps_complete
            conn.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(**changes))
        return (current or 0) + 1

    def attach_census_tables(self, assessment_id: int, tables: list[CensusTable]) -> None:
        """Replace the census tables stored with an assessment, all at once."""
        with Session(self.engine) as session, session.begin():
            self._require(session, assessment_id)
            if session.scalar(select(AssessmentRow.locked).where(AssessmentRow.id == assessment_id)):
                raise LockedError(assessment_id)
            session.execute(delete(AssessmentCensusRow).where(AssessmentCensusRow.assessment_id == assessment_id))
            _insert_census(session, assessment_id, tables)
            session.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id)
                            .values(updated_at=_utc(utcnow())))

    def update_meta(self, assessment_id: int, expected_row_version: int, **changes: Any) -> int:
        """Change metadata columns (status, archived, review date…) with an optimistic check."""
        changes = {k: (v.value if isinstance(v, Status) else v) for k, v in changes.items()}
        changes["updated_at"] = _utc(utcnow())
        with self.engine.begin() as conn:
            result = conn.execute(update(AssessmentRow).where(
                AssessmentRow.id == assessment_id, AssessmentRow.row_version == expected_row_version
            ).values(row_version=expected_row_version + 1, **changes))
            if result.rowcount != 1:
                self._require(conn, assessment_id)
                raise ConflictError(assessment_id, "details", -1)
        return expected_row_version + 1

    def set_archived(self, assessment_id: int, archived: bool = True) -> None:
        """Archive (or bring back) an assessment; nothing is ever deleted from the app."""
        row_version = self.get(assessment_id).row_version
        self.update_meta(assessment_id, row_version, archived=archived)

    def duplicate_as_new_version(self, assessment_id: int) -> Assessment:
        """Start version n+1 from an assessment: same lineage (uid), a fresh draft with the same answers."""
        source = self.get(assessment_id)
        with Session(self.engine) as session:
            newest = session.scalar(select(func.max(AssessmentRow.version_number))
                                    .where(AssessmentRow.uid == source.uid))
        copy = source.model_copy(deep=True, update={
            "id": None, "version_number": (newest or 0) + 1, "status": Status.DRAFT, "archived": False,
            "created_at": utcnow(), "updated_at": utcnow(), "answer_versions": {}, "row_version": 0,
        })
        return self.add(copy)

    def versions(self, uid: str) -> list[AssessmentSummary]:
        """Every stored version of one assessment, oldest first."""
        with Session(self.engine) as session:
            rows = session.scalars(select(AssessmentRow).where(AssessmentRow.uid == uid)
                                   .order_by(AssessmentRow.version_number))
            return [_summary(row) for row in rows]

    @staticmethod
    def _require(conn, assessment_id: int) -> None:
        if conn.execute(select(AssessmentRow.id).where(AssessmentRow.id == assessment_id)).first() is None:
            raise NotFoundError(f"There is no assessment with id {assessment_id}.")

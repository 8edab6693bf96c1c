"""The assessment service: create, read, edit, import and move assessments; both the GUI and the CLI use it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy.exc import IntegrityError

from idmf.domain.assessment import Assessment, Status
from idmf.domain.evidence import CensusTable
from idmf.domain.questions import ORGANISATION
from idmf.domain.summary import AssessmentSummary
from idmf.errors import DuplicateImportError
from idmf.forms.loader import FormRegistry
from idmf.forms.schema import FormDefinition
from idmf.interchange import jsonio
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.assessments import Cursor
from idmf.storage.store import Store


@dataclass(frozen=True)
class OpenedAssessment:
    """What the editor needs to show an assessment: it, its form, and why it may be read-only."""

    assessment: Assessment
    form: FormDefinition
    locked: bool  # signed off
    review_copy: bool  # a copy received from a lead for review

    @property
    def read_only(self) -> bool:
        """Whether every answer must be shown read-only."""
        return self.locked or self.review_copy


def _restore(assessment: Assessment, question_id: str, value: Any, version: int | None) -> None:
    """Put an in-memory answer and its version back as they were."""
    for store, old in ((assessment.answers, value), (assessment.answer_versions, version)):
        if old is None:
            store.pop(question_id, None)
        else:
            store[question_id] = old


class AssessmentService:
    """Every change to assessments and their answers goes through here (one change, one transaction)."""

    def __init__(self, store: Store, changes: ChangeNotifier) -> None:
        self.store = store
        self.changes = changes

    @property
    def forms(self) -> FormRegistry:
        return self.store.forms

    def form_for(self, assessment: Assessment) -> FormDefinition:
        """The form version an assessment was started on."""
        return self.store.form_for(assessment)

    # --- reading ----------------------------------------------------------------------------------------------
    def get(self, assessment_id: int) -> Assessment:
        """One assessment with its answers (NotFoundError when there is none)."""
        return self.store.assessments.get(assessment_id)

    def open(self, assessment_id: int) -> OpenedAssessment:
        """An assessment as the editor opens it, with its form and review state: one read of each table."""
        with self.store.transaction() as conn:
            item, locked = self.store.assessments.get_with_lock(assessment_id, conn)
            review_copy = self.store.review_copies.get(assessment_id, conn) is not None
        return OpenedAssessment(item, self.store.form_for(item), locked, review_copy)

    def list(self, search: str = "", statuses: Iterable[Status] | None = None,
             include_archived: bool = False) -> list[AssessmentSummary]:
        """Summaries for the dashboard, most recently edited first."""
        return self.store.assessments.list(search, statuses, include_archived)

    def lists_in_pages(self) -> bool:
        """Whether the dashboard should load its list a page at a time: on a database server, where the whole
        list costs a long wait before the first screen; a local file reads 10,000 rows faster in one go."""
        return not self.store.database.is_sqlite

    def page(self, after: Cursor | None = None, limit: int | None = None,
             include_archived: bool = False) -> tuple[list[AssessmentSummary], Cursor | None]:
        """One page of the dashboard's list (most recently edited first) after `after`, and the next page's
        cursor (None after the last page)."""
        return self.store.assessments.page(after, limit, include_archived)

    def versions(self, uid: str) -> list[AssessmentSummary]:
        """Every stored version of one assessment, oldest first."""
        return self.store.assessments.versions(uid)

    def find_version(self, uid: str, version_number: int) -> AssessmentSummary | None:
        """One version by uid and number (None when this database does not hold it)."""
        return self.store.assessments.find_version(uid, version_number)

    # --- changing ---------------------------------------------------------------------------------------------
    def create(self, title: str = "", organisation: str | None = None) -> Assessment:
        """Start a new draft on the newest form (in team mode for `organisation`, by default your first one)."""
        item = Assessment.new(self.forms.latest(), title)
        team = self.store.team_identity()
        member = team[1] if team else None
        organisation = organisation or (member.organisations[0] if member and member.organisations else None)
        if organisation:
            item.set_answer(self.forms.latest(), ORGANISATION, organisation)
        item = self.store.assessments.add(item)
        self.changes.publish(Changes(item.id, listing=True, opened=item.id))
        return item

    def set_answer(self, assessment: Assessment, question_id: str, raw: Any) -> Assessment:
        """Validate one answer, store it, and update the in-memory assessment's versions."""
        self.store.assessments.store_answer(assessment, self.form_for(assessment), question_id, raw)
        self.changes.publish(Changes(assessment.id, answers=frozenset({question_id})))
        return assessment

    def attach_census(self, assessment: Assessment, tables: list[CensusTable]) -> Assessment:
        """Keep these census tables with the assessment (replacing the ones attached before)."""
        self.store.assessments.attach_census_tables(assessment.id, list(tables))
        assessment.census_tables = list(tables)
        self.changes.publish(Changes(assessment.id, census=True))
        return assessment

    def set_answer_and_census(self, assessment: Assessment, question_id: str, raw: Any,
                              tables: list[CensusTable]) -> Assessment:
        """Change one answer and the attached census tables together, in one transaction (a pasted census table
        replaced by the real one, and its undo): both are stored, or neither."""
        previous = (assessment.answers.get(question_id), assessment.answer_versions.get(question_id))
        try:
            with self.store.transaction() as conn:
                self.store.assessments.store_answer(assessment, self.form_for(assessment), question_id, raw, conn)
                self.store.assessments.attach_census_tables(assessment.id, list(tables), conn)
        except Exception:
            _restore(assessment, question_id, *previous)  # the database rolled back: so does the memory
            raise
        assessment.census_tables = list(tables)
        self.changes.publish(Changes(assessment.id, answers=frozenset({question_id}), census=True))
        return assessment

    def set_archived(self, assessment_id: int, archived: bool = True) -> None:
        """Archive (or bring back) an assessment; nothing is ever deleted from the app."""
        self.store.assessments.set_archived(assessment_id, archived)
        self.changes.publish(Changes(assessment_id, listing=True))

    def duplicate_as_new_version(self, assessment_id: int) -> Assessment:
        """Start version n+1 from an assessment: a fresh draft with the same answers."""
        copy = self.store.assessments.duplicate_as_new_version(assessment_id)
        self.changes.publish(Changes(copy.id, listing=True, opened=copy.id))
        return copy

    # --- JSON interchange -------------------------------------------------------------------------------------
    def import_json(self, text: str, as_copy: bool = False) -> Assessment:
        """Import an exported JSON document as a Draft; refuses a version already present unless as_copy.

        A file never carries authority: whatever status it states (Approved, Ready for committee…), the import
        is a Draft with no review date; only the workflow, with people's signatures, moves it on. The
        database's unique (uid, version) constraint decides duplicates, so two imports of one file at the same
        moment give one new assessment and one "already in your database", never a half-imported pair.
        """
        item = jsonio.loads(text, self.forms).model_copy(update={"status": Status.DRAFT, "review_date": None,
                                                                  "archived": False})
        if as_copy:
            item = item.model_copy(update={"uid": Assessment.new(self.form_for(item)).uid, "version_number": 1})
        try:
            with self.store.transaction() as conn:
                item = self.store.assessments.add(item, conn)
        except IntegrityError:
            existing = self.find_version(item.uid, item.version_number)
            if existing is None:
                raise
            raise DuplicateImportError(
                f"This assessment (version {item.version_number}) is already in your database as id "
                f"{existing.id}. Open that one, or import with --as-copy to keep a separate copy.",
                existing_id=existing.id) from None
        self.changes.publish(Changes(item.id, listing=True, opened=item.id))
        return item

    def existing_copy(self, text: str) -> AssessmentSummary | None:
        """The version of this exported assessment already in the database, if any (nothing is imported)."""
        item = jsonio.loads(text, self.forms)
        return self.find_version(item.uid, item.version_number)

    def export_json(self, assessment_id: int) -> str:
        """The assessment as versioned JSON text."""
        return jsonio.dumps(self.get(assessment_id))

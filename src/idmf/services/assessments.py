"""The assessment service: validates changes against the form and persists them one answer at a time."""

from __future__ import annotations

from typing import Any

from idmf.domain.assessment import Assessment
from idmf.forms.loader import FormRegistry
from idmf.forms.schema import FormDefinition
from idmf.interchange import jsonio
from idmf.storage.repository import AssessmentRepository


class DuplicateImportError(ValueError):
    """The imported assessment version is already in this database."""


class AssessmentService:
    """Creates, edits and moves assessments; both the GUI and the CLI go through it."""

    def __init__(self, repository: AssessmentRepository) -> None:
        self.repository = repository

    @property
    def forms(self) -> FormRegistry:
        return self.repository.forms

    def form_for(self, assessment: Assessment) -> FormDefinition:
        """The form version an assessment was started on."""
        return self.forms.get(assessment.form_id, assessment.form_version)

    def create(self, title: str = "") -> Assessment:
        """Start a new draft on the newest form."""
        return self.repository.add(Assessment.new(self.forms.latest(), title))

    def set_answer(self, assessment: Assessment, question_id: str, raw: Any) -> Assessment:
        """Validate one answer, store it, and update the in-memory assessment's versions."""
        form = self.form_for(assessment)
        previous = assessment.answers.get(question_id)
        value = assessment.set_answer(form, question_id, raw)
        try:
            version = self.repository.save_answer(
                assessment.id, question_id, value, assessment.answer_versions.get(question_id, 0),
                steps_complete=assessment.steps_complete(form))
        except Exception:
            # Keep memory and database telling the same story when the write fails.
            if previous is None:
                assessment.answers.pop(question_id, None)
            else:
                assessment.answers[question_id] = previous
            raise
        assessment.answer_versions[question_id] = version
        return assessment

    def import_json(self, text: str, as_copy: bool = False) -> Assessment:
        """Import an exported JSON document; refuses a version already present unless as_copy."""
        item = jsonio.loads(text, self.forms)
        existing = [s for s in self.repository.versions(item.uid) if s.version_number == item.version_number]
        if existing and not as_copy:
            raise DuplicateImportError(
                f"This assessment (version {item.version_number}) is already in your database as id "
                f"{existing[0].id}. Open that one, or import with --as-copy to keep a separate copy.")
        if as_copy:
            item = item.model_copy(update={"uid": Assessment.new(self.form_for(item)).uid, "version_number": 1})
        return self.repository.add(item)

    def export_json(self, assessment_id: int) -> str:
        """The assessment as versioned JSON text."""
        return jsonio.dumps(self.repository.get(assessment_id))

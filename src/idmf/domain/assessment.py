"""The assessment: metadata plus answers keyed by the form's stable question ids."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from idmf.domain.documents import AttachedDocument
from idmf.domain.evidence import CensusTable
from idmf.domain.limits import Uid, VersionNumber, too_long
from idmf.domain.status import Status  # noqa: F401 - where callers have always found it
from idmf.domain.answers import AnswerError, GroupImpact, ImpactAnswer, is_blank, parse_answer, to_json
from idmf.domain.links import with_row_ids
from idmf.domain.questions import ACTION_PLAN, IH_GROUPS, LEAD, ORGANISATION, TITLE
from idmf.domain.times import utcnow
from idmf.forms.relevance import is_relevant
from idmf.forms.schema import FieldType, FormDefinition, Section


class ActionRow(BaseModel):
    """One row of the Step 6 action plan, typed."""

    action: str = ""
    lead: str = ""
    target_date: dt.date | None = None
    outcome: str = ""
    row_id: str | None = None  # stable id: impacts link to the row by it


class Assessment(BaseModel):
    """One version of one equality analysis."""

    model_config = ConfigDict(validate_assignment=False)

    id: int | None = None
    uid: Uid = Field(default_factory=lambda: uuid.uuid4().hex)
    version_number: VersionNumber = 1
    form_id: str
    form_version: str
    status: Status = Status.DRAFT
    archived: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    review_date: dt.date | None = None
    answers: dict[str, Any] = Field(default_factory=dict)
    census_tables: list[CensusTable] = Field(default_factory=list)
    documents: list[AttachedDocument] = Field(default_factory=list)  # attached files (evidence), in order
    # Optimistic-concurrency counters, per answer and for the metadata row; never exported.
    answer_versions: dict[str, int] = Field(default_factory=dict, exclude=True)
    row_version: int = Field(default=0, exclude=True)

    @classmethod
    def new(cls, form: FormDefinition, title: str = "") -> "Assessment":
        """A blank draft on the given form."""
        item = cls(form_id=form.id, form_version=form.version)
        if title:
            item.set_answer(form, TITLE, title)
        return item

    # Convenient reads of the answers the dashboard and documents show everywhere.
    def text(self, question_id: str) -> str:
        """An answer as plain text ('' when unanswered or not text)."""
        value = self.answers.get(question_id)
        return value if isinstance(value, str) else ""

    @property
    def title(self) -> str:
        return self.text(TITLE)

    @property
    def organisation(self) -> str:
        return self.text(ORGANISATION)

    @property
    def lead(self) -> str:
        return self.text(LEAD)

    def impact(self, question_id: str) -> ImpactAnswer:
        """An impact block's answer (blank when unanswered)."""
        value = self.answers.get(question_id)
        return value if isinstance(value, ImpactAnswer) else ImpactAnswer()

    def groups(self) -> list[GroupImpact]:
        """Inclusion-health groups the user added."""
        value = self.answers.get(IH_GROUPS)
        return list(value) if isinstance(value, list) else []

    def action_plan(self) -> list[ActionRow]:
        """The Step 6 action plan as typed rows."""
        rows = self.answers.get(ACTION_PLAN) or []
        return [ActionRow(**{k: v for k, v in row.items() if v is not None}) for row in rows]

    def document(self, document_id: str) -> AttachedDocument | None:
        """An attached document by its id (None when it is not, or no longer, attached)."""
        return next((d for d in self.documents if d.id == document_id), None)

    def set_answer(self, form: FormDefinition, question_id: str, raw: Any) -> Any:
        """Validate and store one answer (JSON or typed value); returns the typed value.

        New table rows get their stable id here, so links to them survive reordering and deleting.
        """
        question = form.question(question_id)
        problem = too_long(question_id, to_json(raw))
        if problem:
            raise AnswerError(f"{problem}. Shorten it, or put the detail in a document and refer to it")
        value = parse_answer(question, to_json(raw))
        if question.type == FieldType.TABLE and isinstance(value, list):
            value = with_row_ids(value)
        if value is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = value
        return value

    def is_relevant(self, form: FormDefinition, question_id: str) -> bool:
        """Whether a conditional question applies given the other answers."""
        return is_relevant(form.question(question_id).relevant, lambda qid: to_json(self.answers.get(qid)))

    def section_progress(self, form: FormDefinition, section: Section) -> tuple[int, int]:
        """(answered, required) counts of the section's relevant required questions."""
        required = [q for q in section.all_questions() if q.required and self.is_relevant(form, q.id)]
        answered = [q for q in required if not is_blank(self.answers.get(q.id))]
        return len(answered), len(required)

    def steps_complete(self, form: FormDefinition) -> int:
        """How many of the six steps have every required answer."""
        done = 0
        for section in form.sections:
            if section.step is None:
                continue
            answered, required = self.section_progress(form, section)
            done += answered == required
        return done


__all__ = ["ActionRow", "Assessment", "FieldType", "Status", "utcnow"]

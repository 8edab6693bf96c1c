"""The editor's link to the core: one assessment, saved one answer at a time through AssessmentService.

Widgets never call the service; commands (commands.py) call `apply`, and widgets refresh from
`sig_answer_changed`, so undo, redo and autosave all take the same path to the database.
"""

from __future__ import annotations

import errno
import logging
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from idmf.domain.answers import AnswerError, is_blank, to_json
from idmf.domain.assessment import Assessment
from idmf.forms.schema import FormDefinition
from idmf.domain.evidence import CensusTable
from idmf.errors import ConflictError, NotFoundError
from idmf.services.assessments import OpenedAssessment
from idmf.services.context import AppContext
from idmf.ui.tasks import describe_error

log = logging.getLogger(__name__)


def same_answer(a: Any, b: Any) -> bool:
    """Whether two JSON answers mean the same (every kind of blank counts as no answer)."""
    if is_blank(a) and is_blank(b):
        return True
    return a == b


def failure_reason(exc: BaseException) -> str:
    """Why a save failed, in plain English, ending with what the user can do."""
    words = str(exc).lower()  # SQLite reports a full or read-only disk in words, not as an OSError
    if "disk is full" in words or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return "the disk is full. Free some space; your text is kept here and will be saved then."
    if isinstance(exc, ConflictError):
        return ("this answer was changed elsewhere (another window or another user) since you opened it. "
                "Your text is kept here; choose which version to keep.")
    if isinstance(exc, NotFoundError):
        return "this assessment is no longer in the database."
    if isinstance(exc, AnswerError):
        return f"{exc}."
    if "database is locked" in str(exc).lower() or "database is busy" in str(exc).lower():  # SQLite's words
        return "the database is locked by another program. Your text is kept here and saving will be retried."
    if "readonly database" in words or "read-only" in words:
        return "the data file or its folder is read-only. Your text is kept here and will be saved when it can be."
    if isinstance(exc, OSError):
        return f"the file could not be written ({exc.strerror or exc}). Your text is kept here."
    text = describe_error(exc)
    return text[0].lower() + text[1:]


class EditorController(QObject):
    """Owns the open assessment; every change to it goes through `apply`."""

    sig_answer_changed = Signal(str)  # question id, after a successful save
    sig_saved = Signal(str)  # "Saved hh:mm:ss"
    sig_save_failed = Signal(str)  # "Not saved — <reason>"
    sig_apply_failed = Signal(str, object)  # question id, the JSON that could not be stored
    sig_reveal = Signal(str)  # question id changed by undo/redo: the user should see it
    sig_conflict = Signal(str)  # question id whose stored answer was changed elsewhere since it was loaded
    sig_census_changed = Signal()  # the attached census tables changed

    def __init__(self, context: AppContext, assessment_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.last_failure: str = ""
        self._take(context.assessments.open(assessment_id))

    def _take(self, opened: OpenedAssessment) -> None:
        self.assessment: Assessment = opened.assessment
        self.form: FormDefinition = opened.form
        self.read_only = opened.read_only  # signed off, or a copy received for review
        self.review_copy = opened.review_copy

    def reload(self) -> None:
        """Read the assessment again (after a conflict or a workflow step: the newest answers and state)."""
        self._take(self.context.assessments.open(self.assessment.id))

    def switch_to(self, opened: OpenedAssessment) -> None:
        """Edit another assessment of the same form from now on (the editor reuses its widgets)."""
        self.last_failure = ""
        self._take(opened)

    def saved_json(self, question_id: str) -> Any:
        """The stored answer to a question, as plain JSON (None when unanswered)."""
        return to_json(self.assessment.answers.get(question_id))

    def apply(self, question_id: str, value: Any, reveal: bool = False) -> bool:
        """Store one answer through the service; report the outcome by signal. True when it was saved."""
        payload = None if is_blank(value) else value
        try:
            self.context.assessments.set_answer(self.assessment, question_id, payload)
        except Exception as exc:  # noqa: BLE001 - any failure must reach the user; the text stays in the window
            # Never log the answer itself: logs must not hold what people wrote.
            log.warning("Saving answer %r failed: %s", question_id, type(exc).__name__)
            self.last_failure = f"Not saved — {failure_reason(exc)}"
            self.sig_save_failed.emit(self.last_failure)
            self.sig_apply_failed.emit(question_id, value)
            if isinstance(exc, ConflictError):
                self.sig_conflict.emit(question_id)
            return False
        self.last_failure = ""
        self.sig_saved.emit(f"Saved {time.strftime('%H:%M:%S')}")
        self.sig_answer_changed.emit(question_id)
        if reveal:
            self.sig_reveal.emit(question_id)
        return True

    def attach_census(self, tables: list[CensusTable]) -> bool:
        """Keep these census tables with the assessment through the census service; True when saved."""
        try:
            self.context.census.attach(self.assessment, tables)
        except Exception as exc:  # noqa: BLE001 - any failure reaches the user; nothing was changed
            log.warning("Saving census tables failed: %s", type(exc).__name__)
            self.last_failure = f"Not saved — {failure_reason(exc)}"
            self.sig_save_failed.emit(self.last_failure)
            return False
        self.last_failure = ""
        self.sig_saved.emit(f"Saved {time.strftime('%H:%M:%S')}")
        self.sig_census_changed.emit()
        return True

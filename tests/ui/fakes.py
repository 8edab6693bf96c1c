"""A stand-in for the AssessmentEditor, honouring its contract, so the main window is tested alone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from idmf.services.context import AppContext


class FakeEditor(QWidget):
    """Records flushes and section moves; `fail_flush` makes flush() report a failed save."""

    sig_saved = Signal(str)
    sig_save_failed = Signal(str)
    sig_section_changed = Signal(str)
    sig_title_changed = Signal(str)

    instances: list["FakeEditor"] = []

    def __init__(self, context: AppContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._assessment = context.repository.get(assessment_id)
        self.sections = [s.id for s in context.assessments.form_for(self._assessment).sections]
        self._section = self.sections[0]
        self.undo_stack = QUndoStack(self)
        self.flush_calls = 0
        self.fail_flush = False
        QVBoxLayout(self).addWidget(QLabel(f"Editing {self._assessment.title}"))
        FakeEditor.instances.append(self)

    @property
    def assessment(self):
        return self._assessment

    def current_section_id(self) -> str:
        return self._section

    def go_to(self, section_id: str, question_id: str | None = None) -> None:
        if section_id not in self.sections:
            raise KeyError(section_id)
        self._section = section_id
        self.sig_section_changed.emit(section_id)

    def flush(self) -> bool:
        self.flush_calls += 1
        if self.fail_flush:
            self.sig_save_failed.emit("Not saved — the database is locked")
            return False
        return True

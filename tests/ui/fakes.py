"""A stand-in for the AssessmentEditor, implementing EditorProtocol, so the main window is tested alone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from idmf.services.changes import Changes
from idmf.services.context import AppContext
from idmf.ui.editor.host import EditorProtocol


class FakeEditor(QWidget):
    """Records flushes, section moves and change notices; `fail_flush` makes flush() report a failed save."""

    sig_saved = Signal(str)
    sig_save_failed = Signal(str)
    sig_section_changed = Signal(str)
    sig_title_changed = Signal(str)

    instances: list["FakeEditor"] = []

    def __init__(self, context: AppContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._assessment = context.assessments.get(assessment_id)
        self._form = context.assessments.form_for(self._assessment)
        self.sections = [s.id for s in self._form.sections]
        self._section = self.sections[0]
        self.undo_stack = QUndoStack(self)
        self.flush_calls = 0
        self.fail_flush = False
        self.side_panel_shown: bool | None = None
        self.changes: list[Changes] = []
        QVBoxLayout(self).addWidget(QLabel(f"Editing {self._assessment.title}"))
        FakeEditor.instances.append(self)

    @property
    def assessment(self):
        return self._assessment

    @property
    def form(self):
        return self._form

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

    def set_side_panel_visible(self, shown: bool) -> None:
        self.side_panel_shown = shown

    def apply_changes(self, changes: Changes) -> None:
        self.changes.append(changes)


def _implements_the_protocol(editor: FakeEditor) -> EditorProtocol:
    return editor  # mypy checks that the fake keeps up with EditorProtocol

"""Under an answer that holds a census table pasted from Nomis: what it is, and a button that replaces it with
the census table for that area (same figures, laid out with the template's note and source line).

The check and the replacement are the census service's (`pasted_tables`, `replace_pasted`); the answer and
the attached tables change together in one transaction, and one Ctrl+Z puts both back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from idmf.domain.evidence import CensusTable
from idmf.forms.schema import FieldType
from idmf.services.census import PastedMatch
from idmf.ui import messages
from idmf.ui.editor.host import EditorHost

BUTTON = "Replace with the census table"
STYLE = "#pasted_census { background: #FFF7E0; border-left: 4px solid #8A6D00; }"


class PastedPrompt(QFrame):
    """The note under one answer and its Replace button (hidden while the answer holds no pasted table)."""

    sig_replace = Signal(object)  # the PastedMatch to replace

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasted_census")
        self.setStyleSheet(STYLE)
        self.match: PastedMatch | None = None
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(BUTTON)
        self.button.clicked.connect(lambda: self.match and self.sig_replace.emit(self.match))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def show_match(self, match: PastedMatch | None, read_only: bool = False) -> None:
        """Say what the pasted table is; offer the button only when the census has the same figures."""
        self.match = match
        self.setVisible(match is not None)
        if match is None:
            return
        self.label.setText(match.message)
        self.label.setAccessibleName(f"Pasted census table: {match.message}")
        self.button.setVisible(match.table is not None and not read_only)
        self.button.setAccessibleDescription(match.message)


class ReplacePastedCommand(QUndoCommand):
    """One undo step: the answer without the pasted table, and the census table kept (undo: both back)."""

    def __init__(self, editor: EditorHost, match: PastedMatch) -> None:
        super().__init__("Replace a pasted census table")
        self.editor, self.match = editor, match
        self.old_text = editor.assessment.text(match.question_id)
        self.old_tables: list[CensusTable] = list(editor.assessment.census_tables)
        self.new: tuple[Any, list[CensusTable]] | None = None

    def redo(self) -> None:
        """Replace (the first time through the service's check; again after an undo, as it was done)."""
        if self.new is not None:
            self._store(*self.new)
            return
        try:
            self.editor.services.census.replace_pasted(self.editor.assessment, self.match)
        except Exception as exc:  # noqa: BLE001 - nothing was changed: say why, and leave no undo step
            self.setObsolete(True)
            messages.warning(None, "Census table not replaced", str(exc))
            return
        assessment = self.editor.assessment
        self.new = (assessment.text(self.match.question_id) or None, list(assessment.census_tables))

    def undo(self) -> None:
        """Put the pasted text and the tables attached before back, together."""
        self._store(self.old_text or None, self.old_tables)

    def _store(self, text: Any, tables: list[CensusTable]) -> None:
        try:
            self.editor.services.assessments.set_answer_and_census(self.editor.assessment, self.match.question_id,
                                                                   text, tables)
        except Exception as exc:  # noqa: BLE001 - a failed save is told; nothing was changed
            messages.warning(None, "Not saved", f"The change could not be saved: {exc}")


class PastedCensusPrompts:
    """A prompt under every long answer that holds a pasted census table, kept up to date as answers change."""

    def __init__(self, editor: EditorHost) -> None:
        self.editor = editor
        self.prompts: dict[str, PastedPrompt] = {}
        self.questions = {q.id: s.id for s in editor.form.sections for q in s.all_questions()
                          if q.type == FieldType.LONG_TEXT and q.id in editor.question_ids(s.id)}
        editor.sig_changes.connect(lambda changes: self.refresh(changes.answers if not changes.census else None))
        editor.sig_assessment_replaced.connect(self.refresh)
        self.refresh()

    def refresh(self, question_ids=None) -> None:
        """Check the given answers (all long answers by default) for pasted census tables."""
        for question_id in (question_ids or self.questions):
            if question_id not in self.questions:
                continue
            text = self.editor.assessment.text(question_id)
            matches = self.editor.services.census.pasted_tables(self.editor.assessment, question_id) \
                if "\t" in text else []
            if matches or question_id in self.prompts:
                self._prompt(question_id).show_match(matches[0] if matches else None, self.editor.read_only)

    def _prompt(self, question_id: str) -> PastedPrompt:
        if question_id not in self.prompts:
            prompt = PastedPrompt()
            prompt.sig_replace.connect(self.replace)
            self.editor.add_panel(self.questions[question_id], prompt, after_question_id=question_id)
            self.prompts[question_id] = prompt
        return self.prompts[question_id]

    def replace(self, match: PastedMatch) -> None:
        """Save what was typed, check the answer again, then replace as one undoable step."""
        self.editor.flush()
        fresh = [m for m in self.editor.services.census.pasted_tables(self.editor.assessment, match.question_id)
                 if m.pasted.block == match.pasted.block and m.table is not None]
        if not fresh:
            self.refresh([match.question_id])
            return
        self.editor.undo_stack.push(ReplacePastedCommand(self.editor, fresh[0]))

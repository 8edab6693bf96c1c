"""The step list on the left: every section with a completion mark in words (not colour alone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QSizePolicy

from idmf.domain.answers import answer_is_empty
from idmf.domain.assessment import Assessment
from idmf.forms.schema import FormDefinition, Section
from idmf.ui.editor.page import section_title

DONE_MARK = "✓"
LIST_CHARS = 30  # wide enough for most step titles at any scaling; longer ones wrap


def completion_text(assessment: Assessment, form: FormDefinition, section: Section) -> str:
    """'✓ Complete', '3 of 5 answered' or, for a section without required questions, 'Optional: 2 of 5 answered'."""
    answered, required = assessment.section_progress(form, section)
    if required == 0:
        filled = sum(not answer_is_empty(assessment.answers.get(q.id)) for q in section.all_questions())
        return f"Optional: {filled} of {len(section.all_questions())} answered"
    if answered == required:
        return f"{DONE_MARK} Complete"
    return f"{answered} of {required} answered"


class StepList(QListWidget):
    """Keyboard usable: arrow keys move between steps, and the editor shows the current one."""

    def __init__(self, form: FormDefinition, parent=None) -> None:
        super().__init__(parent)
        self.form = form
        self.setObjectName("step_list")
        self.setAccessibleName("Steps")
        self.setAccessibleDescription("The sections of the assessment; the arrow keys move between them.")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(max(2, self.fontMetrics().height() // 4))
        self.setFixedWidth(self.fontMetrics().averageCharWidth() * LIST_CHARS)  # from the font: scales with it
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        for section in form.sections:
            item = QListWidgetItem(section_title(section))
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.addItem(item)

    def refresh(self, assessment: Assessment) -> None:
        """Update every step's completion mark."""
        for row, section in enumerate(self.form.sections):
            text = f"{section_title(section)}\n{completion_text(assessment, self.form, section)}"
            item = self.item(row)
            item.setText(text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))

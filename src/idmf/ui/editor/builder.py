"""The one widget builder: a form Question becomes a QuestionFrame (wording, help, marks) around its
QuestionWidget. No page is written question by question; every page is built from the form through here."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from idmf.forms.schema import FieldType, Question
from idmf.ui.editor import fields as f

HEAT_TOOLTIP = ("HEAT question: it comes from the Health Equity Assessment Tool. Completing this Part B "
                "template means you do not also need to complete the HEAT tool separately.")
APP_ONLY_NOTE = ("Optional. This question is not part of the IDMF template: the Word document includes it only "
                 "when you answer it.")

FIELD_CLASSES: dict[FieldType, type[f.QuestionWidget]] = {
    FieldType.SHORT_TEXT: f.LineField,
    FieldType.PERSON: f.LineField,
    FieldType.LONG_TEXT: f.LongTextField,
    FieldType.DATE: f.DateField,
    FieldType.SINGLE_CHOICE: f.SingleChoiceField,
    FieldType.YES_NO: f.YesNoField,
    FieldType.MULTIPLE_CHOICE: f.MultipleChoiceField,
    FieldType.GRID: f.GridField,
    FieldType.IMPACT: f.ImpactField,
    FieldType.TABLE: f.TableField,
    FieldType.GROUP_CATALOGUE: f.GroupCatalogueField,
}


def create_field(question: Question) -> f.QuestionWidget:
    """The input widget for a question, chosen by its field type."""
    if question.type in (FieldType.SHORT_TEXT, FieldType.PERSON) and question.choices:
        return f.ChoiceTextField(question)  # e.g. the organisation: pick from the list or type
    return FIELD_CLASSES[question.type](question)


def _wrapping_label(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if object_name:
        label.setObjectName(object_name)
    return label


def heat_badge() -> QLabel:
    """The HEAT mark: text (not colour) with an explaining tooltip."""
    badge = QLabel("HEAT*")
    badge.setObjectName("heat_badge")
    badge.setToolTip(HEAT_TOOLTIP)
    badge.setAccessibleName("HEAT question")
    badge.setAccessibleDescription(HEAT_TOOLTIP)
    return badge


class QuestionFrame(QWidget):
    """A question as the user sees it: bold wording, Required / HEAT marks, help prompt, then the input."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName(f"question_{question.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._heading())
        if question.description:  # impact blocks: "Groups impacted may include…"
            layout.addWidget(_wrapping_label(question.description))
        for text in filter(None, (question.help, question.guidance, APP_ONLY_NOTE if question.app_only else "")):
            layout.addWidget(_wrapping_label(text, "help"))
        self.field = create_field(question)
        layout.addWidget(self.field)

    def _heading(self) -> QHBoxLayout:
        row = QHBoxLayout()
        text = f"<b>{escape(self.question.label)}</b>"
        if self.question.required:
            text += " <span>(required)</span>"
        self.label = _wrapping_label(text, "question_label")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        row.addWidget(self.label, 1)
        if self.question.heat:
            row.addWidget(heat_badge(), 0, Qt.AlignmentFlag.AlignTop)
        return row

    def set_marker(self, text: str, spoken: str = "") -> QLabel:
        """Show a small mark beside the wording (e.g. review comments); empty text hides it."""
        marker = self.findChild(QLabel, "question_marker")
        if marker is None:
            marker = QLabel(self)
            marker.setObjectName("question_marker")
            self.layout().itemAt(0).layout().addWidget(marker, 0, Qt.AlignmentFlag.AlignTop)
        marker.setText(text)
        marker.setAccessibleName(spoken or text)
        marker.setVisible(bool(text))
        return marker

    def update_relevance(self, relevant: bool) -> None:
        """Show or hide a conditional question (its answer is kept either way)."""
        self.setVisible(relevant)


def build_question(question: Question) -> QuestionFrame:
    """Build the frame and input widget for one question."""
    # No label buddy: a buddy label reads '&' as a keyboard mnemonic ("Religion & Belief"); inputs are named directly.
    return QuestionFrame(question)

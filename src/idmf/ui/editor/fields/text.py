"""Text answers: one-line text and person names, the organisation picker, and long text that grows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QSize
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from idmf.forms.schema import Question
from idmf.ui.editor.fields.base import QuestionWidget, describe

MIN_LINES, MAX_LINES = 3, 18  # grow with the text up to MAX_LINES, then scroll inside


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text editor whose height follows its text (no inner scroll bar until MAX_LINES)."""

    def __init__(self, parent: QWidget | None = None, min_lines: int = MIN_LINES) -> None:
        super().__init__(parent)
        self.min_lines = min_lines
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field (keyboard users need that)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self.updateGeometry())

    def _content_height(self) -> int:
        layout = self.document().documentLayout()
        height = 0.0
        block = self.document().begin()
        while block.isValid():
            height += layout.blockBoundingRect(block).height()
            block = block.next()
        return int(height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As tall as the text, between MIN_LINES and MAX_LINES lines of the current font."""
        line = self.fontMetrics().lineSpacing()
        content = self._content_height()
        wanted = min(max(content, line * self.min_lines), line * MAX_LINES)
        # QPlainTextEdit scrolls by whole lines and shows a bar for a part-line; while the box still grows
        # with its text there is nothing to scroll, so no bar.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if content < line * MAX_LINES
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        return QSize(super().sizeHint().width(), wanted + frame)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Never squeezed below the height its text needs."""
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A new width re-wraps the text, so the height may change too."""
        super().resizeEvent(event)
        self.updateGeometry()


def _single(widget: QuestionWidget, child: QWidget) -> None:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(child)
    describe(child, widget.question.label, widget.help_text)
    widget.setFocusProxy(child)


class _TextField(QuestionWidget):
    """A question answered by typing into one editor (merged into one undo step while typing).

    Subclasses name the editor class and its signal, getter and setter of the text.
    """

    merge_edits = True
    editor_class: type = QLineEdit
    signal, getter, setter = "textEdited", "text", "setText"

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.edit = self.editor_class()
        getattr(self.edit, self.signal).connect(self._edited)
        _single(self, self.edit)

    def value(self) -> Any:
        return getattr(self.edit, self.getter)()

    def _show(self, value: Any) -> None:
        getattr(self.edit, self.setter)(value or "")

    def inputs(self) -> list[QWidget]:
        return [self.edit]


class LineField(_TextField):
    """Short text and person names."""


class LongTextField(_TextField):
    """Long answers: a multi-line editor that grows as the user writes."""

    editor_class = GrowingTextEdit
    signal, getter, setter = "textChanged", "toPlainText", "setPlainText"


class ChoiceTextField(QuestionWidget):
    """Text chosen from a list or typed (the organisation): stores the label text, as the template prints it."""

    merge_edits = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.combo = QComboBox()
        self.combo.setEditable(question.allow_other)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(20)
        self.combo.addItems([choice.label for choice in question.choices])
        self.combo.setCurrentIndex(-1)
        if self.combo.lineEdit() is not None:
            self.combo.lineEdit().setPlaceholderText("Choose from the list or type a name")
            self.combo.lineEdit().textEdited.connect(self._edited)
        self.combo.activated.connect(self._finished)
        _single(self, self.combo)

    def value(self) -> Any:
        return self.combo.currentText()

    def _show(self, value: Any) -> None:
        index = self.combo.findText(value or "")
        self.combo.setCurrentIndex(index)
        if self.combo.isEditable():
            self.combo.setEditText(value or "")

    def inputs(self) -> list[QWidget]:
        return [self.combo]


__all__ = ["ChoiceTextField", "GrowingTextEdit", "LineField", "LongTextField"]

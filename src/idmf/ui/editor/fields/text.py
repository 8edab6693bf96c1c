"""Text answers: one-line text and person names, the organisation picker, and long text that grows with what
is written (the page is the one thing that scrolls), spell-checked, with "- " / "• " bullet lists."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QComboBox, QLineEdit, QPlainTextEdit, QScrollArea, QSizePolicy, QVBoxLayout,
                               QWidget)

from idmf.forms.schema import Question
from idmf.ui.editor.fields.base import QuestionWidget, describe
from idmf.ui.editor.spelling.checker import spelling_loaded
from idmf.ui.editor.spelling.underline import check_spelling, spelling_menu

MIN_LINES = 3
BULLET = re.compile(r"^(\s*)([-•*])(\s+)")  # a bullet line: "- ", "• " (or "* "), maybe indented


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text editor as tall as its text: no inner scroll bar, the page scrolls and follows the cursor."""

    def __init__(self, parent: QWidget | None = None, min_lines: int = MIN_LINES) -> None:
        super().__init__(parent)
        self.min_lines = min_lines
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field (keyboard users need that)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self.updateGeometry())
        self.cursorPositionChanged.connect(self._show_cursor)
        self._typing = False  # a character being typed: the cursor stays on its line (or the box grows)
        self.spelling = None
        if spelling_loaded():  # else the editor turns it on once its first page is showing
            check_spelling(self)

    def _content_height(self) -> int:
        layout = self.document().documentLayout()
        height = 0.0
        block = self.document().begin()
        while block.isValid():
            height += layout.blockBoundingRect(block).height()
            block = block.next()
        return int(height)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As tall as the text (at least MIN_LINES lines of the current font)."""
        wanted = max(self._content_height(), self.fontMetrics().lineSpacing() * self.min_lines)
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        return QSize(super().sizeHint().width(), wanted + frame)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Never squeezed below the height its text needs."""
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A new width re-wraps the text, so the height may change too; a taller box may push the cursor out of view."""
        super().resizeEvent(event)
        self.updateGeometry()
        self._show_cursor()

    def _show_cursor(self) -> None:
        """Keep the text cursor in view: the box does not scroll itself, the page around it does."""
        area = self.parentWidget()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if self._typing or area is None or area.widget() is None or not self.hasFocus():
            return  # a typed character: cursorRect (~0.6 ms on a long paragraph) is left to the resize
        top = self.mapTo(area.viewport(), self.rect().topLeft()).y()
        if top >= 0 and top + self.height() <= area.viewport().height():
            return  # the whole box is in view, so the cursor is
        rect = self.cursorRect()
        point = self.viewport().mapTo(area.widget(), rect.center())
        area.ensureVisible(point.x(), point.y(), 0, rect.height())

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The usual menu, with spelling corrections first when the word there is misspelt."""
        spelling_menu(self, event.pos()).exec(event.globalPos())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Enter on a bullet line starts the next bullet; Enter on an empty bullet ends the list."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() and self._bullet_enter():
            return
        self._typing = event.text().isprintable() and bool(event.text())
        try:
            super().keyPressEvent(event)
        finally:
            self._typing = False

    def _bullet_enter(self) -> bool:
        cursor = self.textCursor()
        line = cursor.block().text()
        match = BULLET.match(line)
        if match is None or cursor.hasSelection() or cursor.positionInBlock() < match.end():
            return False
        if not line[match.end():].strip():  # an empty bullet: Enter ends the list
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return True
        cursor.insertText("\n" + match.group(0))
        self.setTextCursor(cursor)
        return True


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

    def _show(self, value: Any) -> None:
        super()._show(value)
        if not self.edit.hasFocus():  # setText leaves the cursor at the end: a long title would show its tail
            self.edit.setCursorPosition(0)


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
            if not self.combo.hasFocus():
                self.combo.lineEdit().setCursorPosition(0)  # a long name typed in shows its start, not its end

    def inputs(self) -> list[QWidget]:
        return [self.combo]


__all__ = ["ChoiceTextField", "GrowingTextEdit", "LineField", "LongTextField"]

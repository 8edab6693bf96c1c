"""What every question widget offers: value() as plain JSON, set_value(json), sig_edited and sig_finished."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget)

from idmf.forms.schema import Question


def describe(widget: QWidget, name: str, description: str = "") -> None:
    """Give an input its accessible name and description (and to the line edit inside combos and date edits)."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    inner = widget.lineEdit() if isinstance(widget, QComboBox) else None
    if isinstance(widget, QAbstractSpinBox):
        inner = widget.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)
        inner.setAccessibleDescription(description)


class QuestionWidget(QWidget):
    """Base of the per-type input widgets the builder makes; subclasses implement value() and _show()."""

    sig_edited = Signal()  # the user changed something (typing: saved after a pause)
    sig_finished = Signal()  # the user finished a change (a click, a choice): save now
    sig_structure_changed = Signal()  # inputs were added or removed (tab order must be redone)
    merge_edits = False  # text widgets: later saves of one typing burst become one undo step

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self._loading = False

    @property
    def help_text(self) -> str:
        """What a screen reader says after an input's name: required, HEAT, then the question's help and guidance."""
        marks = ("Required." if self.question.required else "",
                 "HEAT question (from the Health Equity Assessment Tool)." if self.question.heat else "")
        return " ".join(filter(None, (*marks, self.question.editor_help or self.question.description)))

    def value(self) -> Any:
        """The answer as plain JSON (what AssessmentService.set_answer takes)."""
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored JSON answer without reporting it as an edit."""
        with self.loading():
            self._show(value)

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def inputs(self) -> list[QWidget]:
        """The question's focusable inputs in reading order (used for the tab order and by go_to)."""
        raise NotImplementedError

    def make_read_only(self) -> None:
        """Show the answer without allowing changes (a signed-off version, a copy received for review)."""
        for widget in self.inputs():
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
                widget.setReadOnly(True)  # still focusable and selectable, so screen readers can read it
            elif isinstance(widget, QAbstractItemView):
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            else:
                widget.setEnabled(False)

    def finish_typing(self) -> None:
        """Take in what is typed but not yet read (a date box that still has focus); most inputs need nothing."""

    def focus_first(self) -> None:
        """Put keyboard focus on the first input of the question that can take it."""
        for widget in self.inputs():
            if widget.isEnabled() and widget.isVisibleTo(self.window()):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    @contextmanager
    def loading(self) -> Iterator[None]:
        """While set, changes come from the program (loading, undo), not from the user."""
        was, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = was

    def _edited(self, *_args: Any) -> None:
        if not self._loading:
            self.sig_edited.emit()

    def _finished(self, *_args: Any) -> None:
        if not self._loading:
            self.sig_edited.emit()
            self.sig_finished.emit()


class UndoKeyFilter(QObject):
    """Lets Ctrl+Z / Ctrl+Y in a text field reach the editor's undo stack (not the field's own undo).

    Before the shortcut runs, pending edits are saved, so the words just typed become the step that is undone.
    """

    def __init__(self, before_undo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._before_undo = before_undo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Refuse the field's claim on undo/redo keys so the window's shortcut gets them."""
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):
            self._before_undo()
            event.ignore()
            return True
        return False


def _is_undo_key(event) -> bool:
    combo = event.keyCombination()
    ctrl_y = combo.key() == Qt.Key.Key_Y and combo.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier
    return event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo) or ctrl_y


class ClickLabel(QLabel):
    """A wrapping label for a check box or radio button (their text never wraps); clicking it clicks the button."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__(text.replace("&", "&&"))  # a buddy label would read '&' as a mnemonic
        self.button = button
        self.setWordWrap(True)
        self.setBuddy(button)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Clicking the text acts like clicking the button, as it would with the button's own text."""
        if event.button() == Qt.MouseButton.LeftButton and self.button.isEnabled():
            self.button.setFocus(Qt.FocusReason.MouseFocusReason)
            self.button.click()


def wrapped_button(button: QAbstractButton, text: str) -> QWidget:
    """A check box or radio button with a wrapping label beside it (long choice texts stay readable)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(ClickLabel(text, button), 1)
    return row

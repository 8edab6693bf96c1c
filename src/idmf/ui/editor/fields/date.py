"""Dates: a text box that keeps exactly what was typed, reads it when the user leaves it, and says in words
why a text is not a date (nothing is stored until it is one); a calendar button; the same input in table cells."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (QApplication, QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QToolButton,
                               QVBoxLayout, QWidget)

from idmf.forms.schema import Question
from idmf.ui.announce import set_status
from idmf.ui.editor.fields.base import QuestionWidget, describe
from idmf.ui.editor.fields.date_text import read_date, shown

HINT = "Type day, month and year, for example 31/03/2026 or 1 March 2026; Alt+Down opens a calendar."
PLACEHOLDER = "DD/MM/YYYY"
_OPEN_KEYS = {(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)}
_CELL_KEYS = {Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape}


def to_date(value: Any) -> dt.date | None:
    """An ISO date string (or date) as a date; None for no date or an unreadable one."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def to_iso(date: dt.date | None) -> str | None:
    """A date as ISO text (None for no date)."""
    return date.isoformat() if date else None


class CalendarPopup(QCalendarWidget):
    """The calendar that drops down under a date input; Enter or a click chooses, Esc closes."""

    sig_chosen = Signal(object)  # a datetime.date

    def __init__(self, parent: QWidget, start: dt.date) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Popup)
        self.setGridVisible(True)
        self.setAccessibleName("Calendar: arrow keys move between days, Enter chooses, Esc closes")
        self.setSelectedDate(QDate(start.year, start.month, start.day))
        self.activated.connect(self._choose)
        self.clicked.connect(self._choose)

    def _choose(self, date: QDate) -> None:
        self.sig_chosen.emit(dt.date(date.year(), date.month(), date.day()))
        self.close()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Esc closes the calendar without choosing."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateInput(QWidget):
    """A typed date: shown back as DD/MM/YYYY once read; a text that is not a date is kept and explained.

    `date()` is the last date read (None for none); typing changes it only when the user leaves the box or
    presses Enter (`commit()`), so a half-typed date is never stored. In a table cell (`in_cell`) Tab, Enter
    and Esc go to the table's delegate, and the problem is reported by sig_problem for the table to show.
    """

    sig_typed = Signal()  # the text was edited (not read yet)
    sig_committed = Signal()  # a new date (or no date) was read and is shown normalised
    sig_problem = Signal(str)  # why the text is not a date ('' once it is one)

    def __init__(self, parent: QWidget | None = None, in_cell: bool = False) -> None:
        super().__init__(parent)
        self.in_cell = in_cell
        self._date: dt.date | None = None
        self.problem = ""
        self.line = QLineEdit()
        self.line.setPlaceholderText(PLACEHOLDER)
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("30 September 2026 "))
        self.calendar_button = QToolButton()
        self.calendar_button.setText("…" if in_cell else "Calendar")
        self.calendar_button.setToolTip("Choose the date from a calendar (Alt+Down)")
        if in_cell:  # Tab moves between cells; the calendar is a click or Alt+Down away
            self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.message = QLabel()
        self.message.setObjectName("date_problem")
        self.message.setWordWrap(True)
        self.message.hide()
        self._lay_out()
        self.setFocusProxy(self.line)
        self.line.installEventFilter(self)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.commit)
        self.calendar_button.clicked.connect(self.open_calendar)

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 0 if not self.in_cell else 1)
        row.addWidget(self.calendar_button)
        if not self.in_cell:
            row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        if not self.in_cell:
            layout.addWidget(self.message)

    def describe(self, name: str, description: str) -> None:
        """Name the input for screen readers (the calendar button after it)."""
        describe(self.line, name, f"{description} {HINT}".strip())
        describe(self.calendar_button, f"Calendar for {name}", "Opens a calendar to choose the date from")
        self._description = self.line.accessibleDescription()

    def date(self) -> dt.date | None:
        """The last date read (None: no date)."""
        return self._date

    def text(self) -> str:
        """What the box shows."""
        return self.line.text()

    def set_date(self, date: dt.date | None) -> None:
        """Show a stored date (normalised) and forget any problem."""
        self._date = date
        self.line.setText(shown(date))
        self._set_problem("")

    def set_text(self, text: str) -> None:
        """Show a text as typed (a table cell's kept, unreadable text) and read it."""
        self.line.setText(text)
        self.commit()

    def commit(self) -> bool:
        """Read the text: a date or empty is kept and shown normalised (True); else the problem is shown."""
        reading = read_date(self.line.text())
        if not reading.ok:
            self._set_problem(reading.problem)
            return False
        changed = reading.date != self._date
        self._date = reading.date
        if self.line.text() != shown(reading.date):
            self.line.setText(shown(reading.date))
        self._set_problem("")
        if changed:
            self.sig_committed.emit()
        return True

    def _typed(self, text: str) -> None:
        if self.problem and read_date(text).ok:
            self._set_problem("")  # corrected: the message goes as soon as the text reads as a date
        self.sig_typed.emit()

    def _set_problem(self, problem: str) -> None:
        if problem == self.problem:
            return
        self.problem = problem
        base = getattr(self, "_description", "")
        self.line.setAccessibleDescription(f"{problem} {base}".strip() if problem else base)
        if not self.in_cell:
            set_status(self.message, problem)
        self.sig_problem.emit(problem)

    def open_calendar(self) -> None:
        """Drop the calendar down under the box, on the date shown (or today)."""
        start = read_date(self.line.text()).date or self._date or dt.date.today()
        popup = CalendarPopup(self, start)
        popup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        popup.sig_chosen.connect(self._chosen)
        popup.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        popup.show()
        popup.setFocus(Qt.FocusReason.PopupFocusReason)

    def _chosen(self, date: dt.date) -> None:
        self.line.setText(shown(date))
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.commit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Alt+Down opens the calendar; in a cell, the delegate gets the keys and the focus loss it acts on."""
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            if (event.key(), event.modifiers()) in _OPEN_KEYS:
                self.open_calendar()
                return True
            if self.in_cell and event.key() in _CELL_KEYS:
                return QApplication.sendEvent(self, event) or True
        if watched is self.line and self.in_cell and event.type() == QEvent.Type.FocusOut:
            if not self.isAncestorOf(QApplication.focusWidget()) and QApplication.activePopupWidget() is None:
                QApplication.sendEvent(self, QFocusEvent(QEvent.Type.FocusOut, event.reason()))
        return False


class DateField(QuestionWidget):
    """A date question: the typed date input with its calendar button and its message."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.edit = DateInput()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.edit.describe(question.label, self.help_text)
        self.setFocusProxy(self.edit)
        self.edit.sig_committed.connect(self._finished)

    def value(self) -> Any:
        """The last date read as ISO text; a text that is not a date leaves it as it was (nothing stored)."""
        return to_iso(self.edit.date())

    def finish_typing(self) -> None:
        """Read what is typed now (closing or changing page while the box still has focus)."""
        if self.edit.text() != shown(self.edit.date()):
            self.edit.commit()

    def _show(self, value: Any) -> None:
        self.edit.set_date(to_date(value))

    def inputs(self) -> list[QWidget]:
        return [self.edit.line, self.edit.calendar_button]

    def make_read_only(self) -> None:
        self.edit.line.setReadOnly(True)
        self.edit.calendar_button.setEnabled(False)

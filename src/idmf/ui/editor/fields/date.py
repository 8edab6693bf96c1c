"""Dates: a date editor with a calendar pop-up, shown DD/MM/YYYY, with a real "no date" state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLineEdit, QPushButton, QWidget

from idmf.forms.schema import Question
from idmf.ui.editor.fields.base import QuestionWidget, describe

DISPLAY_FORMAT = "dd/MM/yyyy"
NO_DATE = QDate(1900, 1, 1)  # the minimum date stands for "no date" (shown as NO_DATE_TEXT)
NO_DATE_TEXT = "No date"
SEPARATORS = "/.-"
_STEP_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def to_qdate(value: Any) -> QDate | None:
    """An ISO date string (or date) as a QDate; None for no date or an unreadable one."""
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    if isinstance(value, str) and value:
        date = QDate.fromString(value, Qt.DateFormat.ISODate)
        return date if date.isValid() else None
    return None


def to_iso(date: QDate | None) -> str | None:
    """A QDate as an ISO string (None for no date)."""
    if date is None or not date.isValid() or date == NO_DATE:
        return None
    return date.toString(Qt.DateFormat.ISODate)


class DateEdit(QDateEdit):
    """A QDateEdit whose "no date" state starts the calendar and the arrow keys at today, not at 1900."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(NO_DATE_TEXT)
        self.setDate(NO_DATE)

    def is_empty(self) -> bool:
        """Whether the editor shows "No date"."""
        return self.date() == NO_DATE

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """From "No date", a digit or an arrow key starts from today; '/' moves to the next part of the date."""
        if self.is_empty() and (event.key() in _STEP_KEYS or event.text().isdigit()):
            self.setDate(QDate.currentDate())
            if event.key() in _STEP_KEYS:
                return
            self.setSelectedSection(QDateEdit.Section.DaySection)
        if event.text() and event.text() in SEPARATORS:
            self._separator_typed()
            return
        super().keyPressEvent(event)
        self._calendar_to_today()

    def _separator_typed(self) -> None:
        # Qt mangles a typed '/' after it has already moved on to the next part itself ("02/" -> month), so
        # the separator is handled here: skipped at the start of a part, else it moves to the next part.
        line = self.findChild(QLineEdit)
        position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        if position > 0 and line.text()[position - 1] in SEPARATORS:
            return
        index = self.currentSectionIndex()
        if index + 1 < self.sectionCount():
            self.setCurrentSectionIndex(index + 1)
            self.setSelectedSection(self.currentSection())

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Opening the calendar from "No date" shows this month."""
        super().mousePressEvent(event)
        self._calendar_to_today()

    def _calendar_to_today(self) -> None:
        calendar = self.calendarWidget()
        if self.is_empty() and calendar is not None:
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year(), today.month())


class DateField(QuestionWidget):
    """A date question: the date editor and a Clear button (back to "No date")."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.edit = DateEdit()
        self.clear_button = QPushButton("Clear date")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        describe(self.edit, question.label, self._description())
        describe(self.clear_button, f"Clear {question.label}", "Leaves the date empty")
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self._date_changed)
        self.clear_button.clicked.connect(self._clear)
        self._update_clear()

    def _description(self) -> str:
        hint = "Day, month and year (DD/MM/YYYY); Alt+Down opens a calendar."
        return f"{self.help_text} {hint}".strip()

    def value(self) -> Any:
        return to_iso(self.edit.date())

    def _show(self, value: Any) -> None:
        self.edit.setDate(to_qdate(value) or NO_DATE)
        self._update_clear()

    def inputs(self) -> list[QWidget]:
        return [self.edit, self.clear_button]

    def _date_changed(self, _date: QDate) -> None:
        self._update_clear()
        self._edited()

    def _clear(self) -> None:
        self.edit.setDate(NO_DATE)
        self.edit.setFocus()
        self._finished()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(not self.edit.is_empty())

"""Dates as typed: what a person types into a date box or a table cell is what is stored, or they are told why not."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from idmf.ui.editor.fields.date_text import read_date
from tests.ui.editor.driver import type_date

CTRL = Qt.KeyboardModifier.ControlModifier
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
class Shown(tuple):
    """Widgets handed to a hypothesis test (its failure report prints them, and by then they may be gone)."""

    def __repr__(self) -> str:
        return "<widgets>"


SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def written(date: dt.date, style: str) -> str:
    """A date the way people type it."""
    return {
        "dd/mm/yyyy": f"{date.day:02d}/{date.month:02d}/{date.year}",
        "d/m/yy": f"{date.day}/{date.month}/{date.year % 100:02d}",
        "iso": date.isoformat(),
        "d month yyyy": f"{date.day} {MONTHS[date.month - 1]} {date.year}",
        "d mon yyyy": f"{date.day} {MONTHS[date.month - 1][:3]} {date.year}",
        "d.m.yyyy": f"{date.day}.{date.month}.{date.year}",
    }[style]


STYLES = ["dd/mm/yyyy", "d/m/yy", "iso", "d month yyyy", "d mon yyyy", "d.m.yyyy"]
DATES = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))  # two-digit years: this century
STARTS = st.sampled_from(["empty", "filled, tabbed into", "filled, Ctrl+A"])


@pytest.mark.parametrize("typed, expected", [
    ("31/03/2026", dt.date(2026, 3, 31)), ("1/3/26", dt.date(2026, 3, 1)), ("2026-03-31", dt.date(2026, 3, 31)),
    ("1 March 2026", dt.date(2026, 3, 1)), ("1st of March 2026", dt.date(2026, 3, 1)),
    ("March 1, 2026", dt.date(2026, 3, 1)), ("29/02/2028", dt.date(2028, 2, 29)), ("31.12.2025", dt.date(2025, 12, 31)),
    ("  15 - 11 - 2025 ", dt.date(2025, 11, 15)), ("31032026", dt.date(2026, 3, 31)), ("", None),
])
def test_dates_are_read_as_written(typed, expected):
    reading = read_date(typed)
    assert reading.ok and reading.date == expected


@pytest.mark.parametrize("typed, words", [
    ("31/02/2025", "February 2025 has 28 days"), ("29/02/2027", "February 2027 has 28 days"),
    ("12/13/2026", "there is no month 13"), ("ab", "is not a date this box can read"),
    ("1 Marsh 2026", "“marsh” is not the name of a month"), ("1/3/0026", "the year 0026 looks wrong"),
    ("31/03", "is not a date this box can read"),
])
def test_impossible_dates_are_refused_in_words(typed, words):
    reading = read_date(typed)
    assert not reading.ok and reading.date is None and words in reading.problem


def _shown_with_a_box_after(qtbot, field, width: int = 600) -> Shown:
    """A question widget with a text box after it (so Tab has somewhere to go), in an active window."""
    window = QWidget()
    layout = QVBoxLayout(window)
    after = QLineEdit()
    after.setAccessibleName("Next box")
    layout.addWidget(field)
    layout.addWidget(after)
    window.resize(width, 400)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return Shown((field, after, window))  # the window is kept: pytest-qt holds only a weak reference


@pytest.fixture
def date_form(qtbot, form):
    """The start date question, shown."""
    from idmf.ui.editor.fields.date import DateField

    return _shown_with_a_box_after(qtbot, DateField(form.question("start_date")))


def _start(qtbot, line: QLineEdit, start: str, previous: dt.date, after: QLineEdit, field) -> None:
    """Put the box in the starting state a person would meet, and focus it the way they would."""
    field.set_value(None if start == "empty" else previous.isoformat())
    if start == "filled, tabbed into":  # Tab into a filled box selects its text
        after.setFocus()
        qtbot.keyClick(after, Qt.Key.Key_Backtab)
        assert QApplication.focusWidget() is not line or line.selectedText() == line.text()
        line.setFocus(Qt.FocusReason.TabFocusReason)
        line.selectAll()
    else:
        line.setFocus(Qt.FocusReason.MouseFocusReason)
        line.end(False)
        if start == "filled, Ctrl+A":
            qtbot.keyClick(line, Qt.Key.Key_A, CTRL)


@SLOW
@given(date=DATES, style=st.sampled_from(STYLES), start=STARTS, previous=DATES)
def test_a_typed_date_is_stored_exactly_in_a_date_box(qtbot, date_form, date, style, start, previous):
    field, after, _window = date_form
    line = field.edit.line
    _start(qtbot, line, start, previous, after, field)
    qtbot.keyClicks(line, written(date, style))
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not line  # Tab always leaves
    assert field.value() == date.isoformat()
    assert line.text() == date.strftime("%d/%m/%Y") and not field.edit.message.isVisible()


@SLOW
@given(typed=st.sampled_from(["31/02/2025", "30/02/2026", "31/04/2026", "ab", "2026-13-01", "00/01/2026"]),
       start=STARTS, previous=DATES)
def test_a_text_that_is_not_a_date_is_kept_explained_and_not_stored(qtbot, date_form, typed, start, previous):
    field, after, _window = date_form
    line = field.edit.line
    _start(qtbot, line, start, previous, after, field)
    before = field.value()
    qtbot.keyClicks(line, typed)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not line  # Tab leaves even so: no trap
    assert line.text() == typed and field.value() == before  # kept on screen, nothing new stored
    assert field.edit.message.isVisible() and typed in field.edit.message.text()
    assert field.edit.message.text() in line.accessibleDescription()  # a screen reader hears why


@pytest.fixture
def action_plan(qtbot, form):
    """The action plan table, shown."""
    from idmf.ui.editor.fields.table import TableField

    return _shown_with_a_box_after(qtbot, TableField(form.question("action_plan")), width=900)


@SLOW
@given(date=DATES, style=st.sampled_from(STYLES), start=STARTS, previous=DATES)
def test_a_typed_date_is_stored_exactly_in_a_table_cell(qtbot, action_plan, date, style, start, previous):
    field = action_plan[0]
    view = field.view
    row = {"action": "Translate letters", "lead": "Rachel Dunn", "outcome": ""}
    field.set_value([row | {"target_date": None if start == "empty" else previous.isoformat()}])
    cell = field.model.index(0, field.model.COL_TARGET_DATE)
    view.setFocus()
    view.setCurrentIndex(cell)
    text = written(date, style)
    if start == "filled, Ctrl+A":
        qtbot.keyClick(view, Qt.Key.Key_F2)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(QApplication.focusWidget(), text)
    else:  # typing on a cell starts editing it, replacing what it showed
        qtbot.keyClicks(view, text[0])
        qtbot.keyClicks(QApplication.focusWidget(), text[1:])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert field.model.rows_json()[0]["target_date"] == date.isoformat()
    assert field.model.data(cell) == date.strftime("%d/%m/%Y") and not field.message.isVisible()
    assert view.currentIndex().column() == field.model.COL_OUTCOME  # Tab went on to the next cell
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


def test_a_cell_that_is_not_a_date_keeps_its_text_and_says_why(qtbot, action_plan):
    field = action_plan[0]
    view = field.view
    field.set_value([{"action": "Translate letters", "lead": "", "target_date": "2027-03-31", "outcome": ""}])
    cell = field.model.index(0, field.model.COL_TARGET_DATE)
    view.setFocus()
    view.setCurrentIndex(cell)
    qtbot.keyClicks(view, "3")
    qtbot.keyClicks(QApplication.focusWidget(), "1/02/2027")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert field.model.data(cell) == "31/02/2027" and field.model.rows_json()[0]["target_date"] == "2027-03-31"
    assert field.message.isVisible() and "Row 1, Target Date" in field.message.text()
    assert "February 2027 has 28 days" in field.message.accessibleName()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    view.setCurrentIndex(cell)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor.text() == "31/02/2027"  # the text comes back to be corrected
    qtbot.keyClick(editor, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(editor, "28/02/2027")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits Enter a moment later (queued)
    qtbot.waitUntil(lambda: field.model.rows_json()[0]["target_date"] == "2027-02-28")
    assert not field.message.isVisible() and field.model.data(cell) == "28/02/2027"


THE_ISSUES_CASES = [  # (already stored, Ctrl+A first?, typed, stored afterwards): each once stored wrongly
    (None, False, "31/03/2026", "2026-03-31"), (None, False, "31/12/2025", "2025-12-31"),
    (None, False, "29/02/2028", "2028-02-29"), ("2025-02-28", True, "15/11/2025", "2025-11-15"),
    ("2025-12-01", True, "15/12/2025", "2025-12-15"), (None, False, "2026-01-15", "2026-01-15"),
]


@pytest.mark.parametrize("stored, select_all, typed, expected", THE_ISSUES_CASES)
def test_the_dates_reported_wrong_are_stored_as_typed(qtbot, context, editor, stored, select_all, typed, expected):
    if stored:
        context.assessments.set_answer(editor.assessment, "start_date", stored)
        editor.refresh_all()
    editor.go_to("front")
    line = editor.question_widget("start_date").edit.line
    line.setFocus()
    if select_all:
        qtbot.keyClick(line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(line, typed)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert str(context.store.assessments.get(editor.assessment.id).answers["start_date"]) == expected


def test_an_impossible_date_stores_nothing_until_corrected(qtbot, context, editor):
    editor.go_to("front")
    field = editor.question_widget("completed_date")
    type_date(qtbot, field.edit, "31/02/2025")
    qtbot.keyClick(field.edit.line, Qt.Key.Key_Tab)
    assert field.edit.line.text() == "31/02/2025" and "February 2025 has 28 days" in field.edit.message.text()
    assert editor.flush() and "completed_date" not in context.store.assessments.get(editor.assessment.id).answers
    field.edit.line.setFocus()
    qtbot.keyClick(field.edit.line, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field.edit.line, "28/02/2025")
    assert not field.edit.message.isVisible()  # the message goes as soon as the text is a date
    editor.flush()  # closing or changing page while still in the box reads what is typed
    assert str(context.store.assessments.get(editor.assessment.id).answers["completed_date"]) == "2025-02-28"


def test_the_calendar_button_chooses_a_date(qtbot, context, editor):
    from idmf.ui.editor.fields.date import CalendarPopup

    editor.go_to("front")
    field = editor.question_widget("start_date")
    type_date(qtbot, field.edit, "10/03/2026")
    qtbot.keyClick(field.edit.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, CalendarPopup) and popup.selectedDate().toString("dd/MM/yyyy") == "10/03/2026"
    table = popup.findChild(QWidget, "qt_calendar_calendarview")
    qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert field.edit.line.text() == "11/03/2026" and QApplication.focusWidget() is field.edit.line
    assert str(context.store.assessments.get(editor.assessment.id).answers["start_date"]) == "2026-03-11"

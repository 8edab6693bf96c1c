"""Every input on every page has an accessible name (its question) and the keyboard reaches everything."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit,
                               QWidget)

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit, QAbstractItemView)


def _is_input(widget: QWidget) -> bool:
    return isinstance(widget, INPUTS) or (isinstance(widget, QAbstractButton) and widget.isCheckable())


def _unnamed(editor, root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if widget.window() is not editor.window():
            continue  # pop-ups (calendar, combo list) are separate windows with Qt's own names
        if _is_input(widget) and not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {widget.parentWidget()!r}")
    return missing


def test_every_input_on_every_page_has_an_accessible_name(editor, complete_assessment, make_editor):
    for target in (editor, make_editor(complete_assessment.id)):  # empty and fully answered (groups, rows)
        for page in target.pages:
            target.go_to(page.section.id)
            assert _unnamed(target, page) == [], page.section.id
        assert _unnamed(target, target) == []


def test_inputs_are_named_after_their_question_and_described_by_its_help(editor, form):
    for question in form.questions():
        field = editor.question_widget(question.id)
        first = field.inputs()[0]
        if question.type not in ("grid", "group_catalogue"):  # those name row and choice, or the picker
            assert first.accessibleName().startswith(question.label), question.id
        if question.help and question.type not in ("grid", "group_catalogue"):
            assert question.help[:40] in first.accessibleDescription(), question.id


def test_grid_and_impact_names_say_row_and_choice(editor):
    grid = editor.question_widget("impacted")
    assert grid.buttons["staff"]["yes"].accessibleName() == "Staff — Yes"
    impact = editor.question_widget("pc_age")
    assert impact.block.boxes["positive"].accessibleName() == "Age — Positive impact"
    assert impact.block.narrative.accessibleName() == "Age — narrative"


def test_tab_follows_reading_order_through_a_page(qtbot, editor, form):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    editor.go_to("front")
    editor.step_list.setFocus()
    seen = []
    for _ in range(8):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().accessibleName())
    labels = [q.label for q in form.sections[0].questions]
    assert seen[:4] == labels[:4]  # title, organisation, lead, director: in the order they are read


def test_the_step_list_works_from_the_keyboard(qtbot, editor):
    from PySide6.QtCore import Qt

    editor.step_list.setFocus()
    with qtbot.waitSignal(editor.sig_section_changed) as changed:
        qtbot.keyClick(editor.step_list, Qt.Key.Key_Down)
    assert changed.args == ["aims"] and editor.current_section_id() == "aims"
    qtbot.keyClick(editor.step_list, Qt.Key.Key_End)
    assert editor.current_section_id() == "approval"


def test_completion_marks_are_words_not_colour(editor, complete_assessment, make_editor):
    filled = make_editor(complete_assessment.id)
    texts = [filled.step_list.item(n).text() for n in range(filled.step_list.count())]
    assert texts[1] == "1. Aims of the Proposal\n✓ Complete"
    empty = [editor.step_list.item(n).text() for n in range(editor.step_list.count())]
    assert re.fullmatch(r"1\. Aims of the Proposal\n0 of \d+ answered", empty[1])
    assert re.fullmatch(r"Approval\nOptional: 0 of \d+ answered", empty[-1])


def test_required_and_heat_are_in_every_inputs_description(editor, form):
    from PySide6.QtWidgets import QPushButton, QToolButton

    for question in form.questions():
        for widget in editor.question_widget(question.id).inputs():
            if isinstance(widget, (QPushButton, QToolButton)):
                continue  # Add row, Calendar…: they act on the answer, they do not hold it
            description = widget.accessibleDescription()
            assert ("Required." in description) == question.required, (question.id, description)
            assert ("HEAT question" in description) == question.heat, (question.id, description)


def test_status_messages_are_announced_as_their_words(qtbot, monkeypatch, editor):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    spoken = []
    monkeypatch.setattr(QAccessible, "updateAccessibility",
                        lambda event: spoken.append(event.message())
                        if isinstance(event, QAccessibleAnnouncementEvent) else None)
    editor.go_to("front")
    line = editor.question_widget("start_date").edit.line
    line.setFocus()
    qtbot.keyClicks(line, "31/02/2025")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert any("February 2025 has 28 days" in words for words in spoken)
    message = editor.question_widget("start_date").edit.message
    assert message.accessibleName() == message.text()

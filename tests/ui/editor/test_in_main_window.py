"""The editor inside the real main window: save messages in its status bar, its Undo menu, closing saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.editor.driver import type_into


@pytest.fixture
def window(qtbot, context, monkeypatch):
    from idmf.ui.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    main = MainWindow(context)
    qtbot.addWidget(main)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    return main


def test_the_window_shows_saves_and_its_undo_menu_drives_the_editor(qtbot, context, window):
    item = context.assessments.create("Day case unit")
    assert window.open_assessment(item.id)
    editor = window.editor
    assert editor.undo_action.shortcuts() == []  # the window's Edit menu owns Ctrl+Z here (no ambiguity)
    editor.go_to("front")
    lead = editor.question_widget("lead").edit
    type_into(qtbot, lead, "Amira Patel")
    qtbot.keyClick(lead, Qt.Key.Key_Tab)  # leaving the field saves it
    assert window.save_label.text().startswith("Saved ")
    lead.setFocus()
    type_into(qtbot, lead, " (lead)")
    qtbot.keyClick(lead, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # through the window's Undo action
    assert lead.text() == "Amira Patel"
    window.undo_action.trigger()
    assert lead.text() == "" and context.store.assessments.get(item.id).lead == ""


def test_opening_the_edit_menu_puts_fresh_typing_on_the_undo_stack(qtbot, context, window):
    item = context.assessments.create("Day case unit")
    window.open_assessment(item.id, "aims")
    summary = window.editor.question_widget("summary").edit
    type_into(qtbot, summary, "Typed, then Edit → Undo with the mouse")
    edit_menu = window.menus["edit"]
    edit_menu.aboutToShow.emit()  # what clicking the menu does, before it shows Undo
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert summary.toPlainText() == "" and context.store.assessments.get(item.id).answers.get("summary") in (None, "")


def test_closing_the_window_saves_what_was_just_typed(qtbot, context, window):
    item = context.assessments.create("Day case unit")
    window.open_assessment(item.id, "aims")
    type_into(qtbot, window.editor.question_widget("summary").edit, "Typed just before closing")
    window.close()
    assert context.store.assessments.get(item.id).answers["summary"] == "Typed just before closing"


def test_a_failed_save_shows_in_the_status_bar_until_a_save_succeeds(qtbot, context, window, monkeypatch):
    item = context.assessments.create("Day case unit")
    window.open_assessment(item.id, "front")
    real = context.assessments.set_answer

    def locked(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(context.assessments, "set_answer", locked)
    type_into(qtbot, window.editor.question_widget("lead").edit, "Amira")
    assert not window.editor.flush()
    assert window.save_label.text().startswith("Not saved — the disk is full")
    monkeypatch.setattr(context.assessments, "set_answer", real)
    assert window.editor.flush()
    assert window.save_label.text().startswith("Saved ")


def test_in_the_window_every_focusable_widget_of_the_editor_is_named_and_f9_opens_the_narrow_drawer(
        qtbot, context, window, complete_assessment):
    from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

    assert window.open_assessment(complete_assessment.id)
    editor = window.editor
    for section in editor.form.sections:
        editor.go_to(section.id)
        unnamed = [type(w).__name__ for w in window.findChildren(QWidget)
                   if w.isVisibleTo(window) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
                   and not w.accessibleName().strip() and not (isinstance(w, QAbstractButton) and w.text().strip())]
        assert unnamed == [], section.id
    window.resize(900, 700)  # too narrow for the panel beside the form
    QApplication.processEvents()
    assert editor.side_placement.is_drawer and not editor.side_tabs.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_F9)
    assert editor.side_tabs.isVisible()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F9)
    assert not editor.side_tabs.isVisible()

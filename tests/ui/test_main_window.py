"""The main window: switching between dashboard and editor, menus, save status and remembered state."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog, QMessageBox

from idmf import __version__
from tests.ui.fakes import FakeEditor


def test_opens_on_the_first_run_state_with_an_empty_database(make_window):
    window = make_window()
    assert window.stack.currentWidget() is window.dashboard
    assert window.dashboard.is_first_run()
    assert window.windowTitle() == "IDMF Desktop"
    assert not window.export_action.isEnabled()


def test_opening_from_the_dashboard_shows_the_editor(qtbot, make_window, add):
    add("Day case unit")
    window = make_window()
    window.dashboard.table.selectRow(0)
    window.open_action.trigger()
    editor = window.stack.currentWidget()
    assert isinstance(editor, FakeEditor) and editor is window.editor
    assert window.windowTitle() == "Day case unit — IDMF Desktop"
    assert window.back_action.isEnabled() and window.export_action.isEnabled()
    window.back_action.trigger()
    assert editor.flush_calls == 1
    assert window.stack.currentWidget() is window.dashboard and window.editor is None
    assert window.dashboard.selected_summary().title == "Day case unit"


def test_new_from_the_file_menu_creates_and_opens(monkeypatch, context, make_window):
    window = make_window()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Stroke rehabilitation", True))
    window.new_action.trigger()
    assert window.editor is not None
    assert window.editor.assessment.title == "Stroke rehabilitation"
    assert [s.title for s in context.store.assessments.list()] == ["Stroke rehabilitation"]


def test_save_label_follows_the_editor_and_a_failure_stays(make_window, add):
    window = make_window()
    window.open_assessment(add("Day case unit"))
    editor = window.editor
    editor.sig_saved.emit("Saved 10:11:12")
    assert window.save_label.text() == "Saved 10:11:12"
    editor.sig_save_failed.emit("Not saved — the database is locked")
    editor.go_to(editor.sections[2])
    assert window.save_label.text() == "Not saved — the database is locked"
    editor.sig_saved.emit("Saved 10:12:00")
    assert window.save_label.text() == "Saved 10:12:00"


class _Append(QUndoCommand):
    def __init__(self, log: list[str]) -> None:
        super().__init__("Type")
        self.log = log

    def redo(self) -> None:
        self.log.append("x")

    def undo(self) -> None:
        self.log.pop()


def test_edit_menu_undoes_and_redoes_the_open_editor(make_window, add):
    window = make_window()
    assert not window.undo_action.isEnabled()
    window.open_assessment(add("Day case unit"))
    typed: list[str] = []
    window.editor.undo_stack.push(_Append(typed))
    assert typed == ["x"] and window.undo_action.isEnabled()
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Y" in [s.toString() for s in window.redo_action.shortcuts()]
    window.undo_action.trigger()
    assert typed == []
    window.redo_action.trigger()
    assert typed == ["x"]
    window.show_dashboard()
    assert not window.undo_action.isEnabled()


def test_reopens_the_same_assessment_step_and_geometry(qtbot, make_window, add):
    add("Another one")
    target = add("Day case unit")
    window = make_window()
    window.resize(700, 500)  # inside the offscreen screen (800x600): Qt clamps to it
    window.open_assessment(target)
    step = window.editor.sections[3]
    window.editor.go_to(step)
    window.close()
    assert FakeEditor.instances[-1].flush_calls >= 1

    again = make_window()
    assert again.editor is not None and again.editor.assessment.id == target
    assert again.editor.current_section_id() == step
    assert (again.width(), again.height()) == (700, 500)


def test_starts_on_the_dashboard_when_closed_there(make_window, add):
    window = make_window()
    window.open_assessment(add("Day case unit"))
    window.show_dashboard()
    window.close()
    assert make_window().editor is None


def test_does_not_reopen_an_archived_assessment(context, make_window, add):
    target = add("Day case unit")
    window = make_window()
    window.open_assessment(target)
    window.close()
    context.store.assessments.set_archived(target)
    again = make_window()
    assert again.editor is None and again.stack.currentWidget() is again.dashboard


def test_closing_flushes_and_asks_when_the_save_fails(monkeypatch, make_window, add):
    window = make_window()
    window.show()
    window.open_assessment(add("Day case unit"))
    editor = window.editor
    editor.fail_flush = True
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    window.close()
    assert window.isVisible() and editor.flush_calls == 1
    assert "Not saved — the database is locked" in asked[0] and "Close anyway?" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.close()
    assert not window.isVisible()


def test_archive_from_the_editor_returns_to_the_dashboard(monkeypatch, context, make_window, add):
    keep = add("Keep me")
    target = add("Day case unit")
    window = make_window()
    window.open_assessment(target)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.archive_action.trigger()
    assert window.editor is None
    assert [s.id for s in context.store.assessments.list()] == [keep]
    assert target in [s.id for s in context.store.assessments.list(include_archived=True)]


def test_duplicate_from_the_editor_opens_version_two(context, make_window, add):
    window = make_window()
    source = add("Day case unit")
    window.open_assessment(source)
    window.duplicate_action.trigger()
    copy = window.editor.assessment
    assert copy.id != source and copy.version_number == 2
    assert copy.uid == context.store.assessments.get(source).uid


def test_duplicate_from_the_dashboard_selects_version_two(make_window, add):
    add("Day case unit")
    window = make_window()
    window.dashboard.table.selectRow(0)
    window.duplicate_action.trigger()
    assert window.editor is None
    assert window.dashboard.selected_summary().version_number == 2


def test_about_names_the_version(monkeypatch, make_window):
    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda *a: shown.append(a))
    window = make_window()
    about = next(a for a in window.menus["help"].actions() if "About" in a.text())
    about.trigger()
    assert shown[0][1] == "About IDMF Desktop" and __version__ in shown[0][2]


def test_an_assessment_that_cannot_be_opened_gives_a_message(monkeypatch, make_window):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window = make_window()
    assert window.open_assessment(999) is False
    assert "There is no assessment with id 999" in warnings[0]
    assert window.stack.currentWidget() is window.dashboard


@pytest.fixture
def _answer_no(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)


def test_with_the_real_editor_the_window_reopens_the_same_step(real_editor, make_window, add, _answer_no):
    target = add("Day case unit")
    window = make_window(editor_factory=real_editor)
    window.open_assessment(target)
    sections = [s.id for s in window.context.assessments.form_for(window.editor.assessment).sections]
    window.editor.go_to(sections[4])
    window.close()
    again = make_window(editor_factory=real_editor)
    assert isinstance(again.editor, real_editor)
    assert again.editor.assessment.id == target and again.editor.current_section_id() == sections[4]


def _input_named(widget, name: str):
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    for kind in (QLineEdit, QPlainTextEdit, QTextEdit):
        for child in widget.findChildren(kind):
            if child.accessibleName().startswith(name) and child.isVisibleTo(widget):
                return child
    raise AssertionError(f"no visible text input with the accessible name {name!r}")


def test_with_the_real_editor_closing_saves_what_was_just_typed(qtbot, real_editor, context, form, make_window,
                                                                 add, _answer_no):
    target = add("Day case unit")
    window = make_window(editor_factory=real_editor)
    window.show()
    window.open_assessment(target)
    front = next(s.id for s in form.sections if any(q.id == "lead" for q in s.all_questions()))
    window.editor.go_to(front)
    field = _input_named(window.editor, form.question("lead").label)
    field.setFocus()
    qtbot.keyClicks(field, "Amira Patel")
    window.close()  # at once: no autosave pause has passed
    assert not window.isVisible()
    assert context.store.assessments.get(target).lead == "Amira Patel"


def test_archive_menu_item_restores_an_archived_selection(context, make_window, add):
    target = add("Day case unit")
    context.store.assessments.set_archived(target)
    window = make_window()
    window.dashboard.show_archived.setChecked(True)
    window.dashboard.select_id(target)
    assert window.archive_action.text() == "&Restore"
    window.archive_action.trigger()
    assert [s.id for s in context.store.assessments.list()] == [target]
    assert window.archive_action.text() == "&Archive…"


def test_an_assessment_that_cannot_be_opened_is_explained_instead_of_crashing(monkeypatch, make_window, add):
    def broken(context, assessment_id, parent):
        raise OSError(5, "Input/output error")

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window = make_window(editor_factory=broken)
    assert window.open_assessment(add("Day case unit")) is False
    assert warnings and "Traceback" not in warnings[0]
    assert window.editor is None


def test_where_the_user_is_is_written_shortly_after_opening_and_after_leaving(qtbot, make_window, add):
    from idmf.ui.main_window import KEY_ASSESSMENT

    target = add("Day case unit")
    window = make_window()
    window.open_assessment(target)  # written once the step is on screen (a file write is not part of opening)
    qtbot.waitUntil(lambda: window.settings.value(KEY_ASSESSMENT) is not None
                    and int(window.settings.value(KEY_ASSESSMENT)) == target)
    window.show_dashboard()
    qtbot.waitUntil(lambda: window.settings.value(KEY_ASSESSMENT) is None)


def test_the_dashboard_loads_the_spelling_dictionary_while_the_user_looks_at_it(qtbot, make_window):
    from idmf.ui.editor.spelling.checker import forget_shared_checker, spelling_loaded

    forget_shared_checker()
    make_window().show()
    qtbot.waitUntil(spelling_loaded, timeout=10_000)  # not in the first seconds of the first editor opened

"""File → Import of a Word file edited in Word: the review dialog lists each changed answer with struck and
underlined words, the user unticks what to reject (with the keyboard), and only the ticked edits are applied."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from idmf.domain.questions import ACTION_PLAN, SUMMARY
from tests.export.word_editing import DRIVERS, edit_everything


@pytest.fixture
def edited(context, complete_assessment, form, tmp_path):
    path = tmp_path / "edited in Word.docx"
    context.documents.export(complete_assessment.id, "docx", path)
    edit_everything(path, form)
    return path


def _dialog(qtbot, context, path):
    from idmf.ui.review.word_edits_dialog import WordEditsDialog

    dialog = WordEditsDialog(context.word_in.read(path), path.name)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_each_change_shows_its_words_struck_and_underlined(qtbot, context, edited):
    dialog = _dialog(qtbot, context, edited)
    labels = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert len(labels) == 8 and labels[0].startswith("Summary information")
    html = dialog.browser.toHtml()
    assert "line-through" in html and "underline" in html
    assert "Hinckley" in dialog.browser.toPlainText() and "多语言" in dialog.browser.toPlainText()  # after and before
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert "Shorter waits for day surgery" in dialog.browser.toPlainText()


def test_unticking_with_the_keyboard_rejects_that_change(qtbot, context, edited, complete_assessment, monkeypatch):
    from idmf.ui.dashboard.importing import import_file
    from idmf.ui.review.word_edits_dialog import WordEditsDialog

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)

    def review(dialog):
        dialog.show()
        dialog.list.setFocus()
        dialog.list.setCurrentRow(0)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Space)  # untick the summary: keep the app's answer
        assert dialog.list.item(0).checkState() == Qt.CheckState.Unchecked
        dialog.hide()  # as exec() leaves it once the user presses Import
        return WordEditsDialog.DialogCode.Accepted

    monkeypatch.setattr(WordEditsDialog, "exec", review)
    assert import_file(None, context, edited) == complete_assessment.id
    item = context.assessments.get(complete_assessment.id)
    assert item.answers[SUMMARY] == complete_assessment.answers[SUMMARY]
    assert item.answers[DRIVERS] == "Answer 16 to drivers"
    assert item.answers[ACTION_PLAN][0]["lead"] == "Dr Amira Patel"


def test_cancelling_the_review_imports_nothing(qtbot, context, edited, complete_assessment, monkeypatch):
    from idmf.ui.dashboard.importing import import_file
    from idmf.ui.review.word_edits_dialog import WordEditsDialog

    monkeypatch.setattr(WordEditsDialog, "exec", lambda dialog: WordEditsDialog.DialogCode.Rejected)
    before = [(s.id, s.updated_at) for s in context.assessments.list()]
    assert import_file(None, context, edited) is None
    assert [(s.id, s.updated_at) for s in context.assessments.list()] == before


def test_accepted_word_edits_are_one_undo_step_in_the_editor(qtbot, context, edited, complete_assessment, make_window,
                                                             real_editor, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from idmf.ui.review.word_edits_dialog import WordEditsDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(edited), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(WordEditsDialog, "exec", lambda dialog: WordEditsDialog.DialogCode.Accepted)
    window = make_window(real_editor)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    next(a for a in window.findChildren(type(window.export_action)) if a.text() == "&Import assessment…").trigger()
    editor = window.editor
    assert editor.assessment.id == complete_assessment.id
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "Changes from edited in Word.docx"
    summary = editor.question_widget(SUMMARY)
    assert summary.value().startswith("Day case unit moves")
    editor.step_list.setFocus()  # not in a text box, whose own Ctrl+Z undoes its typing first
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the window's Undo
    stored = context.assessments.get(complete_assessment.id)
    assert stored.answers[SUMMARY] == complete_assessment.answers[SUMMARY]
    assert stored.answers[DRIVERS] == complete_assessment.answers[DRIVERS]
    assert summary.value() == complete_assessment.answers[SUMMARY]
    window.redo_action.trigger()
    assert context.assessments.get(complete_assessment.id).answers[SUMMARY].startswith("Day case unit moves")

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

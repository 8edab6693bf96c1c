"""Two writers on one answer (the CLI or another window while the editor is open): the user chooses, nothing
is silently overwritten, and the text not kept is on the clipboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from idmf.ui.editor import conflict
from tests.ui.editor.driver import type_into


@pytest.fixture
def other_process(_isolated_data):
    """A second, independent connection to the same database file (as the CLI would open)."""
    from idmf.services.context import open_app

    ctx = open_app()
    yield ctx
    ctx.close()


def _conflict(qtbot, editor, other_process, monkeypatch, choice):
    asked = []
    monkeypatch.setattr(conflict, "ask_which", lambda parent, label, theirs, mine: asked.append(
        (label, theirs, mine)) or choice)
    field = editor.question_widget("summary")
    editor.go_to("aims", "summary")
    type_into(qtbot, field.edit, "Text from the window")
    stale = other_process.store.assessments.get(editor.assessment.id)
    other_process.assessments.set_answer(stale, "summary", "Text from the command line")
    assert not editor.flush()  # refused: the stored answer changed since the editor loaded it
    qtbot.waitUntil(lambda: bool(asked))
    return field, asked


def test_keeping_my_text_replaces_theirs_and_theirs_goes_to_the_clipboard(qtbot, editor, other_process, context,
                                                                          monkeypatch):
    field, asked = _conflict(qtbot, editor, other_process, monkeypatch, conflict.KEEP_MINE)
    assert asked[0][1:] == ("Text from the command line", "Text from the window")
    qtbot.waitUntil(lambda: context.store.assessments.get(editor.assessment.id).answers["summary"] == "Text from the window")
    assert field.value() == "Text from the window"
    assert QApplication.clipboard().text() == "Text from the command line"
    assert not editor.autosave.is_dirty() and editor.flush()


def test_using_theirs_shows_it_and_my_text_goes_to_the_clipboard(qtbot, editor, other_process, context, monkeypatch):
    field, _asked = _conflict(qtbot, editor, other_process, monkeypatch, conflict.USE_THEIRS)
    qtbot.waitUntil(lambda: field.value() == "Text from the command line")
    assert context.store.assessments.get(editor.assessment.id).answers["summary"] == "Text from the command line"
    assert QApplication.clipboard().text() == "Text from the window"
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_into(qtbot, field.edit, " — and more")  # editing goes on normally after the choice
    assert editor.flush()
    assert context.store.assessments.get(editor.assessment.id).answers["summary"] == "Text from the command line — and more"

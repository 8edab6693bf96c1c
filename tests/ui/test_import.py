"""File → Import assessment…: from a Word file the app exported or a JSON export; bad files change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "examples" / "day-case-unit.json"


@pytest.fixture
def dialogs(monkeypatch):
    """Answer the open dialog with `seen['file']`, the duplicate question with `seen['answer']`; record warnings."""
    seen: dict = {"file": "", "answer": QMessageBox.StandardButton.Cancel, "warning": [], "question": []}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(seen["file"]), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warning"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: seen["question"].append(a[2]) or seen["answer"])
    return seen


def _import(window):
    next(a for a in window.findChildren(type(window.export_action)) if a.text() == "&Import assessment…").trigger()


def test_a_word_export_comes_back_with_every_answer(qtbot, context, make_window, real_editor, dialogs, tmp_path):

    original = context.assessments.import_json(EXAMPLE.read_text(encoding="utf-8"))
    context.documents.export_docx(original.id, tmp_path / "received.docx")
    other = context.store.assessments.list()
    window = make_window(real_editor)
    dialogs["file"], dialogs["answer"] = tmp_path / "received.docx", QMessageBox.StandardButton.Save
    _import(window)
    assert "already in your list" in dialogs["question"][0]
    assert len(context.store.assessments.list()) == len(other) + 1
    opened = window.editor.assessment
    assert opened.id != original.id and opened.answers == context.store.assessments.get(original.id).answers
    assert window.editor.question_widget("summary").value() == original.answers["summary"]


def test_importing_a_version_already_here_can_open_the_one_we_have(qtbot, context, make_window, dialogs, tmp_path):
    original = context.assessments.import_json(EXAMPLE.read_text(encoding="utf-8"))
    window = make_window()
    dialogs["file"], dialogs["answer"] = EXAMPLE, QMessageBox.StandardButton.Open
    _import(window)
    assert len(context.store.assessments.list()) == 1 and window.current_target_id() == original.id


@pytest.mark.parametrize("content, says", [
    (b"PK\x03\x04 not really a zip", "is not a Word document"),
    (b"\xff\xfe\x00binary", "not a JSON export"),
    (b'{"format": "something else"}', "could not be imported"),
])
def test_a_broken_file_is_a_plain_message_and_nothing_changes(qtbot, context, make_window, dialogs, tmp_path,
                                                              content, says):
    suffix = ".docx" if content.startswith(b"PK") else ".json"
    broken = tmp_path / f"broken{suffix}"
    broken.write_bytes(content)
    window = make_window()
    dialogs["file"] = broken
    _import(window)
    assert len(dialogs["warning"]) == 1 and says in dialogs["warning"][0]
    assert "Nothing in your list was changed" in dialogs["warning"][0]
    assert context.store.assessments.list() == []

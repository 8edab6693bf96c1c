"""Step 2's attached documents, driven like a user: attach (size-capped, refused in words), the list with name,
size and SHA-256, remove and undo, save a copy, open a read-only copy (never a program)."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from idmf.domain.documents import MAX_DOCUMENT_BYTES
from idmf.ui.evidence import documents as documents_module
from idmf.ui.evidence.documents import DocumentsTableModel

SURVEY = "question,answer\nTransport,71%\n"
Z, CTRL = Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def survey(tmp_path) -> Path:
    path = tmp_path / "Survey results.csv"
    path.write_text(SURVEY, encoding="utf-8")
    return path


def _choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _press(qtbot, button) -> None:
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _panel(editor):
    panel = editor.evidence_panels.documents
    editor.go_to("evidence")
    editor.page("evidence").ensureWidgetVisible(panel)
    QApplication.processEvents()
    return panel


def test_attach_lists_name_size_and_hash_and_undo_takes_it_away(qtbot, monkeypatch, editor, stored,
                                                                survey):
    panel = _panel(editor)
    assert panel.empty.isVisible() and not panel.view.isVisible()
    _choose(monkeypatch, survey)
    _press(qtbot, panel.attach_button)
    documents = stored(editor.assessment.id).documents
    assert [(d.name, d.size) for d in documents] == [("Survey results.csv", len(SURVEY))]
    sha = hashlib.sha256(SURVEY.encode()).hexdigest()
    model = panel.model
    assert [model.text(0, c) for c in range(5)] == ["A1", "Survey results.csv", "1 KB", sha[:12] + "…",
                                                    "Not linked yet"]
    assert model.data(model.index(0, DocumentsTableModel.COL_SHA256), Qt.ItemDataRole.ToolTipRole) == sha
    assert panel.view.isVisible() and not panel.empty.isVisible()
    qtbot.keyClick(panel.attach_button, Z, CTRL)
    assert stored(editor.assessment.id).documents == [] and panel.model.rowCount() == 0
    editor.undo_stack.redo()
    assert [d.sha256 for d in stored(editor.assessment.id).documents] == [sha]


def test_too_big_empty_or_twice_is_refused_in_words_and_adds_no_undo_step(qtbot, monkeypatch, editor,
                                                                          stored, tmp_path, survey):
    panel = _panel(editor)
    big = tmp_path / "Full scan.pdf"
    big.write_bytes(b"x" * (MAX_DOCUMENT_BYTES + 1024 * 1024))
    _choose(monkeypatch, big)
    _press(qtbot, panel.attach_button)
    assert panel.message.isVisible()
    assert panel.message.text().startswith("“Full scan.pdf” is 6.0 MB; a document can be at most 5.0 MB.")
    empty = tmp_path / "notes.txt"
    empty.write_bytes(b"")
    _choose(monkeypatch, empty)
    _press(qtbot, panel.attach_button)
    assert "is empty, so there is nothing to attach" in panel.message.text()
    _choose(monkeypatch, survey)
    _press(qtbot, panel.attach_button)
    assert not panel.message.isVisible()
    copy = tmp_path / "copy of survey.csv"
    copy.write_text(SURVEY, encoding="utf-8")
    _choose(monkeypatch, copy)
    _press(qtbot, panel.attach_button)
    assert "already attached as “Survey results.csv”" in panel.message.text()
    assert len(stored(editor.assessment.id).documents) == 1 and editor.undo_stack.count() == 1


def test_removing_a_linked_document_is_undone_with_its_links(qtbot, make_editor, example_id, stored):
    editor = make_editor(example_id)
    panel = _panel(editor)
    assert panel.model.text(0, DocumentsTableModel.COL_USED_BY) == "Age, People Experiencing Deprivation"
    _press(qtbot, panel.remove_button)
    assert stored(example_id).documents == []
    assert "Undo (Ctrl+Z) brings it back with its links" in panel.message.text()
    age = editor.evidence_panels.boxes["pc_age"]
    assert "A document (since removed)" in [c.text for c in age.evidence.choices if c.linked]
    qtbot.keyClick(panel.remove_button, Z, CTRL)
    assert [d.id for d in stored(example_id).documents] == ["survey-2025"]
    assert "Document A1: Hinckley day-case engagement - survey summary.csv" in [
        c.text for c in age.evidence.choices if c.linked]


def test_a_new_document_can_be_linked_in_step_4(qtbot, monkeypatch, context, make_editor, stored, survey):
    item = context.assessments.create("Docs")
    context.assessments.set_answer(item, "pc_race", {"positive": True, "narrative": "Interpreters."})
    editor = make_editor(item.id)
    panel = _panel(editor)
    _choose(monkeypatch, survey)
    _press(qtbot, panel.attach_button)
    race = editor.evidence_panels.boxes["pc_race"]
    assert [c.text for c in race.evidence.choices] == ["Document A1: Survey results.csv"]
    editor.go_to("impact")
    race.evidence_view.setFocus()
    qtbot.keyClick(race.evidence_view, Qt.Key.Key_Space)
    document = stored(item.id).documents[0]
    qtbot.waitUntil(lambda: stored(item.id).impact("pc_race").evidence == [f"document:{document.id}"])
    assert panel.model.text(0, DocumentsTableModel.COL_USED_BY) == "Race"


def test_save_a_copy_writes_the_stored_bytes(qtbot, monkeypatch, make_editor, example_id, stored,
                                             tmp_path):
    editor = make_editor(example_id)
    panel = _panel(editor)
    target = tmp_path / "out" / "survey.csv"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    _press(qtbot, panel.save_button)
    assert target.read_bytes() == stored(example_id).documents[0].content
    assert panel.message.text() == f"Saved a copy of “Hinckley day-case engagement - survey summary.csv” to {target}."


def test_open_shows_a_read_only_copy_and_never_runs_a_program(qtbot, monkeypatch, editor, tmp_path):
    opened: list[Path] = []
    monkeypatch.setattr(documents_module.QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(Path(url.toLocalFile())) or True))
    panel = _panel(editor)
    for name, data in (("minutes.pdf", b"%PDF-1.4 minutes"), ("setup.exe", b"MZ not a document")):
        path = tmp_path / name
        path.write_bytes(data)
        _choose(monkeypatch, path)
        _press(qtbot, panel.attach_button)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Home)
    _press(qtbot, panel.open_button)
    assert len(opened) == 1 and opened[0].read_bytes() == b"%PDF-1.4 minutes"
    assert not os.stat(opened[0]).st_mode & stat.S_IWUSR  # read-only: edits there are not mistaken for saved
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    _press(qtbot, panel.open_button)
    assert len(opened) == 1
    assert "For safety, “setup.exe” is not opened from here" in panel.message.text()
    folder = panel.opened.folder
    panel.opened.clear()
    assert not folder.exists()


def test_every_document_control_is_reached_by_tab_and_named(qtbot, make_editor, example_id):
    editor = make_editor(example_id)
    panel = _panel(editor)
    editor.question_widget("data_sources").inputs()[-1].setFocus()
    reached = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [panel.view, panel.attach_button, panel.open_button, panel.save_button, panel.remove_button]
    assert all(w.accessibleName() for w in reached)

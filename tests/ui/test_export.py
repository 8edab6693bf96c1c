"""File → Export to Word…: the dialogue, the background run, the offer to open, and plain-English failures."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idmf.services.documents import DocumentService
from idmf.ui.dashboard.word_export import default_file_name


@pytest.fixture
def dialogs(monkeypatch, tmp_path):
    """Patch the save dialog (answering tmp_path/<name>) and record every message box."""
    seen: dict[str, list] = {"save": [], "question": [], "warning": [], "information": [], "opened": []}
    answer = {"name": "exported", "open": QMessageBox.StandardButton.No}

    def save(parent, caption, directory, filters):
        seen["save"].append((caption, directory, filters))
        return (str(tmp_path / answer["name"]), filters) if answer["name"] else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: seen["question"].append(a[2]) or answer["open"])
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warning"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen["information"].append(a[2]))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: seen["opened"].append(url.toLocalFile()) or True)
    seen["answer"] = answer
    return seen


@pytest.fixture
def fake_exporter(monkeypatch):
    """A quick stand-in for the Word exporter."""
    calls = []

    def export(self, assessment_id, out_path):
        calls.append((assessment_id, out_path))
        Path(out_path).write_bytes(b"PK fake docx")

    monkeypatch.setattr(DocumentService, "export_docx", export)
    return calls


def test_default_file_name_is_safe():
    assert default_file_name('Day case: "Hinckley"/Leics?') == "Day case Hinckley Leics - equality analysis.docx"
    assert default_file_name("  ") == "IDMF assessment - equality analysis.docx"


def test_export_through_the_menu_writes_the_file_and_offers_to_open_it(qtbot, tmp_path, make_window, add,
                                                                       dialogs, fake_exporter):
    dialogs["answer"]["open"] = QMessageBox.StandardButton.Yes
    window = make_window()
    target = add("Day case unit")
    window.open_assessment(target)
    window.export_action.trigger()
    out = tmp_path / "exported.docx"  # the .docx the user did not type is added
    qtbot.waitUntil(lambda: bool(dialogs["opened"]))
    assert fake_exporter == [(target, out)] and out.read_bytes() == b"PK fake docx"
    assert window.editor.flush_calls == 1  # the document includes the latest edits
    caption, directory, filters = dialogs["save"][0]
    assert Path(directory).name == "Day case unit - equality analysis.docx" and "*.docx" in filters
    assert "exported.docx" in dialogs["question"][0]
    assert dialogs["opened"] == [str(out)]


def test_export_from_the_dashboard_uses_the_selected_row(qtbot, tmp_path, make_window, add, dialogs,
                                                         fake_exporter):
    target = add("Day case unit")
    window = make_window()
    window.dashboard.select_id(target)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["question"]))
    assert fake_exporter == [(target, tmp_path / "exported.docx")]
    assert dialogs["opened"] == []


def test_cancelling_the_dialog_exports_nothing(make_window, add, dialogs, fake_exporter):
    dialogs["answer"]["name"] = ""
    window = make_window()
    window.open_assessment(add("Day case unit"))
    window.export_action.trigger()
    assert fake_exporter == [] and dialogs["warning"] == []


def test_a_failed_export_is_explained(qtbot, monkeypatch, make_window, add, dialogs):
    def locked(self, assessment_id, out_path):
        raise PermissionError(13, "Permission denied", str(out_path))

    monkeypatch.setattr(DocumentService, "export_docx", locked)
    window = make_window()
    window.open_assessment(add("Day case unit"))
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["warning"]))
    assert "open in Word" in dialogs["warning"][0]
    assert dialogs["question"] == []


def test_real_word_export_through_the_menu(qtbot, tmp_path, make_window, complete_assessment, dialogs):
    window = make_window()
    window.open_assessment(complete_assessment.id)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(dialogs["question"] or dialogs["warning"]), timeout=60_000)
    assert dialogs["warning"] == []
    out = tmp_path / "exported.docx"
    assert out.stat().st_size > 0 and out.read_bytes()[:2] == b"PK"

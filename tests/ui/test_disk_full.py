"""A full or read-only disk while saving: a lasting "Not saved — <reason>", the text stays, the next save
works once space returns; a Word export that runs out of space leaves the previous document intact.
No answer text ever reaches the log file, even when saving fails."""

from __future__ import annotations

import errno
import logging
import sqlite3
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy.exc import OperationalError

from idmf.storage.assessments import AssessmentRepository
from idmf.ui import app
from tests.ui.editor.driver import type_into

SENTINEL = "Zebra-sentinel-7731 homeless patients travel"


def _full(message: str = "database or disk is full"):
    def fail(*_args, **_kwargs):
        raise OperationalError("UPDATE answer", {}, sqlite3.OperationalError(message))

    return fail


@pytest.fixture(autouse=True)
def _no_modal_questions(monkeypatch):
    """Closing a window with unsaved text asks; at tear-down the answer is "close anyway"."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def window(make_window, real_editor, add):
    win = make_window(editor_factory=real_editor)
    win.open_assessment(add("Day case unit"))
    win.editor.go_to("aims")
    return win


@pytest.fixture
def log_file(_isolated_data):
    path = app.configure_logging()
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def _stored(context, window):
    return context.store.assessments.get(window.editor.assessment.id).answers.get("summary")


@pytest.mark.parametrize("message, words", [("database or disk is full", "the disk is full"),
                                            ("attempt to write a readonly database", "the data file or its folder is read-only")])
def test_a_failed_autosave_says_why_until_the_next_save_succeeds(qtbot, monkeypatch, window, context, message,
                                                                 words, log_file):
    monkeypatch.setattr(AssessmentRepository, "save_answer", _full(message))
    field = window.editor.question_widget("summary")
    with qtbot.waitSignal(window.editor.sig_save_failed, timeout=5000):
        type_into(qtbot, field.edit, SENTINEL)
    assert window.save_label.text().startswith(f"Not saved — {words}")
    assert field.value() == SENTINEL and _stored(context, window) is None
    qtbot.wait(300)
    assert window.save_label.text().startswith("Not saved")  # lasting: nothing clears it but a save
    monkeypatch.undo()
    with qtbot.waitSignal(window.editor.sig_saved, timeout=10_000):
        pass  # retried by itself once the disk has space again
    assert window.save_label.text().startswith("Saved")
    assert _stored(context, window) == SENTINEL
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "Saving answer 'summary' failed" in logged
    assert "Zebra" not in logged and "homeless" not in logged  # never the answer text


def test_closing_with_unsaved_text_asks_first(qtbot, monkeypatch, window):
    monkeypatch.setattr(AssessmentRepository, "save_answer", _full())
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    type_into(qtbot, window.editor.question_widget("summary").edit, SENTINEL)
    assert not window.show_dashboard()
    assert "disk is full" in asked[0] and "will be lost" in asked[0]
    assert window.editor.question_widget("summary").value() == SENTINEL


def test_a_full_disk_during_word_export_keeps_the_previous_document(qtbot, monkeypatch, tmp_path, make_window,
                                                                    complete_assessment):
    import docx.document

    previous = tmp_path / "report.docx"
    previous.write_bytes(b"PK the previous export")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(previous), ""))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)

    def half_then_full(self, path):
        Path(path).write_bytes(b"PK half a document")
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(docx.document.Document, "save", half_then_full)
    window = make_window()
    window.dashboard.refresh(select_id=complete_assessment.id)
    window.export_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=60_000)
    assert "could not be made" in warnings[0] and "No space left on device" in warnings[0]
    assert previous.read_bytes() == b"PK the previous export"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".docx", ".tmp")) == ["report.docx"]

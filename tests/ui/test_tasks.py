"""The background-task helper: work off the GUI thread, results and failures back on it."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar

from idmf.errors import NotFoundError
from idmf.ui import tasks
from idmf.ui.tasks import describe_error, run_in_background


def test_success_is_reported_on_the_gui_thread(qtbot):
    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    def done(result):
        seen["result"], seen["callback"] = result, threading.current_thread()

    run_in_background(None, work, on_success=done, on_failure=lambda *a: seen.setdefault("failed", a))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == 42
    assert seen["worker"] is not threading.main_thread()
    assert seen["callback"] is threading.main_thread()
    assert "failed" not in seen


def test_failure_is_reported_on_the_gui_thread_in_plain_english(qtbot):
    seen = {}

    def fail(message, exc):
        seen.update(message=message, exc=exc, thread=threading.current_thread())

    run_in_background(None, lambda: 1 / 0, on_success=lambda r: seen.setdefault("ok", r), on_failure=fail)
    qtbot.waitUntil(lambda: "message" in seen)
    assert isinstance(seen["exc"], ZeroDivisionError)
    assert seen["thread"] is threading.main_thread()
    assert seen["message"].startswith("Something unexpected went wrong (ZeroDivisionError)")
    assert "Traceback" not in seen["message"]
    assert "ok" not in seen


def test_known_failures_keep_their_own_words():
    assert describe_error(NotFoundError("There is no assessment with id 7.")) == "There is no assessment with id 7."
    message = describe_error(PermissionError(13, "Permission denied", "/tmp/x.docx"))
    assert message == "Cannot read or write a file (/tmp/x.docx): Permission denied."


def test_without_on_failure_a_warning_is_shown(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[1:3]))

    def boom():
        raise OSError(28, "No space left on device", "out.docx")

    run_in_background(None, boom, on_success=lambda r: None, label="Exporting to Word…")
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [("Exporting to Word", "Cannot read or write a file (out.docx): No space left on device.")]


def test_busy_indicator_shows_while_running(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    release, results = threading.Event(), []
    run_in_background(window, lambda: release.wait(10), on_success=results.append, label="Checking…")
    bars = window.statusBar().findChildren(QProgressBar)
    assert len(bars) == 1 and bars[0].accessibleName() == "Checking…"
    assert window.statusBar().currentMessage() == "Checking…"
    release.set()
    qtbot.waitUntil(lambda: results == [True])
    qtbot.waitUntil(lambda: not window.statusBar().findChildren(QProgressBar))
    assert window.statusBar().currentMessage() == ""


def test_closed_window_is_not_called_back(qtbot):
    window = QMainWindow()
    release, called = threading.Event(), []
    run_in_background(window, lambda: release.wait(10), on_success=called.append,
                      on_failure=lambda *a: called.append(a))
    window.deleteLater()
    qtbot.waitUntil(lambda: not tasks.isValid(window))
    release.set()
    qtbot.waitUntil(lambda: not tasks._RUNNING)
    assert called == []

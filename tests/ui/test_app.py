"""Start-up: arguments, logging, the friendly database message, and the window on a good database."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from idmf.errors import DatabaseTooNewError
from idmf.ui import app
from idmf.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _drop_log_handlers(monkeypatch):
    # main() installs its own excepthook and a log handler; both are undone after each test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def test_database_argument_and_qt_arguments_pass_through():
    args = app.parse_args(["-style", "fusion", "--database", "sqlite:///x.db"])
    assert args.database == "sqlite:///x.db"


def test_unopenable_database_gives_a_friendly_message_and_exit_status_1(monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[1:3]))
    status = app.main(["idmf", "--database", "not a url"])
    assert status == 1
    title, text = shown[0]
    assert title == "IDMF Desktop cannot open your data"
    assert "not valid" in text and "What to do:" in text


def test_too_new_database_says_to_update(tmp_path):
    text = app.database_problem_text(DatabaseTooNewError("written by a newer version"), tmp_path / "idmf.log")
    assert "Install the latest version" in text


def test_starts_the_main_window_and_logs_to_a_file(monkeypatch, qtbot, _isolated_data):
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    before = set(QApplication.topLevelWidgets())  # windows of earlier tests may not be deleted yet
    assert app.main(["idmf"]) == 0
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]
    assert len(windows) == 1 and windows[0].isVisible()
    for window in windows:
        qtbot.addWidget(window)
    assert QApplication.applicationName() == "IDMF Desktop" and QApplication.organizationName() == "IDMF"
    log_file = _isolated_data / "logs" / "idmf.log"
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "IDMF Desktop" in log_file.read_text(encoding="utf-8")


def test_logged_errors_leave_out_the_message_that_may_quote_answers(_isolated_data):
    path = app.configure_logging()
    typed = "Patients who are homeless said they could not travel"
    try:
        raise ValueError(typed)
    except ValueError:
        logging.getLogger("idmf.test").exception("Saving an answer failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "Saving an answer failed" in text and "ValueError (message not logged)" in text
    assert "homeless" not in text


def test_a_second_start_hands_over_to_the_running_app(qtbot, monkeypatch):
    from idmf.ui.single_instance import SingleInstance

    opened = []
    monkeypatch.setattr(app, "open_context", lambda *a: opened.append(a))
    running = SingleInstance()
    assert running.become_primary()
    try:
        with qtbot.waitSignal(running.sig_activation_requested):
            assert app.main(["idmf"]) == 0
    finally:
        running.close()
    assert opened == []  # the database was left to the running app


def test_a_second_start_with_a_file_hands_its_full_path_to_the_running_app(qtbot, monkeypatch, tmp_path):
    from idmf.ui.single_instance import SingleInstance

    monkeypatch.chdir(tmp_path)
    running = SingleInstance()
    assert running.become_primary()
    try:
        with qtbot.waitSignal(running.sig_activation_requested) as blocker:
            assert app.main(["idmf", "reply.idmf"]) == 0
    finally:
        running.close()
    assert blocker.args == [[str(tmp_path / "reply.idmf")]]


def test_a_double_clicked_export_opens_in_the_app(qtbot, monkeypatch, context, tmp_path):

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    item = context.assessments.create("Sent as a Word file")
    context.documents.export_docx(item.id, tmp_path / "received.docx")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)  # keep a copy
    before = set(QApplication.topLevelWidgets())
    assert app.main(["idmf", str(tmp_path / "received.docx")]) == 0
    [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.editor is not None)
    assert window.editor.assessment.title == "Sent as a Word file" and window.editor.assessment.id != item.id


def test_a_file_the_app_cannot_open_is_explained(qtbot, make_window, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    window = make_window()
    window.open_files([str(tmp_path / "minutes.pdf")])
    assert "cannot open minutes.pdf" in warnings[0] and ".idmf" in warnings[0]

"""Start-up: arguments, logging, the friendly database message, and the window on a good database."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from idmf.storage.database import DatabaseTooNewError
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
    assert app.main(["idmf"]) == 0
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert windows and windows[-1].isVisible()
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

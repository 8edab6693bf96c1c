"""A crash (an exception nothing caught) is logged without its message and shown in a friendly dialog that
says where the log file is."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtWidgets import QMessageBox

from idmf.ui import app


def test_an_uncaught_error_shows_a_friendly_dialog_with_the_log_location(monkeypatch, qapp, _isolated_data):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    log_file = app.configure_logging()
    typed = "".join(["Zeb", "ra-sentinel answer text"])
    try:
        app._install_excepthook(log_file)
        try:
            raise RuntimeError(typed)  # the traceback's source lines name the variable, never its text
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "Your saved work is safe" in shown[0] and str(log_file) in shown[0]
        logged = log_file.read_text(encoding="utf-8")
        assert "Unexpected error" in logged and "Zebra" not in logged
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
            root.removeHandler(handler)
            handler.close()

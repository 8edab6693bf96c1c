"""Shared by the start-up tests: damaging a data file as a failing disk would, and undoing what
idmf.ui.app.main() installs (its excepthook, its log handler, its windows)."""

from __future__ import annotations

import logging
import sqlite3
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtWidgets import QApplication


def checkpoint(path):
    """Everything into the main file, so that damaging the file damages the data."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def flip(path):
    """4 KiB of flipped bits a third of the way in."""
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 3, min(len(data), len(data) // 3 + 4096)):
        data[offset] ^= 0xA5
    path.write_bytes(bytes(data))


def truncate(path):
    """The second half gone, as after a copy cut short."""
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2 + 17])


def undo_main(qtbot, window_class) -> None:
    """Close main()'s windows (stopping a quick start's loading) and remove its log handler."""
    for window in [w for w in QApplication.topLevelWidgets() if isinstance(w, window_class)]:
        loader = getattr(window, "loader", None)
        if loader is not None:
            loader.cancel()
        qtbot.addWidget(window)
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()


def keep_excepthook(monkeypatch) -> None:
    """main() installs its own excepthook: put the test run's back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

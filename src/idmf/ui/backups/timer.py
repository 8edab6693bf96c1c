"""The periodic backup, driven by a timer the main window owns: once a minute it asks whether one is due."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer


log = logging.getLogger(__name__)
TICK_MS = 60_000


def _signature(path: Path | None) -> tuple:
    """Sizes and change times of the data file and its write-ahead log: they change with every save."""
    if path is None:
        return ()
    parts = []
    for name in (str(path), f"{path}-wal"):
        try:
            stat = Path(name).stat()
            parts.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            parts.append(None)
    return tuple(parts)


class BackupTimer(QObject):
    """Notes changes to the data file and lets PeriodicBackup decide when to copy it."""

    def __init__(self, context, parent: QObject | None = None, interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.context = context
        self.periodic = context.backups.periodic
        self._seen = _signature(context.data_location)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(interval_ms)

    def tick(self) -> Path | None:
        """Called by the timer: note a change since the last tick, then take a backup if one is due."""
        now = _signature(self.context.data_location)
        if now != self._seen:
            self._seen = now
            self.periodic.note_change()
        return self.periodic.tick()


def install_backup_timer(window) -> BackupTimer | None:
    """Start periodic backups for a main window's SQLite file (none for a database server)."""
    if not window.context.backups.available:
        return None
    window.backup_timer = BackupTimer(window.context, window)
    return window.backup_timer

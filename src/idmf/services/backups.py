"""Periodic backups while the user works: only when something changed, at most every few minutes."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from idmf.storage.backup import BackupError, take_backup, thin
from idmf.storage.database import Database

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = dt.timedelta(minutes=15)


class PeriodicBackup:
    """Call note_change() after saves and tick() from a timer; tick takes a backup when one is due."""

    def __init__(self, database: Database, interval: dt.timedelta = DEFAULT_INTERVAL) -> None:
        self.database = database
        self.interval = interval
        self._changed = False
        self._last: dt.datetime | None = None

    def note_change(self) -> None:
        """Something was saved since the last backup."""
        self._changed = True

    def tick(self, now: dt.datetime | None = None) -> Path | None:
        """Take a backup if something changed and the last one is older than the interval."""
        now = now or dt.datetime.now()
        path = self.database.path
        if not self._changed or path is None or not path.exists():
            return None
        if self._last is not None and now - self._last < self.interval:
            return None
        try:
            backup = take_backup(path, "periodic")
            thin(now=now)
        except BackupError as exc:
            # A missed periodic backup must not interrupt typing; the next tick tries again.
            log.warning("Periodic backup skipped: %s", exc)
            return None
        self._changed, self._last = False, now
        return backup

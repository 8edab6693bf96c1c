"""Backups of the app's SQLite file: taken by hand or while the user works, listed, and put back.

Restoring always takes a safety backup of the current data first and swaps the file in one atomic step;
the same `restore_backup` serves the running app, the start-up check and the command line.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from idmf.errors import BackupError
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.backup import Backup, integrity_ok, list_backups, restore, take_backup, thin
from idmf.storage.database import Database, sqlite_path

log = logging.getLogger(__name__)
DEFAULT_INTERVAL = dt.timedelta(minutes=15)
NOT_SQLITE = "Backups here are for the app's own data file; a database server has its own backups."


@dataclass(frozen=True)
class Restored:
    """What a restore did: the safety backup it took and where the replaced file was kept."""

    backup: Path
    safety_backup: Path | None
    set_aside: Path | None


def database_file(database_url: str | None = None) -> Path:
    """The app's SQLite file for a database address; BackupError for a database server."""
    path = sqlite_path(database_url)
    if path is None:
        raise BackupError(NOT_SQLITE)
    return path


__all__ = ["Backup", "BackupService", "PeriodicBackup", "Restored", "database_file", "is_intact", "list_all",
           "restore_backup"]


def is_intact(backup: Path) -> bool:
    """Whether a backup file passes SQLite's integrity and foreign-key checks."""
    return integrity_ok(backup)


def list_all() -> list[Backup]:
    """Backups in the backups folder, newest first (no database needs to be open)."""
    return list_backups()


def restore_backup(database: Path, backup: Path | None = None) -> Restored:
    """Put a backup (default: the newest) in place of `database`, after a safety backup of the current file.

    The database must not be open in this process (callers dispose of their connections first).
    """
    if backup is None:
        found = list_all()
        if not found:
            raise BackupError("There are no backups to restore.")
        backup = found[0].path
    if not Path(backup).is_file():
        raise BackupError(f"The backup {backup} was not found.")
    safety = take_backup(database, "before-restore") if database.exists() and database.stat().st_size else None
    set_aside = restore(Path(backup), database)
    return Restored(Path(backup), safety, set_aside)


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


class BackupService:
    """Backups of the open database (none for a database server)."""

    def __init__(self, database: Database, changes: ChangeNotifier) -> None:
        self.database = database
        self.changes = changes
        self.periodic = PeriodicBackup(database)  # the GUI's timer ticks it while the user works

    @property
    def available(self) -> bool:
        """Whether backups apply: the app's own SQLite file, not a database server."""
        return self.database.is_sqlite and self.database.path is not None

    def create(self, reason: str = "manual") -> Path:
        """Take a verified backup now, then thin the old ones."""
        path = self._path()
        if not path.exists():
            raise BackupError(f"There is no data file at {path} yet, so there is nothing to back up.")
        made = take_backup(path, reason)
        thin()
        return made

    def restore(self, backup: Path) -> Restored:
        """Replace the open database with a backup and reopen it; on failure the old database stays in use."""
        path = self._path()
        self.database.dispose()  # no pooled connection may keep the old file (and its WAL) open
        try:
            done = restore_backup(path, backup)
        finally:
            self.database.reopen()
        log.info("Backup restored in the running app")
        self.changes.publish(Changes(everything=True, listing=True))
        return done

    def _path(self) -> Path:
        if not self.available:
            raise BackupError(NOT_SQLITE)
        return self.database.path  # type: ignore[return-value]

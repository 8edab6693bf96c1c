"""When the start-up check finds the data file damaged: it is already moved aside; offer the newest good backup."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from idmf.errors import BackupError, DatabaseDamagedError, DatabaseError
from idmf.services.backups import database_file, restore_backup
from idmf.ui import messages
from idmf.ui.backups.wording import last_written, what_would_be_lost

log = logging.getLogger(__name__)
HEADING = "Your data file was damaged"


def database_path(database_url: str | None) -> Path | None:
    """The SQLite file a database URL names (None for a database server)."""
    try:
        return database_file(database_url)
    except (BackupError, DatabaseError):
        return None


def damage_text(exc: DatabaseDamagedError) -> str:
    """What happened, with the backup's time and the period that would be lost."""
    moved = f"IDMF Desktop found your data file damaged, so it set it aside as {exc.moved_to.name} (nothing " \
            "was deleted)."
    if exc.backup is None:
        return (f"{moved}\n\nNo backup is available, so the app will start with no assessments. Keep the set-aside "
                "file: your support team may be able to recover it.")
    lost = what_would_be_lost(exc.backup.taken_at, last_written(exc.moved_to))
    return f"{moved}\n\n{lost}\n\nPut that backup back now? (No starts the app with no assessments; you can " \
           "still restore later with File → Restore from backup….)"


def offer_restore(exc: DatabaseDamagedError, database_url: str | None) -> bool:
    """Tell the user and, if they agree, restore the newest good backup; True when the app may open again."""
    path = database_path(database_url)
    if exc.backup is None or path is None:
        messages.warning(None, HEADING, damage_text(exc))
        return path is not None
    answer = messages.question(None, HEADING, damage_text(exc),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        log.info("Damaged data file set aside; the user chose to start without restoring")
        return True
    try:
        restore_backup(path, exc.backup.path)
    except (BackupError, OSError) as err:
        log.warning("Restore at start-up failed: %s", type(err).__name__)
        messages.warning(None, HEADING, f"The backup could not be put back: {err}")
        return False
    log.info("Restored the newest good backup after the start-up check found damage")
    return True

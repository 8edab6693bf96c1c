"""Put a backup back while the app runs: a safety backup first, then the swap, then the database reopened."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from idmf.services.context import AppContext, open_app
from idmf.storage.backup import restore, take_backup

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Restored:
    """What a restore did: the safety backup it took and where the replaced file was set aside."""

    safety_backup: Path | None
    set_aside: Path | None


def restore_in_place(context: AppContext, backup: Path) -> Restored:
    """Replace the open SQLite database with `backup` and reopen it into the same AppContext.

    The current file is backed up, then moved aside (never deleted). On failure the old database stays open.
    """
    database = context.database
    path = database.path
    if path is None:
        raise ValueError("Backups can only be restored for the app's own data file.")
    safety = take_backup(path, "before-restore") if path.exists() else None
    database.dispose()  # no pooled connection may keep the old file (and its WAL) open
    set_aside = restore(backup, path)
    reopened = open_app(database.url, context.forms)
    context.database, context.repository = reopened.database, reopened.repository
    context.assessments = reopened.assessments
    log.info("Backup restored in the running app")
    return Restored(safety, set_aside)

"""Backups of the SQLite file: taken with the online backup API, verified, thinned, restorable."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from idmf.errors import BackupError
from idmf.paths import backups_dir

log = logging.getLogger(__name__)

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class Backup:
    """One backup file."""

    path: Path
    taken_at: dt.datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def integrity_ok(path: Path, quick: bool = False) -> bool:
    """True when SQLite's integrity (or quick) check and the foreign-key check pass."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            check = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
            if check != [("ok",)]:
                return False
            return conn.execute("PRAGMA foreign_key_check").fetchall() == []
    except sqlite3.DatabaseError:
        return False


def take_backup(source: Path, reason: str, folder: Path | None = None) -> Path:
    """Copy a live database with the online backup API (consistent while others write), then verify it."""
    folder = folder or backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    target = folder / f"{source.stem}-{stamp}-{slug}.sqlite3"
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        dst.close()
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise BackupError(f"Could not back up your data to {folder}: {exc}. Check there is free disk space.") from None
    if not integrity_ok(target):
        target.unlink(missing_ok=True)
        raise BackupError("The backup failed its integrity check and was discarded; your data file may be damaged.")
    log.info("Backup taken (%s): %s", reason, target.name)
    return target


def list_backups(folder: Path | None = None) -> list[Backup]:
    """Backups in the folder, newest first."""
    folder = folder or backups_dir()
    found = []
    for path in folder.glob("*.sqlite3"):
        match = _NAME.match(path.name)
        if match:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f")
            found.append(Backup(path, taken, match["reason"]))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def thin(folder: Path | None = None, now: dt.datetime | None = None) -> list[Path]:
    """Keep every backup of the last day, one a day for a month, one a week for a year; delete the rest.

    Backups taken before an upgrade or a sign-off are always kept: they are the ones people need.
    """
    now = now or dt.datetime.now()
    kept_buckets: set[tuple[str, int]] = set()
    removed = []
    for backup in list_backups(folder):  # newest first, so each bucket keeps its newest
        age = now - backup.taken_at
        if backup.reason.startswith(("before-upgrade", "before-signoff")) or age <= dt.timedelta(days=1):
            continue
        if age <= dt.timedelta(days=31):
            bucket = ("day", (now.date() - backup.taken_at.date()).days)
        elif age <= dt.timedelta(days=366):
            bucket = ("week", age.days // 7)
        else:
            bucket = ("gone", 0)
        if bucket in kept_buckets or bucket[0] == "gone":
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
        else:
            kept_buckets.add(bucket)
    return removed


def newest_good_backup(folder: Path | None = None) -> Backup | None:
    """The newest backup that passes an integrity check."""
    for backup in list_backups(folder):
        if integrity_ok(backup.path):
            return backup
    return None


def move_aside(path: Path, why: str = "damaged") -> Path:
    """Rename a database file and its WAL/SHM companions out of the way, together; never deletes anything.

    The database goes first; if a companion cannot follow, everything already moved is put back, so a WAL
    is never parted from its database.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    moved: list[tuple[Path, Path]] = []
    try:
        for suffix in ("", "-wal", "-shm"):
            companion, destination = Path(f"{path}{suffix}"), Path(f"{target}{suffix}")
            if companion.exists():
                os.replace(companion, destination)
                moved.append((companion, destination))
    except OSError:
        for original, destination in reversed(moved):
            os.replace(destination, original)
        raise
    log.warning("Moved the database aside to %s", target.name)
    return target


def _copy_synced(source: Path, target: Path) -> None:
    """Copy a file and flush it to disk, so a crash right after cannot leave it half written."""
    shutil.copyfile(source, target)
    with open(target, "rb+") as stream:
        os.fsync(stream.fileno())


def _fold_wal(database: Path) -> bool:
    """Write the database's WAL into the file itself, so the file alone holds everything committed."""
    try:
        with sqlite3.connect(database) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
    except sqlite3.Error:  # a damaged file: keep its companions beside the copy instead
        return False
    return True


def restore(backup: Path, database: Path) -> Path | None:
    """Put a backup in place of the database in one atomic step; returns where the old file was kept.

    The current file is copied aside first (never deleted), then the backup, already copied next to it,
    replaces it with one rename: a crash at any moment leaves either the old database or the backup.
    """
    if not integrity_ok(backup):
        raise BackupError(f"The backup {backup.name} is damaged and cannot be restored. Choose an older one.")
    temp = database.with_name(database.name + ".restoring")
    _copy_synced(backup, temp)
    kept = None
    if database.exists():
        folded = _fold_wal(database)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = database.with_name(f"{database.stem}.replaced-{stamp}{database.suffix}")
        for suffix in ("", "-wal", "-shm"):
            companion = Path(f"{database}{suffix}")
            if companion.exists() and (not suffix or not folded):
                _copy_synced(companion, Path(f"{kept}{suffix}"))
        for suffix in ("-wal", "-shm"):  # a stale WAL must never meet the restored file
            Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(temp, database)
    log.info("Restored %s", backup.name)
    return kept

"""Engine set-up: the embedded SQLite default or any SQLAlchemy URL, upgraded by Alembic on open."""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from idmf.errors import DatabaseDamagedError, DatabaseError, DatabaseTooNewError
from idmf.paths import data_dir
from idmf.storage import migrate
from idmf.storage.backup import integrity_ok, move_aside, newest_good_backup
from idmf.storage.location import storage_warning

log = logging.getLogger(__name__)

DATABASE_FILE = "idmf.sqlite3"
BUSY_TIMEOUT_MS = 10_000


def check_on_start(path: Path) -> None:
    """Quick-check an existing SQLite file; move a damaged one aside and say which backup can replace it."""
    if not path.exists() or path.stat().st_size == 0 or integrity_ok(path, quick=True):
        return
    moved = move_aside(path)
    good = newest_good_backup()
    if good is None:
        offer = "No backup is available, so the app will start with an empty database."
    else:
        offer = (f"The newest good backup is from {good.taken_at:%d/%m/%Y %H:%M}; restoring it loses changes "
                 "made after that time.")
    raise DatabaseDamagedError(
        f"Your data file was damaged, so it has been moved aside to {moved.name} (nothing was deleted). {offer}",
        moved_to=moved, backup=good)


def default_database_url() -> str:
    """IDMF_DATABASE_URL, or a SQLite file in the user's data folder."""
    return os.environ.get("IDMF_DATABASE_URL") or f"sqlite:///{data_dir() / DATABASE_FILE}"


def sqlite_path(url: str | None = None) -> Path | None:
    """The SQLite file a database URL names (None for a database server or an in-memory database)."""
    try:
        parsed = make_url(url or default_database_url())
    except ArgumentError:
        raise DatabaseError(f"The database address '{url}' is not valid. Check IDMF_DATABASE_URL.") from None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser()


def _sqlite_pragmas(use_wal: bool):
    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # WAL's shared memory does not work over network file systems, so only on local disks.
        cursor.execute(f"PRAGMA journal_mode={'WAL' if use_wal else 'DELETE'}")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()

    return on_connect


@dataclass
class Database:
    """An opened, migrated database: the engine to inject into repositories and services."""

    url: str
    engine: Engine
    path: Path | None = None
    warning: str | None = None
    backup_path: Path | None = field(default=None)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def reopen(self) -> None:
        """Open the same address again, migrated (after a restore put another file in place)."""
        self.engine.dispose()
        fresh = open_database(self.url)
        self.engine, self.path, self.warning = fresh.engine, fresh.path, fresh.warning
        self.backup_path = fresh.backup_path


def _make_engine(url: str) -> tuple[Engine, Path | None, str | None]:
    path = sqlite_path(url)
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True), None, None
    warning = None
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Cannot create the data folder {path.parent}: {exc.strerror}.") from None
        warning = storage_warning(path)
        check_on_start(path)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas(use_wal=path is not None and warning is None))
    return engine, path, warning


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) and upgrade the database; raise DatabaseError with a plain message."""
    url = url or default_database_url()
    engine, path, warning = _make_engine(url)
    db = Database(url=url, engine=engine, path=path, warning=warning)
    try:
        if upgrade:
            db.backup_path = migrate.upgrade(engine, path)
    except migrate.TooNewError as exc:
        engine.dispose()
        raise DatabaseTooNewError(
            f"This data file was written by a newer version of IDMF Desktop (database revision {exc.revision}). "
            "Install the latest version of the app to open it; the file has not been changed."
        ) from None
    except (OperationalError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise DatabaseError(f"The database at {path or url} cannot be opened: {_reason(exc)}.") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"The database at {path or url} cannot be opened: {_reason(exc)}.") from None
    return db


def _reason(exc: Exception) -> str:
    orig = getattr(exc, "orig", exc)
    return str(orig).splitlines()[0] if str(orig) else type(orig).__name__

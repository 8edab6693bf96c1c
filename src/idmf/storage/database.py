"""Engine set-up: the embedded SQLite default or any SQLAlchemy URL, upgraded by Alembic on open."""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from idmf.errors import (BackupError, DatabaseBusyError, DatabaseDamagedError, DatabaseError, DatabaseTooNewError,
                         first_line)
from idmf.paths import data_dir
from idmf.storage import file_check, migrate
from idmf.storage.backup import move_aside, newest_good_backup
from idmf.storage.location import storage_warning
from idmf.storage.quick_list import DATABASE_FILE

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


def too_new_error(revision: str) -> DatabaseTooNewError:
    """The refusal of a data file written by a newer version of the app."""
    return DatabaseTooNewError(
        f"This data file was written by a newer version of IDMF Desktop (database revision {revision}). "
        "Install the latest version of the app to open it; the file has not been changed.")


def _stored_revision(path: Path) -> str | None:
    """The file's Alembic revision, read without writing (None before the first migration)."""
    try:
        with closing(sqlite3.connect(file_check.read_only_uri(path), uri=True)) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def check_on_start(path: Path, on_wait: file_check.WaitNotice | None = None,
                   wait: float = file_check.BUSY_WAIT) -> None:
    """Check an existing SQLite file before anything writes to it.

    A folder, a busy file or a full disk raise DatabaseError (nothing touched); a file from a newer app raises
    DatabaseTooNewError (nothing touched, in any journal mode); only a damaged file is moved aside.
    """
    if not file_check.refuse_non_files(path) or path.stat().st_size == 0:
        return
    verdict, reason = file_check.checked_verdict(path, on_wait, wait)
    if verdict == file_check.OK:
        revision = _stored_revision(path)
        if revision is not None and not migrate.is_known(revision):
            raise too_new_error(revision)
        return
    if file_check.in_use(path):
        raise DatabaseBusyError(f"Your data file looks damaged, but another program (perhaps IDMF Desktop, open "
                                f"elsewhere) is using it, so it was left where it is. Close the other program, "
                                f"then start the app again. {file_check.UNCHANGED}")
    try:
        moved = move_aside(path)
    except PermissionError:  # Windows: an open file cannot be renamed
        raise file_check.busy_error() from None
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


def _server_options(url: str) -> dict[str, str]:
    """Connection options for a database server: the JIT compiler off (it spent 270 ms compiling the portfolio's
    read, which then ran in 90 ms: the app's queries are short); options given in the address are kept."""
    given = make_url(url).query.get("options", "")
    return {"options": " ".join([*([given] if isinstance(given, str) else given), "-c jit=off"]).strip()}


def _make_engine(url: str, on_wait: file_check.WaitNotice | None) -> tuple[Engine, Path | None, str | None]:
    path = sqlite_path(url)
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, connect_args=_server_options(url)), None, None
    warning = None
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"Cannot create the data folder {path.parent}: {exc.strerror}.") from None
        warning = storage_warning(path)
        check_on_start(path, on_wait)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False})
    event.listen(engine, "connect", _sqlite_pragmas(use_wal=path is not None and warning is None))
    return engine, path, warning


def open_database(url: str | None = None, *, upgrade: bool = True,
                  on_wait: file_check.WaitNotice | None = None) -> Database:
    """Open (creating if needed) and upgrade the database; raise DatabaseError with a plain message.

    `on_wait` is told (once) when another program holds the file and the app waits for it.
    """
    url = url or default_database_url()
    engine, path, warning = _make_engine(url, on_wait)
    db = Database(url=url, engine=engine, path=path, warning=warning)
    try:
        if upgrade:
            db.backup_path = migrate.upgrade(engine, path)
    except migrate.TooNewError as exc:
        engine.dispose()
        raise too_new_error(exc.revision) from None
    except (SQLAlchemyError, sqlite3.Error, BackupError) as exc:
        engine.dispose()
        raise _open_failure(exc, path, url) from None
    return db


def _open_failure(exc: Exception, path: Path | None, url: str) -> DatabaseError:
    """The plain message for a failure while opening or upgrading: busy and full are said as such."""
    orig = getattr(exc, "orig", None) or exc
    if path is not None and isinstance(orig, sqlite3.Error):
        verdict = file_check.classify(orig, path)
        if verdict == file_check.BUSY:
            return file_check.busy_error()
        if verdict == file_check.FULL:
            return file_check.full_error(path)
    if path is not None and file_check.disk_is_full(path):
        return file_check.full_error(path)
    if isinstance(exc, BackupError):
        return DatabaseError(f"{exc} The app did not upgrade your data file, so it was not changed.")
    return DatabaseError(f"The database at {path or url} cannot be opened: {first_line(orig)}.")

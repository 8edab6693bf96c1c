"""Alembic migrations run from code, with an online backup of SQLite files taken first."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from idmf.storage.backup import take_backup

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class TooNewError(Exception):
    """The database's revision is unknown to this version of the app."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs against the injected engine."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def scripts() -> ScriptDirectory:
    """The migration scripts shipped with this version of the app."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def head_revision() -> str:
    """The newest revision this version of the app knows."""
    return scripts().get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The database's current revision (None for a new, empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, path: Path | None) -> Path | None:
    """Bring the database to head; returns the backup taken before migrating, if any."""
    known = scripts()
    current = current_revision(engine)
    head = known.get_current_head()
    if current == head:
        return None
    if current is not None and current not in {rev.revision for rev in known.walk_revisions()}:
        raise TooNewError(current)
    backup = None
    if current is not None and path is not None and path.exists():
        backup = take_backup(path, f"before-upgrade-from-{current}")
    command.upgrade(alembic_config(engine), "head")
    return backup


def upgrade_to(engine: Engine, revision: str) -> None:
    """Upgrade to a given revision (used by tests that prove the migration path)."""
    command.upgrade(alembic_config(engine), revision)


# Older name kept for callers written before backups moved to idmf.storage.backup.
backup_sqlite = take_backup

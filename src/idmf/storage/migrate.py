"""Alembic migrations run from code, with an online backup of SQLite files taken first."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from idmf.storage.backup import take_backup
from idmf.storage.revisions import MIGRATIONS_DIR, is_known, shipped_head  # noqa: F401 - re-exported

if TYPE_CHECKING:  # Alembic is imported only when a migration may be needed: it costs a fifth of start-up
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)


class TooNewError(Exception):
    """The database's revision is unknown to this version of the app."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(engine: Engine) -> Config:
    """An Alembic config that runs against the injected engine."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def scripts() -> ScriptDirectory:
    """The migration scripts shipped with this version of the app."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def head_revision() -> str:
    """The newest revision this version of the app knows."""
    return scripts().get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The database's current revision (None for a new, empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, path: Path | None) -> Path | None:
    """Bring the database to head; returns the backup taken before migrating, if any."""
    if _is_up_to_date(engine):
        return None
    from alembic import command

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
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def _is_up_to_date(engine: Engine) -> bool:
    """True when the database is already at the shipped head: the usual start, which needs no Alembic."""
    head = shipped_head()
    if head is None:
        return False
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [head]
    except SQLAlchemyError:  # no alembic_version table yet (a new database): Alembic creates everything
        return False

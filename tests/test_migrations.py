"""Migrations: an older database is backed up with SQLite's backup API, then upgraded; newer ones are refused."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, text

from idmf.paths import backups_dir
from idmf.storage import migrate
from idmf.errors import DatabaseTooNewError
from idmf.storage.database import open_database


def _previous_revision() -> str:
    head = migrate.scripts().get_revision(migrate.head_revision())
    assert head.down_revision, "there must be at least two revisions to prove the upgrade path"
    return head.down_revision


def test_upgrade_from_previous_revision_keeps_data_and_backs_up_first(_isolated_data):
    path = _isolated_data / "old.sqlite3"
    _isolated_data.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade_to(engine, _previous_revision())
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO assessment (id, uid, version_number, form_id, form_version, title, created_at, updated_at)"
            " VALUES (7, 'abc', 1, 'idmf-part-b', '1.0', 'Written by the old version', '2026-01-01', '2026-01-02')"))
        conn.execute(text("INSERT INTO answer (assessment_id, question_id, value, version, updated_at)"
                          " VALUES (7, 'summary', '\"kept\"', 1, '2026-01-02')"))
    engine.dispose()

    db = open_database(f"sqlite:///{path}")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT title FROM assessment WHERE id = 7")).scalar() == "Written by the old version"
        assert conn.execute(text("SELECT value FROM answer WHERE assessment_id = 7")).scalar() == '"kept"'
    db.dispose()

    assert db.backup_path is not None and db.backup_path.parent == backups_dir()
    with sqlite3.connect(db.backup_path) as backup:
        assert backup.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == _previous_revision()
        assert backup.execute("SELECT title FROM assessment").fetchone()[0] == "Written by the old version"


def test_new_database_needs_no_backup(_isolated_data):
    db = open_database()
    assert db.backup_path is None
    assert list(backups_dir().iterdir()) == []
    db.dispose()


def test_database_from_a_newer_version_is_refused_and_left_untouched(_isolated_data):
    db = open_database()
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fffffffff999'"))
    db.dispose()
    before = db.path.read_bytes()
    with pytest.raises(DatabaseTooNewError, match="newer version of IDMF Desktop"):
        open_database()
    assert db.path.read_bytes() == before


def test_shipped_head_read_from_the_scripts_matches_alembic():
    assert migrate.shipped_head() == migrate.head_revision()


def test_opening_an_up_to_date_database_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from idmf.storage.database import open_database; "
            f"open_database('sqlite:///{tmp_path / 'db.sqlite3'}').dispose(); print('alembic' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
            for _ in range(2)]
    assert runs == ["True", "False"]  # the first creates the tables with Alembic; the second needs none


def drift(engine) -> list:
    """What Alembic's autogenerate would add to bring a migrated database in line with every table model."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from idmf.storage.tables import metadata

    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), metadata)


def test_migrations_and_table_models_agree_for_every_table(context):
    from idmf.storage.tables import metadata

    # Every feature's tables are on the one metadata Alembic's environment compares against.
    assert {"assessment", "answer", "comment", "status_event", "signoff", "review_copy", "census_value",
            "census_area", "census_icb_member"} <= set(metadata.tables)
    assert drift(context.database.engine) == []


def test_a_model_without_a_migration_shows_as_drift(context):
    from sqlalchemy import Column, Integer, Table

    from idmf.storage.tables import metadata

    extra = Table("not_migrated", metadata, Column("id", Integer, primary_key=True))
    try:
        assert [d[0] for d in drift(context.database.engine)] == ["add_table"]
    finally:
        metadata.remove(extra)

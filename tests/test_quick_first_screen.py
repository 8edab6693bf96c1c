"""The dashboard's rows read with stdlib sqlite3 (idmf.storage.quick_list): the same rows as the services list,
and None (start the usual way) for every file the usual start must look at itself."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import time

import pytest

from idmf.services.first_screen import first_screen_rows
from idmf.storage import migrate
from idmf.storage.database import open_database
from idmf.storage.quick_list import local_file, read_first_screen
from tests.startup_helpers import checkpoint, flip, truncate


@pytest.fixture
def stored(context):
    """A data file with drafts, a second version, a reviewed one with a review date, an archived one."""
    first = context.assessments.create("Ward 7 closure")
    context.assessments.set_answer(first, "organisation", "Leicester Royal Infirmary")
    context.assessments.set_answer(first, "lead", "Priya Shah")
    context.assessments.create("Phlebotomy at Hinckley")
    context.assessments.duplicate_as_new_version(first.id)
    gone = context.assessments.create("Old pharmacy hours")
    context.assessments.set_archived(gone.id)
    with context.database.engine.begin() as conn:  # a review date, as an approved assessment has
        conn.exec_driver_sql("UPDATE assessment SET review_date = '2027-03-31', status = 'approved' WHERE id = ?",
                             (first.id,))
    return context


def test_the_quick_rows_are_the_services_rows_in_the_same_order(stored):
    quick = read_first_screen(stored.database.path)
    assert quick == stored.assessments.list(include_archived=True)
    assert len(quick) == 4 and any(s.archived for s in quick) and any(s.version_number == 2 for s in quick)
    assert {s.review_date for s in quick} == {None, dt.date(2027, 3, 31)}
    assert all(s.updated_at.tzinfo is not None for s in quick)


def test_the_front_ends_door_reads_the_configured_file(stored):
    assert first_screen_rows(None) == stored.assessments.list(include_archived=True)


def test_no_data_file_yet_means_the_usual_start(_isolated_data):
    assert first_screen_rows(None) is None
    assert not (_isolated_data / "idmf.sqlite3").exists()  # nothing was created by asking


def test_an_empty_or_foreign_file_means_the_usual_start(tmp_path):
    empty, text = tmp_path / "empty.sqlite3", tmp_path / "notes.sqlite3"
    empty.write_bytes(b"")
    text.write_text("Minutes of the EDI steering group\n" * 100, encoding="utf-8")
    assert read_first_screen(empty) is None and read_first_screen(text) is None
    assert read_first_screen(tmp_path) is None  # a folder


@pytest.mark.parametrize("damage", [flip, truncate])
def test_a_damaged_file_means_the_usual_start_and_is_left_untouched(stored, damage):
    path = stored.database.path
    stored.close()
    checkpoint(path)
    damage(path)
    before = path.read_bytes()
    assert read_first_screen(path) is None
    assert path.read_bytes() == before


def test_a_file_from_a_newer_app_means_the_usual_start(stored):
    path = stored.database.path
    with stored.database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    assert read_first_screen(path) is None


def test_a_file_at_an_older_migration_means_the_usual_start(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = open_database(f"sqlite:///{path}", upgrade=False)
    migrate.upgrade_to(db.engine, "0008")
    db.dispose()
    assert read_first_screen(path) is None


def test_a_write_cut_off_mid_way_means_the_usual_start(stored):
    path = stored.database.path
    stored.close()
    checkpoint(path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    (path.parent / f"{path.name}-journal").write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\0" * 504)
    assert read_first_screen(path) is None  # the usual start lets SQLite roll the hot journal back


def test_a_file_another_program_has_locked_means_the_usual_start(stored, tmp_path):
    path = stored.database.path
    stored.close()
    ready = tmp_path / "locked"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sqlite3, sys, time, pathlib; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
        "c.execute('PRAGMA journal_mode=DELETE'); c.execute('BEGIN EXCLUSIVE'); "
        "pathlib.Path(sys.argv[2]).touch(); time.sleep(30)"), str(path), str(ready)])
    try:
        deadline = time.monotonic() + 20
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists()
        started = time.monotonic()
        assert read_first_screen(path) is None
        assert time.monotonic() - started < 2  # does not wait: the usual start says it is waiting, and why
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://idmf:idmf@localhost/idmf", "sqlite://", "sqlite:///:memory:",
    "sqlite:///data.sqlite3?mode=ro", "sqlite:///with%20space.sqlite3",
])
def test_anything_but_a_plain_local_file_means_the_usual_start(url, tmp_path):
    assert local_file(url, tmp_path) is None


def test_the_default_and_a_plain_sqlite_url_name_the_file(tmp_path, monkeypatch):
    monkeypatch.delenv("IDMF_DATABASE_URL")
    assert local_file(None, tmp_path) == tmp_path / "idmf.sqlite3"
    assert local_file(f"sqlite:///{tmp_path / 'x.db'}", tmp_path) == tmp_path / "x.db"
    monkeypatch.setenv("IDMF_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    assert local_file(None, tmp_path) == tmp_path / "env.db"


def test_reading_loads_neither_sqlalchemy_nor_pydantic(stored):
    code = ("import sys; from pathlib import Path; from idmf.services.first_screen import first_screen_rows; "
            "rows = first_screen_rows(None); "
            "print(len(rows), [m for m in ('sqlalchemy', 'pydantic', 'yaml', 'alembic') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.split() == ["4", "[]"]


def test_the_window_modules_load_without_the_heavy_stack():
    """What the first screen needs to paint (the app and its main window) must not drag in SQLAlchemy, pydantic
    or the form loader: a late-building editor import once pulled in the forms and cost start-up about 110 ms."""
    code = ("import sys; import idmf.ui.app, idmf.ui.main_window; "
            "print([m for m in ('sqlalchemy', 'pydantic', 'yaml', 'alembic', 'idmf.forms') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip() == "[]"

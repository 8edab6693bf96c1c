"""Backups and the start-up check: damage is detected and moved aside, backups are consistent and restorable."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest

from idmf.cli.main import main
from idmf.paths import backups_dir
from idmf.services.context import open_app
from idmf.storage.backup import integrity_ok, list_backups, take_backup, thin
from idmf.errors import DatabaseDamagedError


def _database_with_work(title: str = "Weeks of work"):
    ctx = open_app()
    item = ctx.assessments.create(title)
    for n in range(30):
        ctx.assessments.set_answer(item, "summary", f"Paragraph {n} " * 50)
    path = ctx.database.path
    ctx.close()
    return path


def _damage_by_flipping(path):
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536  # SQLite's page size, from the file header
    start = len(data) // 3 // page * page  # from a page's start: its header, not only unused space, is hit
    for offset in range(start, start + 2048):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage"])
def test_damaged_database_is_moved_aside_and_restore_offered(damage):
    path = _database_with_work()
    backup = take_backup(path, "periodic")
    if damage == "flip":
        _damage_by_flipping(path)
    elif damage == "truncate":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2 + 17])
    else:
        path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseDamagedError) as caught:
        open_app()
    error = caught.value
    assert not path.exists()
    assert error.moved_to.exists()  # moved, never deleted
    assert error.backup is not None and error.backup.path == backup
    assert "moved aside" in str(error) and "newest good backup" in str(error)


def test_restore_brings_back_the_work(capsys):
    path = _database_with_work("Stroke pathway")
    assert main(["backup", "create"]) == 0
    _damage_by_flipping(path)
    with pytest.raises(DatabaseDamagedError):
        open_app()
    assert main(["backup", "restore"]) == 0
    assert "Restored" in capsys.readouterr().out
    ctx = open_app()
    assert [s.title for s in ctx.store.assessments.list()] == ["Stroke pathway"]
    ctx.close()


def test_backup_taken_while_writes_continue_holds_every_committed_row():
    ctx = open_app()
    item = ctx.assessments.create("Busy")
    committed: list[int] = []
    stop = threading.Event()

    def writer():
        n = 0
        while not stop.is_set():
            ctx.assessments.set_answer(item, "summary", f"edit {n}")
            committed.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(committed) < 20:
            pass
        before = len(committed)
        backup = take_backup(ctx.database.path, "periodic")
    finally:
        stop.set()
        thread.join()
    ctx.close()
    assert integrity_ok(backup)
    with sqlite3.connect(backup) as conn:
        version = conn.execute("SELECT version FROM answer WHERE question_id = 'summary'").fetchone()[0]
    assert version >= before  # every edit committed before the backup started is in it


def test_thinning_keeps_recent_dense_and_old_sparse():
    folder = backups_dir()
    now = dt.datetime(2026, 11, 22, 12, 0, 0)
    stamps = [now - dt.timedelta(hours=h) for h in range(0, 24 * 60, 6)]  # every 6 hours for 60 days
    for stamp in stamps:
        (folder / f"idmf-{stamp:%Y%m%d-%H%M%S-%f}-periodic.sqlite3").write_bytes(b"")
    (folder / f"idmf-{now - dt.timedelta(days=50):%Y%m%d-%H%M%S-%f}-before-signoff.sqlite3").write_bytes(b"")
    thin(now=now)
    left = list_backups()
    recent = [b for b in left if now - b.taken_at <= dt.timedelta(days=1)]
    assert len(recent) == 5  # everything from the last day
    older_days = {b.taken_at.date() for b in left if dt.timedelta(days=1) < now - b.taken_at <= dt.timedelta(days=31)}
    assert len([b for b in left if dt.timedelta(days=1) < now - b.taken_at <= dt.timedelta(days=31)]) == len(older_days)
    assert any(b.reason == "before-signoff" for b in left)
    assert len(left) < len(stamps) / 2


def test_backup_cli_lists_what_it_took(capsys):
    _database_with_work()
    assert main(["backup", "list"]) == 0
    assert "No backups yet" in capsys.readouterr().out
    assert main(["backup", "create"]) == 0
    capsys.readouterr()
    assert main(["backup", "list"]) == 0
    assert "manual" in capsys.readouterr().out

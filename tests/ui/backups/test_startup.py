"""Start-up: a damaged data file (flipped bytes, truncated) is moved aside and the newest good backup offered;
a file from a newer version is refused untouched; the periodic backup timer follows saves."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from idmf.services.context import open_app
from idmf.storage.backup import list_backups, take_backup
from idmf.ui import app
from idmf.ui.backups.timer import BackupTimer, install_backup_timer
from idmf.ui.main_window import MainWindow
from tests.startup_helpers import checkpoint, flip, keep_excepthook, truncate, undo_main


@pytest.fixture(autouse=True)
def _quiet_start(monkeypatch, qtbot):
    """main() without an event loop; its handlers, hook and windows are undone afterwards."""
    keep_excepthook(monkeypatch)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    yield
    undo_main(qtbot, MainWindow)


def _work_with_backup():
    ctx = open_app()
    ctx.assessments.create("Backed up")
    take_backup(ctx.database.path, "periodic")
    later = ctx.assessments.create("After the backup")
    for n in range(20):
        ctx.assessments.set_answer(later, "summary", f"Paragraph {n} " * 40)
    path = ctx.database.path
    ctx.close()
    checkpoint(path)
    return path


@pytest.mark.parametrize("damage", [flip, truncate])
def test_damage_is_moved_aside_and_the_backup_restored_when_the_user_agrees(damage, boxes):
    path = _work_with_backup()
    damage(path)
    assert app.main(["idmf"]) == 0
    question = boxes["question"][0]
    assert "set it aside" in question and "nothing was deleted" in question
    assert "Your last backup is from" in question and "today; changes after that would be lost" in question
    assert list(path.parent.glob("idmf.damaged-*.sqlite3"))  # moved, never deleted
    ctx = open_app()
    assert [s.title for s in ctx.store.assessments.list()] == ["Backed up"]
    ctx.close()


def test_saying_no_starts_empty_and_keeps_the_damaged_file(boxes):
    path = _work_with_backup()
    truncate(path)
    boxes["answer"] = QMessageBox.StandardButton.No
    assert app.main(["idmf"]) == 0
    assert list(path.parent.glob("idmf.damaged-*.sqlite3"))
    ctx = open_app()
    assert ctx.store.assessments.list() == []
    ctx.close()
    assert len(list_backups()) == 1  # the backup is still there for File → Restore from backup…


def test_damage_without_any_backup_is_explained(boxes):
    ctx = open_app()
    ctx.assessments.create("No backup")
    path = ctx.database.path
    ctx.close()
    checkpoint(path)
    flip(path)
    assert app.main(["idmf"]) == 0
    assert "No backup is available" in boxes["warning"][0]


def test_a_database_from_a_newer_version_is_refused_untouched(boxes):
    ctx = open_app()
    path = ctx.database.path
    ctx.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = path.read_bytes()
    assert app.main(["idmf"]) == 1
    assert "newer version" in boxes["critical"][0] and "Install the latest version" in boxes["critical"][0]
    assert path.read_bytes() == before and list_backups() == []


def test_the_timer_backs_up_after_saves_only(qtbot, context, make_window):
    window = make_window()
    timer = install_backup_timer(window)
    assert isinstance(timer, BackupTimer) and timer.timer.interval() == 60_000
    assert timer.tick() is None  # nothing changed yet
    context.assessments.create("Changed")
    assert timer.tick() is not None
    assert timer.tick() is None  # nothing new, and not due again yet
    timer.periodic._last -= dt.timedelta(hours=1)
    context.assessments.create("Changed again")
    assert timer.tick() is not None

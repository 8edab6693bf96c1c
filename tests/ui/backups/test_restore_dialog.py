"""File → Restore from backup…: the list, the plain-English confirmation, the safety backup, the reload."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from idmf.paths import backups_dir
from idmf.storage.backup import list_backups, take_backup
from idmf.ui.backups import dialog as restore_dialog
from idmf.ui.backups.dialog import RestoreDialog, restore_from_backup
from idmf.ui.backups.wording import what_would_be_lost, when


@pytest.fixture
def boxes(monkeypatch):
    """Record message boxes; questions answer Yes."""
    seen = {"question": [], "information": [], "warning": []}
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: seen["question"].append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen["information"].append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen["warning"].append(a[2]))
    return seen


def _choose_newest(monkeypatch):
    def exec_(dialog):
        dialog.select_row(0)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", exec_)


def test_the_file_menu_has_restore_and_open_folder_above_quit(make_window):
    window = make_window()
    texts = [a.text() for a in window.menus["file"].actions()]
    assert texts.index("Restore from &backup…") < texts.index("Open backups &folder") < texts.index("&Quit")


def test_dialog_lists_backups_with_time_size_and_check(qtbot, context):
    context.assessments.create("Stroke pathway")
    take_backup(context.database.path, "periodic")
    (backups_dir() / "idmf-20200101-120000-000000-manual.sqlite3").write_bytes(b"not a database")
    dialog = RestoreDialog()
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    assert rows[0][0].endswith("today") and rows[0][1] == "While you worked" and rows[0][2].endswith("KB")
    assert rows[0][3] == "Checked, good" and rows[1][3] == "Damaged: cannot be used"
    dialog.select_row(1)
    assert not dialog.restore_button.isEnabled() and dialog.chosen() is None
    dialog.select_row(0)
    assert dialog.restore_button.isEnabled()


def test_restore_takes_a_safety_backup_closes_the_editor_and_reloads(qtbot, monkeypatch, make_window, context,
                                                                     boxes):
    kept = context.assessments.create("Kept from the backup")
    take_backup(context.database.path, "periodic")
    later = context.assessments.create("Made after the backup")
    window = make_window()
    window.open_assessment(later.id)
    _choose_newest(monkeypatch)
    assert restore_from_backup(window)
    assert window.editor is None  # closed before the file was swapped
    assert "Put back the backup from" in boxes["question"][0] and "would be lost" in boxes["question"][0]
    assert [s.title for s in context.store.assessments.list()] == [kept.title]
    assert [s.title for s in window.dashboard.context.store.assessments.list()] == [kept.title]
    assert any(b.reason == "before-restore" for b in list_backups())  # today's work is in a safety backup
    assert "is back in place" in boxes["information"][0] and "kept as" in boxes["information"][0]
    replaced = list(context.database.path.parent.glob("idmf.replaced-*.sqlite3"))
    assert replaced  # the file it replaced is set aside, not deleted


def test_saying_no_changes_nothing(monkeypatch, make_window, context, boxes):
    context.assessments.create("Only one")
    take_backup(context.database.path, "periodic")
    context.assessments.create("Second")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    _choose_newest(monkeypatch)
    assert not restore_from_backup(make_window())
    assert len(context.store.assessments.list()) == 2


def test_open_backups_folder_uses_the_desktop(monkeypatch, make_window):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    window = make_window()
    window.open_backups_action.trigger()
    assert opened == [str(backups_dir())]


def test_times_are_plain_english():
    now = dt.datetime(2026, 3, 4, 16, 0)
    assert when(dt.datetime(2026, 3, 4, 14, 5), now) == "14:05 today"
    assert when(dt.datetime(2026, 3, 3, 9, 30), now) == "09:30 yesterday"
    assert when(dt.datetime(2026, 3, 2, 9, 30), now) == "09:30 on Monday 2 March 2026"
    text = what_would_be_lost(dt.datetime(2026, 3, 4, 14, 5), dt.datetime(2026, 3, 4, 15, 40), now)
    assert text == ("Your last backup is from 14:05 today; changes after that would be lost "
                    "(you last changed your data at 15:40 today).")
    assert restore_dialog.reason_text("before-upgrade-from-0003") == "Before an upgrade"

"""The File menu's backup commands: Restore from backup… and Open backups folder."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from idmf.paths import backups_dir
from idmf.ui.backups.dialog import restore_from_backup

log = logging.getLogger(__name__)
NOT_SQLITE = "Backups here are for the app's own data file; a database server has its own backups."


def open_backups_folder(parent=None) -> bool:
    """Show the backups folder in the system's file manager; explain if that is not possible."""
    folder = backups_dir()
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    QMessageBox.information(parent, "Backups folder", f"Your backups are kept in {folder}.")
    return False


def _file_menu(window: QMainWindow) -> QMenu:
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text().replace("&", "") == "File":
            return action.menu()
    return window.menuBar().addMenu("&File")


def install_backup_actions(window: QMainWindow) -> tuple[QAction, QAction]:
    """Add the two commands to the window's File menu, just above Quit."""
    restore = QAction("Restore from &backup…", window)
    restore.triggered.connect(lambda: restore_from_backup(window))
    folder = QAction("Open backups &folder", window)
    folder.triggered.connect(lambda: open_backups_folder(window))
    if not window.context.database.is_sqlite or window.context.database.path is None:
        for action in (restore, folder):
            action.setEnabled(False)
            action.setToolTip(NOT_SQLITE)
    menu = _file_menu(window)
    quit_action = getattr(window, "quit_action", None)
    before = quit_action if quit_action in menu.actions() else None
    menu.insertActions(before, [restore, folder])
    menu.insertSeparator(before)
    window.restore_backup_action, window.open_backups_action = restore, folder
    return restore, folder

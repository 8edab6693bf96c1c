"""The File menu's backup commands: Restore from backup… and Open backups folder."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow

from idmf.paths import backups_dir
from idmf.services.backups import NOT_SQLITE
from idmf.ui import messages
from idmf.ui.backups.dialog import restore_from_backup

log = logging.getLogger(__name__)


def open_backups_folder(parent=None) -> bool:
    """Show the backups folder in the system's file manager; explain if that is not possible."""
    folder = backups_dir()
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    messages.information(parent, "Backups folder", f"Your backups are kept in {folder}.")
    return False


def install_backup_actions(window: QMainWindow) -> tuple[QAction, QAction]:
    """Add the two commands to the window's File menu, just above Quit."""
    restore = QAction("Restore from &backup…", window)
    restore.triggered.connect(lambda: restore_from_backup(window))
    folder = QAction("Open backups &folder", window)
    folder.triggered.connect(lambda: open_backups_folder(window))
    if not window.context.backups.available:
        for action in (restore, folder):
            action.setEnabled(False)
            action.setToolTip(NOT_SQLITE)
    menu = window.menus["file"]
    quit_action = getattr(window, "quit_action", None)
    before = quit_action if quit_action in menu.actions() else None
    menu.insertActions(before, [restore, folder])
    menu.insertSeparator(before)
    window.restore_backup_action, window.open_backups_action = restore, folder
    return restore, folder

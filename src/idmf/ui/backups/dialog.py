"""File → Restore from backup…: the list of backups (time, size, verified) and the restore, with confirmation."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from idmf.paths import backups_dir
from idmf.services.backups import Backup, is_intact, list_all
from idmf.ui import messages
from idmf.ui.backups.wording import last_written, size, what_would_be_lost, when
from idmf.ui.tasks import describe_error

log = logging.getLogger(__name__)
HEADING = "Restore from backup"
REASONS = {"periodic": "While you worked", "manual": "Taken by hand", "before-signoff": "Before a sign-off",
           "before-restore": "Before a restore"}


def reason_text(reason: str) -> str:
    """Why a backup was taken, in words."""
    if reason.startswith("before-upgrade"):
        return "Before an upgrade"
    return REASONS.get(reason, reason.replace("-", " ").capitalize())


class RestoreDialog(QDialog):
    """Lists the backups, newest first; the chosen one is in `chosen()` after Restore."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(HEADING)
        self.backups = list_all()
        self.verified = [is_intact(b.path) for b in self.backups]
        intro = QLabel(f"Backups are kept in {backups_dir()}. Choose one to put back. Your current data is "
                       "backed up and set aside first, never deleted.")
        intro.setWordWrap(True)
        self.table = self._make_table()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table if self.backups else QLabel("There are no backups yet."))
        layout.addWidget(self.buttons)
        self.resize(640, 360)

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(len(self.backups), 4, self)
        table.setHorizontalHeaderLabels(["Taken", "Why", "Size", "Checked"])
        table.setAccessibleName("Backups, newest first")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, (backup, ok) in enumerate(zip(self.backups, self.verified)):
            cells = [when(backup.taken_at), reason_text(backup.reason), size(backup.size),
                     "Checked, good" if ok else "Damaged: cannot be used"]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.itemSelectionChanged.connect(self._selection_changed)
        table.doubleClicked.connect(lambda _index: self.restore_button.isEnabled() and self.accept())
        return table

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        self.restore_button.setEnabled(0 <= row < len(self.backups) and self.verified[row])

    def select_row(self, row: int) -> None:
        """Choose a backup (as a click on its row does)."""
        self.table.selectRow(row)
        self.table.setCurrentCell(row, 0)

    def chosen(self) -> Backup | None:
        """The backup chosen, if it can be restored."""
        row = self.table.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) and self.verified[row] else None


def confirm(parent: QWidget | None, backup: Backup, database_path) -> bool:
    """Ask, in plain words, before replacing the user's data."""
    lost = what_would_be_lost(backup.taken_at, last_written(database_path))
    answer = messages.question(
        parent, HEADING, f"Put back the backup from {when(backup.taken_at)}?\n\n{lost}\n\nYour current data is "
        "backed up first and kept beside the new file, so you can go back to it.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def restore_from_backup(window) -> bool:
    """The whole File → Restore from backup… dialogue on a MainWindow; True when a backup was put back."""
    dialog = RestoreDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted or (backup := dialog.chosen()) is None:
        return False
    if not confirm(window, backup, window.context.data_location) or not window.show_dashboard():
        return False
    try:
        done = window.context.backups.restore(backup.path)
    except Exception as exc:  # noqa: BLE001 - the user must hear why, the window must stay
        log.warning("Restore failed: %s", type(exc).__name__)
        messages.warning(window, HEADING, f"The backup could not be put back. {describe_error(exc)}")
        return False
    kept = f" The data it replaced is kept as {done.set_aside.name}." if done.set_aside else ""
    messages.information(window, HEADING, f"The backup from {when(backup.taken_at)} is back in place.{kept}")
    return True

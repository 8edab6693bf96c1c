"""The census tables kept with the assessment: the list, Remove, and the undoable change behind both."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from idmf.domain.evidence import CensusTable, merged_tables

NONE_YET = "No census tables are in this assessment's evidence base yet."


merged = merged_tables  # the attached tables after adding some (a table of the same code and area is replaced)


def describe(table: CensusTable) -> str:
    """One line of the attached list."""
    name = table.title if table.deprivation else f"{table.title} ({table.table_code})"
    if table.origin:  # "ONS Census 2021, shipped with IDMF Desktop (bulk files)", "… downloaded from Nomis on …"
        return f"{name} – {table.area_name}; {table.origin}"
    when = f", figures retrieved {table.retrieved:%d %B %Y}" if table.retrieved else ""
    return f"{name} – {table.area_name}{when}"


class AttachTablesCommand(QUndoCommand):
    """Replace the attached census tables; undo puts the previous list back (both stored at once)."""

    def __init__(self, save: Callable[[list[CensusTable], bool], bool], old: list[CensusTable],
                 new: list[CensusTable], text: str) -> None:
        super().__init__(text)
        self.save, self.old, self.new = save, list(old), list(new)
        self._pushed = False

    def redo(self) -> None:
        """Store the new list; if the first save fails, the stack drops this step."""
        if not self.save(self.new, self._pushed) and not self._pushed:
            self.setObsolete(True)
        self._pushed = True

    def undo(self) -> None:
        """Store the previous list again."""
        self.save(self.old, True)


class AttachedList(QWidget):
    """Which census tables the assessment keeps, with a button to remove the selected ones."""

    sig_remove = Signal(list)  # the CensusTables to take out

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables: list[CensusTable] = []
        self.summary = QLabel(NONE_YET)
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Census tables in the evidence base")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.remove_button = QPushButton("Remove from evidence base")
        self.remove_button.setAccessibleName("Remove the selected census tables from the evidence base")
        self.remove_button.clicked.connect(self._remove)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.show_tables([])

    def show_tables(self, tables: list[CensusTable]) -> None:
        """List the attached tables."""
        self.tables = list(tables)
        self.list.clear()
        self.list.addItems([describe(t) for t in tables])
        self.summary.setText(f"In this assessment's evidence base ({len(tables)}), stored with it so later "
                             "census updates never change it:" if tables else NONE_YET)
        self.list.setVisible(bool(tables))
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * len(tables) + 2 * self.list.frameWidth() + 4
                                 if tables else 0)
        self.remove_button.setVisible(bool(tables))
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedIndexes()) and self.isEnabled())

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.list.selectedIndexes()})
        if rows:
            self.sig_remove.emit([self.tables[n] for n in rows])

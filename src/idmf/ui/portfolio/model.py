"""One portfolio table as a Qt item model: the headers and rows of idmf.review.portfolio.tables, and for each
row the assessment (and step) that clicking it opens."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

COL_FIRST = 0  # every table's first column: the assessment's id where rows are assessments

Target = tuple[int, str | None]  # assessment id, section to open at (None: where it was left)


class PortfolioTableModel(QAbstractTableModel):
    """Read-only rows of one portfolio table; `target(row)` says what opening that row shows."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()
        self.rows: list[tuple] = []
        self.targets: list[Target | None] = []

    def set_table(self, headers: tuple[str, ...], rows: list[tuple], targets: list[Target | None]) -> None:
        """Show another table (targets: one per row, or empty when rows open nothing)."""
        self.beginResetModel()
        self.headers, self.rows = tuple(headers), list(rows)
        self.targets = list(targets) if targets else [None] * len(self.rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)
        if role == Qt.ItemDataRole.UserRole:  # the value itself, for sorting
            return value
        if role == Qt.ItemDataRole.ToolTipRole and self.targets[index.row()] is not None:
            return "Double-click or press Enter to open this assessment"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def target(self, row: int) -> Target | None:
        """The assessment and step a row opens (None for a summary row)."""
        return self.targets[row] if 0 <= row < len(self.targets) else None

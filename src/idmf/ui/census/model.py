"""A census table as a Qt table model: category, count, %, England's % and the difference in points."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from idmf.domain.evidence import CensusRow, CensusTable

COL_CATEGORY, COL_COUNT, COL_PERCENT, COL_ENGLAND, COL_DIFFERENCE = range(5)
HEADERS = ("Category", "Count", "%", "England %", "Difference (points)")
HEADER_TIPS = ("The census category; detailed groups are indented under their broad group",
               "People in the area in this category", "Share of the area's population in this table",
               "Share of England's population in this category",
               "Percentage points above (+) or below (−) England's share")
OVER_MARK = "▲"  # marks the largest over-representations in text, so colour is never the only signal
NO_FIGURE = "—"
Index = QModelIndex | QPersistentModelIndex


def points(value: float | None) -> str:
    """A difference in percentage points with its sign ('+4.1', '−2.0'), or a dash when unknown."""
    if value is None:
        return NO_FIGURE
    return f"{value:+.1f}".replace("-", "−")


def category_text(row: CensusRow) -> str:
    """The category as shown: indented under its broad group, marked when over-represented."""
    name = row.category.split(": ", 1)[1] if row.parent else row.category
    text = f"    {name}" if row.parent else name
    return f"{text}  {OVER_MARK}" if row.over_represented else text


class ProfileTableModel(QAbstractTableModel):
    """Read-only rows of one CensusTable; over-represented rows are bold and marked with ▲."""

    def __init__(self, table: CensusTable | None = None, parent=None) -> None:
        super().__init__(parent)
        self._table = table

    @property
    def table(self) -> CensusTable | None:
        return self._table

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() or self._table is None else len(self._table.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(HEADERS)

    def row(self, number: int) -> CensusRow:
        """The census row shown on a line."""
        assert self._table is not None
        return self._table.rows[number]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._table is None:
            return None
        row = self.row(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != COL_CATEGORY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.over_represented:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.over_represented:
            return (f"One of the largest over-representations: {points(row.difference)} percentage points "
                    "above England's share.")
        return None

    @staticmethod
    def _text(row: CensusRow, column: int) -> str:
        if column == COL_CATEGORY:
            return category_text(row)
        if column == COL_COUNT:
            return f"{row.count:,}"
        if column == COL_PERCENT:
            return f"{row.percent:.1f}%"
        if column == COL_ENGLAND:
            return NO_FIGURE if row.england_percent is None else f"{row.england_percent:.1f}%"
        return points(row.difference)

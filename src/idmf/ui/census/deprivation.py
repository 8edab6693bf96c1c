"""IMD 2019 deprivation figures: a Qt table model (shown in Step 2's deprivation tab, profile_view.DeprivationPage)
and the Step 4 note beside "People experiencing deprivation"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from idmf.domain.evidence import DEPRIVATION_HEADINGS, CensusTable, DeprivationFigure

COL_AREA, COL_SCORE, COL_RANK, COL_DECILE, COL_SHARE = range(5)
HEADER_TIPS = ("The local authority (IMD 2019 boundaries)", "IMD average score: higher means more deprived",
               "Rank of the average score among England's local authorities; 1 is the most deprived",
               "Tenth of authorities by rank: 1 is the most deprived tenth, 10 the least",
               "Share of the authority's small areas (LSOAs) among England's most deprived 10 %")
Index = QModelIndex | QPersistentModelIndex


class DeprivationTableModel(QAbstractTableModel):
    """Read-only rows of a deprivation table, one per local authority."""

    def __init__(self, table: CensusTable, parent=None) -> None:
        super().__init__(parent)
        self.figures: list[DeprivationFigure] = list(table.deprivation)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(DEPRIVATION_HEADINGS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.figures[index.row()].cells()[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != COL_AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(DEPRIVATION_HEADINGS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return DEPRIVATION_HEADINGS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS[section]
        return None


def note_text(table: CensusTable, kept: bool) -> str:
    """The Step 4 note beside "People experiencing deprivation": each authority's rank and decile."""
    if not table.deprivation:
        return ""
    where = ("the deprivation table in your evidence base" if kept
             else "the profile shown in Step 2 (not yet added to your evidence base)")
    lines = [f"Deprivation (IMD 2019) for {table.area_name}, from {where}:"]
    for figure in table.deprivation:
        lines.append(f"\u2022 {figure.area_name}: ranked {figure.rank} of {figure.of} local authorities "
                     f"(1 = most deprived), decile {figure.decile}; {figure.most_deprived_10:.1f}% of its small "
                     "areas are in England's most deprived 10 %.")
    lines.append("IMD 2019 uses 2019 boundaries and ranks areas against each other; it does not count how many "
                 "people are deprived.")
    return "\n".join(lines)

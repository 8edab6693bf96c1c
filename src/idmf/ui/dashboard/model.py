"""The dashboard's table: assessment summaries as a Qt model, plus the search / status filter on top."""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from idmf.domain.status import Status
from idmf.domain.summary import AssessmentSummary
from idmf.ui.rows import RowsTableModel

COL_TITLE, COL_ORGANISATION, COL_LEAD, COL_STATUS, COL_PROGRESS, COL_UPDATED, COL_REVIEW_DATE = range(7)
HEADERS = ("Title", "Organisation", "Lead", "Status", "Steps done", "Last edited", "Review date")
TOTAL_STEPS = 6

# Plain sortable values (str / int / float) so Qt can compare them without calling back into Python.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# The assessment id of a row, whatever the column.
ID_ROLE = Qt.ItemDataRole.UserRole + 2
# The row's AssessmentSummary itself.
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 3

# The roles data() answers.
_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, SORT_ROLE,
                                    ID_ROLE, SUMMARY_ROLE, Qt.ItemDataRole.ToolTipRole,
                                    Qt.ItemDataRole.TextAlignmentRole))
_STATUS_ORDER = {status: n for n, status in enumerate(Status)}
_NO_DATE = 10**7  # after every real date's ordinal, so undated rows sort last when ascending

ModelIndex = QModelIndex | QPersistentModelIndex


def _local(moment: dt.datetime) -> dt.datetime:
    """Stored times are UTC; people read their own clock."""
    return moment.astimezone()


def _display(item: AssessmentSummary, column: int) -> str:
    if column == COL_TITLE:
        title = item.title or "(untitled)"
        version = f" (version {item.version_number})" if item.version_number > 1 else ""
        # Said in words, not only greyed out, so it is not carried by colour alone.
        return f"{title}{version}{' — archived' if item.archived else ''}"
    if column == COL_STATUS:
        return item.status.label
    if column == COL_PROGRESS:
        return f"{item.steps_complete}/{TOTAL_STEPS}"
    if column == COL_UPDATED:
        return f"{_local(item.updated_at):%d/%m/%Y %H:%M}"
    if column == COL_REVIEW_DATE:
        return f"{item.review_date:%d/%m/%Y}" if item.review_date else ""
    return item.organisation if column == COL_ORGANISATION else item.lead


def _sort_key(item: AssessmentSummary, column: int) -> Any:
    if column == COL_STATUS:
        return _STATUS_ORDER[item.status]
    if column == COL_PROGRESS:
        return item.steps_complete
    if column == COL_UPDATED:
        return item.updated_at.timestamp()
    if column == COL_REVIEW_DATE:
        return item.review_date.toordinal() if item.review_date else _NO_DATE
    return _display(item, column).casefold()


class AssessmentTableModel(RowsTableModel):
    """A read-only table of AssessmentSummary rows; `set_summaries` replaces them all."""

    HEADERS = HEADERS

    def __init__(self, summaries: Sequence[AssessmentSummary] = (), parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AssessmentSummary] = []
        self._haystacks: dict[int, str] = {}  # id -> casefolded title, organisation and lead, for search
        self._order: tuple[int, Qt.SortOrder] | None = None
        self.set_summaries(summaries)

    def set_summaries(self, summaries: Sequence[AssessmentSummary]) -> None:
        """Show a fresh list (after any change in the database), in the current sort order."""
        self.beginResetModel()
        self._rows = list(summaries)
        self._haystacks = {s.id: "\n".join((s.title, s.organisation, s.lead)).casefold() for s in self._rows}
        if self._order is not None:
            self._sort_rows(*self._order)
        self.endResetModel()

    def add_summaries(self, summaries: Sequence[AssessmentSummary]) -> None:
        """Add rows loaded after the first page (any already shown are skipped), keeping the sort order."""
        shown = set(self._haystacks)
        new = [s for s in summaries if s.id not in shown]
        if not new:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(new) - 1)
        self._rows.extend(new)
        self._haystacks.update((s.id, "\n".join((s.title, s.organisation, s.lead)).casefold()) for s in new)
        self.endInsertRows()
        if self._order is not None:
            self.sort(*self._order)

    def summaries(self) -> list[AssessmentSummary]:
        """Every row, in the order shown."""
        return list(self._rows)

    def search_text(self, row: int) -> str:
        """A row's title, organisation and lead, casefolded (computed once per refresh, not per keystroke)."""
        return self._haystacks[self._rows[row].id]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key per row: Qt's proxy sort calls data() twice per comparison (seconds
        for 10,000 rows)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in before]
        self._order = (column, order)
        self._sort_rows(column, order)
        row_of = {item.id: n for n, item in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(row_of[i], index.column()) for i, index in zip(ids, before)])
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        if 0 <= column < len(HEADERS):
            self._rows.sort(key=lambda item: _sort_key(item, column), reverse=order == Qt.SortOrder.DescendingOrder)

    def summary(self, row: int) -> AssessmentSummary:
        """The summary shown in a row."""
        return self._rows[row]

    def row_of(self, assessment_id: int) -> int:
        """The row showing an assessment, or -1."""
        return next((n for n, item in enumerate(self._rows) if item.id == assessment_id), -1)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, sort keys (SORT_ROLE), the id (ID_ROLE), tooltips and alignment."""
        # Views ask for a dozen roles per cell (fonts, colours, icons...): turn those away before any other work.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _display(item, column)
        if role == SORT_ROLE:
            return _sort_key(item, column)
        if role == ID_ROLE:
            return item.id
        if role == SUMMARY_ROLE:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_PROGRESS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


    @staticmethod
    def _tooltip(item: AssessmentSummary, column: int) -> str | None:
        if column == COL_PROGRESS:
            return f"{item.steps_complete} of {TOTAL_STEPS} IDMF steps have every required answer"
        if column in (COL_TITLE, COL_ORGANISATION, COL_LEAD):
            return _display(item, column) or None  # the whole text when the column is too narrow for it
        return None


class AssessmentFilterProxy(QSortFilterProxyModel):
    """Search as you type (title, organisation, lead), one status, and archived rows only on request."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._search = ""
        self._status: Status | None = None
        self._show_archived = False
        self._only_ids: frozenset[int] | None = None
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Have the source model sort (fast, in Python); this proxy then only filters, keeping its order."""
        self.sourceModel().sort(column, order)

    def set_search(self, text: str) -> None:
        """Keep rows whose title, organisation or lead contains the text (any case)."""
        self._change_filter("_search", text.strip().casefold())

    def set_status(self, status: Status | None) -> None:
        """Keep only rows in this status (None: every status)."""
        self._change_filter("_status", status)

    def set_only_ids(self, ids: frozenset[int] | None) -> None:
        """Keep only these assessments (the "Needs you" bar's choice); None: no such limit."""
        self._change_filter("_only_ids", ids)

    def set_show_archived(self, show: bool) -> None:
        """Include archived assessments or not."""
        self._change_filter("_show_archived", show)

    def _change_filter(self, name: str, value: Any) -> None:
        # Qt 6.10 replaced invalidateFilter() with begin/endFilterChange(); older Qt only has the former.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange()
        else:  # pragma: no cover - Qt before 6.10
            setattr(self, name, value)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:  # noqa: N802 - Qt API
        item: AssessmentSummary = self.sourceModel().summary(source_row)
        if item.archived and not self._show_archived:
            return False
        if self._status is not None and item.status != self._status:
            return False
        if self._only_ids is not None and item.id not in self._only_ids:
            return False
        if not self._search:
            return True
        return self._search in self.sourceModel().search_text(source_row)

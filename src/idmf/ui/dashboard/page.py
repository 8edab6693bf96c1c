"""The dashboard: every assessment in a searchable, sortable table, or the first-run panel when there are none."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from idmf.domain.status import Status
from idmf.services.changes import Changes
from idmf.ui.changes import ChangeRelay
from idmf.domain.summary import AssessmentSummary
from idmf.ui.dashboard import actions
from idmf.ui.dashboard.first_run import FirstRunPanel
from idmf.ui.dashboard.needs_you import NeedsYouBar
from idmf.ui.tasks import run_in_background
from idmf.ui.dashboard.model import (
    COL_LEAD, COL_ORGANISATION, COL_TITLE, COL_UPDATED, ID_ROLE, AssessmentFilterProxy, AssessmentTableModel,
)

if TYPE_CHECKING:
    from idmf.services.context import AppContext

# Widest a text column may grow, in average characters, so the title keeps most of the room (the full
# text is in the tooltip).
_MAX_CHARS = {COL_ORGANISATION: 34, COL_LEAD: 24}


class AssessmentTable(QTableView):
    """The table; Enter or Return on a row asks to open it, like a double-click."""

    sig_activated = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.sig_activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class DashboardPage(QWidget):
    """The list of assessments with New, Open, Duplicate as new version and Archive / Restore."""

    sig_open_requested = Signal(int)
    sig_selection_changed = Signal()

    def __init__(self, context: AppContext | None, parent: QWidget | None = None,
                 first_rows: list[AssessmentSummary] | None = None) -> None:
        """`context` None: a quick start showing `first_rows` until `attach_context` brings the services."""
        super().__init__(parent)
        self.context = context
        self._generation = 0  # which refresh a background load of the rest of the list belongs to
        self.model = AssessmentTableModel(parent=self)
        self.proxy = AssessmentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.first_run = FirstRunPanel()
        self.first_run.sig_new_requested.connect(self.new_assessment)
        self._make_controls()
        self._make_table()
        self.views = QStackedWidget()
        self.views.addWidget(self.first_run)
        self.views.addWidget(self._list_view())
        QVBoxLayout(self).addWidget(self.views)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        if context is None:
            self.model.set_summaries(first_rows or [])
            self._show_loaded(None)
        else:
            self.attach_context(context, fresh=True)

    def attach_context(self, context: AppContext, fresh: bool = False) -> None:
        """Follow the database through the services; rows read before (a quick start) stay as they are unless
        the services list something else, so nothing on screen moves."""
        self.context = context
        self.relay = ChangeRelay(context.changes, self)
        self.relay.sig_changed.connect(self._data_changed)
        if fresh or context.assessments.lists_in_pages():
            self.refresh()
            return
        listed = context.assessments.list(include_archived=True)
        if sorted(listed, key=_by_id) != sorted(self.model.summaries(), key=_by_id):
            self.refresh()
        else:
            self._update_buttons()

    def _data_changed(self, changes: Changes) -> None:
        """Follow a change notice: new, archived or imported rows show at once (an hidden list waits: the main
        window refreshes it when it comes back)."""
        if (changes.listing or changes.everything) and self.isVisibleTo(self.window()):
            self.refresh(select_id=changes.opened)

    # --- building -------------------------------------------------------------------------------------------
    def _make_controls(self) -> None:
        self.search = QLineEdit(placeholderText="Title, organisation or lead", clearButtonEnabled=True)
        self.search.setAccessibleName("Search assessments")
        self.search.textChanged.connect(self.proxy.set_search)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show assessments with status")
        self.status_filter.addItem("All statuses", None)
        for status in Status:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(self._status_chosen)
        self.show_archived = QCheckBox("Show arc&hived")
        self.show_archived.toggled.connect(self.proxy.set_show_archived)
        self.show_archived.toggled.connect(self._update_buttons)
        self.needs_you = NeedsYouBar()
        self.needs_you.sig_filter.connect(self.proxy.set_only_ids)
        self.new_button = QPushButton("&New assessment")
        self.open_button = QPushButton("&Open")
        self.duplicate_button = QPushButton("&Duplicate as new version")
        self.archive_button = QPushButton("&Archive…")
        self.new_button.clicked.connect(self.new_assessment)
        self.open_button.clicked.connect(self.open_selected)
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.archive_button.clicked.connect(self.archive_selected)

    def _make_table(self) -> None:
        self.table = AssessmentTable()
        self.table.setObjectName("assessments")
        self.table.setAccessibleName("Assessments")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_UPDATED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the buttons, in reading order
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fit columns to the rows on show plus 100 more, not to 1,000 (Qt's default): a 10,000-row list loads fast.
        self.table.verticalHeader().setResizeContentsPrecision(100)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.sig_activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.no_match = QLabel("No assessments match the search or status filter.")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.proxy.layoutChanged.connect(self._update_no_match)
        self.proxy.rowsInserted.connect(self._update_no_match)
        self.proxy.rowsRemoved.connect(self._update_no_match)
        self.proxy.modelReset.connect(self._update_no_match)

    def _list_view(self) -> QWidget:
        heading = QLabel("Assessments")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() + 5)
        font.setBold(True)
        heading.setFont(font)
        search_label, status_label = QLabel("&Search:"), QLabel("S&tatus:")
        search_label.setBuddy(self.search)
        status_label.setBuddy(self.status_filter)
        self.search.setMinimumWidth(280)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        for widget in (search_label, self.search, status_label, self.status_filter, self.show_archived):
            top.addWidget(widget)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.duplicate_button, self.archive_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.needs_you)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.no_match)
        layout.addLayout(buttons)
        return page

    # --- state ----------------------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Reload from the database; show the first-run panel when there are no assessments at all.

        On a database server the first page is shown at once and the rest (thousands of rows on a team server)
        is loaded off the GUI thread and added when it arrives, so the first screen does not wait for it all."""
        keep = select_id if select_id is not None else self.selected_id()
        self._generation += 1
        if self.context.assessments.lists_in_pages():
            first, cursor = self.context.assessments.page(include_archived=True)
        else:
            first, cursor = self.context.assessments.list(include_archived=True), None
        self.model.set_summaries(first)
        self._show_loaded(keep)
        if cursor is not None:
            generation, service = self._generation, self.context.assessments
            run_in_background(self, lambda: _rest_of_list(service, cursor),
                              on_success=lambda rest: self._rest_loaded(generation, rest, keep),
                              label="Loading the rest of the list…")

    def _rest_loaded(self, generation: int, rest: list[AssessmentSummary], keep: int | None) -> None:
        if generation != self._generation:
            return  # a newer refresh started meanwhile: its own load follows
        self.model.add_summaries(rest)
        self._show_loaded(keep if self.selected_id() is None else None)

    def _show_loaded(self, keep: int | None) -> None:
        summaries = self.model.summaries()
        self.needs_you.update_counts(summaries)
        self.views.setCurrentWidget(self.first_run if not summaries else self.views.widget(1))
        if keep is not None:
            self.select_id(keep)
        self._fit_columns()
        self._update_buttons()
        self._update_no_match()

    def _fit_columns(self) -> None:
        char = self.table.fontMetrics().averageCharWidth()
        for column in range(self.model.columnCount()):
            if column == COL_TITLE:
                continue
            self.table.resizeColumnToContents(column)
            limit = _MAX_CHARS.get(column, 0) * char
            if limit and self.table.columnWidth(column) > limit:
                self.table.setColumnWidth(column, limit)

    def is_first_run(self) -> bool:
        """Whether the first-run panel is showing (the database has no assessments)."""
        return self.views.currentWidget() is self.first_run

    def select_id(self, assessment_id: int) -> bool:
        """Select an assessment's row if it is visible; True when selected."""
        row = self.model.row_of(assessment_id)
        index = self.proxy.mapFromSource(self.model.index(row, COL_TITLE)) if row >= 0 else QModelIndex()
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def selected_summary(self) -> AssessmentSummary | None:
        """The selected assessment, if any."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.summary(self.proxy.mapToSource(rows[0]).row())

    def selected_id(self) -> int | None:
        """The selected assessment's id, if any."""
        summary = self.selected_summary()
        return summary.id if summary is not None else None

    def _status_chosen(self, _index: int) -> None:
        value = self.status_filter.currentData()
        self.proxy.set_status(Status(value) if value else None)

    def _update_buttons(self) -> None:
        summary = self.selected_summary()
        ready = self.context is not None  # a quick start: the services are still loading
        for button in (self.open_button, self.duplicate_button, self.archive_button):
            button.setEnabled(ready and summary is not None)
        self.new_button.setEnabled(ready)
        self.first_run.setEnabled(ready)
        self.archive_button.setText("&Restore" if summary is not None and summary.archived else "&Archive…")
        self.sig_selection_changed.emit()

    def _update_no_match(self) -> None:
        self.no_match.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)

    # --- commands -------------------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open_requested.emit(int(index.data(ID_ROLE)))

    def new_assessment(self) -> None:
        """Ask for a title, create the draft and ask to open it."""
        if self.context is None:  # a quick start still loading (its buttons are disabled meanwhile)
            return
        new_id = actions.new_assessment(self, self.context)
        if new_id is not None:
            self.sig_open_requested.emit(new_id)

    def open_selected(self) -> None:
        """Ask to open the selected assessment."""
        if (assessment_id := self.selected_id()) is not None:
            self.sig_open_requested.emit(assessment_id)

    def duplicate_selected(self) -> None:
        """Start the next version of the selected assessment and select it."""
        if self.context is None:  # a quick start still loading (its buttons are disabled meanwhile)
            return
        if (assessment_id := self.selected_id()) is not None:
            actions.duplicate_as_new_version(self, self.context, assessment_id)  # its notice selects the copy

    def archive_selected(self) -> None:
        """Archive the selected assessment after asking, or restore it when it is archived."""
        if self.context is None:  # a quick start still loading (its buttons are disabled meanwhile)
            return
        summary = self.selected_summary()
        if summary is None:
            return
        if summary.archived:
            actions.restore(self, self.context, summary.id)
        else:
            actions.archive(self, self.context, summary.id)  # its notice refreshes the list


def _by_id(summary: AssessmentSummary) -> int:
    return summary.id


REST_PAGE = 1000  # after the first screen, fewer and larger pages: fewer round trips


def _rest_of_list(service, cursor) -> list[AssessmentSummary]:
    """Every page after the first (run off the GUI thread)."""
    rest: list[AssessmentSummary] = []
    while cursor is not None:
        rows, cursor = service.page(cursor, REST_PAGE, include_archived=True)
        rest += rows
    return rest

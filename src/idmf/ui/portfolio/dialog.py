"""View → Portfolio…: charts and tables across every assessment you can see, filtered by organisation, responsible
director and start date; CSV (the table shown) and Excel (every table) export; a row opens its assessment at the
right step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QGridLayout,
                               QHBoxLayout, QLabel, QPushButton, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from idmf.review.portfolio import Portfolio, PortfolioFilter, tables
from idmf.ui import messages
from idmf.ui.portfolio.chart_area import ChartArea
from idmf.ui.portfolio.charts import chart_view, groups_chart, status_chart
from idmf.ui.portfolio.model import PortfolioTableModel, Target
from idmf.ui.tasks import describe_error, run_in_background

ALL_ORGANISATIONS = "All organisations"
ALL_DIRECTORS = "All directors"
NO_DIRECTOR = "(no director named)"


def _targets(built: Portfolio) -> dict[str, list[Target]]:
    """Where each row of the tables that list assessments opens."""
    return {"Negative impacts": [(n.assessment_id, n.section_id) for n in built.negatives],
            "Actions": [(a.assessment_id, a.section_id) for a in built.actions],
            "Reviews due": [(r.assessment_id, None) for r in built.reviews]}


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class PortfolioDialog(QDialog):
    """The portfolio; `sig_open_requested(assessment id, section id or '')` asks the window to open one."""

    sig_open_requested = Signal(int, str)

    def __init__(self, context, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Portfolio")
        self.context, self.today = context, today or dt.date.today()
        self.built: Portfolio | None = None
        self.models: dict[str, PortfolioTableModel] = {}
        self.summary = QLabel("Loading…")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.chart_area = ChartArea()  # the first tab
        self.charts = self.chart_area.charts
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices())
        layout.addLayout(self._dates())
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self._buttons())
        room = self.screen().availableGeometry()  # 1280×720 at 125 % leaves about 1024×538
        self.resize(min(1100, room.width() * 19 // 20), min(700, room.height() * 19 // 20))
        self.refresh()

    # --- building -------------------------------------------------------------------------------------------
    def _choices(self) -> QGridLayout:
        """Organisation and responsible director, a row each so long names fit a small screen: their names come
        with the first portfolio (add_choices)."""
        self.organisation = QComboBox()
        self.organisation.setAccessibleName("Organisation")
        self.organisation.addItem(ALL_ORGANISATIONS, None)
        self.organisation.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # widens for the names
        self.director = QComboBox()
        self.director.setAccessibleName("Responsible director")
        self.director.addItem(ALL_DIRECTORS, None)
        # Directors are typed as "name, job title": at least 28 characters wide, the whole name in the list and tip.
        self.director.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.director.setMinimumContentsLength(28)
        self.director.currentIndexChanged.connect(lambda: self.director.setToolTip(self.director.currentText()))
        grid = QGridLayout()
        for row, (text, box) in enumerate((("&Organisation:", self.organisation),
                                           ("Responsible &director:", self.director))):
            label = QLabel(text)
            label.setBuddy(box)
            grid.addWidget(label, row, 0)
            grid.addWidget(box, row, 1)
        grid.setColumnStretch(2, 1)  # the boxes as wide as the longer needs, not the whole dialog
        return grid

    def _dates(self) -> QHBoxLayout:
        self.use_dates = QCheckBox("Started between")
        self.started_from = QDateEdit(QDate(self.today.year - 1, self.today.month, 1), calendarPopup=True)
        self.started_to = QDateEdit(QDate(self.today.year, self.today.month, self.today.day), calendarPopup=True)
        for edit, name in ((self.started_from, "Started on or after"), (self.started_to, "Started on or before")):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setAccessibleName(name)
        self.show_button = QPushButton("&Show")
        self.show_button.clicked.connect(self.refresh)
        row = QHBoxLayout()
        for widget in (self.use_dates, self.started_from, QLabel("and"), self.started_to, self.show_button):
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.csv_button = box.addButton("Export table to &CSV…", QDialogButtonBox.ButtonRole.ActionRole)
        self.xlsx_button = box.addButton("Export all to &Excel…", QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button.clicked.connect(self.export_csv)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        box.rejected.connect(self.reject)
        return box

    def current_filter(self) -> PortfolioFilter:
        """The filter the controls describe."""
        dated = self.use_dates.isChecked()
        return PortfolioFilter(self.organisation.currentData(),
                               self.started_from.date().toPython() if dated else None,
                               self.started_to.date().toPython() if dated else None,
                               self.director.currentData())

    def refresh(self) -> None:
        """Build the portfolio for the filter, off the GUI thread."""
        where, today = self.current_filter(), self.today
        self.summary.setText("Loading…")
        run_in_background(self, lambda: self.context.portfolio.build(where, today),
                          on_success=lambda built: self.show_portfolio(built, where), label="Portfolio")

    def add_choices(self, built: Portfolio) -> None:
        """Offer the organisations and directors of a portfolio of everything you can see (the first one built): on
        a server a separate read of every assessment for their names cost the first screen a whole list."""
        if self.organisation.count() == 1:
            for name in (org for org in built.organisations if org):
                self.organisation.addItem(name, name)
        if self.director.count() == 1:
            for name in built.directors:
                self.director.addItem(name or NO_DIRECTOR, name)

    def show_portfolio(self, built: Portfolio, where: PortfolioFilter | None = None) -> None:
        """Show a built portfolio (for the filter `where`; None: everything): summary line, charts, one tab per
        table."""
        self.built = built
        if where is None or where == PortfolioFilter():
            self.add_choices(built)
        overdue = sum(a.overdue for a in built.actions)
        unmitigated = sum(not n.mitigated for n in built.negatives)
        self.summary.setText(f"{_count(built.assessments, 'assessment')}. "
                             f"{_count(len(built.negatives), 'negative impact')}, {unmitigated:,} without mitigation. "
                             f"{_count(overdue, 'action')} overdue, {len(built.actions) - overdue:,} due within 30 "
                             "days. "
                             f"{_count(len(built.reviews), 'review')} due within 90 days.")
        self.chart_area.set_charts([chart_view(groups_chart(built), "Groups most often rated negative"),
                                    chart_view(status_chart(built), "Assessments by status")],
                                   [11_000, 9_000])  # the groups' longer names need a little more
        current = self.tabs.currentIndex()
        self.tabs.clear()
        self.tabs.addTab(self.chart_area, "Charts")
        targets = _targets(built)
        for name, (headers, rows) in tables(built).items():
            model = self.models.setdefault(name, PortfolioTableModel(self))
            model.set_table(headers, rows, targets.get(name, []))
            self.tabs.addTab(self._table(model, name), f"{name} ({len(rows):,})")
        self.tabs.setCurrentIndex(max(0, current))

    def _table(self, model: PortfolioTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setStretchLastSection(True)
        view.resizeColumnsToContents()
        view.activated.connect(lambda index: self.open_row(model, index.row()))
        return view

    # --- actions --------------------------------------------------------------------------------------------
    def open_row(self, model: PortfolioTableModel, row: int) -> None:
        """Open the assessment a row is about, at its step."""
        target = model.target(row)
        if target is not None:
            self.sig_open_requested.emit(target[0], target[1] or "")

    def current_table(self) -> str:
        index = self.tabs.currentIndex() - 1  # tab 0 holds the charts
        names = list(tables(self.built)) if self.built else []
        return names[index] if 0 <= index < len(names) else ""

    def export_csv(self) -> None:
        """Save the table shown as a CSV file."""
        if self.built is None:
            return
        name = self.current_table()
        if not name:
            messages.information(self, "Export table to CSV", "Choose the tab of the table to export first; the "
                                 "charts are made from the tables (Export all to Excel saves every table).")
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export table to CSV", f"Portfolio - {name}.csv",
                                              "CSV files (*.csv)")
        if path:
            self._save(lambda: self.context.portfolio.export_csv(Path(path), self.built, name))

    def export_xlsx(self) -> None:
        """Save every table as an Excel workbook."""
        if self.built is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, "Export to Excel", "Portfolio.xlsx", "Excel workbooks (*.xlsx)")
        if path:
            self._save(lambda: self.context.portfolio.export_xlsx(Path(path), self.built))

    def _save(self, write) -> None:
        try:
            saved = write()
        except Exception as exc:  # noqa: BLE001 - a full disk or a locked file is told, not raised
            messages.warning(self, "Export", describe_error(exc))
            return
        messages.information(self, "Export", f"Saved {saved}.")

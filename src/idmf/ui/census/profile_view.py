"""An area's profile: one tab per census table (figures, chart, notes) and the choice of tables to add."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QGridLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from idmf.census.profile import Profile
from idmf.domain.evidence import DEPRIVATION_KEY, CensusTable
from idmf.ui.census.deprivation import COL_AREA, DeprivationTableModel
from idmf.ui.census.model import COL_CATEGORY, OVER_MARK, ProfileTableModel

CHOICE_COLUMNS = 3
KEY_TEXT = (f"{OVER_MARK} and bold mark the groups most over-represented compared with England. "
            "Differences are in percentage points.")


def _paragraph(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


def missing_text(missing: list[str]) -> str:
    """One short paragraph for the tables that could not be built (the usual case lists only their names)."""
    usual = [m.split(":")[0] for m in missing if m.endswith("in the cache yet.")]
    others = [m for m in missing if not m.endswith("in the cache yet.")]
    lines = [f"Not on this computer yet: {', '.join(usual)}. Download the census figures from ONS (Nomis) to "
             "add them."] if usual else []
    return "".join(f"\n{line}" for line in lines + others)


def table_heading(table: CensusTable) -> str:
    """'Ethnic group (TS021) – Hinckley and Bosworth, all usual residents: 113,641 people'."""
    return (f"{table.title} ({table.table_code}) – {table.area_name}; {table.universe.lower()}: "
            f"{table.total:,} people")


def make_table_view(table: CensusTable, parent: QWidget) -> QTableView:
    """A read-only view of a table, tall enough to show every row without its own scroll bar."""
    view = QTableView(parent)
    view.setModel(ProfileTableModel(table, view))
    view.setAccessibleName(f"{table.title} ({table.table_code}) figures for {table.area_name}")
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.verticalHeader().hide()
    view.verticalHeader().setAccessibleName("Row headings")
    header = view.horizontalHeader()
    header.setAccessibleName("Column headings")
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(COL_CATEGORY, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)  # compact: tables run long
    rows = view.verticalHeader().defaultSectionSize() * len(table.rows)
    view.setFixedHeight(rows + header.sizeHint().height() + 2 * view.frameWidth())
    return view


def _origin_line(table: CensusTable) -> str:
    """'Figures: ONS Census 2021, shipped with IDMF Desktop (bulk files)' (or downloaded/imported on a date)."""
    return f"Figures: {table.origin}." if table.origin else ""


class TablePage(QWidget):
    """One table: heading, figures, chart, and its notes, caveat and source line."""

    def __init__(self, table: CensusTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        layout = QVBoxLayout(self)
        layout.addWidget(_paragraph(table_heading(table), "Table heading"))
        self.view = make_table_view(table, self)
        layout.addWidget(self.view)
        from idmf.ui.census.chart import CensusChart  # QtCharts: loaded when a profile is first shown

        self.chart = CensusChart(table, self)
        layout.addWidget(self.chart)
        notes = [*table.notes, table.caveat, table.note, table.source, _origin_line(table)]
        layout.addWidget(_paragraph("\n".join(n for n in notes if n), "Notes on this table"))
        layout.addStretch(1)


class DeprivationPage(QWidget):
    """The Step 2 tab of a deprivation table: heading, figures, caveat, notes and source."""

    def __init__(self, table: CensusTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        layout = QVBoxLayout(self)
        layout.addWidget(_paragraph(f"{table.title} – {table.area_name}", "Table heading"))
        self.view = QTableView(self)
        self.view.setModel(DeprivationTableModel(table, self.view))
        self.view.setAccessibleName(f"{table.title} figures for {table.area_name}")
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_AREA, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setAccessibleName("Column headings")
        row = self.view.fontMetrics().height() + 8
        self.view.verticalHeader().setDefaultSectionSize(row)
        self.view.setFixedHeight(row * len(table.deprivation) + header.sizeHint().height() + 2 * self.view.frameWidth())
        layout.addWidget(self.view)
        notes = [DEPRIVATION_KEY, table.caveat, *table.notes, table.source]
        layout.addWidget(_paragraph("\n".join(n for n in notes if n), "Notes on this table"))
        layout.addStretch(1)


def shown_tables(profile: Profile) -> list[CensusTable]:
    """The census tables of a profile, then its deprivation table when there is one."""
    return profile.tables + ([profile.deprivation] if profile.deprivation else [])


class ProfileView(QWidget):
    """Shows a Profile and lets the user tick the tables to add to the evidence base."""

    sig_add = Signal(list)  # the chosen CensusTables

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.profile: Profile | None = None
        self.checks: dict[str, QCheckBox] = {}
        self.heading = _paragraph("", "Census profile")
        self.how_built = _paragraph("", "How this profile was built")
        self.how_built.setObjectName("warning")
        self.key = _paragraph(KEY_TEXT, "How to read the tables")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Census tables")
        self.choices = QGridLayout()
        self.add_button = QPushButton("Add to evidence base")
        self.add_button.setAccessibleName("Add the ticked census tables to the evidence base")
        self.add_button.clicked.connect(self._add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.how_built, self.key, self.tabs):
            layout.addWidget(widget)
        layout.addWidget(QLabel("Tick the tables to keep with this assessment:"))
        layout.addLayout(self.choices)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_profile(self, profile: Profile) -> None:
        """Replace what is shown with another area's profile."""
        self.profile = profile
        area = profile.area
        missing = missing_text(profile.missing)
        self.heading.setText(f"<b>{escape(area.name)}</b> ({area.code}), {area.kind_label.lower()}: Census 2021, "
                             f"compared with England.{escape(missing)}".replace("\n", "<br>"))
        best_fit = [n for t in profile.tables if t.built_from_best_fit for n in t.notes[:1]]
        self.how_built.setText(f"This ICB profile is added up from local authorities. {best_fit[0]}"
                               if best_fit else "")
        self.how_built.setVisible(bool(best_fit))
        self._fill_tabs(shown_tables(profile))
        self._fill_choices(shown_tables(profile))

    def _fill_tabs(self, tables: list[CensusTable]) -> None:
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            page.deleteLater()
        for table in tables:
            page = DeprivationPage(table) if table.deprivation else TablePage(table)
            self.tabs.addTab(page, f"{table.title} ({table.table_code})" if not table.deprivation else table.title)

    def _fill_choices(self, tables: list[CensusTable]) -> None:
        for box in self.checks.values():
            self.choices.removeWidget(box)
            box.deleteLater()
        self.checks = {}
        for n, table in enumerate(tables):
            box = QCheckBox(table.title if table.deprivation else f"{table.title} ({table.table_code})")
            box.setAccessibleName(f"Add {table.title} ({table.table_code}) to the evidence base")
            box.setChecked(True)
            self.checks[table.table_code] = box
            self.choices.addWidget(box, n // CHOICE_COLUMNS, n % CHOICE_COLUMNS)

    def chosen(self) -> list[CensusTable]:
        """The ticked tables of the profile on show."""
        if self.profile is None:
            return []
        return [t for t in shown_tables(self.profile) if self.checks[t.table_code].isChecked()]

    def _add(self) -> None:
        self.sig_add.emit(self.chosen())

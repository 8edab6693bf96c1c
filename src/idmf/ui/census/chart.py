"""A bar chart of one census table: the area's % beside England's % for each category.

Drawn with QtCharts (PySide6.QtCharts): it ships in the PySide6 wheel the app already depends on, so there is
no extra package to install or vet on NHS machines; it draws native, crisp, resizable widgets that render
offscreen for screenshots and tests; and a light plotting library (matplotlib, pyqtgraph) would add tens of
megabytes for two bars per category.
"""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy

from idmf.domain.evidence import CensusRow, CensusTable
from idmf.ui.census.model import OVER_MARK

AREA_COLOUR = QColor("#005EB8")  # NHS blue
ENGLAND_COLOUR = QColor("#AEB7BD")  # NHS mid grey: the comparison recedes behind the area
BAR_ROW_PX = 24  # height per category, so long tables (age bands) stay legible
CHART_FRAME_PX = 92  # legend, value axis and its title
LABEL_CHARS = 34  # category labels longer than this are shortened (the table beside the chart has them whole)


def chart_rows(table: CensusTable) -> list[CensusRow]:
    """The rows worth a bar: broad groups only when the table also has detailed ones."""
    return [row for row in table.rows if row.parent is None]


def _label(row: CensusRow) -> str:
    name = row.category if len(row.category) <= LABEL_CHARS else row.category[:LABEL_CHARS - 1] + "…"
    return f"{OVER_MARK} {name}" if row.over_represented else name


def _bar_set(name: str, values: list[float], colour: QColor) -> QBarSet:
    bars = QBarSet(name)
    bars.append(values)
    bars.setColor(colour)
    bars.setBorderColor(colour)
    return bars


def build_chart(table: CensusTable) -> QChart:
    """A horizontal bar chart, first category at the top, area and England side by side."""
    rows = list(reversed(chart_rows(table)))  # horizontal bars draw bottom-up: reverse to read top-down
    series = QHorizontalBarSeries()
    series.append(_bar_set(table.area_name, [r.percent for r in rows], AREA_COLOUR))
    if any(r.england_percent is not None for r in rows):
        series.append(_bar_set("England", [r.england_percent or 0.0 for r in rows], ENGLAND_COLOUR))
    chart = QChart()
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([_label(r) for r in rows])
    values = QValueAxis()
    values.setRange(0, max([r.percent for r in rows] + [r.england_percent or 0 for r in rows] + [1]))
    values.applyNiceNumbers()  # ticks on round numbers (0, 5, 10 …) rather than fractions of the maximum
    values.setLabelFormat("%.0f%%")
    values.setTitleText("% of the population in this table")
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    return chart


class CensusChart(QChartView):
    """The chart of one table, sized to its number of categories."""

    def __init__(self, table: CensusTable, parent=None) -> None:
        super().__init__(build_chart(table), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        count = len(chart_rows(table))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(CHART_FRAME_PX + BAR_ROW_PX * count)
        summary = "; ".join(f"{r.category} {r.percent:.1f}%" for r in chart_rows(table))
        self.setAccessibleName(f"Bar chart: {table.title} in {table.area_name} compared with England")
        self.setAccessibleDescription(summary)

"""The portfolio's two charts (QtCharts): groups most often rated negative, and assessments by status."""

from __future__ import annotations

import math

from PySide6.QtCharts import (QAbstractBarSeries, QBarCategoryAxis, QBarSet, QChart, QChartView,
                              QHorizontalBarSeries, QValueAxis)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter

from idmf.domain.assessment import Status
from idmf.review.portfolio import Portfolio

TOP_GROUPS = 8


def _bar_chart(title: str, categories: list[str], sets: dict[str, list[int]]) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    series = QHorizontalBarSeries()
    for name, values in sets.items():
        bars = QBarSet(name)
        bars.append([float(v) for v in values])
        bars.setLabelColor(Qt.GlobalColor.black)  # drawn past the bar's end, on the chart's white
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)  # readable on thin bars
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    axis_y.append(categories or ["(none)"])
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%d")
    highest = max([v for values in sets.values() for v in values] + [1])
    step = tick_step(highest)
    axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_x.setTickAnchor(0)
    axis_x.setTickInterval(step)
    axis_x.setRange(0, step * math.ceil(highest * 1.15 / step))  # room for the label past the longest bar
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def tick_step(highest: int) -> int:
    """A whole 1, 2 or 5 times a power of ten giving about five ticks up to `highest` (counts read as 0, 50, 100,
    not 0, 39, 78)."""
    wanted = highest / 5
    power = 10 ** math.floor(math.log10(wanted)) if wanted >= 1 else 1
    return next(m * power for m in (1, 2, 5, 10) if m * power >= wanted)


def groups_chart(built: Portfolio) -> QChart:
    """The groups most often rated negative (top 8, most at the top), with how many lack mitigation."""
    top = list(reversed(built.groups[:TOP_GROUPS]))  # a horizontal bar chart draws its first category lowest
    return _bar_chart("Groups most often rated negative", [g.group for g in top],
                      {"Rated negative": [g.negative for g in top],
                       "Without mitigation": [g.unmitigated for g in top]})


def status_chart(built: Portfolio) -> QChart:
    """How many assessments are in each status (every organisation shown together)."""
    totals = {s: 0 for s in Status}
    for (_, status), count in built.by_status.items():
        totals[status] += count
    shown = [s for s in reversed(list(Status))]
    return _bar_chart("Assessments by status", [s.label for s in shown], {"Assessments": [totals[s] for s in shown]})


def chart_view(chart: QChart, name: str) -> QChartView:
    """A chart in a view with smooth drawing and an accessible name, never smaller than its labels and bars need
    in the font in use (with a large font on a small screen the charts tab scrolls instead of squashing them)."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    metrics = view.fontMetrics()
    axis = chart.axes(Qt.Orientation.Vertical)[0]
    bars = len(axis.categories()) * max(1, len(chart.series()[0].barSets()))
    labels = max(metrics.horizontalAdvance(c) for c in axis.categories())
    # Lines: the title, the legend, the value axis and margins (about 7), and a line per bar.
    view.setMinimumSize(max(320, labels + 24 * metrics.averageCharWidth()),
                        max(260, (bars + 7) * metrics.lineSpacing()))
    return view

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
    step = max(1, math.ceil(highest / 5))  # whole numbers only: these are counts
    axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
    axis_x.setTickAnchor(0)
    axis_x.setTickInterval(step)
    axis_x.setRange(0, step * (highest // step + 1))  # room for the label past the longest bar
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_y)
    series.attachAxis(axis_x)
    chart.legend().setVisible(len(sets) > 1)
    return chart


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
    """A chart in a view with smooth drawing and an accessible name."""
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumSize(320, 260)
    return view

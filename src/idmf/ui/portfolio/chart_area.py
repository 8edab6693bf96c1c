"""The portfolio's charts tab: the charts side by side where they fit, one above the other where they do not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QSplitter, QWidget


class ChartArea(QScrollArea):
    """Charts in a splitter that scrolls, turned to stack them when the width is too little for them side by side.

    A large font on a small screen (14 pt at 1280×720 with 125 % scaling) leaves less width than two charts need
    for their labels: scrolling sideways to read a chart's far end is worse than scrolling down to the next chart.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts = QSplitter(Qt.Orientation.Horizontal)
        self.charts.setChildrenCollapsible(False)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setWidget(self.charts)
        self._shares: list[int] = []

    def set_charts(self, views: list[QWidget], shares: list[int]) -> None:
        """Show these chart views in place of the ones before, side by side in these shares of the width."""
        while self.charts.count():
            self.charts.widget(0).setParent(None)
        for view in views:
            self.charts.addWidget(view)
        self._shares = shares
        self._fit(again=True)

    def side_by_side_width(self) -> int:
        """The width the charts need side by side: each one's minimum and the handles between them."""
        views = [self.charts.widget(i) for i in range(self.charts.count())]
        return sum(v.minimumWidth() for v in views) + self.charts.handleWidth() * max(0, len(views) - 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def _fit(self, again: bool = False) -> None:
        """Turn the splitter to suit the width (and share it out again when it turns or has new charts)."""
        fits = self.viewport().width() >= self.side_by_side_width()
        wanted = Qt.Orientation.Horizontal if fits else Qt.Orientation.Vertical
        if again or wanted != self.charts.orientation():
            self.charts.setOrientation(wanted)
            self.charts.setSizes(self._shares if fits else [1] * len(self._shares))

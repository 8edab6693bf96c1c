"""The dashboard's "Needs you" bar: reviews waiting, changes requested, ready for committee, reviews due.

Counted from the summaries the dashboard has just loaded (no query of its own, nothing per row), so it
stays fast with thousands of assessments. Each count is a toggle button that filters the list to those
assessments; pressing it again shows everything.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from idmf.domain.summary import NeedsYou, needs_you_from
from idmf.domain.summary import AssessmentSummary

# (key of NeedsYou.counts(), what the button says)
KINDS = (
    ("reviews_waiting", "Reviews waiting"),
    ("changes_requested", "Changes requested"),
    ("ready_for_committee", "Ready for committee"),
    ("reviews_due", "Reviews due"),
)


class NeedsYouBar(QWidget):
    """Hidden when nothing is waiting; `sig_filter` carries the ids to show (None: every assessment)."""

    sig_filter = Signal(object)  # frozenset[int] | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("needs_you")
        self.needs: NeedsYou | None = None
        self.active: str | None = None
        self.label = QLabel("<b>Needs you:</b>")
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        for key, _text in KINDS:
            button = QPushButton(checkable=True)
            button.setObjectName(f"needs_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.choose(k))
            self.buttons[key] = button
            layout.addWidget(button)
        self.showing = QLabel()
        layout.addWidget(self.showing)
        layout.addStretch(1)
        self.hide()

    def update_counts(self, summaries: list[AssessmentSummary], today: dt.date | None = None) -> None:
        """Count what is waiting in the freshly loaded list (and keep a chosen filter up to date)."""
        self.needs = needs_you_from(summaries, today)
        counts = self.needs.counts()
        for key, text in KINDS:
            button = self.buttons[key]
            button.setText(f"{text}: {counts[key]}")
            button.setAccessibleName(f"{text}: {counts[key]}. Show only these assessments.")
            button.setVisible(counts[key] > 0)
        if self.active is not None and counts[self.active] == 0:
            self.active = None
        self.setVisible(any(counts.values()))
        self._apply()

    def counts(self) -> dict[str, int]:
        """The counts on show (zeros before the first update)."""
        return self.needs.counts() if self.needs else {key: 0 for key, _ in KINDS}

    def choose(self, key: str | None) -> None:
        """Filter to one kind; choosing the kind already chosen (or None) shows every assessment again."""
        self.active = None if key == self.active else key
        self._apply()

    def _apply(self) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key == self.active)
        if self.active is None or self.needs is None:
            self.showing.setText("")
            self.sig_filter.emit(None)
            return
        text = dict(KINDS)[self.active].lower()
        self.showing.setText(f"Showing only {text}; press the button again to show all.")
        self.sig_filter.emit(frozenset(s.id for s in getattr(self.needs, self.active)))

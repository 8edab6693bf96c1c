"""What a new user sees instead of an empty table: what the app is for and one big way to start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

WELCOME = "Welcome to IDMF Desktop"
PURPOSE = (
    "IDMF Desktop helps you complete an equality impact assessment under the Inclusive Decision-Making "
    "Framework: the six steps of the IDMF Part B template, saved as you type, on this computer. "
    "When it is done, export a clean Word document to attach to your committee or board paper."
)
HINT = "You can come back to any step at any time, and nothing is lost when you close the app."


def _label(text: str, point_delta: int = 0, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    font = QFont(label.font())
    # Relative sizes so the panel follows the user's font and display scaling.
    font.setPointSizeF(font.pointSizeF() + point_delta)
    font.setBold(bold)
    label.setFont(font)
    return label


class FirstRunPanel(QWidget):
    """The empty-database state: two sentences about the app and a big "New assessment" button."""

    sig_new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run")
        self.button = QPushButton("New assessment")
        self.button.setObjectName("first_run_new")
        self.button.setAccessibleName("New assessment")
        self.button.setAccessibleDescription("Start your first equality impact assessment")
        self.button.setDefault(True)
        font = QFont(self.button.font())
        font.setPointSizeF(font.pointSizeF() + 4)
        font.setBold(True)
        self.button.setFont(font)
        self.button.setMinimumHeight(self.button.sizeHint().height() * 2)
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.button.setMinimumWidth(self.button.sizeHint().width() + 80)
        self.button.clicked.connect(self.sig_new_requested)
        self._build()

    def _build(self) -> None:
        column = QWidget()
        column.setMaximumWidth(640)  # a readable line length, however wide the window
        # Stretches either side (not an alignment flag), so the column gets its full width and the
        # wrapped labels are given the height their text needs at that width.
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        inner = QVBoxLayout(column)
        inner.setSpacing(18)
        inner.addWidget(_label(WELCOME, point_delta=8, bold=True))
        inner.addWidget(_label(PURPOSE, point_delta=2))
        inner.addSpacing(8)
        inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addSpacing(8)
        inner.addWidget(_label(HINT))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

"""Fingerprints as people compare them: large, spaced, in a fixed-width font, one card beside the other."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from idmf.signing.cards import Card, role_label


def fingerprint_label(fingerprint: str, name: str) -> QLabel:
    """A fingerprint to read aloud: fixed-width, one and a half times the text size, selectable."""
    label = QLabel(fingerprint)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), label.font().pointSizeF()) * 1.5)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(name)
    label.setAccessibleDescription(" ".join(fingerprint.replace(" ", "")))  # spelt out, letter by letter
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CardPanel(QFrame):
    """One person's card: heading, name, role, organisation and fingerprint."""

    def __init__(self, heading: str, card: Card | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        if heading:  # (inside a group box that already says whose it is, none is needed)
            title = QLabel(heading)
            font = title.font()
            font.setBold(True)
            title.setFont(font)
            layout.addWidget(title)
        if card is None:
            layout.addWidget(QLabel("No signing identity yet."))
            self.fingerprint = None
            return
        lines = [card.name, f"Card says: {role_label(card.role)}", card.organisation]
        details = QLabel("\n".join(line for line in lines if line))
        details.setTextFormat(Qt.TextFormat.PlainText)
        details.setWordWrap(True)
        layout.addWidget(details)
        self.fingerprint = fingerprint_label(card.fingerprint, f"{heading or card.name}: fingerprint")
        layout.addWidget(self.fingerprint)
        margins = layout.contentsMargins()
        # Never narrower than the fingerprint: a clipped group could be mistaken for a different one.
        self.setMinimumWidth(self.fingerprint.sizeHint().width() + margins.left() + margins.right() + 4)

"""Tell screen readers about a status message that appeared (a date problem, a save failure, a count)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QWidget


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader speak `text` (as its words, once); nothing happens when none is running."""
    if text:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def set_status(label: QLabel, text: str) -> None:
    """Show a status label's new text, named by that text, and announce it when it is new."""
    changed = text != label.text()
    label.setText(text)
    label.setAccessibleName(text)
    label.setVisible(bool(text))
    if changed:
        announce(label, text)

"""Message boxes that show their text as plain text, whatever it holds.

QMessageBox's static functions guess the format (Qt.TextFormat.AutoText): a message quoting a review file's
title such as `<font size=7>APPROVED</font>` would be drawn as rich text, big and bold, in the lead's dialog.
Every message box of the app goes through these functions, which take the static functions' arguments and
always set Qt.TextFormat.PlainText, so imported words are shown exactly as written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
OK, NO_BUTTON = QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.NoButton


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: Button = OK, default: Button = NO_BUTTON) -> QMessageBox:
    """A message box showing `text` as plain text (never rendered as HTML)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != NO_BUTTON:
        box.setDefaultButton(default)
    return box


def show(box: QMessageBox) -> Button:
    """Run a message box and return the button chosen (tests replace this to answer without a window)."""
    return Button(box.exec())  # with standard buttons, exec() answers the one clicked, as the statics do


def warning(parent: QWidget | None, title: str, text: str, buttons: Button = OK, default: Button = NO_BUTTON) -> Button:
    """Like QMessageBox.warning, in plain text."""
    return show(message_box(parent, QMessageBox.Icon.Warning, title, text, buttons, default))


def information(parent: QWidget | None, title: str, text: str, buttons: Button = OK,
                default: Button = NO_BUTTON) -> Button:
    """Like QMessageBox.information, in plain text."""
    return show(message_box(parent, QMessageBox.Icon.Information, title, text, buttons, default))


def critical(parent: QWidget | None, title: str, text: str, buttons: Button = OK, default: Button = NO_BUTTON) -> Button:
    """Like QMessageBox.critical, in plain text."""
    return show(message_box(parent, QMessageBox.Icon.Critical, title, text, buttons, default))


def question(parent: QWidget | None, title: str, text: str,
             buttons: Button = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
             default: Button = NO_BUTTON) -> Button:
    """Like QMessageBox.question, in plain text."""
    return show(message_box(parent, QMessageBox.Icon.Question, title, text, buttons, default))

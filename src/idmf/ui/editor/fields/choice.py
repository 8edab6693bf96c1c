"""Choices: single choice and yes/no as radio buttons, multiple choice as check boxes, and the grid."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QButtonGroup, QCheckBox, QGridLayout, QHBoxLayout, QLabel,
                               QRadioButton, QVBoxLayout, QWidget)

from idmf.domain.questions import NO, YES
from idmf.forms.schema import Choice, Question
from idmf.ui.editor.fields.base import QuestionWidget, describe, wrapped_button

YES_NO = (Choice(id=YES, label="Yes"), Choice(id=NO, label="No"))


def _set_checked(group: QButtonGroup, checked: QAbstractButton | None) -> None:
    """Check one button of an exclusive group, or none (Qt refuses to uncheck an exclusive group)."""
    group.setExclusive(False)
    for button in group.buttons():
        button.setChecked(button is checked)
    group.setExclusive(True)


class SingleChoiceField(QuestionWidget):
    """One of several options, each a radio button with a wrapping label."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = self._make_layout()
        for choice in question.choices:
            button = QRadioButton()
            describe(button, f"{question.label} — {choice.label}", choice.help or self.help_text)
            self.group.addButton(button)
            self.buttons[choice.id] = button
            self._add(layout, button, choice.label)
        self.group.buttonClicked.connect(self._finished)

    def _make_layout(self):
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        return layout

    def _add(self, layout, button: QRadioButton, text: str) -> None:
        layout.addWidget(wrapped_button(button, text))

    def value(self) -> Any:
        return next((cid for cid, button in self.buttons.items() if button.isChecked()), None)

    def _show(self, value: Any) -> None:
        _set_checked(self.group, self.buttons.get(value))

    def inputs(self) -> list[QWidget]:
        return list(self.buttons.values())


class YesNoField(SingleChoiceField):
    """YES / NO side by side (the form's yes_no questions have no choices of their own)."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        if not question.choices:
            question = question.model_copy(update={"choices": YES_NO})
        super().__init__(question, parent)
        self.layout().addStretch(1)

    def _make_layout(self):
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        return layout

    def _add(self, layout, button: QRadioButton, text: str) -> None:
        button.setText(text)
        layout.addWidget(button)


class MultipleChoiceField(QuestionWidget):
    """Any number of options, each a check box with a wrapping label."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for choice in question.choices:
            box = QCheckBox()
            describe(box, f"{question.label} — {choice.label}", choice.help or self.help_text)
            box.clicked.connect(self._finished)
            self.boxes[choice.id] = box
            layout.addWidget(wrapped_button(box, choice.label))

    def value(self) -> Any:
        return [cid for cid, box in self.boxes.items() if box.isChecked()]

    def _show(self, value: Any) -> None:
        chosen = set(value or [])
        for cid, box in self.boxes.items():
            box.setChecked(cid in chosen)

    def inputs(self) -> list[QWidget]:
        return list(self.boxes.values())


class GridField(QuestionWidget):
    """One answer per row: a table-like grid with a radio group per row and the choices as column headings."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.groups: dict[str, QButtonGroup] = {}
        self.buttons: dict[str, dict[str, QRadioButton]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(grid.horizontalSpacing() * 3)
        for col, choice in enumerate(question.choices, start=1):
            grid.addWidget(QLabel(f"<b>{choice.label}</b>"), 0, col, Qt.AlignmentFlag.AlignHCenter)
        for r, row in enumerate(question.rows, start=1):
            grid.addWidget(QLabel(row.label), r, 0)
            self._add_row(grid, r, row.id, row.label)
        grid.setColumnStretch(len(question.choices) + 1, 1)

    def _add_row(self, grid: QGridLayout, r: int, row_id: str, row_label: str) -> None:
        group = QButtonGroup(self)
        self.groups[row_id], self.buttons[row_id] = group, {}
        for col, choice in enumerate(self.question.choices, start=1):
            button = QRadioButton()
            describe(button, f"{row_label} — {choice.label}", f"{self.question.label} {self.help_text}".strip())
            group.addButton(button)
            self.buttons[row_id][choice.id] = button
            grid.addWidget(button, r, col, Qt.AlignmentFlag.AlignHCenter)
        group.buttonClicked.connect(self._finished)

    def value(self) -> Any:
        answer = {}
        for row_id, buttons in self.buttons.items():
            chosen = next((cid for cid, b in buttons.items() if b.isChecked()), None)
            if chosen is not None:
                answer[row_id] = chosen
        return answer

    def _show(self, value: Any) -> None:
        value = value or {}
        for row_id, group in self.groups.items():
            _set_checked(group, self.buttons[row_id].get(value.get(row_id)))

    def inputs(self) -> list[QWidget]:
        return [b for buttons in self.buttons.values() for b in buttons.values()]

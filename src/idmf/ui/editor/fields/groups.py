"""Inclusion-health groups (Step 4): groups added from the catalogue or typed in, each with an impact block."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget)

from idmf.forms.schema import Question
from idmf.ui.editor.fields.base import QuestionWidget, describe
from idmf.ui.editor.fields.impact import ImpactBlock

PICKER_NAME = "Inclusion health group to add"


class GroupEntry(QFrame):
    """One added group: its name as a heading, its impact block, then a Remove button."""

    sig_remove = Signal(object)

    def __init__(self, name: str, catalogue_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.catalogue_id = name, catalogue_id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{_escape(name)}</b>")
        title.setWordWrap(True)
        layout.addWidget(title)
        self.impact = ImpactBlock(name, "")
        layout.addWidget(self.impact)
        # Under the impact, not beside the name: Tab runs top to bottom and reaches it last.
        self.remove_button = QPushButton("Remove group")
        describe(self.remove_button, f"Remove {name}", "Removes this group and its impact (Undo brings it back).")
        self.remove_button.clicked.connect(lambda: self.sig_remove.emit(self))
        footer = QHBoxLayout()
        footer.addStretch(1)
        footer.addWidget(self.remove_button)
        layout.addLayout(footer)

    def value(self) -> dict[str, Any]:
        """This group as GroupImpact JSON."""
        return {"catalogue_id": self.catalogue_id, "name": self.name, "impact": self.impact.value()}

    def inputs(self) -> list[QWidget]:
        """The impact inputs, then Remove."""
        return [*self.impact.inputs(), self.remove_button]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class GroupCatalogueField(QuestionWidget):
    """The list of added groups, then a picker (choose from the catalogue or type a name) with Add."""

    merge_edits = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.entries: list[GroupEntry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.entry_layout = QVBoxLayout()
        layout.addLayout(self.entry_layout)
        self.empty_label = QLabel("No further groups added yet.")
        layout.addWidget(self.empty_label)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addLayout(self._picker_row())
        layout.addWidget(self.message)

    def _picker_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel("Add a group:")
        self.combo = QComboBox()
        self.combo.setEditable(self.question.allow_other)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.combo.addItems([c.label for c in self.question.catalogue])
        self.combo.setCurrentIndex(-1)
        if self.combo.lineEdit() is not None:
            self.combo.lineEdit().setPlaceholderText("Choose from the list or type a group")
            self.combo.lineEdit().returnPressed.connect(self.add_current)
        caption.setBuddy(self.combo)
        describe(self.combo, PICKER_NAME, self.help_text)
        self.add_button = QPushButton("Add group")
        describe(self.add_button, "Add this inclusion health group")
        self.add_button.clicked.connect(self.add_current)
        row.addWidget(caption)
        row.addWidget(self.combo, 1)
        row.addWidget(self.add_button)
        return row

    def add_current(self) -> None:
        """Add the group chosen or typed in the picker (refusing a blank name or one already added)."""
        name = self.combo.currentText().strip()
        if not name:
            return self._say("Choose a group from the list or type its name first.")
        if any(e.name.casefold() == name.casefold() for e in self.entries):
            return self._say(f"“{name}” is already in the list.")
        match = next((c for c in self.question.catalogue if c.label.casefold() == name.casefold()), None)
        entry = self._add_entry(match.label if match else name, match.id if match else None, None)
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText("")
        self._say("")
        self._finished()
        self.sig_structure_changed.emit()
        entry.impact.boxes["positive"].setFocus()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _add_entry(self, name: str, catalogue_id: str | None, impact: dict | None) -> GroupEntry:
        entry = GroupEntry(name, catalogue_id)
        entry.impact.set_value(impact)
        entry.impact.sig_edited.connect(self._edited)
        entry.impact.sig_finished.connect(self._finished)
        entry.sig_remove.connect(self.remove_entry)
        self.entries.append(entry)
        self.entry_layout.addWidget(entry)
        entry.show()  # now, not when the event loop gets to it: focus moves into it straight away
        self.empty_label.setVisible(False)
        return entry

    def remove_entry(self, entry: GroupEntry) -> None:
        """Remove one added group (Undo brings it back)."""
        self.entries.remove(entry)
        entry.hide()
        entry.deleteLater()
        self.empty_label.setVisible(not self.entries)
        self._finished()
        self.sig_structure_changed.emit()
        self.combo.setFocus()

    def value(self) -> Any:
        return [entry.value() for entry in self.entries]

    def _show(self, value: Any) -> None:
        for entry in self.entries:
            entry.hide()
            entry.deleteLater()
        self.entries = []
        for group in value or []:
            self._add_entry(group.get("name", ""), group.get("catalogue_id"), group.get("impact"))
        self.empty_label.setVisible(not self.entries)
        self.sig_structure_changed.emit()

    def inputs(self) -> list[QWidget]:
        return [w for entry in self.entries for w in entry.inputs()] + [self.combo, self.add_button]

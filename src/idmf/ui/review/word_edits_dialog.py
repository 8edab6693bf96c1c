"""Import a Word file whose answers were edited in Word: each changed answer listed with the same struck and
underlined words as Compare versions; the user ticks the changes to keep. Word comments and text that fits no
answer are counted, and come in whatever is ticked (nothing is dropped)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from idmf.review.diff import word_changes
from idmf.ui.review.diff_dialog import segments_html

LEGEND = ("<b>How to read this:</b> <s>struck-through words</s> are the answer as the app has it; "
          "<u>underlined words</u> were written in Word.")

ROLE_EDIT = Qt.ItemDataRole.UserRole


def edit_html(edit) -> str:
    """One changed answer: its question, who tracked it, and its words struck (removed) and underlined (added)."""
    parts = [f"<h3>{escape(edit.label)}</h3>"]
    if edit.tracked_by:
        parts.append(f"<p><i>Tracked change by {escape(', '.join(edit.tracked_by))}.</i></p>")
    if edit.problem:
        parts.append(f"<p><b>This change cannot be applied as it is:</b> {escape(edit.problem)}. If you import, "
                     "its text is kept in a “Not placed on import” note on the step, so nothing is lost.</p>")
    parts.append(f"<p>{segments_html(word_changes(edit.before, edit.after))}</p>")
    return "".join(parts)


class WordEditsDialog(QDialog):
    """Tick the edits made in Word that the import should apply; `chosen()` lists them after Import."""

    def __init__(self, reading, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reading = reading
        self.setWindowTitle(f"Changes made in Word — {file_name}")
        self.list = QListWidget()
        self.list.setAccessibleName("Answers changed in Word; tick the ones to keep")
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        for edit in reading.edits:
            item = QListWidgetItem(edit.label if not edit.problem else f"{edit.label} (cannot be applied)")
            item.setData(ROLE_EDIT, edit)
            item.setToolTip(edit.label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if edit.applicable else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("The selected answer before and after the Word edit")
        self.list.currentItemChanged.connect(self._show)
        self._layout(file_name)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _layout(self, file_name: str) -> None:
        reading = self.reading
        intro = QLabel(f"{len(reading.edits)} answer(s) in {file_name} were changed in Word. Tick the changes to "
                       f"keep; untick one to keep the answer as it is in the app. {len(reading.comments)} Word "
                       f"comment(s) come in as review comments and {len(reading.not_placed)} paragraph(s) that fit "
                       "no answer are kept in “Not placed on import” notes.")
        intro.setWordWrap(True)
        legend = QLabel(LEGEND)
        legend.setWordWrap(True)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 2)
        split.setSizes([self.fontMetrics().averageCharWidth() * 36, self.fontMetrics().averageCharWidth() * 80])
        every, none = QPushButton("Tick &all"), QPushButton("Untick a&ll")
        every.clicked.connect(lambda: self._tick_all(True))
        none.clicked.connect(lambda: self._tick_all(False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("&Import with the ticked changes", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(legend)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        metrics = self.fontMetrics()
        self.resize(min(metrics.averageCharWidth() * 130, 1200), min(metrics.height() * 36, 680))

    def _tick_all(self, checked: bool) -> None:
        for n in range(self.list.count()):
            item = self.list.item(n)
            if item.data(ROLE_EDIT).applicable or not checked:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _show(self, current: QListWidgetItem | None, _previous=None) -> None:
        self.browser.setHtml(edit_html(current.data(ROLE_EDIT)) if current is not None else "")

    def chosen(self) -> list:
        """The edits ticked to apply (one that cannot be applied is kept as a note whatever its tick)."""
        found = []
        for n in range(self.list.count()):
            item = self.list.item(n)
            edit = item.data(ROLE_EDIT)
            if item.checkState() == Qt.CheckState.Checked or not edit.applicable:
                found.append(edit)
        return found

"""Repeatable tables (action plan, other contacts): a Qt item model, a cell delegate with the typed date input,
and the question widget with Add row / Remove row. Tab moves from cell to cell and leaves after the last."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QPushButton, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from idmf.domain.links import ROW_ID, new_row_id
from idmf.forms.schema import Column, ColumnType, Question
from idmf.ui.announce import set_status
from idmf.ui.editor.fields.base import QuestionWidget, describe
from idmf.ui.editor.fields.date import DateInput, to_date, to_iso
from idmf.ui.editor.fields.date_text import shown

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
HEADER_CHARS = 18
_WIDE = {ColumnType.LONG_TEXT, ColumnType.SHORT_TEXT, ColumnType.PERSON}


class RowsTableModel(QAbstractTableModel):
    """Rows of a table answer as JSON dicts keyed by column id; COL_<ID> attributes give column numbers."""

    def __init__(self, columns: tuple[Column, ...], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self._rows: list[dict[str, Any]] = []
        self._typed: list[dict[str, tuple[str, str]]] = []  # per row: column id -> (text, problem), not stored
        for n, column in enumerate(columns):
            setattr(self, f"COL_{column.id.upper()}", n)

    def column(self, column_id: str) -> int:
        """The column number of a column id."""
        return next(n for n, c in enumerate(self.columns) if c.id == column_id)

    def _blank(self, new: bool = True) -> dict[str, Any]:
        cells = {c.id: (None if c.type == ColumnType.DATE else "") for c in self.columns}
        return cells | {ROW_ID: new_row_id()} if new else cells  # a new row's stable id (links point at it)

    def set_rows(self, rows: list[dict[str, Any]] | None) -> None:
        """Replace every row (JSON cells; dates as ISO text)."""
        self.beginResetModel()
        self._rows = [self._blank(new=False) | {k: to_iso(to_date(v)) if self._is_date(k) else (v or "")
                                       for k, v in row.items()} for row in rows or []]
        self._typed = [{} for _ in self._rows]
        self.endResetModel()

    def rows_json(self) -> list[dict[str, Any]]:
        """The rows as the JSON answer."""
        return [dict(row) for row in self._rows]

    def _is_date(self, column_id: str) -> bool:
        return any(c.id == column_id and c.type == ColumnType.DATE for c in self.columns)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def display(self, row: int, col: int) -> str:
        """A cell as shown: dates DD/MM/YYYY, empty dates blank, a text that is not a date as typed."""
        column, raw = self.columns[col], self._rows[row][self.columns[col].id]
        if column.id in self._typed[row]:
            return self._typed[row][column.id][0]
        if column.type == ColumnType.DATE:
            return shown(to_date(raw))
        return raw or ""

    def typed(self, row: int, col: int) -> tuple[str, str] | None:
        """(text, problem) of a date cell whose typed text is not a date (kept on screen, not stored)."""
        return self._typed[row].get(self.columns[col].id)

    def set_typed(self, index: Index, text: str, problem: str) -> None:
        """Keep a typed text that is not a date in its cell, with why; the stored answer is not changed."""
        self._typed[index.row()][self.columns[index.column()].id] = (text, problem)
        self.dataChanged.emit(index, index, [R.DisplayRole])

    def problems(self) -> list[str]:
        """Every kept text that is not a date, as 'Row 2, Target date: <problem>'."""
        return [f"Row {row + 1}, {self.columns[self.column(cid)].label}: {problem}"
                for row, cells in enumerate(self._typed) for cid, (_text, problem) in cells.items()]

    def data(self, index: Index, role: int = R.DisplayRole) -> Any:
        """Display and tooltip text, a date (or None) for editing dates, and screen-reader text per cell."""
        if not index.isValid():
            return None
        row, col, column = index.row(), index.column(), self.columns[index.column()]
        typed = self._typed[row].get(column.id)
        if role == R.ToolTipRole and typed:
            return typed[1]
        if role in (R.DisplayRole, R.ToolTipRole):
            return self.display(row, col)
        if role == R.EditRole:
            raw = self._rows[row][column.id]
            return to_date(raw) if column.type == ColumnType.DATE else (raw or "")
        if role == R.AccessibleTextRole:
            problem = f" (not saved: {typed[1]})" if typed else ""
            return f"{column.label}, row {row + 1}: {self.display(row, col) or 'empty'}{problem}"
        if role == R.AccessibleDescriptionRole:
            return column.help or ("Required" if column.required else "")
        return None

    def setData(self, index: Index, value: Any, role: int = R.EditRole) -> bool:  # noqa: N802 - Qt override
        """Store an edited cell (a date, ISO text or None for dates; text otherwise)."""
        if not index.isValid() or role != R.EditRole:
            return False
        column = self.columns[index.column()]
        if column.type == ColumnType.DATE:
            value = to_iso(value if isinstance(value, dt.date) else to_date(value))
        else:
            value = "" if value is None else str(value)
        if self._typed[index.row()].pop(column.id, None) is not None:
            self.dataChanged.emit(index, index, [R.DisplayRole])  # the kept text gives way to the date
        if self._rows[index.row()][column.id] == value:
            return True  # unchanged: no edit to report
        self._rows[index.row()][column.id] = value
        self.dataChanged.emit(index, index, [R.DisplayRole, R.EditRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = R.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            column = self.columns[section]
            if role == R.DisplayRole:  # long headings wrap onto lines (the header does not wrap by itself)
                return textwrap.fill(column.label, HEADER_CHARS)
            if role == R.ToolTipRole:
                return " ".join(filter(None, (column.help, "Required." if column.required else "")))
        if orientation == Qt.Orientation.Vertical and role == R.DisplayRole:
            return str(section + 1)
        return None

    def insert_row(self, position: int | None = None) -> int:
        """Add a blank row (at the end by default); returns its number."""
        position = len(self._rows) if position is None else position
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, self._blank())
        self._typed.insert(position, {})
        self.endInsertRows()
        return position

    def remove_row(self, row: int) -> None:
        """Remove one row."""
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        del self._typed[row]
        self.endRemoveRows()


class CellDelegate(QStyledItemDelegate):
    """Editors per column type: the typed date input, or a line edit; both named for screen readers."""

    def createEditor(self, parent: QWidget, option, index: Index) -> QWidget:  # noqa: N802 - Qt override
        model: RowsTableModel = index.model()
        column = model.columns[index.column()]
        name = f"{column.label}, row {index.row() + 1}"
        if column.type == ColumnType.DATE:
            editor = DateInput(parent, in_cell=True)
            editor.describe(name, column.help)
            editor.setAutoFillBackground(True)
            return editor
        editor = QLineEdit(parent)
        describe(editor, name, column.help)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt override
        if isinstance(editor, DateInput):
            typed = index.model().typed(index.row(), index.column())
            editor.set_date(index.data(R.EditRole))
            if typed:
                editor.set_text(typed[0])
        else:
            editor.setText(index.data(R.EditRole) or "")

    def updateEditorGeometry(self, editor: QWidget, option, index: Index) -> None:  # noqa: N802 - Qt override
        """A date editor is wide enough for "30 September 2026" and its calendar button, over the next cell if
        need be (the date column itself is only as wide as 30/09/2026)."""
        rect = option.rect
        if isinstance(editor, DateInput):
            rect = rect.adjusted(0, 0, max(0, editor.minimumSizeHint().width() - rect.width()), 0)
            viewport = editor.parentWidget().rect()
            rect.moveLeft(max(0, min(rect.left(), viewport.right() - rect.width())))
        editor.setGeometry(rect)

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # noqa: N802 - Qt override
        if not isinstance(editor, DateInput):
            model.setData(index, editor.text(), R.EditRole)
        elif editor.commit():
            model.setData(index, editor.date(), R.EditRole)
        else:  # not a date: keep the text in the cell and say why; the stored date stays as it was
            model.set_typed(index, editor.text(), editor.problem)


class RowsTableView(QTableView):
    """A table as tall as its rows (the page scrolls, not the table); Tab leaves it, arrows move inside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        triggers = QAbstractItemView.EditTrigger
        # Not CurrentChanged: arrow keys must move between cells, not open an editor in each one.
        self.setEditTriggers(triggers.DoubleClicked | triggers.SelectedClicked | triggers.EditKeyPressed
                             | triggers.AnyKeyPressed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Rows fit their wrapped text; refitted when a column's width changes (the header does not do that itself).
        self.horizontalHeader().sectionResized.connect(lambda *_: self._fit_rows())
        self.horizontalHeader().setAccessibleName("Column headings")
        self.verticalHeader().setAccessibleName("Row numbers")

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        """Size columns by type: text columns share the width, dates fit their contents."""
        super().setModel(model)
        header = self.horizontalHeader()
        for n, column in enumerate(model.columns):
            mode = QHeaderView.ResizeMode.Stretch if column.type in _WIDE else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(n, mode)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
            signal.connect(lambda *_: self._fit_rows())

    def _fit_rows(self) -> None:
        self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Tall enough for the header and every row (at least two rows' worth, so an empty table is visible)."""
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount())) if self.model() else 0
        rows = max(rows, 2 * self.verticalHeader().defaultSectionSize())
        height = self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def closeEditor(self, editor: QWidget, hint) -> None:  # noqa: N802 - Qt override
        """Tab edits the next cell (row by row) and leaves the table after the last; Shift+Tab goes back."""
        Hint = QAbstractItemDelegate.EndEditHint
        if hint not in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, hint)
            return
        forward = hint == Hint.EditNextItem
        current = self.currentIndex()
        super().closeEditor(editor, Hint.NoHint)
        cells = self.model().rowCount() * self.model().columnCount()
        position = current.row() * self.model().columnCount() + current.column() + (1 if forward else -1)
        if 0 <= position < cells:
            target = self.model().index(*divmod(position, self.model().columnCount()))
            self.setCurrentIndex(target)
            self.edit(target)
        else:
            self.setFocus(Qt.FocusReason.TabFocusReason)
            self.focusNextPrevChild(forward)

    def commit_open_editor(self) -> None:
        """Store what is typed in a cell that is still being edited (closing the app must not lose it)."""
        if self.state() != QAbstractItemView.State.EditingState or not self.currentIndex().isValid():
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)


class TableField(QuestionWidget):
    """A repeatable table question: the table, then Add row and Remove row."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.model = RowsTableModel(question.columns, self)
        self.view = RowsTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(CellDelegate(self.view))
        describe(self.view, question.label, f"{self.help_text} Arrow keys move between cells; F2 or typing "
                 "edits a cell, then Tab moves to the next cell and Esc cancels; Tab leaves the table.".strip())
        self.message = QLabel()
        self.message.setObjectName("date_problem")
        self.message.setWordWrap(True)
        self.message.hide()
        self.add_button = QPushButton("Add row")
        self.remove_button = QPushButton("Remove row")
        describe(self.add_button, f"Add a row to {question.label}")
        describe(self.remove_button, f"Remove the selected row from {question.label}")
        self._lay_out()
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected_row)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved):
            signal.connect(self._finished)
        for signal in (self.model.dataChanged, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._show_problems)
        self._update_buttons()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def value(self) -> Any:
        with self.loading():  # committing an open cell editor is part of reading the value, not a new edit
            self.view.commit_open_editor()
        return self.model.rows_json()

    def _show(self, value: Any) -> None:
        self.model.set_rows(value)
        self._update_buttons()

    def inputs(self) -> list[QWidget]:
        return [self.view, self.add_button, self.remove_button]

    def add_row(self) -> None:
        """Add a blank row and start editing its first cell."""
        row = self.model.insert_row()
        index = self.model.index(row, 0)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        self._update_buttons()

    def remove_selected_row(self) -> None:
        """Remove the row holding the current cell (undo brings it back)."""
        row = self.view.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.model.remove_row(row)
        self._update_buttons()

    def _show_problems(self, *_args) -> None:
        problems = self.model.problems()
        text = "\n".join(problems + (["Nothing is saved in those cells until they hold a date."] if problems else []))
        set_status(self.message, text)

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.view.currentIndex().isValid() and self.model.rowCount() > 0)

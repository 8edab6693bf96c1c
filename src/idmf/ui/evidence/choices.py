"""What an impact can be linked to, as a list of tick boxes: a Qt item model (tested without a view) and the
list view that shows it, as tall as its rows.

Ticking asks for a link (`sig_toggled`) rather than changing the model: the tick shows once the link is stored,
so what is on screen is always what is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QAbstractListModel, QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, Qt,
                            Signal)
from PySide6.QtWidgets import QAbstractItemView, QListView, QSizePolicy, QWidget

from idmf.domain.link_text import LinkChoice

Index = QModelIndex | QPersistentModelIndex
R = Qt.ItemDataRole
MAX_ROWS = 8  # taller lists scroll inside: the page stays readable with a long action plan


class LinkChoicesTableModel(QAbstractListModel):
    """One row per LinkChoice: its name, a tick when linked; COL_CHOICE is the only column."""

    COL_CHOICE = 0
    sig_toggled = Signal(str, bool)  # target, whether the user wants it linked

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.choices: list[LinkChoice] = []
        self.read_only = False

    def set_choices(self, choices: list[LinkChoice]) -> None:
        """Show these choices; when only ticks changed, rows are updated in place (the cursor stays put)."""
        choices = list(choices)
        if [c[:2] + c[3:] for c in choices] != [c[:2] + c[3:] for c in self.choices]:
            self.beginResetModel()
            self.choices = choices
            self.endResetModel()
            return
        changed = [n for n, (old, new) in enumerate(zip(self.choices, choices)) if old != new]
        self.choices = choices
        for n in changed:
            self.dataChanged.emit(self.index(n), self.index(n), [R.CheckStateRole, R.AccessibleTextRole])

    def set_read_only(self, read_only: bool) -> None:
        """A signed-off version shows its links without letting them change."""
        if read_only != self.read_only:
            self.beginResetModel()
            self.read_only = read_only
            self.endResetModel()

    def linked(self) -> list[LinkChoice]:
        """The choices ticked now."""
        return [c for c in self.choices if c.linked]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: Index, role: int = R.DisplayRole) -> Any:
        """The name, the tick, and for screen readers whether it is linked."""
        if not index.isValid():
            return None
        choice = self.choices[index.row()]
        if role in (R.DisplayRole, R.ToolTipRole):
            return choice.text
        if role == R.CheckStateRole:
            return Qt.CheckState.Checked if choice.linked else Qt.CheckState.Unchecked
        if role == R.AccessibleTextRole:
            return f"{choice.text}: {'linked' if choice.linked else 'not linked'}"
        if role == R.AccessibleDescriptionRole and not choice.changeable:
            return "Written in an older version of this assessment; kept as it is."
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        can_tick = self.choices[index.row()].changeable and not self.read_only
        return base | Qt.ItemFlag.ItemIsUserCheckable if can_tick else base

    def setData(self, index: Index, value: Any, role: int = R.EditRole) -> bool:  # noqa: N802 - Qt override
        """A tick or untick by the user: ask for the link (the tick shows once it is stored)."""
        if not index.isValid() or role != R.CheckStateRole or not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(value, int) else (
            value == Qt.CheckState.Checked)
        choice = self.choices[index.row()]
        if wanted != choice.linked:
            self.sig_toggled.emit(choice.target, wanted)
        return False


class LinkChoicesView(QListView):
    """The choices as a list of tick boxes: Tab reaches it, arrows move, Space ticks; as tall as its rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._laid_out_height = 0
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        """Follow the model's size (rows added or removed change the height)."""
        super().setModel(model)
        model.modelReset.connect(self._model_changed)
        model.dataChanged.connect(lambda *_: self.viewport().update())
        self._model_changed()

    def _model_changed(self) -> None:
        self._laid_out_height = 0  # until the rows are laid out again, estimated from one line each
        if self.model().rowCount() and not self.currentIndex().isValid():
            # The cursor on the first row, not a selection: Space ticks it straight away, nothing looks chosen.
            self.selectionModel().setCurrentIndex(self.model().index(0, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.updateGeometry()

    def _rows(self) -> range:
        return range(min(self.model().rowCount(), MAX_ROWS)) if self.model() else range(0)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Tall enough for every row up to MAX_ROWS (a long name wraps onto more lines at a narrow width)."""
        rows = self._laid_out_height or sum(self.sizeHintForRow(r) for r in self._rows())
        return QSize(super().sizeHint().width(), rows + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def updateGeometries(self) -> None:  # noqa: N802 - Qt override
        """After each layout of the rows (a new width re-wraps them), ask the page for the height they need."""
        super().updateGeometries()
        # The laid-out rows: sizeHintForRow knows only one line per row, rectForIndex the wrapped height.
        height = sum(self.rectForIndex(self.model().index(r, 0)).height() for r in self._rows())
        if height and height != self._laid_out_height:
            self._laid_out_height = height
            self.updateGeometry()

"""Where the side panel (checklist, comments) goes: docked beside the form while the form keeps its minimum
width, else a drawer that opens over the form's right-hand side with F9 or the button that says so."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from idmf.ui.announce import announce

if TYPE_CHECKING:
    from idmf.ui.editor.editor import AssessmentEditor

FORM_MIN_CHARS = 60  # the form is never narrower than this many average characters while the panel is docked
HANDLE_TEXT = "Checklist and comments (F9)"


class SidePanelPlacement(QObject):
    """Docks or drawers the editor's side panel as the editor's width allows."""

    def __init__(self, editor: AssessmentEditor, layout: QHBoxLayout) -> None:
        super().__init__(editor)
        self.editor, self.layout = editor, layout
        self.is_drawer = False
        self.drawer_open = False
        self._last_call: bool | None = None  # the View menu's tick as last passed (a change is an F9 press)
        self._docked_shown = True  # the user's choice for the docked panel
        self._form_min: int | None = None
        self.handle = QPushButton(f"☰ {HANDLE_TEXT}")
        self.handle.setAccessibleName("Open the checklist and comments panel")
        self.handle.setToolTip("The window is too narrow to show the panel beside the form: "
                               "it opens over the form. F9 or this button opens and closes it.")
        self.handle.hide()
        self.handle.clicked.connect(lambda: self.set_drawer_open(not self.drawer_open))
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), editor.side_tabs, lambda: self.set_drawer_open(False))
        close.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._close_shortcut = close

    def form_minimum(self) -> int:
        """The narrowest the form may be: its widest page's minimum, and never under FORM_MIN_CHARS."""
        if self._form_min is None:
            pages = [p for p in self.editor.pages if p.built]  # a page built later asks again (page_built)
            widest = max(p.widget().minimumSizeHint().width() + p.verticalScrollBar().sizeHint().width()
                         for p in pages)
            self._form_min = max(widest, self.editor.fontMetrics().averageCharWidth() * FORM_MIN_CHARS)
        return self._form_min

    def page_built(self) -> None:
        """A page built after the first (late.py) may be the widest: measure again and fit."""
        self._form_min = None
        self.fit()

    def fit(self) -> None:
        """Dock the panel when the form keeps its minimum width beside it; otherwise make it a drawer."""
        side = self.editor.side_tabs
        if not side.count():
            return
        spacing = self.layout.spacing() * 2 + self.layout.contentsMargins().left() * 2
        room = self.editor.width() - self.editor.step_list.width() - side.width() - spacing
        drawer = room < self.form_minimum()
        if drawer != self.is_drawer:
            self._switch(drawer)
        if self.is_drawer:
            self.place()

    def _switch(self, drawer: bool) -> None:
        side = self.editor.side_tabs
        self.is_drawer, self.drawer_open = drawer, False
        self.handle.setVisible(drawer)
        if drawer:
            self.layout.removeWidget(side)
            side.hide()
            side.setAutoFillBackground(True)
        else:
            self.layout.addWidget(side)
            side.setVisible(self._docked_shown)

    def place(self) -> None:
        """Lay the open drawer over the right of the form, down to the Back / Next row (its button stays in view)."""
        side, editor = self.editor.side_tabs, self.editor
        margins = self.layout.contentsMargins()
        bottom = editor.back_button.mapTo(editor, editor.back_button.rect().topLeft()).y() - self.layout.spacing()
        side.setGeometry(QRect(editor.width() - side.width() - margins.right(), margins.top(), side.width(),
                               max(bottom - margins.top(), side.minimumSizeHint().height())))
        side.raise_()

    def set_wanted(self, shown: bool) -> None:
        """The View menu's choice (F9). Docked: show or hide; drawer: a change opens or closes the drawer (and the
        docked choice stays as it was, for when the window is wide again)."""
        changed = self._last_call is not None and shown != self._last_call
        self._last_call = shown
        if not self.is_drawer:
            self._docked_shown = shown
            self.editor.side_tabs.setVisible(shown)
        elif changed:
            self.set_drawer_open(not self.drawer_open)

    def set_drawer_open(self, opened: bool) -> None:
        """Open the drawer over the form (focus goes into it) or close it (focus back to the form)."""
        if not self.is_drawer or opened == self.drawer_open:
            return
        self.drawer_open = opened
        side = self.editor.side_tabs
        if opened:
            self.place()
            side.show()
            self.editor.keys.focus_region("side")
            announce(side, "Checklist and comments panel open. Esc or F9 closes it.")
        else:
            side.hide()
            self.editor.keys.focus_region("form")
        self.handle.setAccessibleName(("Close" if opened else "Open") + " the checklist and comments panel")

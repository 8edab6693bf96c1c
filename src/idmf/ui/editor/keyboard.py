"""Keyboard navigation of the editor: Tab runs round the page (every input top to bottom, then Back and Next,
then the top again); F6 / Shift+F6 move between the step list, the form and the side panel; changing step
lands on the step's first question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from shiboken6 import isValid

if TYPE_CHECKING:
    from idmf.ui.editor.editor import AssessmentEditor

STEPS, FORM, SIDE = "steps", "form", "side"


def can_take_tab(widget: QWidget, within: QWidget) -> bool:
    """Whether Tab may stop at a widget: shown, enabled and accepting Tab focus."""
    return (widget.isEnabled() and widget.isVisibleTo(within)
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


def _group(widget: QWidget | None):
    """The exclusive button group of a radio button (None for anything else)."""
    group = widget.group() if isinstance(widget, QRadioButton) else None
    return group if group is not None and group.exclusive() else None


def one_stop_per_group(widgets: list[QWidget]) -> list[QWidget]:
    """Radio buttons of one group are one Tab stop (the chosen one, else the first); arrow keys move inside."""
    ring: list[QWidget] = []
    for widget in widgets:
        group = _group(widget)
        if group is None:
            ring.append(widget)
            continue
        if not any(_group(w) is group for w in ring):
            ring.append(group.checkedButton() if group.checkedButton() in widgets else widget)
    return ring


def _index_of(ring: list[QWidget], focus: QWidget | None) -> int | None:
    """Where the focused widget is in a ring (a combo box's own line edit counts as the combo box, a radio
    button as its group's stop)."""
    for n, widget in enumerate(ring):
        if focus is widget or (focus is not None and widget.isAncestorOf(focus)):
            return n
        if _group(focus) is not None and _group(widget) is _group(focus):
            return n
    return None


class KeyboardNavigation(QObject):
    """Tab rings and F6 regions for one editor."""

    def __init__(self, editor: AssessmentEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        self._last_in_form: QWidget | None = None
        self.next_region = self._shortcut("F6", lambda: self.move_region(True))
        self.previous_region = self._shortcut("Shift+F6", lambda: self.move_region(False))
        QApplication.instance().focusChanged.connect(self._remember)

    def _shortcut(self, keys: str, slot) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self.editor, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return shortcut

    # --- rings ---------------------------------------------------------------------------------------------
    def form_ring(self) -> list[QWidget]:
        """The page's inputs in reading order that Tab can stop at, then Back and Next."""
        editor = self.editor
        page = editor.pages[editor.stack.currentIndex()]
        ring = one_stop_per_group([w for w in page.inputs() if can_take_tab(w, page)])
        return ring + [b for b in (editor.back_button, editor.next_button) if can_take_tab(b, editor)]

    def side_ring(self) -> list[QWidget]:
        """The side panel's tab bar, then the inputs of the tab on show, in their focus order."""
        tabs = self.editor.side_tabs
        current = tabs.currentWidget()
        ring = [tabs.tabBar()] if can_take_tab(tabs.tabBar(), tabs) else []
        if current is None:
            return ring
        widget, seen = current.nextInFocusChain(), set()
        while widget is not None and id(widget) not in seen:
            seen.add(id(widget))
            if current.isAncestorOf(widget) and can_take_tab(widget, current):
                ring.append(widget)
            widget = widget.nextInFocusChain()
        return ring

    def region_of(self, widget: QWidget | None) -> str | None:
        """Which region a widget is in (None: not in this editor)."""
        editor = self.editor
        if widget is None or not editor.isAncestorOf(widget):
            return None
        if editor.step_list is widget or editor.step_list.isAncestorOf(widget):
            return STEPS
        if editor.side_tabs.isAncestorOf(widget):
            return SIDE
        return FORM

    def tab(self, forward: bool) -> bool:
        """Move focus for Tab / Shift+Tab within the focused region; False leaves it to Qt."""
        focus = QApplication.focusWidget()
        region = self.region_of(focus)
        if region is None:
            return False
        ring = self.side_ring() if region == SIDE else self.form_ring()
        if not ring:
            return False
        index = None if region == STEPS else _index_of(ring, focus)
        if index is None:
            target = ring[0] if forward else ring[-1]
        else:
            target = ring[(index + (1 if forward else -1)) % len(ring)]
        self._focus(target, Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        return True

    # --- regions -------------------------------------------------------------------------------------------
    def regions(self) -> list[str]:
        """The regions F6 moves between (the side panel only while it is shown)."""
        shown = self.editor.side_tabs.isVisibleTo(self.editor) and self.editor.side_tabs.count()
        return [STEPS, FORM, SIDE] if shown else [STEPS, FORM]

    def move_region(self, forward: bool) -> None:
        """F6: the next region (Shift+F6: the previous), landing where the user was in it, or at its start."""
        regions = self.regions()
        current = self.region_of(QApplication.focusWidget())
        index = regions.index(current) if current in regions else -1
        self.focus_region(regions[(index + (1 if forward else -1)) % len(regions)])

    def focus_region(self, region: str) -> None:
        """Put focus into a region: the step list, the form (last place, else first question), the side panel."""
        if region == STEPS:
            self._focus(self.editor.step_list, Qt.FocusReason.ShortcutFocusReason)
        elif region == SIDE:
            ring = self.side_ring()
            if ring:
                self._focus(ring[0], Qt.FocusReason.ShortcutFocusReason)
        else:
            last = self._last_in_form
            ring = self.form_ring()
            if last is not None and isValid(last) and _index_of(ring, last) is not None:
                self._focus(last, Qt.FocusReason.ShortcutFocusReason)
            else:
                self.first_question()

    def first_question(self) -> None:
        """Focus the first input of the step's first question (not a helper panel above it)."""
        page = self.editor.pages[self.editor.stack.currentIndex()]
        for frame in page.frames.values():
            inputs = one_stop_per_group([w for w in frame.field.inputs() if can_take_tab(w, page)])
            if frame.isVisibleTo(page) and inputs:
                self._focus(inputs[0], Qt.FocusReason.OtherFocusReason)
                return

    def _focus(self, widget: QWidget, reason: Qt.FocusReason) -> None:
        widget.setFocus(reason)
        page = self.editor.pages[self.editor.stack.currentIndex()]
        if page.isAncestorOf(widget):
            page.ensureWidgetVisible(widget)

    def _remember(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isValid(self) and isValid(self.editor) and new is not None and self.region_of(new) == FORM:
            self._last_in_form = new

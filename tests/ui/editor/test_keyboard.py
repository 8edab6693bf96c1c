"""Keyboard all the way: Tab goes round each page once and wraps, F6 moves between regions, Ctrl+Page Down lands
on the step's first question, table cells are edited with Tab and Esc, and focus is always visible."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QButtonGroup, QRadioButton, QWidget

from idmf.domain.links import ROW_ID
from tests.ui.editor.driver import click


def _tab_stops(editor, page) -> list[QWidget]:
    """What a person can reach on a page, found from the widgets themselves (not the editor's own list); the
    radio buttons of one group are one stop (arrow keys choose inside it), kept as the group."""
    found, groups = [], set()
    for w in page.findChildren(QWidget):
        if not (w.isVisibleTo(page) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                and w.focusProxy() is None and w.window() is editor.window()):
            continue
        group = w.group() if isinstance(w, QRadioButton) else None
        if group is None:
            found.append(w)
        elif id(group) not in groups:
            groups.add(id(group))
            found.append(group)
    return found + [b for b in (editor.back_button, editor.next_button) if b.isEnabled()]


def _reached(stop, visited: list[QWidget]) -> bool:
    if isinstance(stop, QButtonGroup):
        return any(w in stop.buttons() for w in visited)
    return stop in visited


def _top(widget: QWidget, page) -> int:
    return widget.mapTo(page.widget(), QPoint(0, 0)).y()


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def test_tab_goes_round_every_page_reaching_every_input_once_with_focus_visible(
        qtbot, complete_assessment, make_editor):
    editor = make_editor(complete_assessment.id)  # answered: groups and action-plan rows add inputs
    for page in editor.pages:
        editor.go_to(page.section.id)
        expected = _tab_stops(editor, page)
        widgets = [s.buttons()[0] if isinstance(s, QButtonGroup) else s for s in expected[:-2]]
        first = min(widgets, key=lambda w: (_top(w, page), w.mapTo(page.widget(), QPoint(0, 0)).x()))
        first.setFocus(Qt.FocusReason.TabFocusReason)
        _press(qtbot, Qt.Key.Key_Tab)  # Qt draws focus rectangles once the keyboard has moved focus
        assert _press(qtbot, Qt.Key.Key_Backtab) is first
        seen, unchanged = [first], []
        while len(seen) == 1 or (seen[-1] is not first and len(seen) < 2 * len(expected)):
            focused = QApplication.focusWidget()
            look = focused.grab().toImage()
            seen.append(_press(qtbot, Qt.Key.Key_Tab))
            if focused.grab().toImage() == look:  # the same with and without focus: focus not visible
                unchanged.append(focused.accessibleName())
        visited = seen[:-1]
        assert seen[-1] is first, f"{page.section.id}: Tab did not wrap to the top"
        # A table's Remove row is enabled once the table has a current cell, so it may join during the walk.
        assert len(visited) - len(expected) in (0, 1), f"{page.section.id}: {len(visited)} stops, {len(expected)}"
        assert len({id(w) for w in visited}) == len(visited), f"{page.section.id}: an input was reached twice"
        missing = [getattr(w, "accessibleName", lambda: "a group")() for w in expected if not _reached(w, visited)]
        assert not missing, f"{page.section.id}: never reached {missing}"
        inputs = visited[:-2] if editor.next_button in visited else visited[:-1]
        tops = [_top(w, page) for w in inputs]
        assert all(b >= a - 2 for a, b in zip(tops, tops[1:])), f"{page.section.id}: Tab jumped back up the page"
        assert not unchanged, f"{page.section.id}: focus not visible on {unchanged}"


def test_shift_tab_goes_round_backwards(qtbot, editor):
    editor.go_to("aims")
    first = editor.question_widget("impacted").inputs()[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    assert _press(qtbot, Qt.Key.Key_Backtab) is editor.next_button
    assert _press(qtbot, Qt.Key.Key_Backtab) is editor.back_button
    assert _press(qtbot, Qt.Key.Key_Tab) is editor.next_button
    assert _press(qtbot, Qt.Key.Key_Tab) is first


def test_f6_moves_between_step_list_form_and_side_panel(qtbot, editor):
    editor.go_to("evidence")
    editor.step_list.setFocus()
    landed = _press(qtbot, Qt.Key.Key_F6)
    assert landed is editor.question_widget("evidence_considered").inputs()[0]  # the first question, not a panel
    assert editor.side_tabs.isAncestorOf(_press(qtbot, Qt.Key.Key_F6))
    assert _press(qtbot, Qt.Key.Key_F6) is editor.step_list
    data = editor.question_widget("data_sources").inputs()[0]
    data.setFocus()
    assert editor.side_tabs.isAncestorOf(_press(qtbot, Qt.Key.Key_F6))
    assert _press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier) is data  # back where the user was
    editor.set_side_panel_visible(False)
    assert _press(qtbot, Qt.Key.Key_F6) is editor.step_list  # a closed panel is skipped


def test_ctrl_page_down_and_up_land_on_the_steps_first_question(qtbot, editor):
    editor.go_to("aims")
    editor.next_button.setFocus()
    landed = _press(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section_id() == "evidence"
    assert landed is editor.question_widget("evidence_considered").inputs()[0]  # not the census download button
    landed = _press(qtbot, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert landed is editor.question_widget("impacted").inputs()[0]
    click(qtbot, editor.next_button)
    assert QApplication.focusWidget() is editor.question_widget("evidence_considered").inputs()[0]


def test_table_tab_moves_cell_to_cell_and_leaves_after_the_last(qtbot, context, editor):
    editor.go_to("front")
    contacts = editor.question_widget("other_contacts")
    click(qtbot, contacts.add_button)
    columns = contacts.model.columnCount()
    for n in range(columns):
        cell_editor = QApplication.focusWidget()
        assert contacts.view.isAncestorOf(cell_editor), f"cell {n + 1} is not being edited"
        qtbot.keyClicks(cell_editor, f"Cell {n + 1}")
        _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is contacts.add_button  # out of the table after its last cell
    typed = [{k: v for k, v in row.items() if k != ROW_ID} for row in contacts.value()]  # rows carry a link id
    assert typed == [{c.id: f"Cell {n + 1}" for n, c in enumerate(contacts.model.columns)}]


def test_esc_cancels_only_the_cell_being_edited(qtbot, context, editor):
    editor.go_to("front")
    contacts = editor.question_widget("other_contacts")
    click(qtbot, contacts.add_button)
    qtbot.keyClicks(QApplication.focusWidget(), "Amira Patel")
    second = _press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(second, "Not this")
    assert _press(qtbot, Qt.Key.Key_Escape) is contacts.view  # the edit is cancelled, focus stays in the table
    first_column = contacts.model.columns[0].id
    assert contacts.value()[0][first_column] == "Amira Patel"
    assert "Not this" not in str(contacts.value())
    editor.flush()
    stored = context.store.assessments.get(editor.assessment.id).answers["other_contacts"]
    assert "Amira Patel" in str(stored)


def test_no_focusable_widget_is_unnamed(editor, complete_assessment, make_editor):
    from idmf.ui.main_window import MainWindow  # noqa: F401 - the editor alone here; the window has its own test

    for target in (editor, make_editor(complete_assessment.id)):
        for page in target.pages:
            target.go_to(page.section.id)
            unnamed = [f"{type(w).__name__} in {page.section.id}" for w in target.findChildren(QWidget)
                       if w.isVisibleTo(target) and w.focusPolicy() & Qt.FocusPolicy.TabFocus
                       and w.focusProxy() is None and not w.accessibleName().strip()
                       and not (isinstance(w, QAbstractButton) and w.text().strip())]
            assert unnamed == []

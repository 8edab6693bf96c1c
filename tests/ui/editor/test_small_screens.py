"""Small laptops and large fonts: nothing cut off at 1280×720/125 %, 1366×768 with a 14 pt font and 150 %, and
the side panel turns into a drawer (that says how to open it) when the form would be squeezed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tools.screenshots import small_screens


def test_every_page_fits_at_each_small_screen_setting(tmp_path, form):
    results = small_screens.run_all(tmp_path)
    assert set(results) == set(small_screens.SETTINGS)
    for setting, pages in results.items():
        assert set(pages) == {s.id for s in form.sections}
        assert {page: cut for page, cut in pages.items() if cut} == {}, setting
        width, height, _scale, _points = small_screens.SETTINGS[setting]
        shot = QImage(str(tmp_path / f"{setting}-05-impact.png"))
        assert shot.width() == width and abs(shot.height() - (height - small_screens.TASKBAR)) <= 2


def test_the_check_finds_what_a_too_narrow_form_cuts_off(editor):
    editor.set_side_panel_visible(False)
    editor.go_to("impact")
    editor.resize(560, 700)  # narrower than the form's minimum: the page scrolls sideways, text is out of view
    QApplication.processEvents()
    cut = small_screens.cut_off(editor)
    assert cut and any("spans x" in problem for problem in cut)


def test_a_narrow_window_turns_the_side_panel_into_a_drawer(qtbot, editor):
    placement = editor.side_placement
    editor.set_side_panel_visible(True)  # as the main window does on opening an editor (View menu ticked)
    editor.resize(1600, 800)
    QApplication.processEvents()
    assert not placement.is_drawer and editor.side_tabs.isVisible() and not placement.handle.isVisible()
    editor.go_to("aims")
    editor.resize(900, 700)
    QApplication.processEvents()
    assert placement.is_drawer and not editor.side_tabs.isVisible()
    assert placement.handle.isVisible() and "F9" in placement.handle.text()  # says how to open it
    page = editor.page("aims")
    assert page.viewport().width() >= placement.form_minimum() - page.verticalScrollBar().width()
    editor.set_side_panel_visible(False)  # F9 (the View menu's tick flips) opens the drawer over the form
    assert editor.side_tabs.isVisible() and editor.side_tabs.isAncestorOf(QApplication.focusWidget())
    assert editor.side_tabs.geometry().right() <= editor.width()
    nav_top = editor.back_button.mapTo(editor, editor.back_button.rect().topLeft()).y()
    assert editor.side_tabs.geometry().bottom() < nav_top  # the Back / Next row and the button stay in view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not editor.side_tabs.isVisible() and editor.page("aims").isAncestorOf(QApplication.focusWidget())
    qtbot.mouseClick(placement.handle, Qt.MouseButton.LeftButton)
    assert editor.side_tabs.isVisible()
    editor.resize(1600, 800)
    QApplication.processEvents()
    assert not placement.is_drawer and editor.side_tabs.isVisible()  # docked again, as the user had it


def test_a_long_one_line_answer_shows_its_beginning_in_a_narrow_window(qtbot, context, editor):
    title = ("Proposal not to proceed with the planned day-case unit at Hinckley Community Health Hub, and to "
             "move its lists to Leicester General Hospital")
    context.assessments.set_answer(editor.assessment, "title", title)
    editor.refresh_all()
    editor.go_to("front")
    editor.resize(900, 700)
    QApplication.processEvents()
    box = editor.question_widget("title").edit
    assert box.fontMetrics().horizontalAdvance(title) > box.width()  # it cannot all show
    assert box.cursorPosition() == 0 and box.cursorRect().left() < box.fontMetrics().averageCharWidth() * 2

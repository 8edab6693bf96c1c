"""The dashboard page: search, filter, open, new, archive, duplicate and the first-run state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from idmf.domain.assessment import Status
from idmf.ui.dashboard import COL_TITLE, DashboardPage


@pytest.fixture
def page(qtbot, context, add):
    add("Day case unit at Hinckley", "NHS Leicester, Leicestershire and Rutland ICB", "Amira Patel")
    add("Bariatric surgery pathway", "University Hospitals of Leicester", "Jo Bloggs")
    add("Community phlebotomy", "Leicestershire Partnership NHS Trust", "Sam Okafor")
    widget = DashboardPage(context)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    return widget


def visible_titles(page):
    proxy = page.proxy
    return sorted(proxy.index(r, COL_TITLE).data() for r in range(proxy.rowCount()))


def row_of(page, title):
    proxy = page.proxy
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, COL_TITLE).data() == title)


def test_lists_assessments_instead_of_first_run(page):
    assert not page.is_first_run()
    assert page.proxy.rowCount() == 3


def test_search_as_you_type(qtbot, page):
    qtbot.keyClicks(page.search, "LEIC")
    assert visible_titles(page) == ["Bariatric surgery pathway", "Community phlebotomy", "Day case unit at Hinckley"]
    qtbot.keyClicks(page.search, "estershire p")
    assert visible_titles(page) == ["Community phlebotomy"]
    page.search.clear()
    qtbot.keyClicks(page.search, "jo b")
    assert visible_titles(page) == ["Bariatric surgery pathway"]
    qtbot.keyClicks(page.search, "zzz")
    assert page.proxy.rowCount() == 0
    assert page.no_match.isVisible()


def test_status_filter(context, page):
    item = context.store.assessments.get(page.model.summary(row_of(page, "Bariatric surgery pathway")).id)
    context.store.assessments.update_meta(item.id, item.row_version, status=Status.APPROVED)
    page.refresh()
    page.status_filter.setCurrentIndex(page.status_filter.findText("Approved"))
    assert visible_titles(page) == ["Bariatric surgery pathway"]
    page.status_filter.setCurrentIndex(page.status_filter.findText("Draft"))
    assert visible_titles(page) == ["Community phlebotomy", "Day case unit at Hinckley"]
    page.status_filter.setCurrentIndex(0)
    assert page.proxy.rowCount() == 3


def test_double_click_opens(qtbot, page):
    row = row_of(page, "Community phlebotomy")
    rect = page.table.visualRect(page.proxy.index(row, COL_TITLE))
    # QAbstractItemView only treats a double-click as one after a press on the same item, as a real user does.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.sig_open_requested) as opened:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [page.model.summary(page.proxy.mapToSource(page.proxy.index(row, 0)).row()).id]


def test_enter_opens_the_current_row(qtbot, page):
    page.table.setFocus()
    page.table.selectRow(row_of(page, "Day case unit at Hinckley"))
    expected = page.selected_id()
    with qtbot.waitSignal(page.sig_open_requested) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [expected]


def test_new_asks_for_a_title_creates_and_opens(qtbot, monkeypatch, context, page):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Stroke rehabilitation  ", True))
    with qtbot.waitSignal(page.sig_open_requested) as opened:
        page.new_button.click()
    assert context.store.assessments.get(opened.args[0]).title == "Stroke rehabilitation"
    assert page.selected_summary().title == "Stroke rehabilitation"


def test_new_refuses_an_empty_title(monkeypatch, context, page):
    warnings = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    page.new_button.click()
    assert len(context.store.assessments.list()) == 3
    assert "needs a title" in warnings[0]


def test_cancelled_new_creates_nothing(monkeypatch, context, page):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ignored", False))
    page.new_button.click()
    assert len(context.store.assessments.list()) == 3


def test_archive_hides_but_keeps_and_can_restore(monkeypatch, context, page):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    page.table.selectRow(row_of(page, "Community phlebotomy"))
    archived_id = page.selected_id()
    page.archive_button.click()
    assert "Community phlebotomy" in asked[0]
    assert "Community phlebotomy" not in visible_titles(page)
    assert archived_id not in [s.id for s in context.store.assessments.list()]
    assert [s.archived for s in context.store.assessments.list(include_archived=True) if s.id == archived_id] == [True]
    page.show_archived.setChecked(True)
    assert "Community phlebotomy — archived" in visible_titles(page)
    page.select_id(archived_id)
    assert page.archive_button.text() == "&Restore"
    page.archive_button.click()
    assert archived_id in [s.id for s in context.store.assessments.list()]


def test_archive_can_be_cancelled(monkeypatch, context, page):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.table.selectRow(0)
    page.archive_button.click()
    assert len(context.store.assessments.list()) == 3


def test_duplicate_creates_version_two(context, page):
    page.table.selectRow(row_of(page, "Day case unit at Hinckley"))
    source = page.selected_summary()
    page.duplicate_button.click()
    copy = page.selected_summary()
    assert copy.id != source.id
    assert (copy.uid, copy.version_number, copy.title) == (source.uid, 2, source.title)
    assert [s.version_number for s in context.store.assessments.versions(source.uid)] == [1, 2]


def test_buttons_need_a_selection(page):
    page.table.clearSelection()
    assert not page.open_button.isEnabled()
    assert not page.archive_button.isEnabled()
    page.table.selectRow(0)
    assert page.open_button.isEnabled() and page.duplicate_button.isEnabled()


def test_empty_database_shows_first_run_and_its_button_creates(qtbot, monkeypatch, context):
    widget = DashboardPage(context)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.is_first_run()
    assert widget.first_run.isVisible() and not widget.table.isVisible()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Day case unit", True))
    with qtbot.waitSignal(widget.sig_open_requested):
        qtbot.mouseClick(widget.first_run.button, Qt.MouseButton.LeftButton)
    assert [s.title for s in context.store.assessments.list()] == ["Day case unit"]
    assert not widget.is_first_run()


def test_tab_goes_through_the_page_in_reading_order(page):
    expected = [page.status_filter, page.show_archived, page.table, page.new_button, page.open_button,
                page.duplicate_button, page.archive_button]
    chain, widget = [], page.search
    while len(chain) < len(expected):
        widget = widget.nextInFocusChain()
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            chain.append(widget)
    assert chain == expected


def test_a_change_made_on_a_worker_thread_reaches_the_dashboard(qtbot, context):
    from idmf.ui.dashboard import DashboardPage
    from idmf.ui.tasks import run_in_background

    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    done = []
    run_in_background(page, lambda: context.assessments.create("Made in the background"),
                      on_success=done.append)
    qtbot.waitUntil(lambda: bool(done))
    # The notice crossed to the GUI thread: the new row is listed and selected without a manual refresh.
    qtbot.waitUntil(lambda: page.selected_id() == done[0].id)
    assert [page.model.summary(n).title for n in range(page.model.rowCount())] == ["Made in the background"]

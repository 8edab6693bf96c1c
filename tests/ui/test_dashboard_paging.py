"""On a database server the dashboard shows its first page at once and adds the rest when it arrives (a team
server's thousands); a local file is read in one go."""

from __future__ import annotations

from PySide6.QtCore import Qt

from idmf.domain.assessment import Status
from idmf.ui.dashboard import COL_TITLE, DashboardPage


def _titles(page) -> list[str]:
    return [page.proxy.index(r, COL_TITLE).data() for r in range(page.proxy.rowCount())]


def test_first_page_then_the_rest_in_order_with_search_and_counts(qtbot, context, monkeypatch):
    monkeypatch.setattr(type(context.assessments), "lists_in_pages", lambda self: True)  # as on a server
    monkeypatch.setattr("idmf.storage.assessments.PAGE_SIZE", 3)
    monkeypatch.setattr("idmf.ui.dashboard.page.REST_PAGE", 2)
    ids = [context.assessments.create(f"Change {n}").id for n in range(8)]
    item = context.store.assessments.get(ids[0])  # the oldest edit: on the last page
    context.store.assessments.update_meta(item.id, item.row_version, status=Status.IN_REVIEW)
    context.store.assessments.set_archived(ids[1])
    expected = [s.title for s in context.assessments.list()]
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 8)
    assert _titles(page) == expected  # archived hidden, most recently edited first, nobody twice
    assert page.needs_you.buttons["reviews_waiting"].text() == "Reviews waiting: 1"
    qtbot.keyClicks(page.search, "change 1")
    qtbot.waitUntil(lambda: _titles(page) == [])  # "Change 1" is archived
    page.show_archived.click()
    assert _titles(page) == ["Change 1 — archived"]


def test_a_selection_on_a_later_page_is_kept_and_sorting_covers_every_row(qtbot, context, monkeypatch):
    monkeypatch.setattr(type(context.assessments), "lists_in_pages", lambda self: True)
    monkeypatch.setattr("idmf.storage.assessments.PAGE_SIZE", 2)
    ids = [context.assessments.create(f"Change {n}").id for n in range(5)]
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    page.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    page.refresh(select_id=ids[0])  # "Change 0" is the oldest edit: not on the first page
    qtbot.waitUntil(lambda: page.model.rowCount() == 5 and page.selected_id() == ids[0])
    assert _titles(page) == [f"Change {n}" for n in range(5)]


def test_a_local_file_is_listed_in_one_go(qtbot, context, monkeypatch):
    monkeypatch.setattr("idmf.storage.assessments.PAGE_SIZE", 2)
    for n in range(5):
        context.assessments.create(f"Change {n}")
    page = DashboardPage(context)
    qtbot.addWidget(page)
    assert not context.assessments.lists_in_pages() and page.model.rowCount() == 5  # no wait: all there at once

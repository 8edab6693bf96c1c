"""The dashboard's table model and filter, without any view."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from idmf.domain.assessment import Status
from idmf.domain.summary import AssessmentSummary
from idmf.ui.dashboard.model import (
    COL_LEAD, COL_ORGANISATION, COL_PROGRESS, COL_REVIEW_DATE, COL_STATUS, COL_TITLE, COL_UPDATED, ID_ROLE,
    SORT_ROLE, AssessmentFilterProxy, AssessmentTableModel,
)

UTC = dt.timezone.utc


def summary(n: int, title: str, *, organisation: str = "", lead: str = "", status: Status = Status.DRAFT,
            steps: int = 0, updated: dt.datetime | None = None, review: dt.date | None = None,
            archived: bool = False, version: int = 1) -> AssessmentSummary:
    when = updated or dt.datetime(2026, 2, n, 9, 30, tzinfo=UTC)
    return AssessmentSummary(id=n, uid=f"u{n}", version_number=version, title=title, organisation=organisation,
                             lead=lead, status=status, steps_complete=steps, created_at=when, updated_at=when,
                             review_date=review, archived=archived)


@pytest.fixture
def rows():
    return [
        summary(1, "Day case unit", organisation="NHS Leicester, Leicestershire and Rutland ICB",
                lead="Amira Patel", status=Status.IN_REVIEW, steps=3, review=dt.date(2027, 3, 31)),
        summary(2, "bariatric pathway", organisation="University Hospitals of Leicester", lead="Jo Bloggs",
                status=Status.APPROVED, steps=6),
        summary(3, "Community Phlebotomy", lead="amira khan", steps=1, review=dt.date(2026, 9, 1),
                version=2),
        summary(4, "Old estates plan", status=Status.DRAFT, archived=True),
    ]


def text(model, row, column):
    return model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_rows_and_columns(rows):
    model = AssessmentTableModel(rows)
    assert model.rowCount() == 4
    assert model.columnCount() == 7
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Title", "Organisation", "Lead", "Status", "Steps done", "Last edited", "Review date"]


def test_display_text_per_column(rows):
    model = AssessmentTableModel(rows)
    assert text(model, 0, COL_TITLE) == "Day case unit"
    assert text(model, 0, COL_ORGANISATION) == "NHS Leicester, Leicestershire and Rutland ICB"
    assert text(model, 0, COL_LEAD) == "Amira Patel"
    assert text(model, 0, COL_STATUS) == "In EDI review"
    assert text(model, 1, COL_STATUS) == "Approved"
    assert text(model, 0, COL_PROGRESS) == "3/6"
    local = dt.datetime(2026, 2, 1, 9, 30, tzinfo=UTC).astimezone()
    assert text(model, 0, COL_UPDATED) == local.strftime("%d/%m/%Y %H:%M")
    assert text(model, 0, COL_REVIEW_DATE) == "31/03/2027"
    assert text(model, 1, COL_REVIEW_DATE) == ""
    assert model.index(2, COL_LEAD).data(ID_ROLE) == 3


def test_versions_and_archived_rows_say_so_in_words(rows):
    model = AssessmentTableModel(rows)
    assert text(model, 2, COL_TITLE) == "Community Phlebotomy (version 2)"
    assert text(model, 3, COL_TITLE) == "Old estates plan — archived"


def test_status_labels_for_every_status():
    model = AssessmentTableModel([summary(n + 1, "t", status=s) for n, s in enumerate(Status)])
    assert [text(model, r, COL_STATUS) for r in range(model.rowCount())] == [s.label for s in Status]


def test_sort_role_gives_plain_comparable_keys(rows):
    model = AssessmentTableModel(rows)
    assert model.index(1, COL_TITLE).data(SORT_ROLE) == "bariatric pathway"
    assert model.index(0, COL_PROGRESS).data(SORT_ROLE) == 3
    assert model.index(1, COL_UPDATED).data(SORT_ROLE) > model.index(0, COL_UPDATED).data(SORT_ROLE)
    # Undated review dates sort after every real date.
    assert model.index(1, COL_REVIEW_DATE).data(SORT_ROLE) > model.index(0, COL_REVIEW_DATE).data(SORT_ROLE)
    assert model.index(0, COL_STATUS).data(SORT_ROLE) < model.index(1, COL_STATUS).data(SORT_ROLE)


def _titles(proxy):
    return [proxy.index(r, COL_TITLE).data() for r in range(proxy.rowCount())]


@pytest.fixture
def proxy(rows):
    model = AssessmentTableModel(rows)
    proxy = AssessmentFilterProxy()
    proxy.setSourceModel(model)
    return proxy


@pytest.mark.parametrize("column, order, expected", [
    (COL_TITLE, Qt.SortOrder.AscendingOrder, ["bariatric pathway", "Community Phlebotomy (version 2)",
                                              "Day case unit"]),
    (COL_PROGRESS, Qt.SortOrder.DescendingOrder, ["bariatric pathway", "Day case unit",
                                                  "Community Phlebotomy (version 2)"]),
    (COL_REVIEW_DATE, Qt.SortOrder.AscendingOrder, ["Community Phlebotomy (version 2)", "Day case unit",
                                                    "bariatric pathway"]),
    (COL_UPDATED, Qt.SortOrder.DescendingOrder, ["Community Phlebotomy (version 2)", "bariatric pathway",
                                                 "Day case unit"]),
])
def test_sorting_by_column_uses_the_sort_role(proxy, column, order, expected):
    proxy.sort(column, order)
    assert _titles(proxy) == expected


def test_search_matches_title_organisation_or_lead_in_any_case(proxy):
    proxy.set_search("AMIRA")
    assert sorted(_titles(proxy)) == ["Community Phlebotomy (version 2)", "Day case unit"]
    proxy.set_search("university hospitals")
    assert _titles(proxy) == ["bariatric pathway"]
    proxy.set_search("  phlebo ")
    assert _titles(proxy) == ["Community Phlebotomy (version 2)"]
    proxy.set_search("nothing like this")
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert proxy.rowCount() == 3


def test_status_filter_and_archived_rows(proxy):
    proxy.set_status(Status.APPROVED)
    assert _titles(proxy) == ["bariatric pathway"]
    proxy.set_status(Status.DRAFT)
    assert _titles(proxy) == ["Community Phlebotomy (version 2)"]
    proxy.set_show_archived(True)
    assert sorted(_titles(proxy)) == ["Community Phlebotomy (version 2)", "Old estates plan — archived"]
    proxy.set_status(None)
    assert proxy.rowCount() == 4

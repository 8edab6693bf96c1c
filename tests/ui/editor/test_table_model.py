"""RowsTableModel on its own, without a view: rows in and out as JSON, dates, headers and screen-reader text."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from idmf.domain.links import cells, row_id

R = Qt.ItemDataRole


@pytest.fixture
def model(qapp, form):
    from idmf.ui.editor.fields.table import RowsTableModel

    return RowsTableModel(form.question("action_plan").columns)


ROW = {"action": "Translate letters", "lead": "Rachel Dunn", "target_date": "2027-03-31", "outcome": ""}


def test_columns_have_col_constants_from_the_form(model):
    assert (model.COL_ACTION, model.COL_LEAD, model.COL_TARGET_DATE, model.COL_OUTCOME) == (0, 1, 2, 3)
    assert model.column("target_date") == model.COL_TARGET_DATE
    assert model.columnCount() == 4
    model.set_rows([ROW])
    assert model.columnCount(model.index(0, 0)) == 0 and model.rowCount(model.index(0, 0)) == 0  # a flat table


def test_rows_round_trip_as_json(model):
    model.set_rows([ROW, {"action": "Report", "target_date": None}])
    assert model.rowCount() == 2
    assert model.rows_json() == [ROW, {"action": "Report", "lead": "", "target_date": None, "outcome": ""}]


def test_dates_show_as_dd_mm_yyyy_and_edit_as_dates(model):
    model.set_rows([ROW])
    cell = model.index(0, model.COL_TARGET_DATE)
    assert model.data(cell) == "31/03/2027"
    assert model.data(cell, R.EditRole) == dt.date(2027, 3, 31)
    assert model.setData(cell, dt.date(2027, 4, 1))
    assert model.rows_json()[0]["target_date"] == "2027-04-01"
    assert model.setData(cell, None) and model.data(cell) == ""


def test_a_typed_text_that_is_not_a_date_is_kept_on_screen_and_not_stored(model):
    model.set_rows([ROW])
    cell = model.index(0, model.COL_TARGET_DATE)
    model.set_typed(cell, "31/02/2027", "February 2027 has 28 days.")
    assert model.data(cell) == "31/02/2027" and "28 days" in model.data(cell, R.ToolTipRole)
    assert "not saved" in model.data(cell, R.AccessibleTextRole)
    assert model.rows_json()[0]["target_date"] == "2027-03-31"  # the stored date is untouched
    assert model.problems() == ["Row 1, Target Date: February 2027 has 28 days."]
    model.insert_row(0)  # the kept text moves with its row
    assert model.typed(1, model.COL_TARGET_DATE) == ("31/02/2027", "February 2027 has 28 days.")
    assert model.setData(model.index(1, model.COL_TARGET_DATE), dt.date(2027, 2, 28))
    assert model.problems() == [] and model.data(model.index(1, model.COL_TARGET_DATE)) == "28/02/2027"


def test_set_data_reports_a_change_only_when_something_changed(qtbot, model):
    model.set_rows([ROW])
    cell = model.index(0, model.COL_LEAD)
    with qtbot.waitSignal(model.dataChanged):
        model.setData(cell, "Helen Okafor")
    with qtbot.assertNotEmitted(model.dataChanged):
        model.setData(cell, "Helen Okafor")
    assert not model.setData(QModelIndex(), "x")
    assert not model.setData(cell, "x", R.DisplayRole)


def test_insert_and_remove_rows(model):
    model.set_rows([ROW])
    assert model.insert_row() == 1
    new = model.rows_json()[1]
    assert cells(new) == {"action": "", "lead": "", "target_date": None, "outcome": ""}
    assert row_id(new) and row_id(new) != row_id(model.rows_json()[0])  # a new row's id, for links to it
    model.insert_row(0)
    model.remove_row(0)
    model.remove_row(1)
    assert model.rows_json() == [ROW]


def test_headers_and_accessible_text(model, form):
    model.set_rows([ROW])
    columns = form.question("action_plan").columns
    assert model.headerData(0, Qt.Orientation.Horizontal) == columns[0].label
    assert "\n" in model.headerData(model.COL_LEAD, Qt.Orientation.Horizontal)  # long heading wraps
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert model.data(model.index(0, model.COL_TARGET_DATE), R.AccessibleTextRole) == "Target Date, row 1: 31/03/2027"
    assert model.data(model.index(0, model.COL_OUTCOME), R.AccessibleTextRole) == "Outcome, row 1: empty"
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable

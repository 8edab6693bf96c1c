"""The profile table model, tested without a view, against the real imported figures."""

from __future__ import annotations

from PySide6.QtCore import Qt

from idmf.ui.census.model import (COL_CATEGORY, COL_COUNT, COL_DIFFERENCE, COL_ENGLAND, COL_PERCENT, HEADERS,
                                  OVER_MARK, ProfileTableModel, points)
from tests.ui.census.conftest import HINCKLEY

DISPLAY, FONT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole


def _table(service, area, code):
    return next(t for t in service.profile(area).tables if t.table_code == code)


def _cells(model, column, role=DISPLAY):
    return [model.data(model.index(n, column), role) for n in range(model.rowCount())]


def test_hinckley_ethnic_group_shows_the_published_counts(qtmodeltester, real_census):
    model = ProfileTableModel(_table(real_census, HINCKLEY, "TS021"))
    qtmodeltester.check(model)
    assert model.columnCount() == len(HEADERS) and model.rowCount() == 24
    broad = {model.row(n).category.split(",")[0].split(" ")[0]: model.data(model.index(n, COL_COUNT))
             for n in range(model.rowCount()) if model.row(n).parent is None}
    assert broad == {"Asian": "3,147", "Black": "692", "Mixed": "1,990", "White": "107,180", "Other": "632"}
    assert model.table.total == 113641  # the ethnic group file's own total (ONS perturbs each table separately)
    detailed = _cells(model, COL_CATEGORY)[1]
    assert detailed.startswith("    ") and ":" not in detailed  # indented under its broad group
    # No England row in the counts file: England is the sum of its authorities (9.6 % Asian, as ONS publishes).
    assert _cells(model, COL_ENGLAND)[0] == "9.6%" and _cells(model, COL_DIFFERENCE)[0].startswith("−6.8")


def test_hinckley_age_compares_with_england_and_marks_the_largest_excess(real_census):
    model = ProfileTableModel(_table(real_census, HINCKLEY, "TS007"))
    assert model.table.total == 113640
    row = next(n for n in range(model.rowCount()) if model.row(n).category == "Aged 65 to 74 years")
    texts = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    table_row = model.row(row)
    assert texts[COL_PERCENT] == f"{table_row.percent:.1f}%" and texts[COL_ENGLAND].endswith("%")
    assert texts[COL_DIFFERENCE] == points(table_row.difference) and texts[COL_DIFFERENCE].startswith("+")
    marked = [n for n, text in enumerate(_cells(model, COL_CATEGORY)) if text.endswith(OVER_MARK)]
    assert [model.row(n).category for n in marked] == ["Aged 50 to 64 years", "Aged 65 to 74 years"]
    assert all(model.data(model.index(n, COL_COUNT), FONT).bold() for n in marked)  # bold, not colour alone
    assert model.data(model.index(0, COL_COUNT), FONT) is None
    assert "above England" in model.data(model.index(row, COL_CATEGORY), Qt.ItemDataRole.ToolTipRole)


def test_headers_numbers_and_an_empty_model():
    model = ProfileTableModel()
    assert model.rowCount() == 0 and model.data(model.index(0, 0)) is None
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)][COL_DIFFERENCE] == \
        "Difference (points)"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert points(-2.0) == "−2.0" and points(4.1) == "+4.1" and points(None) == "—"

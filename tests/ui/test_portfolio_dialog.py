"""The portfolio view on local assessments: its table model without a view, opening a row at its step with the
keyboard, and exporting through the dialog's buttons (file dialogs patched)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idmf.domain.questions import ORGANISATION
from idmf.ui.portfolio import COL_FIRST, PortfolioDialog, PortfolioTableModel
from tests.review.helpers import TODAY, ready_answers, store


def _impact(narrative: str) -> dict:
    return {"positive": False, "negative": True, "neutral": False, "narrative": narrative,
            "evidence": ["census:TS007"]}


@pytest.fixture
def dialog(qtbot, context, form):
    base = ready_answers(form)
    store(context, form, base | {ORGANISATION: "Leicester ICB"})
    store(context, form, base | {ORGANISATION: "Rutland Trust", "pc_disability": _impact("Steps at the entrance.")})
    widget = PortfolioDialog(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.built is not None, timeout=10_000)
    return widget


def test_the_table_model_reports_rows_and_targets_without_a_view():
    model = PortfolioTableModel()
    model.set_table(("Assessment", "Group"), [(7, "Age"), (9, "Sex")], [(7, "impact"), (9, "impact")])
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert model.index(1, COL_FIRST).data() == "9"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Group"
    assert model.target(0) == (7, "impact") and model.target(5) is None


def test_enter_on_an_unmitigated_impact_opens_that_assessment_at_its_step(qtbot, dialog):
    dialog.tabs.setCurrentIndex(1 + list(dialog.models).index("Negative impacts"))
    view = dialog.tabs.currentWidget()
    model = dialog.models["Negative impacts"]
    row = next(r for r in range(model.rowCount()) if model.index(r, 3).data() == "Disability")
    view.setFocus()
    view.setCurrentIndex(model.index(row, 0))
    with qtbot.waitSignal(dialog.sig_open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [model.target(row)[0], "impact"]
    assert model.index(row, 4).data() == "No"  # "Steps at the entrance." names no mitigation


def test_filtering_by_organisation_from_the_combo_box(qtbot, dialog):
    dialog.organisation.setFocus()
    qtbot.keyClicks(dialog.organisation, "Rutland")
    dialog.refresh()
    qtbot.waitUntil(lambda: dialog.built.assessments == 1, timeout=10_000)
    assert dialog.summary.text().startswith("1 assessment. 2 negative impacts, 1 without mitigation.")


def test_exports_through_the_buttons_read_back(qtbot, dialog, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    dialog.tabs.setCurrentIndex(1 + list(dialog.models).index("Groups"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "groups.csv"), ""))
    qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    with (tmp_path / "groups.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert ["Disability", "1", "1"] in rows and ["Age", "2", "0"] in rows
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "all.xlsx"), ""))
    qtbot.mouseClick(dialog.xlsx_button, Qt.MouseButton.LeftButton)
    assert told == [f"Saved {tmp_path / 'groups.csv'}.", f"Saved {tmp_path / 'all.xlsx'}."]
    sheet = load_workbook(tmp_path / "all.xlsx")["By status"]
    assert [r for r in sheet.iter_rows(min_row=2, values_only=True)] == [("Leicester ICB", "Draft", 1),
                                                                         ("Rutland Trust", "Draft", 1)]


def test_organisations_come_with_the_first_portfolio_without_a_read_of_every_assessment(qtbot, context, form,
                                                                                       monkeypatch):
    base = ready_answers(form)
    for organisation in ("Rutland Trust", "Leicester and Rutland Integrated Care Board", ""):
        store(context, form, base | {ORGANISATION: organisation})
    monkeypatch.setattr(context.store.assessments, "list", lambda *a, **k: pytest.fail("the whole list was read"))
    widget = PortfolioDialog(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()  # sized before the names arrive
    qtbot.waitUntil(lambda: widget.built is not None, timeout=10_000)
    names = lambda: [widget.organisation.itemText(i) for i in range(widget.organisation.count())]  # noqa: E731
    assert names() == ["All organisations", "Leicester and Rutland Integrated Care Board", "Rutland Trust"]
    longest = widget.organisation.fontMetrics().horizontalAdvance("Leicester and Rutland Integrated Care Board")
    qtbot.waitUntil(lambda: widget.organisation.width() > longest, timeout=2_000)  # it grew for the names
    widget.organisation.setFocus()
    qtbot.keyClicks(widget.organisation, "Rutland")
    widget.refresh()
    qtbot.waitUntil(lambda: widget.built.assessments == 1, timeout=10_000)
    assert names()[1:] == ["Leicester and Rutland Integrated Care Board", "Rutland Trust"]  # a filtered build keeps them

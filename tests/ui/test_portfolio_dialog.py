"""The portfolio view on local assessments: its table model without a view, opening a row at its step with the
keyboard, and exporting through the dialog's buttons (file dialogs patched)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idmf.domain.questions import DIRECTOR, ORGANISATION
from idmf.forms.schema import FieldType
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


def test_choosing_a_responsible_director_with_the_keyboard_shows_only_their_assessments(qtbot, context, form):
    """Alt+D to the director box, type to pick, Alt+S to show: as an EDI lead without a mouse would."""
    base = ready_answers(form)
    for director in ("Dr Aisha Shah, Chief Nurse", "Mark Green, Director of Strategy", "",
                     "dr aisha shah, chief nurse"):
        store(context, form, base | {DIRECTOR: director})
    widget = PortfolioDialog(context, today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: widget.built is not None, timeout=10_000)
    names = [widget.director.itemText(i) for i in range(widget.director.count())]
    assert names == ["All directors", "(no director named)", "Dr Aisha Shah, Chief Nurse",
                     "Mark Green, Director of Strategy"]
    qtbot.keyClick(widget, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert widget.focusWidget() is widget.director
    qtbot.keyClicks(widget.director, "Dr")
    qtbot.keyClick(widget, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: widget.built.assessments == 2, timeout=10_000)
    assert widget.summary.text().startswith("2 assessments.")
    assert widget.director.toolTip() == "Dr Aisha Shah, Chief Nurse"
    widget.director.setFocus()
    qtbot.keyClick(widget.director, Qt.Key.Key_Up)  # to the one naming nobody
    assert widget.director.currentText() == "(no director named)"
    qtbot.mouseClick(widget.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.built.assessments == 1, timeout=10_000)


def test_with_a_14pt_font_it_still_fits_a_1280x720_laptop_at_125_percent(qtbot, context, form):
    """1024×538 logical pixels: the filters must not force a wider dialog, and the charts keep the height their
    labels need (the tab scrolls down) instead of being squashed into unreadable bars, one above the other."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    every_group_harmed = {q.id: _impact("A longer journey.") for q in form.questions() if q.type == FieldType.IMPACT}
    store(context, form, ready_answers(form) | every_group_harmed | {DIRECTOR: "Mark Green, Director of Strategy"})
    app, before = QApplication.instance(), QApplication.font()
    large = QFont(before)
    large.setPointSize(14)
    app.setFont(large)
    try:
        widget = PortfolioDialog(context, today=TODAY)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitUntil(lambda: widget.built is not None, timeout=10_000)
        assert widget.minimumSizeHint().width() <= 1024 and widget.minimumSizeHint().height() <= 538
        widget.resize(1024, 538)
        charts = [widget.charts.widget(i) for i in range(widget.charts.count())]
        lines = widget.fontMetrics().lineSpacing()
        assert charts[0].height() >= (2 * 8 + 7) * lines  # title, legend, axis and the top 8 groups' two bars
        qtbot.waitUntil(lambda: widget.chart_area.verticalScrollBar().maximum() > 0, timeout=2_000)
        # Too narrow for both charts side by side at this size: one above the other, never a sideways scroll
        assert widget.chart_area.horizontalScrollBar().maximum() == 0
        assert charts[1].geometry().top() >= charts[0].geometry().bottom()
        assert min(c.width() for c in charts) >= max(c.minimumWidth() for c in charts)
        widget.resize(1800, 900)  # a big monitor: side by side again
        qtbot.waitUntil(lambda: charts[1].geometry().left() >= charts[0].geometry().right(), timeout=2_000)
        assert widget.chart_area.horizontalScrollBar().maximum() == 0
    finally:
        app.setFont(before)


def test_chart_axes_count_in_round_steps():
    from idmf.ui.portfolio.charts import tick_step

    assert [tick_step(h) for h in (1, 4, 9, 33, 192, 815, 19_384)] == [1, 1, 2, 10, 50, 200, 5_000]


def test_tab_titles_count_their_rows_with_thousands_separators(qtbot, dialog, monkeypatch):
    from idmf.ui.portfolio import dialog as module

    real = module.tables

    def a_large_portfolio(built):
        named = real(built)
        headers, rows = named["Negative impacts"]
        named["Negative impacts"] = (headers, (rows * 1234)[:1234])
        return named

    monkeypatch.setattr(module, "tables", a_large_portfolio)
    dialog.refresh()

    def titles() -> list[str]:
        return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]

    qtbot.waitUntil(lambda: "Negative impacts (1,234)" in titles(), timeout=10_000)
    assert titles()[0] == "Charts"

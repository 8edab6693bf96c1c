"""Tab-separated text pasted into an answer is printed as a real Word table, not as ragged tab stops."""

from __future__ import annotations

from idmf.domain import Assessment
from tests.domain.test_tabular import NOMIS
from tests.export.readback import row_texts


def test_a_pasted_census_table_becomes_a_word_table(form, export):
    item = Assessment.new(form, "Day case unit")
    item.set_answer(form, "data_sources", NOMIS)
    exported = export(item)
    label = form.question("data_sources").label
    under = exported.under(label)
    table = exported.table_under(label)
    assert row_texts(table) == [["Sex", "Hinckley and Bosworth", ""], ["", "count", "%"],
                                ["Total: All usual residents", "113,640", "100.0"], ["Female", "57,607", "50.7"],
                                ["Male", "56,033", "49.3"]]
    assert [r._tr.trPr.xml.count("tblHeader") for r in table.rows] == [1, 1, 0, 0, 0]  # title and count / %
    assert table._tbl.tblPr.xml.count("tblCaption") == 1
    words = [getattr(item, "text", None) for item in under]
    assert words[words.index(None) - 1] == "Census 2021 figures for the district:"  # text, table, text in order
    assert words[words.index(None) + 1] == "Source: ONS - 2021 Census (TS008)"
    figures = table.rows[3].cells[1].paragraphs[0]
    assert figures.alignment is not None and figures.alignment.name == "RIGHT"


def test_tabs_in_an_action_plan_cell_stay_tabs(form, export):
    item = Assessment.new(form, "Day case unit")
    item.set_answer(form, "action_plan", [{"action": "Area\tCount\nA\t1\nB\t2", "lead": "Jo"}])
    exported = export(item)
    cell = exported.table_under("Action plan").rows[1].cells[0]
    assert [p.text for p in cell.paragraphs] == ["Area\tCount", "A\t1", "B\t2"]


def test_the_rows_above_the_figures_are_heading_rows(form, export):
    item = Assessment.new(form, "Day case unit")
    item.set_answer(form, "populations", "Clinic\tSessions\nHinckley\t12\nEarl Shilton\t9\n\nYear\t2024\t2025\nA\t1\t2")
    exported = export(item)
    first, second = [t for t in exported.doc.tables if "Clinic" in t.rows[0].cells[0].text or
                     "Year" in t.rows[0].cells[0].text]
    assert [r._tr.trPr.xml.count("tblHeader") for r in first.rows] == [1, 0, 0]
    assert [r._tr.trPr.xml.count("tblHeader") for r in second.rows] == [1, 0]  # its first row holds figures

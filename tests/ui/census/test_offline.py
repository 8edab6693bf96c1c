"""Step 2 on a fresh install with the network blocked: the census panel works from the shipped figures."""

from __future__ import annotations

from PySide6.QtCore import Qt

from idmf.census.deprivation import IMD_CODE
from idmf.domain.questions import IH_DEPRIVATION
from idmf.ui.census.deprivation import COL_RANK
from tests.census.test_bundle import offline  # noqa: F401 - shipped bundle on, every connection refused
from tests.ui.census.conftest import HINCKLEY
from tests.ui.census.test_panel import _type_and_choose

SHIPPED_TITLES = ["Sex", "Age", "Ethnic group", "Religion", "Sexual orientation", "Gender identity", "Disability",
                  "Legal partnership status"]


def test_the_step_2_panel_profiles_hinckley_offline(qtbot, offline, editor, panel_of, tmp_path):  # noqa: F811
    panel = panel_of(editor)
    editor.resize(1280, 720)
    editor.go_to("evidence")
    assert not panel.empty.isVisible() and panel.picker.isVisible()  # no download or import needed
    _type_and_choose(qtbot, panel, "Hinckley")
    assert panel.profile.area.code == HINCKLEY
    assert [t.title for t in panel.profile.tables] == SHIPPED_TITLES
    tabs = panel.view.tabs
    assert [tabs.tabText(i).split(" (")[0] for i in range(tabs.count())][:len(SHIPPED_TITLES)] == SHIPPED_TITLES
    sex = panel.profile.tables[0]
    assert {r.category: r.count for r in sex.rows} == {"Female": 57607, "Male": 56033}
    notes = tabs.widget(0).findChildren(type(panel.empty))
    assert any("shipped with IDMF Desktop" in label.text() for label in notes)
    editor.grab().save(str(tmp_path / "offline-profile.png"))
    assert offline == []


def test_deprivation_shows_in_step_2_and_beside_people_experiencing_deprivation(qtbot, offline, editor,  # noqa: F811
                                                                                  panel_of, qtmodeltester):
    panel = panel_of(editor)
    editor.go_to("evidence")
    _type_and_choose(qtbot, panel, "Hinckley")
    tabs = panel.view.tabs
    page = tabs.widget(tabs.count() - 1)
    assert tabs.tabText(tabs.count() - 1) == "Deprivation (IMD 2019)"
    model = page.view.model()
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(model.columnCount())] == [
        "Hinckley and Bosworth", "13.461", "232 of 317", "8", "0.0%"]
    assert model.headerData(COL_RANK, Qt.Orientation.Horizontal) == "Rank"

    editor.go_to("impact")
    note = editor.census_notes.labels[IH_DEPRIVATION]
    assert note.isVisible() and "Hinckley and Bosworth: ranked 232 of 317 local authorities" in note.text()
    assert "not yet added to your evidence base" in note.text()
    frames = editor.page("impact").frames
    layout = editor.page("impact")._layout
    assert layout.indexOf(note) == layout.indexOf(frames[IH_DEPRIVATION]) + 1  # right beside the question

    editor.go_to("evidence")
    qtbot.mouseClick(panel.view.add_button, Qt.MouseButton.LeftButton)
    kept = {t.table_code for t in editor.assessment.census_tables}
    assert IMD_CODE in kept and "TS008" in kept
    assert "from the deprivation table in your evidence base" in note.text()


def test_the_step_2_panel_profiles_the_llr_icb_offline(qtbot, offline, editor, panel_of):  # noqa: F811
    panel = panel_of(editor)
    editor.go_to("evidence")
    _type_and_choose(qtbot, panel, "Leicestershire and Rutland")
    assert panel.profile.area.code == "E54000015" and panel.profile.area.kind == "icb"
    assert [t.title for t in panel.profile.tables] == SHIPPED_TITLES
    assert all("Summed from the figures of its 9 local authorities." in t.notes for t in panel.profile.tables)
    assert panel.profile.tables[0].total == 1_121_987  # Leicester, Rutland and the 7 Leicestershire districts
    assert len(panel.profile.deprivation.deprivation) == 9
    assert offline == []


def test_the_kept_tables_list_says_where_each_came_from(qtbot, offline, editor, panel_of):  # noqa: F811
    panel = panel_of(editor)
    editor.go_to("evidence")
    _type_and_choose(qtbot, panel, "Hinckley")
    qtbot.mouseClick(panel.view.add_button, Qt.MouseButton.LeftButton)
    lines = [panel.attached.list.item(n).text() for n in range(panel.attached.list.count())]
    assert lines[0] == ("Sex (TS008) – Hinckley and Bosworth; ONS Census 2021, shipped with IDMF Desktop (bulk "
                        "files)")
    assert lines[-1] == ("Deprivation (IMD 2019) – Hinckley and Bosworth; MHCLG English Indices of Deprivation 2019, "
                         "shipped with IDMF Desktop")

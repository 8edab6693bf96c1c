"""Step 2 on a fresh install with the network blocked: the census panel works from the shipped figures."""

from __future__ import annotations

from PySide6.QtCore import Qt

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

"""Step 2's census panel: the empty-cache message, picking an area by typing, and the evidence base."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from idmf.ui.census.chart import CensusChart
from idmf.ui.census.source import EMPTY_TEXT
from tests.census.test_real_files import real_files
from tests.ui.census.conftest import HINCKLEY


def _type_and_choose(qtbot, panel, text: str) -> None:
    panel.picker.line.setFocus()
    qtbot.keyClicks(panel.picker.line, text)
    qtbot.waitUntil(lambda: panel.picker.suggestions.rowCount() > 0)
    panel.picker.completer.popup().hide()
    with qtbot.waitSignal(panel.sig_profile):
        qtbot.keyClick(panel.picker.line, Qt.Key.Key_Return)


def test_empty_cache_says_so_and_offers_download_and_import(editor, panel_of):
    panel = panel_of(editor)
    editor.go_to("evidence")
    assert panel.empty.isVisible() and panel.empty.text() == EMPTY_TEXT
    assert not panel.picker.isVisible() and not panel.view.isVisible()
    assert panel.source.download_button.isVisible() and panel.source.import_button.isVisible()
    assert panel.source.download_button.text() == "Download from ONS (Nomis)…"


def test_import_files_through_the_file_dialog_shows_the_picker(editor, panel_of, census_dir, monkeypatch):
    panel = panel_of(editor)
    editor.go_to("evidence")
    files = [str(p) for p in real_files(census_dir)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: (files, "")))
    panel.source.import_button.click()
    assert not panel.empty.isVisible() and panel.picker.isVisible()
    status = panel.source.status.text()
    assert status.startswith("Imported") and "ethnicity21_ltla21_wide_counts.csv" in status


def test_a_bad_import_says_why_and_keeps_the_cache(editor, panel_of, census, tmp_path, monkeypatch):
    panel = panel_of(editor)
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(bad)], "")))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, title, text: shown.append(text)))
    panel.source.import_button.click()
    assert shown and "is not a file the app can import" in shown[0] and "have not been changed" in shown[0]
    assert census.cache.snapshot() == [] and panel.empty.isVisibleTo(panel)


def test_typing_part_of_a_name_drives_the_profile(qtbot, real_census, editor, panel_of):
    panel = panel_of(editor)
    editor.go_to("evidence")
    _type_and_choose(qtbot, panel, "Hinckley")
    assert panel.profile.area.code == HINCKLEY
    assert panel.picker.line.text() == "Hinckley and Bosworth (E07000132) – Local authority"
    assert [panel.view.tabs.tabText(n) for n in range(panel.view.tabs.count())] == ["Age (TS007)",
                                                                                   "Ethnic group (TS021)"]
    ethnic = panel.view.tabs.widget(1)
    assert ethnic.view.model().table.area_code == HINCKLEY and ethnic.findChild(CensusChart) is not None
    assert "Not on this computer yet: Sex (TS008)" in panel.view.heading.text()


def test_codes_and_icb_names_work_and_best_fit_is_explained(qtbot, real_census, editor, panel_of):
    panel = panel_of(editor)
    editor.go_to("evidence")
    _type_and_choose(qtbot, panel, "Leicester, Leicestershire and Rutland ICB")
    assert panel.profile.area.code == "E54000015" and not panel.view.how_built.isVisible()
    panel.picker.line.clear()
    _type_and_choose(qtbot, panel, "E54000052")  # Surrey Heartlands: split authorities
    assert panel.view.how_built.isVisible() and "best-fit local authorities" in panel.view.how_built.text()


def test_an_unknown_area_is_explained(qtbot, real_census, editor, panel_of):
    panel = panel_of(editor)
    editor.go_to("evidence")
    qtbot.keyClicks(panel.picker.line, "Atlantis")
    qtbot.keyClick(panel.picker.line, Qt.Key.Key_Return)
    assert panel.problem.isVisible() and "No area matches 'Atlantis'" in panel.problem.text()


def test_add_to_evidence_base_survives_reopening_and_can_be_undone(qtbot, real_census, editor, panel_of,
                                                                   make_editor, context):
    panel = panel_of(editor)
    panel.picker.choose(HINCKLEY)
    panel.view.checks["TS007"].setChecked(False)
    panel.view.add_button.click()
    stored = context.store.assessments.get(editor.assessment.id).census_tables
    assert [t.table_code for t in stored] == ["TS021"] and stored[0].area_code == HINCKLEY
    assert panel.attached.list.count() == 1 and "Ethnic group (TS021)" in panel.attached.list.item(0).text()

    editor.close()
    again = panel_of(make_editor(editor.assessment.id))
    assert again.profile.area.code == HINCKLEY  # the kept area is chosen again
    assert again.attached.list.count() == 1

    again.attached.list.item(0).setSelected(True)
    again.attached.remove_button.click()
    assert context.store.assessments.get(editor.assessment.id).census_tables == []
    again.editor.undo_stack.undo()
    assert [t.table_code for t in context.store.assessments.get(editor.assessment.id).census_tables] == ["TS021"]
    assert again.attached.list.count() == 1


def test_nothing_ticked_says_what_to_do(real_census, editor, panel_of, context):
    panel = panel_of(editor)
    panel.picker.choose(HINCKLEY)
    for box in panel.view.checks.values():
        box.setChecked(False)
    panel.view.add_button.click()
    assert "Tick at least one table" in panel.problem.text()
    assert context.store.assessments.get(editor.assessment.id).census_tables == []


def test_attach_undo_redo_in_one_editor(real_census, editor, panel_of, context):
    panel = panel_of(editor)
    panel.picker.choose(HINCKLEY)
    panel.view.add_button.click()
    assert len(context.store.assessments.get(editor.assessment.id).census_tables) == 2
    editor.undo_stack.undo()
    assert context.store.assessments.get(editor.assessment.id).census_tables == [] and panel.attached.list.count() == 0
    editor.undo_stack.redo()
    assert len(context.store.assessments.get(editor.assessment.id).census_tables) == 2
    assert panel.attached.list.count() == 2


def test_a_refused_save_is_explained(real_census, editor, panel_of, monkeypatch):
    panel = panel_of(editor)
    panel.picker.choose(HINCKLEY)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, title, text: shown.append(title)))
    monkeypatch.setattr(panel.service, "attach", lambda *a: (_ for _ in ()).throw(OSError(28, "No space")))
    panel.view.add_button.click()
    assert shown == ["Census tables not saved"] and editor.undo_stack.count() == 0
    assert panel.attached.list.count() == 0


def test_every_census_input_has_an_accessible_name(real_census, editor, panel_of):
    from tests.ui.editor.test_accessibility import _unnamed

    panel = panel_of(editor)
    panel.picker.choose(HINCKLEY)
    panel.view.add_button.click()
    editor.go_to("evidence")
    assert _unnamed(editor, panel) == []
    editor.go_to("impact")
    assert _unnamed(editor, editor.page("impact")) == []

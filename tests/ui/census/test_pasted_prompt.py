"""The editor's prompt under an answer holding a census table pasted from Nomis: it says what the table is,
its button replaces the pasted text with the census table, and one Ctrl+Z puts both back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from idmf.ui.census.pasted import BUTTON
from tests.census.conftest import SEX



def _open_with(make_editor, context, text: str):
    item = context.assessments.create("Day case unit")
    context.assessments.set_answer(item, "data_sources", text)
    editor = make_editor(item.id)
    editor.go_to("evidence", "data_sources")
    return editor, editor.pasted_census.prompts.get("data_sources")


def test_the_prompt_offers_the_census_table_and_replaces_it(qtbot, make_editor, context, sex_figures, tmp_path):
    editor, prompt = _open_with(make_editor, context, SEX)
    assert prompt is not None and prompt.isVisible()
    assert "Sex (TS008) for Hinckley and Bosworth" in prompt.label.text() and "same figures" in prompt.label.text()
    assert prompt.button.isVisible() and prompt.button.text() == BUTTON
    qtbot.waitUntil(lambda: prompt.visibleRegion().boundingRect().height() > 0, timeout=3000)
    prompt.parentWidget().grab().save(str(tmp_path / "pasted-prompt.png"))
    field = editor.question_widget("data_sources")

    qtbot.mouseClick(prompt.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not prompt.isVisible())
    remaining = "Census 2021 for the district:\n\nOlder residents are the ones most affected."
    stored = context.assessments.get(editor.assessment.id)
    assert stored.text("data_sources") == remaining
    assert [t.table_code for t in stored.census_tables] == ["TS008"]
    qtbot.waitUntil(lambda: field.value() == remaining)

    field.inputs()[0].setFocus()
    qtbot.keyClick(field.inputs()[0], Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: context.assessments.get(editor.assessment.id).text("data_sources") == SEX)
    assert context.assessments.get(editor.assessment.id).census_tables == []
    qtbot.waitUntil(lambda: prompt.isVisible() and field.value() == SEX)


def test_different_figures_are_explained_without_a_button(make_editor, context, sex_figures):
    _editor, prompt = _open_with(make_editor, context, SEX.replace("56,033", "56,000"))
    assert prompt.isVisible() and not prompt.button.isVisible()
    assert "Male: 56,000 pasted, 56,033 in the census" in prompt.label.text()


def test_typing_a_pasted_table_shows_the_prompt(qtbot, make_editor, context, sex_figures):
    editor, prompt = _open_with(make_editor, context, "")
    assert prompt is None
    field = editor.question_widget("data_sources")
    field.inputs()[0].setFocus()
    field.inputs()[0].insertPlainText(SEX)  # a paste arrives as one insertion
    editor.flush()
    qtbot.waitUntil(lambda: "data_sources" in editor.pasted_census.prompts
                    and editor.pasted_census.prompts["data_sources"].isVisible())

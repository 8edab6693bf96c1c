"""Step 4: a note beside a protected characteristic where the area differs notably from England."""

from __future__ import annotations

from idmf.domain.evidence import CensusRow, CensusTable
from idmf.ui.census.impact_notes import MAX_LINES, NOTABLE_POINTS, QUESTION_OF_TABLE, notable_rows, note_text
from tests.ui.census.conftest import HINCKLEY, NORTH_NORFOLK


def _row(category: str, percent: float, england: float, parent: str | None = None) -> CensusRow:
    return CensusRow(category=category, count=1, percent=percent, england_percent=england, parent=parent)


def test_notable_means_at_least_the_named_number_of_points():
    table = CensusTable(table_code="TS021", title="Ethnic group", area_code="X", area_name="Town",
                        universe="All usual residents", total=1, rows=[
                            _row("Asian", 30.0, 9.6), _row("Asian: Indian", 25.0, 3.3, "Asian"),
                            _row("White", 60.0, 81.0), _row("Black", 4.0, 4.2),
                            _row("Mixed", 9.6 + NOTABLE_POINTS, 9.6), _row("Other", 7.0, 2.2)])
    listed = [r.category for r in notable_rows(table)]
    assert listed == ["White", "Asian", "Mixed"][:MAX_LINES]  # largest first either way; Indian is under Asian
    text = note_text(table, kept=True)
    assert "Town's ethnic group profile differs notably" in text and "▼ White: 60.0% here, 81.0% in England" in text
    assert note_text(table.model_copy(update={"rows": [_row("Black", 4.0, 4.2)]}), kept=True) == ""


def test_every_characteristic_question_exists_in_step_4(form):
    assert {form.section_of(qid).id for qid in QUESTION_OF_TABLE.values()} == {"impact"}


def test_an_older_area_gets_an_age_note_beside_age(real_census, editor, panel_of):
    panel = panel_of(editor)
    notes = editor.census_notes
    editor.go_to("evidence")
    panel.picker.choose(NORTH_NORFOLK)
    editor.go_to("impact")
    age = notes.labels["pc_age"]
    assert age.isVisible() and "North Norfolk's age profile differs notably" in age.text()
    assert "▲ Aged 65 to 74 years: 17.3% here, 9.8% in England (7.5 percentage points more)" in age.text()
    assert "not yet added to your evidence base" in age.text()
    # The ethnic group file has no England row: England is summed from its authorities, so race gets a note too.
    assert notes.labels["pc_race"].isVisible() and "White" in notes.labels["pc_race"].text()
    page = editor.page("impact")
    assert page._layout.indexOf(age) == page._layout.indexOf(page.frames["pc_age"]) + 1  # right beside Age

    panel.view.add_button.click()
    assert "from the census tables in your evidence base" in age.text()


def test_only_the_tables_unlike_england_get_a_note(real_census, editor, panel_of):
    panel_of(editor).picker.choose(HINCKLEY)
    editor.go_to("impact")
    # Hinckley's ages are within a few points of England's; its White population is 13 points above.
    assert [q for q, label in editor.census_notes.labels.items() if label.isVisible()] == ["pc_race"]


def test_kept_tables_give_notes_when_the_editor_opens(real_census, context, make_editor):
    item = context.assessments.create("Falls service in North Norfolk")
    real_census.attach(item.id, real_census.profile(NORTH_NORFOLK).tables)
    editor = make_editor(item.id)
    editor.go_to("impact")
    assert editor.census_notes.labels["pc_age"].isVisible()

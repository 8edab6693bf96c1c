"""Done means: a complete assessment filled in through the widgets only, closed, reopened on a fresh
connection, and every answer found as typed, in the window and in the database."""

from __future__ import annotations

from idmf.domain.answers import to_json
from idmf.domain.links import cells, row_id
from idmf.forms.schema import FieldType
from tests.ui.editor import driver


def _fill_section(qtbot, editor, section, start: int) -> dict:
    editor.go_to(section.id)
    expected = {}
    for n, question in enumerate(section.all_questions(), start=start):
        field = editor.question_widget(question.id)
        if not field.isVisibleTo(editor):
            continue  # a conditional question that does not apply (Step 5 "continue" questions)
        if question.type == FieldType.SHORT_TEXT and question.choices:
            expected[question.id] = driver.fill_organisation(qtbot, field, question)
        else:
            expected[question.id] = driver.FILLERS[question.type](qtbot, field, question, n)
    return expected


def _as_typed(answers: dict) -> dict:
    """The answers without the stable ids the editor gives table rows (the user never sees or types them)."""
    return {qid: [cells(r) for r in v] if isinstance(v, list) and v and isinstance(v[0], dict) and row_id(v[0])
            else v for qid, v in answers.items()}


def test_a_complete_assessment_typed_in_survives_closing_and_reopening(qtbot, context, form, make_editor,
                                                                       blank_id):
    from idmf.services.context import open_app

    editor = make_editor(blank_id)
    expected: dict = {}
    for section in form.sections:
        expected |= _fill_section(qtbot, editor, section, start=len(expected))
    assert expected["decision_option"] == "adjust"
    assert "human_rights_edi_advice" in expected  # appeared once Human Rights concerns was answered Yes
    assert "decision_justification" not in expected  # only for option 3, "continue"
    editor.close()

    fresh = open_app()
    try:
        stored = fresh.store.assessments.get(blank_id)
        stored_json = {qid: to_json(stored.answers.get(qid)) for qid in expected}
        assert _as_typed(stored_json) == expected
        assert all(row_id(r) for r in stored_json["action_plan"])  # each action can be linked to
        assert stored.steps_complete(form) == 6
        again = make_editor(blank_id, ctx=fresh)
        shown = {qid: again.question_widget(qid).value() for qid in expected}
        assert _as_typed(shown) == expected
        assert again.assessment.title == expected["title"]
        again.close()
    finally:
        fresh.close()

"""Pages: built from the form, conditional questions live, date checks that warn, moving between steps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.editor.driver import click, type_date


def test_every_question_of_the_form_has_a_widget_on_its_sections_page(editor, form):
    for section in form.sections:
        page = editor.page(section.id)
        assert list(page.frames) == [q.id for q in section.all_questions()]


def test_human_rights_advice_appears_when_concerns_are_answered_yes(qtbot, context, editor):
    editor.go_to("impact")
    page, advice = editor.page("impact"), editor.page("impact").frames["human_rights_edi_advice"]
    assert not advice.isVisibleTo(page)
    buttons = editor.question_widget("duty_human_rights").buttons
    click(qtbot, buttons["yes"])
    assert advice.isVisibleTo(page)
    assert context.store.assessments.get(editor.assessment.id).answers["duty_human_rights"] == "yes"
    click(qtbot, buttons["no"])
    assert not advice.isVisibleTo(page)


def test_option_three_asks_for_the_justification(qtbot, editor):
    editor.go_to("options")
    page = editor.page("options")
    decision = editor.question_widget("decision_option")
    click(qtbot, decision.buttons["adjust"])
    assert not page.frames["decision_justification"].isVisibleTo(page)
    click(qtbot, decision.buttons["continue"])
    assert page.frames["decision_justification"].isVisibleTo(page)


def test_completed_before_start_warns_and_keeps_both_dates(qtbot, context, editor):
    editor.go_to("front")
    page = editor.page("front")
    type_date(qtbot, editor.question_widget("start_date").edit, "10/03/2026")
    type_date(qtbot, editor.question_widget("completed_date").edit, "1/3/26")
    qtbot.keyClick(editor.question_widget("completed_date").edit.line, Qt.Key.Key_Tab)  # leaving reads the date
    assert not page.validate_page()
    assert page.warning.isVisibleTo(page) and "Completed Date (01/03/2026) is before Start Date" in page.warning.text()
    assert page.warning.accessibleName() == page.warning.text()  # read out as its words, not "Warning"
    below = page.frames["completed_date"].geometry().bottom()
    assert below <= page.warning.geometry().top() < below + 100  # under the date it is about, not at the top
    editor.next_page()  # never blocks
    stored = context.store.assessments.get(editor.assessment.id).answers
    assert (str(stored["start_date"]), str(stored["completed_date"])) == ("2026-03-10", "2026-03-01")


def test_a_date_can_be_cleared(qtbot, context, editor):
    editor.go_to("front")
    field = editor.question_widget("start_date")
    type_date(qtbot, field.edit, "10/03/2026")
    editor.flush()
    assert context.store.assessments.get(editor.assessment.id).answers["start_date"].isoformat() == "2026-03-10"
    qtbot.keyClick(field.edit.line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(field.edit.line, Qt.Key.Key_Delete)
    qtbot.keyClick(field.edit.line, Qt.Key.Key_Tab)
    assert field.value() is None and field.edit.text() == "" and field.edit.problem == ""
    assert "start_date" not in context.store.assessments.get(editor.assessment.id).answers


def test_next_back_and_shortcuts_move_between_steps(qtbot, editor, form):
    ids = [s.id for s in form.sections]
    assert editor.current_section_id() == ids[0] and not editor.back_button.isEnabled()
    with qtbot.waitSignal(editor.sig_section_changed) as moved:
        click(qtbot, editor.next_button)
    assert moved.args == [ids[1]]
    qtbot.keyClick(editor.question_widget("summary").edit, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section_id() == ids[2]
    qtbot.keyClick(editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section_id() == ids[1]
    editor.go_to(ids[-1])
    assert not editor.next_button.isEnabled()


def test_go_to_a_question_shows_and_focuses_it(editor):
    from PySide6.QtWidgets import QApplication

    editor.go_to("monitoring", "monitoring_measures")
    assert editor.current_section_id() == "monitoring"
    assert QApplication.focusWidget() is editor.question_widget("monitoring_measures").edit


def test_go_to_an_unknown_section_raises_key_error(editor):
    import pytest

    with pytest.raises(KeyError):
        editor.go_to("no_such_step")


def test_title_changes_are_announced(qtbot, editor):
    from tests.ui.editor.driver import type_into

    title = editor.question_widget("title")
    with qtbot.waitSignal(editor.sig_title_changed) as changed:
        type_into(qtbot, title.edit, "Day case unit")
        editor.flush()
    assert changed.args == ["Day case unit"]


def test_organisation_can_be_typed_when_not_in_the_list(qtbot, context, editor):
    from tests.ui.editor.driver import type_into

    field = editor.question_widget("organisation")
    type_into(qtbot, field.combo.lineEdit(), "NHS England — Midlands")
    editor.flush()
    assert context.store.assessments.get(editor.assessment.id).organisation == "NHS England — Midlands"


def test_a_signed_off_version_is_shown_read_only(qtbot, context, complete_assessment, make_editor):
    pytest = __import__("pytest")
    pytest.importorskip("idmf.review.state")
    item = context.store.assessments.get(complete_assessment.id)
    context.store.assessments.update_meta(item.id, item.row_version, locked=True)
    editor = make_editor(item.id)
    assert editor.controller.read_only
    summary = editor.question_widget("summary")
    assert summary.edit.isReadOnly() and summary.value() == item.answers["summary"]
    assert not editor.question_widget("decision_option").buttons["stop"].isEnabled()
    assert not editor.question_widget("action_plan").add_button.isEnabled()
    assert editor.flush()


def test_ampersands_in_wording_are_shown_not_taken_as_shortcuts(editor):
    frame = editor.page("impact").frames["pc_religion"]
    assert "Religion &amp; Belief" in frame.label.text() and frame.label.buddy() is None

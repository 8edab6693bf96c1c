"""Undo and redo: one command per change, acting on the assessment; the widgets and the database follow."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.editor.driver import click, type_into


def _stored(context, assessment_id: int, question_id: str):
    return context.store.assessments.get(assessment_id).answers.get(question_id)


def test_undo_and_redo_update_widget_and_database(qtbot, context, editor):
    editor.go_to("front")
    lead = editor.question_widget("lead")
    type_into(qtbot, lead.edit, "Amira")
    assert editor.flush()  # like leaving the field: the next typing is a new undo step
    type_into(qtbot, lead.edit, " Patel")
    assert editor.flush() and editor.undo_stack.count() == 2
    editor.undo_action.trigger()
    assert lead.value() == "Amira" and _stored(context, editor.assessment.id, "lead") == "Amira"
    editor.undo_action.trigger()
    assert lead.value() == "" and _stored(context, editor.assessment.id, "lead") is None
    editor.redo_action.trigger()
    editor.redo_action.trigger()
    assert lead.value() == "Amira Patel" and _stored(context, editor.assessment.id, "lead") == "Amira Patel"


def test_words_typed_without_a_pause_are_one_undo_step(qtbot, context, editor):
    editor.go_to("aims")
    editor.autosave.debounce_ms = 300
    field = editor.question_widget("summary")
    with qtbot.waitSignal(editor.sig_saved):
        type_into(qtbot, field.edit, "Two ")  # the first key after a quiet spell is saved at once
    with qtbot.waitSignal(editor.sig_saved):
        type_into(qtbot, field.edit, "theatres at the Hub")
    qtbot.waitUntil(lambda: not editor.autosave.is_dirty())
    assert context.store.assessments.get(editor.assessment.id).answers["summary"] == "Two theatres at the Hub"
    assert editor.undo_stack.count() == 1  # saved more than once while typing, but one step to undo
    editor.undo_stack.undo()
    assert field.value() == ""


SENTENCES = ["The day case unit moves to the Hub in April. ", "Parking there is free for blue badge holders. ",
             "Buses run every twenty minutes from the town centre. ", "We will check travel times with patients."]


def test_ctrl_z_after_four_sentences_typed_with_pauses_takes_back_only_the_last(qtbot, context, editor):
    editor.go_to("aims")
    editor.autosave.debounce_ms = 20  # a pause in typing, made short so the test does not wait long
    box = editor.question_widget("summary").edit
    for sentence in SENTENCES:
        with qtbot.waitSignal(editor.sig_saved):
            type_into(qtbot, box, sentence)
        qtbot.waitUntil(lambda: not editor.autosave.is_dirty())
    assert box.toPlainText() == "".join(SENTENCES)
    for kept in (3, 2):
        qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert box.toPlainText() == "".join(SENTENCES[:kept])
        assert _stored(context, editor.assessment.id, "summary") == "".join(SENTENCES[:kept])
    qtbot.keyClick(box, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert box.toPlainText() == "".join(SENTENCES[:3])


def test_ctrl_z_in_a_text_field_undoes_what_was_just_typed(qtbot, context, editor):
    editor.go_to("impact")
    click(qtbot, editor.question_widget("duty_relations").buttons["no"])
    narrative = editor.question_widget("duty_narrative").edit
    type_into(qtbot, narrative, "Not saved yet")
    qtbot.keyClick(narrative, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert narrative.toPlainText() == ""  # the burst was saved, then undone as one step
    assert _stored(context, editor.assessment.id, "duty_narrative") is None
    assert _stored(context, editor.assessment.id, "duty_relations") == "no"
    qtbot.keyClick(narrative, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert narrative.toPlainText() == "Not saved yet"


def test_undo_brings_back_a_removed_group_and_a_removed_row(qtbot, complete_assessment, make_editor):
    editor = make_editor(complete_assessment.id)
    editor.go_to("impact")
    groups = editor.question_widget("ih_groups")
    before = groups.value()
    click(qtbot, groups.entries[0].remove_button)
    assert len(groups.value()) == len(before) - 1
    editor.undo_stack.undo()
    assert groups.value() == before
    editor.go_to("monitoring")
    table = editor.question_widget("action_plan")
    rows = table.value()
    table.view.setCurrentIndex(table.model.index(0, 0))
    click(qtbot, table.remove_button)
    assert table.value() == rows[1:]
    editor.undo_stack.undo()
    assert table.value() == rows


def test_undo_shows_the_question_it_changed(qtbot, editor):
    editor.go_to("aims")
    from tests.ui.editor.driver import type_into

    type_into(qtbot, editor.question_widget("summary").edit, "Two theatres")
    editor.next_page()  # saves, and moves away
    assert editor.current_section_id() == "evidence"
    editor.undo_stack.undo()
    qtbot.waitUntil(lambda: editor.current_section_id() == "aims")
    assert editor.question_widget("summary").value() == ""

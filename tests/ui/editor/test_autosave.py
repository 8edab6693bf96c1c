"""Autosave: no Save button; saved after a pause, on leaving a field, on changing page and on closing.
A failed save says why, keeps the text and is retried until it succeeds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.editor.driver import click, type_into

SUMMARY = "Two theatres at the Hub, café opening hours"


def _stored(context, assessment_id: int, question_id: str):
    return context.store.assessments.get(assessment_id).answers.get(question_id)


def test_typing_is_saved_after_a_pause_without_any_explicit_save(qtbot, context, editor):
    editor.go_to("aims")
    field = editor.question_widget("summary")
    with qtbot.waitSignal(editor.sig_saved, timeout=5000) as saved:
        type_into(qtbot, field.edit, SUMMARY)
        assert _stored(context, editor.assessment.id, "summary") is None  # not at once: after the pause
    assert saved.args[0].startswith("Saved ")
    qtbot.waitUntil(lambda: _stored(context, editor.assessment.id, "summary") == SUMMARY, timeout=5000)


def test_leaving_a_field_saves_it_at_once(qtbot, context, editor):
    editor.go_to("front")
    lead = editor.question_widget("lead")
    type_into(qtbot, lead.edit, "Amira Patel")
    qtbot.keyClick(lead.edit, Qt.Key.Key_Tab)
    assert _stored(context, editor.assessment.id, "lead") == "Amira Patel"


def test_changing_page_and_closing_save_at_once(qtbot, context, editor):
    editor.go_to("aims")
    type_into(qtbot, editor.question_widget("summary").edit, SUMMARY)
    qtbot.keyClick(editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section_id() == "evidence"
    assert _stored(context, editor.assessment.id, "summary") == SUMMARY
    type_into(qtbot, editor.question_widget("drivers").edit, "Distance")
    editor.close()
    assert _stored(context, editor.assessment.id, "drivers") == "Distance"


def test_clicks_and_choices_are_saved_at_once(qtbot, context, editor):
    editor.go_to("impact")
    click(qtbot, editor.question_widget("duty_contract").buttons["yes"])
    assert _stored(context, editor.assessment.id, "duty_contract") == "yes"


def test_a_failed_save_says_why_keeps_the_text_and_recovers(qtbot, monkeypatch, context, editor):
    def disk_full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(context.assessments, "set_answer", disk_full)
    editor.go_to("aims")
    field = editor.question_widget("summary")
    with qtbot.waitSignal(editor.sig_save_failed, timeout=5000) as failed:
        type_into(qtbot, field.edit, SUMMARY)
    assert failed.args[0].startswith("Not saved — the disk is full")
    assert field.value() == SUMMARY and editor.autosave.is_dirty()
    assert not editor.flush()
    monkeypatch.undo()
    with qtbot.waitSignal(editor.sig_saved, timeout=10000):
        pass  # retried by itself, without another keystroke
    assert _stored(context, editor.assessment.id, "summary") == SUMMARY
    assert not editor.autosave.is_dirty() and field.value() == SUMMARY


@pytest.mark.parametrize("error, words", [
    (OSError(13, "Permission denied"), "could not be written (permission denied)"),
    (RuntimeError("boom"), "something unexpected went wrong"),
])
def test_failure_reasons_are_plain_english(error, words):
    from idmf.ui.editor.controller import failure_reason

    assert words in failure_reason(error).lower()


def test_a_conflict_reason_says_what_happened():
    from idmf.errors import ConflictError
    from idmf.ui.editor.controller import failure_reason

    assert "changed elsewhere" in failure_reason(ConflictError(1, "summary", 3))

"""Opening one assessment after another in the main window: the editor's widgets are reused, so nothing of the
first may show, be undone or be saved into the second. Driven with real key events in the real window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from idmf.paths import resources_dir
from idmf.review.comments import step_anchor
from tests.census.test_real_files import real_files
from tests.ui.editor.driver import type_into
from tests.ui.review.conftest import window  # noqa: F401 - the real main window, shown and active

EXAMPLE = "examples/day-case-unit.json"


@pytest.fixture
def example_id(context) -> int:
    """The shipped example: every step answered, census tables kept, links between ratings and actions."""
    return context.assessments.import_json((resources_dir() / EXAMPLE).read_text(encoding="utf-8")).id


@pytest.fixture
def other_id(context) -> int:
    """A second assessment with a few answers of its own."""
    item = context.assessments.create("Community phlebotomy")
    context.assessments.set_answer(item, "lead", "Bea Okafor")
    context.assessments.set_answer(item, "summary", "Blood tests moved to three community hubs.")
    return item.id


def _shows_every_stored_answer(editor, context, assessment_id: int) -> None:
    stored = context.assessments.get(assessment_id)
    from idmf.domain.answers import to_json
    from idmf.ui.editor.controller import same_answer

    for section in editor.form.sections:
        editor.go_to(section.id)
        for qid in editor.question_ids(section.id):
            shown, saved = editor.question_widget(qid).value(), to_json(stored.answers.get(qid))
            assert same_answer(shown, saved), f"{section.id}/{qid}: shows {shown!r}, stored {saved!r}"


def test_opening_a_then_b_shows_b_on_every_step_in_the_same_widgets(qtbot, context, window, example_id, other_id):
    assert window.open_assessment(example_id)
    first = window.editor
    first.go_to("impact", "pc_age")  # A left on a later step, an input focused there
    window.show_dashboard()
    assert window.open_assessment(other_id)
    assert window.editor is first  # reused, not rebuilt
    assert window.editor.current_section_id() == window.editor.form.sections[0].id  # B starts on its first step
    assert QApplication.focusWidget() is window.editor.step_list  # as in a new editor: no input out of sight
    assert window.windowTitle().startswith("Community phlebotomy")
    _shows_every_stored_answer(window.editor, context, other_id)
    window.show_dashboard()
    assert window.open_assessment(example_id)  # and back: A's answers, not B's
    _shows_every_stored_answer(window.editor, context, example_id)


def test_typing_in_a_then_opening_b_undo_never_touches_a_and_autosave_saves_b(qtbot, context, window, other_id):
    a_id = context.assessments.create("Day case unit").id
    window.open_assessment(a_id, "front")
    lead = window.editor.question_widget("lead").edit
    type_into(qtbot, lead, "Amira Patel")
    window.show_dashboard()  # saves A
    assert context.assessments.get(a_id).lead == "Amira Patel"
    window.open_assessment(other_id, "front")
    lead = window.editor.question_widget("lead").edit
    assert lead.text() == "Bea Okafor"
    assert not window.undo_action.isEnabled() and window.editor.undo_stack.count() == 0
    lead.setFocus()
    qtbot.keyClick(lead, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing of A to undo
    assert lead.text() == "Bea Okafor" and context.assessments.get(a_id).lead == "Amira Patel"
    lead.end(False)
    type_into(qtbot, lead, " (lead)")
    qtbot.keyClick(lead, Qt.Key.Key_Tab)  # leaving the field saves it: into B
    assert context.assessments.get(other_id).lead == "Bea Okafor (lead)"
    assert context.assessments.get(a_id).lead == "Amira Patel"
    assert window.save_label.text().startswith("Saved ")
    lead.setFocus()
    qtbot.keyClick(lead, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undoes B's own typing only
    assert lead.text() == "Bea Okafor" and context.assessments.get(other_id).lead == "Bea Okafor"
    assert context.assessments.get(a_id).lead == "Amira Patel"


def test_typing_paused_in_a_long_answer_of_b_is_saved_to_b_by_the_autosave_timer(qtbot, context, window, other_id):
    a_id = context.assessments.create("Day case unit").id
    window.open_assessment(a_id, "aims")
    type_into(qtbot, window.editor.question_widget("summary").edit, "About the day case unit.")
    window.show_dashboard()
    window.open_assessment(other_id, "aims")
    box = window.editor.question_widget("summary").edit
    assert box.toPlainText() == "Blood tests moved to three community hubs."
    box.moveCursor(box.textCursor().MoveOperation.End)
    type_into(qtbot, box, " Open Saturdays.")
    qtbot.waitUntil(lambda: not window.editor.autosave.is_dirty(), timeout=5000)  # the pause timer, no flush
    assert context.assessments.get(other_id).answers["summary"].endswith("hubs. Open Saturdays.")
    assert context.assessments.get(a_id).answers["summary"] == "About the day case unit."


def test_comments_documents_links_and_census_of_a_do_not_show_on_b(qtbot, context, window, example_id, other_id,
                                                                   census_dir):
    item = context.assessments.get(example_id)
    context.comments.add(example_id, "summary", "Say who uses the unit now.")
    context.comments.add(example_id, step_anchor("impact"), "Check the age rating.")
    context.evidence.attach(context.assessments.get(example_id), "Survey results.csv", b"question,answer\n")
    context.census.import_files(real_files(census_dir))  # the real ONS files (skipped when absent)
    hinckley = context.census.profile("E07000132")
    context.census.attach(item, hinckley.tables[:2])
    documents = len(context.assessments.get(example_id).documents)  # the example's own, and the survey
    window.open_assessment(example_id)
    editor = window.editor
    assert editor.has_marker("summary") and editor.census_panel.profile is not None
    assert any(box.actions.linked() for box in editor.evidence_panels.boxes.values())  # A's links shown
    assert editor.evidence_panels.documents.model.rowCount() == documents >= 1
    window.show_dashboard()
    window.open_assessment(other_id)
    assert editor is window.editor
    marker = editor.page("aims").frames["summary"].findChild(type(editor.read_only_banner), "question_marker")
    assert marker is not None and marker.isHidden()  # A's comment marker is not on B's question
    from idmf.ui.review.comments import CommentsPane

    assert editor.findChild(CommentsPane).tree.topLevelItemCount() == 0
    assert editor.evidence_panels.documents.model.rowCount() == 0
    assert editor.census_panel.profile is None and editor.census_panel.view.isHidden()
    assert editor.census_panel.attached.tables == []
    assert not any(box.actions.linked() or box.evidence.linked() for box in editor.evidence_panels.boxes.values())
    window.show_dashboard()
    window.open_assessment(example_id)  # and A again: its comments, document and census profile are back
    assert editor.has_marker("summary") and not editor.page("aims").frames["summary"].findChild(
        type(editor.read_only_banner), "question_marker").isHidden()
    assert editor.evidence_panels.documents.model.rowCount() == documents >= 1
    assert editor.census_panel.profile is not None
    assert any(box.actions.linked() for box in editor.evidence_panels.boxes.values())


def test_a_review_copy_opens_read_only_and_the_next_draft_is_editable(qtbot, context, window, example_id, other_id):
    window.open_assessment(other_id)
    editable = window.editor
    window.show_dashboard()
    with context.store.transaction() as conn:
        context.store.review_copies.mark(conn, assessment_id=example_id, content_sha256="0" * 64, content_json="{}",
                                         received_at=dt.datetime.now(dt.timezone.utc), received_from="Lead")
    window.open_assessment(example_id)
    assert window.editor.read_only and not window.editor.read_only_banner.isHidden()
    assert window.editor.question_widget("lead").edit.isReadOnly()
    from idmf.review.workflow import Role
    from idmf.ui.review.comments import CommentsPane

    assert window.editor.findChild(CommentsPane).role_combo.currentData() == Role.REVIEWER
    window.show_dashboard()
    window.open_assessment(other_id, "front")
    assert not window.editor.read_only and window.editor.read_only_banner.isHidden()
    lead = window.editor.question_widget("lead").edit
    assert not lead.isReadOnly()
    assert window.editor.findChild(CommentsPane).role_combo.currentData() == Role.LEAD
    lead.setFocus()
    lead.end(False)
    type_into(qtbot, lead, "!")
    qtbot.keyClick(lead, Qt.Key.Key_Tab)
    assert context.assessments.get(other_id).lead == "Bea Okafor!"
    assert window.editor is not editable  # inputs once made read-only are not made editable again: built afresh


def _tables_read(context, action) -> list[str]:
    """The table each SQL statement run during `action` reads or writes (its first FROM / INTO / UPDATE)."""
    tables: list[str] = []

    def seen(_conn, _cursor, statement, *_args):
        words = statement.replace("\n", " ").split()
        for keyword in ("FROM", "INTO", "UPDATE"):
            if keyword in words:
                tables.append(words[words.index(keyword) + 1].strip('"'))
                return
        tables.append(words[0])

    engine = context.database.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return tables


def test_opening_an_assessment_reads_each_table_once(qtbot, context, window, example_id, other_id, census_dir):
    context.comments.add(example_id, "summary", "Say who uses the unit now.")
    context.evidence.attach(context.assessments.get(example_id), "Survey results.csv", b"question,answer\n")
    context.census.import_files(real_files(census_dir))  # census figures cached, tables kept with A
    context.census.attach(context.assessments.get(example_id), context.census.profile("E07000132").tables[:2])
    for target in (example_id, other_id, example_id):  # a fresh editor, then the same widgets twice
        window.show_dashboard()
        tables = _tables_read(context, lambda t=target: window.open_assessment(t))
        own = [t for t in tables if not t.startswith("census_")]
        repeated = {t: own.count(t) for t in set(own) if own.count(t) > 1}
        assert not repeated, f"read more than once: {repeated} in {tables}"
        assert set(own) <= {"assessment", "answer", "assessment_census", "assessment_document", "review_copy",
                            "comment"}, tables
        # Step 2's census profile of A's area, from the figures cached on this computer: a fixed few queries
        # (figures present?, the area, its figures and England's), however many tables and rows.
        assert len(tables) - len(own) <= 5, tables

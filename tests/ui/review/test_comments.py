"""The comments pane: add, reply, resolve and reopen through its widgets; markers beside questions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel

from idmf.ui.review.comments import THREAD_ROLE, CommentsPane
from tests.ui.editor.driver import type_into


def pane_of(editor) -> CommentsPane:
    pane = editor.findChild(CommentsPane)
    editor.side_tabs.setCurrentWidget(pane)
    return pane


def marker(editor, qid):
    return editor.page(editor.form.section_of(qid).id).frames[qid].findChild(QLabel, "question_marker")


def test_focus_in_a_question_makes_it_the_comment_anchor(qtbot, editor):
    pane = pane_of(editor)
    editor.go_to("aims", "summary")
    qtbot.waitUntil(lambda: pane.anchor_combo.currentData() == "summary")
    editor.go_to("impact")
    assert pane.anchor_combo.currentData() == "step:impact"


def test_add_reply_resolve_and_reopen_persist(qtbot, context, editor):
    pane = pane_of(editor)
    editor.go_to("aims", "summary")
    qtbot.waitUntil(lambda: pane.anchor_combo.currentData() == "summary")
    pane.name_edit.setText("Priya Sharma")
    pane.role_combo.setCurrentIndex(pane.role_combo.findText("EDI partner"))
    type_into(qtbot, pane.body_edit, "Say which wards move to the new unit.")
    pane.add_button.click()
    [thread] = context.comments.threads(editor.assessment.id)
    assert (thread.comment.anchor, thread.comment.author, thread.comment.role) == ("summary", "Priya Sharma", "reviewer")
    assert thread.comment.body == "Say which wards move to the new unit." and pane.body_edit.toPlainText() == ""
    assert pane.selected_thread_id() == thread.comment.id
    assert marker(editor, "summary").isVisibleTo(editor) and "1 open comment" in marker(editor, "summary").text()

    type_into(qtbot, pane.reply_edit, "Wards 3 and 4; added to the summary.")
    pane.reply_button.click()
    [thread] = context.comments.threads(editor.assessment.id)
    assert [r.body for r in thread.replies] == ["Wards 3 and 4; added to the summary."]
    assert pane.tree.topLevelItem(0).childCount() == 1

    assert pane.resolve_button.text() == "Re&solve"
    pane.resolve_button.click()
    assert context.comments.threads(editor.assessment.id)[0].resolved
    assert pane.tree.topLevelItem(0).text(0).startswith("Resolved by Priya Sharma")
    assert not marker(editor, "summary").isVisibleTo(editor)
    assert pane.resolve_button.text() == "Re&open"
    pane.resolve_button.click()
    assert not context.comments.threads(editor.assessment.id)[0].resolved


def test_an_empty_comment_is_refused_in_words(qtbot, messages, editor):
    pane_of(editor).add_button.click()
    assert messages == [("warning", "Add comment", "A comment cannot be empty.")]


def test_hiding_resolved_threads_and_going_to_the_question(qtbot, context, editor):
    item = editor.assessment
    first = context.comments.add(item.id, "pc_age", "Evidence for older people?", "Priya", "reviewer")
    context.comments.add(item.id, "step:impact", "Check all nine ratings.", "Priya", "reviewer")
    context.comments.set_resolved(item.id, first.id, True, "Amira")
    pane = pane_of(editor)
    pane.refresh()
    assert pane.tree.topLevelItemCount() == 2
    pane.show_resolved.setChecked(False)
    assert pane.tree.topLevelItemCount() == 1
    pane.show_resolved.setChecked(True)
    pane.tree.setCurrentItem(next(pane.tree.topLevelItem(n) for n in range(2)
                                  if pane.tree.topLevelItem(n).data(0, THREAD_ROLE) == first.id))
    pane.go_button.click()
    assert editor.current_section_id() == "impact"


def test_comments_are_allowed_on_a_signed_off_version(qtbot, context, make_editor, at_committee):
    context.review.approve(at_committee.id, "Planning and Performance Committee", dt.date.today(), "Dr Jane Doe",
            person="Committee Person")
    editor = make_editor(at_committee.id)
    assert editor.controller.read_only
    pane = pane_of(editor)
    pane.anchor_combo.setCurrentIndex(0)
    type_into(qtbot, pane.body_edit, "Noted for next year's review.")
    pane.add_button.click()
    assert [t.comment.body for t in context.comments.threads(at_committee.id)] == ["Noted for next year's review."]

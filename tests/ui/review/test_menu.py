"""The Review menu: workflow steps, refusal with the blocking list, approve and revise, compare, history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog

from idmf.domain.assessment import Status
from idmf.ui.review import menu as review_menu
from idmf.ui.review.dialogs import Approval, HistoryDialog
from idmf.ui.review.diff_dialog import CompareDialog


SIGNS = {"Request changes": "Reviewer Person", "Submit for committee": "Reviewer Person",
         "Send back for changes": "Committee Person"}  # who signs each step; the lead signs the others


def answer_steps(monkeypatch, person=None, comment="Over to you"):
    """Answer every 'who signs and why' question with `person` (else who signs that step) and `comment`."""
    asked = []

    def answer(_parent, title, intro, required, signers):
        signer = person or SIGNS.get(title, "Lead Person")
        assert signer in [card.name for card in signers]  # the identities on this computer are offered
        asked.append((title, required))
        return signer, comment

    monkeypatch.setattr(review_menu, "ask_transition", answer)
    return asked


def test_the_menu_sits_before_help(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Review") == titles.index("&Help") - 1
    texts = [a.text() for a in window.review_menu.menu.actions() if a.text()]
    assert "Ready for &committee…" in texts and "Com&pare versions…" in texts


def test_submit_then_ready_for_committee_is_refused_with_the_blocking_list(qtbot, monkeypatch, messages, context,
                                                                           window, add):
    item_id = add("Stroke rehabilitation")
    window.open_assessment(item_id)
    asked = answer_steps(monkeypatch)
    window.review_menu.actions["submit_for_review"].trigger()
    assert asked == [("Submit for EDI review", False)]
    assert context.store.assessments.get(item_id).status == Status.IN_REVIEW
    assert window.editor.assessment.status == Status.IN_REVIEW  # the editor was reopened on the new state
    window.review_menu.actions["submit_for_committee"].trigger()
    [(kind, title, text)] = messages
    assert kind == "warning" and title == "Submit for committee"
    assert "cannot go to committee yet" in text and "• 1. Aims of the Proposal: " in text
    assert "is not answered yet" in text
    assert len(asked) == 1  # refused before asking who is acting
    assert context.store.assessments.get(item_id).status == Status.IN_REVIEW


def test_request_changes_needs_a_comment_and_a_step_not_allowed_says_why(monkeypatch, messages, context,
                                                                        window, add):
    item_id = add("Stroke rehabilitation")
    window.dashboard.refresh(select_id=item_id)
    asked = answer_steps(monkeypatch)
    window.review_menu.actions["request_changes"].trigger()
    assert "is not possible now" in messages[0][2] and asked == []
    window.review_menu.actions["submit_for_review"].trigger()
    window.review_menu.actions["request_changes"].trigger()
    assert asked[-1] == ("Request changes", True)
    assert context.store.assessments.get(item_id).status == Status.CHANGES_REQUESTED
    assert window.dashboard.needs_you.counts()["changes_requested"] == 1


def test_approve_locks_the_version_and_revise_starts_an_editable_one(qtbot, monkeypatch, context, window,
                                                                    at_committee):
    window.open_assessment(at_committee.id)
    editor = window.editor
    assert not editor.controller.read_only and editor.read_only_banner.isHidden()
    monkeypatch.setattr(review_menu, "ask_approval", lambda _parent, _item, _signers: Approval(
        "Planning and Performance Committee", dt.date.today(), "Dr Jane Doe", "Committee Person", ""))
    window.review_menu.actions["approve"].trigger()
    assert context.review.is_locked(at_committee.id)
    # The same editor follows the change notice: nothing was closed and reopened.
    assert window.editor is editor and editor.assessment.id == at_committee.id and editor.controller.read_only
    assert editor.question_widget("summary").edit.isReadOnly() and not editor.read_only_banner.isHidden()
    assert editor.question_widget("approval_committee").value() == "Planning and Performance Committee"
    assert "Approved and locked, signed by Committee Person (key " in window.statusBar().currentMessage()

    answer_steps(monkeypatch, comment="Annual review")
    window.review_menu.actions["revise"].trigger()
    revised = window.editor.assessment
    assert (revised.uid, revised.version_number, revised.status) == (at_committee.uid, 2, Status.DRAFT)
    assert not window.editor.controller.read_only
    assert not window.editor.question_widget("summary").edit.isReadOnly()


def test_compare_shows_a_changed_answer(qtbot, context, window, ready):
    copy = context.store.assessments.duplicate_as_new_version(ready.id)
    context.assessments.set_answer(copy, "summary", "A brand new day case unit in Hinckley.")
    window.open_assessment(copy.id)
    window.review_menu.actions["compare"].trigger()
    dialog = window.review_menu.last_dialog
    assert isinstance(dialog, CompareDialog) and dialog.isVisible()
    assert [d.question_id for d in dialog.diffs] == ["summary"]
    text = dialog.browser.toPlainText()
    assert "Summary information" in text and "Hinckley" in text and "Changed." in text
    assert dialog.diffs[0].after == "A brand new day case unit in Hinckley."
    html = dialog.browser.toHtml()
    assert "line-through" in html and "underline" in html  # strike and underline, not colour alone
    assert "[added: " in dialog.browser.accessibleDescription()
    dialog.close()


def test_compare_with_one_version_says_so(messages, window, ready):
    window.open_assessment(ready.id)
    window.review_menu.actions["compare"].trigger()
    assert "only one version" in messages[0][2]


def test_history_lists_every_status_change(window, at_committee):
    window.dashboard.refresh(select_id=at_committee.id)
    window.review_menu.actions["history"].trigger()
    dialog = window.review_menu.last_dialog
    assert isinstance(dialog, HistoryDialog) and dialog.table.rowCount() == 2
    assert dialog.table.item(1, 2).text() == "In EDI review → Ready for committee"
    assert "intact (2 entries)" in dialog.check_label.text()
    dialog.close()


def test_export_and_import_a_review_file(qtbot, monkeypatch, messages, context, window, ready, tmp_path):
    context.comments.add(ready.id, "summary", "Looks good", "Priya", "reviewer")
    out = tmp_path / "request"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.dashboard.refresh(select_id=ready.id)
    window.review_menu.actions["export"].trigger()
    assert (tmp_path / "request.idmf").is_file() and "Send it to your EDI partner" in messages[-1][2]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "request.idmf"), ""))
    window.review_menu.actions["import"].trigger()
    assert "own assessment here" in messages[-1][2]  # refused with its reason, nothing opened
    assert window.editor is None

"""The dashboard's "Needs you" bar, and the Review menu's dialogs (names, validation, accessible names)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from idmf.domain.assessment import Status
from idmf.ui.dashboard import COL_TITLE, DashboardPage
from idmf.ui.review.dialogs import ApproveDialog, TransitionDialog
from idmf.ui.review.diff_dialog import CompareDialog

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QDateEdit)


def unnamed(root: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in root.findChildren(QWidget)
            if (isinstance(w, INPUTS) or (isinstance(w, QAbstractButton) and w.isCheckable()))
            and not w.accessibleName().strip()]


def set_status(context, assessment_id, status, review_date=None):
    item = context.store.assessments.get(assessment_id)
    context.store.assessments.update_meta(item.id, item.row_version, status=status, review_date=review_date)


def titles(page):
    return sorted(page.proxy.index(r, COL_TITLE).data() for r in range(page.proxy.rowCount()))


def test_needs_you_counts_and_filters(qtbot, context, add):
    ids = [add(t) for t in ("Waiting A", "Waiting B", "Sent back", "Due", "Not yet due", "Draft")]
    for n in (0, 1):
        set_status(context, ids[n], Status.IN_REVIEW)
    set_status(context, ids[2], Status.CHANGES_REQUESTED)
    set_status(context, ids[3], Status.APPROVED, dt.date.today() - dt.timedelta(days=1))
    set_status(context, ids[4], Status.APPROVED, dt.date.today() + dt.timedelta(days=30))
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    bar = page.needs_you
    assert bar.isVisible()
    assert bar.counts() == {"reviews_waiting": 2, "changes_requested": 1, "ready_for_committee": 0, "reviews_due": 1}
    assert bar.buttons["reviews_waiting"].text() == "Reviews waiting: 2"
    assert not bar.buttons["ready_for_committee"].isVisible()
    bar.buttons["reviews_waiting"].click()
    assert titles(page) == ["Waiting A", "Waiting B"] and "Showing only reviews waiting" in bar.showing.text()
    bar.buttons["reviews_due"].click()
    assert titles(page) == ["Due"]
    bar.buttons["reviews_due"].click()  # again: everything
    assert page.proxy.rowCount() == 6 and bar.showing.text() == ""
    assert unnamed(bar) == []


def test_needs_you_is_hidden_when_nothing_waits(qtbot, context, add):
    add("Just a draft")
    page = DashboardPage(context)
    qtbot.addWidget(page)
    page.show()
    assert not page.needs_you.isVisible()


def test_transition_dialog_offers_your_keys_and_requires_a_comment_when_needed(qtbot, context, people):
    dialog = TransitionDialog("Request changes", "Why?", comment_required=True, signers=context.signing.my_cards())
    qtbot.addWidget(dialog)
    assert dialog.signer_box.currentText() == f"Lead Person — key {people['Lead Person'].fingerprint}"  # the default
    dialog.accept()
    assert dialog.result() == 0 and "comment is required" in dialog.problem.text()
    dialog.comment_edit.setPlainText("Add the engagement findings.")
    dialog.signer_box.setFocus()
    qtbot.keyClick(dialog.signer_box, Qt.Key.Key_Down)  # the next identity on this computer
    dialog.accept()
    assert dialog.result() == 1 and dialog.values() == ("Reviewer Person", "Add the engagement findings.")
    assert unnamed(dialog) == []


def test_transition_dialog_without_a_signing_identity_says_so(qtbot):
    dialog = TransitionDialog("Submit for EDI review", "Why?", comment_required=False, signers=[])
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and "You need a signing identity" in dialog.problem.text()


def test_approve_dialog_collects_the_sign_off(qtbot, context, ready):
    dialog = ApproveDialog(ready, context.signing.my_cards())
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "committee's name" in dialog.problem.text()
    dialog.committee_edit.setText("Planning and Performance Committee")
    dialog.approver_edit.setText("Dr Jane Doe")
    dialog.accept()
    approval = dialog.approval()
    assert (approval.committee, approval.approver, approval.meeting_date) == (
        "Planning and Performance Committee", "Dr Jane Doe", dt.date.today())
    assert unnamed(dialog) == []


def test_compare_dialog_inputs_are_named(qtbot, context, ready):
    copy = context.store.assessments.duplicate_as_new_version(ready.id)
    dialog = CompareDialog(context, context.store.assessments.versions(ready.uid), copy.id)
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == [] and dialog.diffs == []
    assert "No answers differ" in dialog.browser.toPlainText()

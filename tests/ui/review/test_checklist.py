"""The readiness checklist beside the editor, and the step list's counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from idmf.ui.editor.steplist import FINDINGS_ROLE
from idmf.ui.review.checklist import FINDING_ROLE, ChecklistPanel
from idmf.ui.review.comments import CommentsPane


def finding_items(panel):
    tree = panel.tree
    return [tree.topLevelItem(n).child(c) for n in range(tree.topLevelItemCount())
            for c in range(tree.topLevelItem(n).childCount())]


def item_for(panel, question_id):
    return next(i for i in finding_items(panel) if i.data(0, FINDING_ROLE).question_id == question_id)


def start_steps(editor):
    """Work on Steps 1 and 3 a little, so the checklist lists their gaps (untouched steps say 'not started')."""
    editor.controller.apply("changes", "The unit moves to the Hub.")
    editor.controller.apply("engage_where", "At the Hub.")


def test_a_new_assessment_is_calm(editor):
    panel = editor.findChild(ChecklistPanel)
    tree = panel.tree
    headings = [tree.topLevelItem(n).text(0) for n in range(tree.topLevelItemCount())]
    assert "1. Aims of the Proposal — not started" in headings and not finding_items(panel)
    assert "not started yet" in panel.summary.text() and "must be fixed" not in panel.summary.text()
    assert editor.step_list.item(1).data(FINDINGS_ROLE) == ""


def test_both_tabs_are_added(editor):
    titles = [editor.side_tabs.tabText(n) for n in range(editor.side_tabs.count())]
    assert titles == ["Checklist", "Comments"] and editor.side_tabs.isVisible()
    assert editor.findChild(ChecklistPanel) and editor.findChild(CommentsPane)


def test_a_missing_required_answer_is_listed_in_words_under_its_step(editor):
    start_steps(editor)
    panel = editor.findChild(ChecklistPanel)
    item = item_for(panel, "summary")
    assert item.text(0).startswith("Must fix: ")
    assert "is not answered yet" in item.text(0)
    assert item.parent().text(0).startswith("1. Aims of the Proposal — 3 to fix")
    assert not item.icon(0).isNull()  # an icon as well as the words
    assert "must be fixed before committee" in panel.summary.text()


def test_enter_takes_me_to_the_question(qtbot, editor):
    start_steps(editor)
    panel = editor.findChild(ChecklistPanel)
    editor.side_tabs.setCurrentWidget(panel)
    panel.tree.setFocus()
    panel.tree.setCurrentItem(item_for(panel, "summary"))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    target = editor.question_widget("summary").inputs()[0]
    assert editor.current_section_id() == "aims"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)


def test_double_click_and_the_button_take_me_there_too(qtbot, editor):
    start_steps(editor)
    panel = editor.findChild(ChecklistPanel)
    editor.side_tabs.setCurrentWidget(panel)
    item = item_for(panel, "engage_how")
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.current_section_id() == "engagement"
    panel.tree.setCurrentItem(item_for(panel, "summary"))
    panel.go_button.click()
    assert editor.current_section_id() == "aims"


def test_the_check_follows_saved_answers(qtbot, context, editor):
    start_steps(editor)
    panel = editor.findChild(ChecklistPanel)
    before = len(panel.report.blocking)
    with qtbot.waitSignal(editor.sig_assessment_changed):
        editor.controller.apply("summary", "A new day case unit in Hinckley.")
    assert len(panel.report.blocking) == before - 1
    assert all(i.data(0, FINDING_ROLE).question_id != "summary" for i in finding_items(panel))


def test_the_step_list_shows_counts_in_words(qtbot, editor):
    start_steps(editor)
    aims = editor.step_list.item(1)
    assert aims.data(FINDINGS_ROLE) == "· 3 to fix"
    assert aims.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", 3 to fix")
    assert aims.text().endswith("answered")  # the completion text itself is unchanged
    approval = editor.step_list.item(editor.step_list.count() - 1)
    assert approval.data(FINDINGS_ROLE) == ""
    for answer in ("Summary", "Aims"):
        editor.controller.apply(answer.lower(), f"{answer} of the proposal.")
    assert aims.data(FINDINGS_ROLE) == "· 1 to fix"


def test_a_ready_assessment_says_so(make_editor, ready):
    panel = make_editor(ready.id).findChild(ChecklistPanel)
    assert panel.report.ready and panel.tree.topLevelItemCount() == 0
    assert panel.summary.text() == "Ready for committee: the check found nothing to fix."


def test_a_signed_off_version_is_checked_as_on_its_committee_date(make_editor, signed_example):
    # The example was approved on 13/01/2026; its action dates have passed since, which is not a gap.
    panel = make_editor(signed_example.id).findChild(ChecklistPanel)
    assert panel.summary.text().startswith("Signed off on 13/01/2026; as checked on that day: ")
    assert not any("has already passed" in i.text(0) for i in finding_items(panel))


def test_the_panel_can_be_put_away_and_stays_away(qtbot, context, window, example):
    from idmf.ui.main_window import MainWindow

    window.open_assessment(example.id)
    assert window.editor.side_tabs.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)  # View → Checklist and comments panel
    assert not window.editor.side_tabs.isVisible() and not window.side_panel_action.isChecked()
    window.close()
    again = MainWindow(context)  # the next start reopens without it
    qtbot.addWidget(again)
    again.show()
    assert again.editor is not None and not again.editor.side_tabs.isVisible()
    again.side_panel_action.trigger()
    assert again.editor.side_tabs.isVisible()

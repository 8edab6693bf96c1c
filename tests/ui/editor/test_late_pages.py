"""The first open of a session shows the first step at once and builds the other pages afterwards: a step the
user goes to before it is built is built then, complete (answers, panels, conditions), and works as any other.
Driven with real key events in the real main window, immediately after opening (before any slice has run)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidgetItemIterator

from idmf.domain.answers import to_json
from idmf.ui.editor.controller import same_answer
from idmf.ui.editor.fields.text import GrowingTextEdit
from idmf.ui.review.checklist import FINDING_ROLE
from tests.ui.editor.driver import click, type_into
from tests.ui.editor.test_switching import example_id, other_id  # noqa: F401 - fixtures
from tests.ui.review.conftest import window  # noqa: F401 - the real main window, shown and active

pytestmark = pytest.mark.builds_late


def _open_fresh(window, assessment_id):
    assert window.open_assessment(assessment_id)
    editor = window.editor
    assert not editor.all_built and not editor.pages[-1].built  # nothing after the first step yet
    return editor


def test_the_last_step_straight_after_opening_shows_its_answers_and_panels(qtbot, context, window, example_id):
    editor = _open_fresh(window, example_id)
    editor.step_list.setFocus()
    qtbot.keyClick(editor.step_list, Qt.Key.Key_End)  # the step list's own key: the last step
    last = editor.form.sections[-1]
    assert editor.current_section_id() == last.id
    stored = context.assessments.get(example_id)
    for qid in editor.question_ids(last.id):
        assert same_answer(editor.question_widget(qid).value(), to_json(stored.answers.get(qid))), qid
    for _ in range(3):  # Ctrl+Page Up back to Step 4, built now too, with its links beside the ratings
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert editor.current_section_id() == "impact"
    impact = editor.page("impact")
    assert impact.panels and all(p.parent() is not impact for p in impact.panels)  # in the page, not waiting
    assert impact.isVisible() and any(p.isVisible() for p in impact.panels)
    qtbot.waitUntil(lambda: editor.all_built, timeout=10_000)  # the slices then build what is left, once each
    assert len(editor._fields) == len(editor.form.questions())


def test_typing_on_a_late_page_saves_undoes_and_is_spell_checked(qtbot, context, window, other_id):
    editor = _open_fresh(window, other_id)
    section = editor.form.section_of("decision_justification")
    text = "We continue because the service is needed."
    editor.step_list.setFocus()
    while editor.current_section_id() != section.id:
        qtbot.keyClick(editor.step_list, Qt.Key.Key_Down)
    frame = editor.page(section.id).frames["decision_justification"]
    assert not frame.isVisible()  # relevance on a page built late: hidden until the option is chosen
    click(qtbot, editor.question_widget("decision_option").buttons["continue"])
    assert frame.isVisible()
    box = frame.field.inputs()[0]
    type_into(qtbot, box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert context.assessments.get(other_id).answers.get("decision_justification") == text
    qtbot.keyClick(editor.step_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not context.assessments.get(other_id).answers.get("decision_justification"))
    qtbot.waitUntil(lambda: editor.all_built, timeout=10_000)
    qtbot.waitUntil(lambda: getattr(box, "spelling", None) is not None, timeout=10_000)
    assert all(getattr(b, "spelling", None) is not None for b in editor.findChildren(GrowingTextEdit))
    counts = editor.step_list._finding_counts  # badges cover steps whatever was built
    assert set(counts) - {editor.form.sections[0].id}


def test_the_checklist_goes_to_a_question_on_a_page_not_built_yet(qtbot, window, other_id):
    editor = _open_fresh(window, other_id)
    checklist = editor.side_tabs.widget(0)
    tree = checklist.tree
    late_ids = {p.section.id for p in editor.pages if not p.built}
    item, it = None, QTreeWidgetItemIterator(tree)
    while it.value() is not None and item is None:
        found = it.value().data(0, FINDING_ROLE)
        if found is not None and found.step in late_ids and found.question_id:
            item = it.value()
        it += 1
    assert item is not None, "the blank assessment has findings on later steps"
    finding = item.data(0, FINDING_ROLE)
    tree.setCurrentItem(item)
    qtbot.mouseClick(checklist.go_button, Qt.MouseButton.LeftButton)
    assert editor.current_section_id() == finding.step
    field = editor.question_widget(finding.question_id)
    assert any(w is QApplication.focusWidget() or w.isAncestorOf(QApplication.focusWidget())
               for w in field.inputs())


def test_a_comment_on_a_later_step_is_marked_at_once_and_the_side_panel_is_whole(qtbot, context, window,
                                                                                 example_id):
    context.comments.add(example_id, "pc_age", "Check the age rating.")
    editor = _open_fresh(window, example_id)
    assert editor.side_tabs.count() == 2  # the checklist and the comments: the review panel was not lost
    assert editor.has_marker("pc_age") and editor.page("impact").frames["pc_age"].findChild(
        type(editor.read_only_banner), "question_marker").text()
    assert editor.page("impact").panels  # the links that go into the page it built are in it


def test_another_assessment_opened_before_the_pages_are_built_shows_its_own_answers(qtbot, context, window,
                                                                                     example_id, other_id):
    first = _open_fresh(window, example_id)
    window.show_dashboard()
    assert window.open_assessment(other_id) and window.editor is first  # reused with pages still waiting
    qtbot.keyClick(first.step_list, Qt.Key.Key_End)
    last = first.form.sections[-1]
    stored = context.assessments.get(other_id)
    for qid in first.question_ids(last.id):
        assert same_answer(first.question_widget(qid).value(), to_json(stored.answers.get(qid))), qid


def _layout_order(page) -> list[str]:
    """What the page shows, top to bottom: each question frame by its question, each panel by its kind."""
    from idmf.ui.editor.builder import QuestionFrame

    layout, found = page._layout, []
    for index in range(layout.count()):
        widget = layout.itemAt(index).widget()
        if isinstance(widget, QuestionFrame):
            found.append(widget.question.id)
        elif widget is not None:
            found.append(type(widget).__name__ + ":" + widget.objectName())
    return found


def test_step_4_reached_while_it_is_half_built_shows_every_answer_in_the_same_order(qtbot, context, window,
                                                                                    example_id, monkeypatch):
    editor = _open_fresh(window, example_id)
    impact = editor._unbuilt_or_built("impact")
    while not impact.frames:  # the slices run up to Step 4's first questions (as if the user read until then)
        editor._next_slice()
    assert not impact.built and len(impact.frames) < len(editor.question_ids("impact"))
    editor.step_list.setFocus()
    while editor.current_section_id() != "impact":
        qtbot.keyClick(editor.step_list, Qt.Key.Key_Down)
    assert impact.built and impact.isVisible()
    stored = context.assessments.get(example_id)
    for qid in editor.question_ids("impact"):
        assert same_answer(editor.question_widget(qid).value(), to_json(stored.answers.get(qid))), qid
    assert all(p.isVisibleTo(impact) for p in editor.evidence_panels.boxes.values())
    # The same page as one built at once, question by question and panel by panel.
    from idmf.ui.editor.late import PagesBuiltLate
    from idmf.ui.main_window import default_editor_factory

    monkeypatch.setattr(PagesBuiltLate, "build_late", False)
    whole = default_editor_factory(context, example_id, None)
    qtbot.addWidget(whole)
    order = _layout_order(impact)
    assert order == _layout_order(whole.page("impact"))
    assert [x for x in order if ":" not in x] == editor.question_ids("impact")  # every question once, in order
    assert order.count("QLabel:group_title") == len(impact.section.groups)
    for qid in editor.evidence_panels.boxes:  # right after its rating: the census note, then the links
        after = order[order.index(qid) + 1:] + [""]
        beside = after[:next(n for n, x in enumerate(after) if x not in ("QLabel:census_note", "LinksBox:impact_links"))]
        assert beside in (["LinksBox:impact_links"], ["QLabel:census_note", "LinksBox:impact_links"]), qid
    qtbot.waitUntil(lambda: editor.all_built, timeout=10_000)
    assert len(editor._fields) == len(editor.form.questions())


def test_step_4_reached_while_its_links_are_still_being_made_has_every_links_box(qtbot, context, window,
                                                                                 example_id):
    editor = _open_fresh(window, example_id)
    editor._next_slice()  # the first part of the links: some boxes made, the rest waiting for the next turns
    assert editor._slices[0][0] == "parts"
    made = len(editor.evidence_panels.boxes)
    editor.step_list.setFocus()
    while editor.current_section_id() != "impact":
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    impact = editor.page("impact")
    ratings = [q for q in editor.question_ids("impact") if type(editor.question_widget(q)).__name__ == "ImpactField"]
    assert 0 < made < len(ratings) == len(editor.evidence_panels.boxes)
    assert all(box.isVisible() and impact.isAncestorOf(box) for box in editor.evidence_panels.boxes.values())
    assert any(box.actions.linked() for box in editor.evidence_panels.boxes.values())  # the stored links shown
    assert impact.isAncestorOf(editor.evidence_panels.groups)


def test_typing_straight_after_opening_while_the_rest_is_built_is_kept_and_saved(qtbot, context, window,
                                                                                  other_id):
    editor = _open_fresh(window, other_id)
    box = editor.question_widget("title").inputs()[0]
    box.setFocus()
    box.selectAll()
    text = "Community phlebotomy hubs, phase two"
    building = []
    for char in text:  # one key per turn of the event loop: the slices build the other steps in between
        building.append(not editor.all_built)
        qtbot.keyClicks(box, char)
        QApplication.processEvents()
    assert building[1]  # keys really arrived while steps were still being built
    qtbot.waitUntil(lambda: editor.all_built, timeout=10_000)
    assert box.text() == text and box.hasFocus()  # nothing lost, the focus stayed where the user types
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert context.assessments.get(other_id).title == text


def test_the_checklist_right_after_opening_lists_what_the_check_finds(qtbot, window, example_id):
    from idmf.ui.review.checklist import run_check

    editor = _open_fresh(window, example_id)
    checklist = editor.side_tabs.widget(0)
    editor.side_tabs.tabBar().setFocus()
    qtbot.keyClick(editor.side_tabs.tabBar(), Qt.Key.Key_Right)  # Comments, and back to the Checklist
    qtbot.keyClick(editor.side_tabs.tabBar(), Qt.Key.Key_Left)
    assert editor.side_tabs.currentWidget() is checklist and checklist.isVisible()
    shown, it = [], QTreeWidgetItemIterator(checklist.tree)
    while it.value() is not None:
        if it.value().data(0, FINDING_ROLE) is not None:
            shown.append(it.value().data(0, FINDING_ROLE))
        it += 1
    expected = run_check(editor)
    assert shown and sorted(map(repr, shown)) == sorted(map(repr, expected.findings))
    assert checklist.summary.text() and "heck" not in checklist.summary.text()[:9]  # a result, not "Checking…"

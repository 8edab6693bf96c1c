"""Step 4's links beside each rating, driven with real keys: "Mitigated by" (action-plan rows), the reason no
mitigation is possible, "Evidence" (census tables, key findings, documents); each change one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from idmf.domain.links import row_id
from idmf.review.readiness import check
from tests.ui.editor import driver
from tests.ui.evidence.conftest import BEFORE_LINKS, as_draft

PLAN = [{"row_id": "a-bus", "action": "Run a shuttle bus from the market towns", "lead": "Jo; £20k",
         "target_date": None, "outcome": ""},
        {"row_id": "a-letters", "action": "Send easy-read letters", "lead": "Sam", "target_date": None,
         "outcome": ""}]
AGE_NEGATIVE = {"negative": True, "narrative": "Older people drive least."}
Z, Y, CTRL = Qt.Key.Key_Z, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier


def _seed(context, answers: dict) -> int:
    item = context.assessments.create("Links")
    for qid, value in answers.items():
        context.assessments.set_answer(item, qid, value)
    return item.id


def _show(editor, box) -> None:
    editor.go_to("impact")
    editor.page("impact").ensureWidgetVisible(box)
    QApplication.processEvents()


def tick(qtbot, view, row: int) -> None:
    """Move the list's cursor to a row with the arrow keys and press Space, as a keyboard user does."""
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space)


def test_ticking_an_action_links_it_and_undo_and_redo_follow(qtbot, context, make_editor, stored):
    assessment_id = _seed(context, {"action_plan": PLAN, "pc_age": AGE_NEGATIVE})
    editor = make_editor(assessment_id)
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    assert box.isVisible() and box.mitigation.isVisible()
    assert [c.text for c in box.actions.choices] == ["Action 1: Run a shuttle bus from the market towns",
                                                     "Action 2: Send easy-read letters"]
    tick(qtbot, box.actions_view, 1)
    qtbot.waitUntil(lambda: stored(assessment_id).impact("pc_age").mitigated_by == ["a-letters"])
    assert [c.linked for c in box.actions.choices] == [False, True]  # the tick shows what is stored
    assert editor.question_widget("pc_age").value()["mitigated_by"] == ["a-letters"]  # the block followed
    assert editor.evidence_panels.actions.text().endswith("Action 2: Send easy-read letters — Mitigates: Age")

    qtbot.keyClick(box.actions_view, Z, CTRL)
    assert stored(assessment_id).impact("pc_age").mitigated_by == []
    assert [c.linked for c in box.actions.choices] == [False, False]
    qtbot.keyClick(box.actions_view, Y, CTRL)
    assert stored(assessment_id).impact("pc_age").mitigated_by == ["a-letters"]
    assert editor.undo_stack.count() == 1 and "Link" in editor.undo_stack.text(0)


def test_typing_the_narrative_after_linking_keeps_the_link(qtbot, context, make_editor, stored):
    assessment_id = _seed(context, {"action_plan": PLAN, "pc_age": AGE_NEGATIVE})
    editor = make_editor(assessment_id)
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    tick(qtbot, box.actions_view, 0)
    qtbot.waitUntil(lambda: stored(assessment_id).impact("pc_age").mitigated_by == ["a-bus"])
    block = editor.question_widget("pc_age").block
    block.narrative.moveCursor(block.narrative.textCursor().MoveOperation.End)
    driver.type_into(qtbot, block.narrative, " The shuttle helps.")
    qtbot.keyClick(block.narrative, Qt.Key.Key_Tab)  # leaving the box saves it
    qtbot.waitUntil(lambda: stored(assessment_id).impact("pc_age").narrative.endswith("The shuttle helps."))
    assert stored(assessment_id).impact("pc_age").mitigated_by == ["a-bus"]
    driver.click(qtbot, block.boxes["positive"])  # a tick saves the whole block at once
    assert stored(assessment_id).impact("pc_age").positive
    assert stored(assessment_id).impact("pc_age").mitigated_by == ["a-bus"]


def test_typing_in_the_narrative_then_ticking_a_link_saves_both(qtbot, context, make_editor, stored):
    assessment_id = _seed(context, {"action_plan": PLAN, "pc_age": AGE_NEGATIVE})
    editor = make_editor(assessment_id)
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    block = editor.question_widget("pc_age").block
    block.narrative.moveCursor(block.narrative.textCursor().MoveOperation.End)
    driver.type_into(qtbot, block.narrative, " Typed just now.")
    tick(qtbot, box.actions_view, 0)  # before the pause that would have saved the typing
    qtbot.waitUntil(lambda: stored(assessment_id).impact("pc_age").mitigated_by == ["a-bus"])
    assert stored(assessment_id).impact("pc_age").narrative.endswith("Typed just now.")
    assert block.narrative.toPlainText().endswith("Typed just now.")


def test_evidence_offers_findings_and_documents_and_links_them(qtbot, make_editor, example_id, stored):
    editor = make_editor(example_id)
    box = editor.evidence_panels.boxes["pc_disability"]
    _show(editor, box)
    texts = [c.text for c in box.evidence.choices]
    assert texts[0].startswith("Engagement finding 1: Transport to Leicester General Hospital")
    assert texts[-1] == "Document A1: Hinckley day-case engagement - survey summary.csv"
    before = stored(example_id).impact("pc_disability").evidence
    second = texts.index(next(t for t in texts if t.startswith("Engagement finding 2")))
    if "finding:f-escort" in before:  # the example already links it: untick, then tick again
        tick(qtbot, box.evidence_view, second)
        qtbot.waitUntil(lambda: "finding:f-escort" not in stored(example_id).impact("pc_disability").evidence)
    tick(qtbot, box.evidence_view, second)
    qtbot.waitUntil(lambda: "finding:f-escort" in stored(example_id).impact("pc_disability").evidence)
    assert box.evidence.choices[second].linked


def test_the_reason_no_mitigation_is_possible_is_typed_saved_and_undone(qtbot, context, make_editor,
                                                                        stored, form):
    assessment_id = _seed(context, {"pc_age": AGE_NEGATIVE, "decision_option": "adjust"})
    editor = make_editor(assessment_id)
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    assert box.no_actions.isVisible() and not box.actions_view.isVisible()  # the plan is empty: it says so
    rules = {f.rule_id for f in check(stored(assessment_id), form).blocking}
    assert "negative-no-mitigation" in rules
    driver.type_into(qtbot, box.reason, "The site closes; no local alternative exists.")
    qtbot.keyClick(box.reason, Qt.Key.Key_Tab)  # leaving the box saves it at once
    reason = stored(assessment_id).impact("pc_age").no_mitigation
    assert reason == "The site closes; no local alternative exists."
    rules = {f.rule_id for f in check(stored(assessment_id), form).blocking}
    assert "negative-no-mitigation" not in rules
    assert "no-mitigation-needs-continue" in rules  # option 3 must go with it (Step 5 chose "adjust")
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert stored(assessment_id).impact("pc_age").no_mitigation == ""
    qtbot.waitUntil(lambda: box.reason.toPlainText() == "")


def test_contradictory_ticks_are_kept_and_said_in_words(qtbot, editor, stored):
    box = editor.evidence_panels.boxes["pc_sex"]
    block = editor.question_widget("pc_sex").block
    _show(editor, box)
    assert not box.isVisible()  # nothing rated yet: nothing to link, nothing said
    driver.click(qtbot, block.boxes["negative"])
    assert box.isVisible() and not box.clash.isVisible()
    block.boxes["neutral"].setFocus()
    qtbot.keyClick(block.boxes["neutral"], Qt.Key.Key_Space)
    assert box.clash.isVisible()
    assert box.clash.text().startswith("⚠ Neutral impact is ticked together with Negative impact. Neutral means")
    impact = stored(editor.assessment.id).impact("pc_sex")
    assert impact.negative and impact.neutral  # both kept, never dropped
    driver.click(qtbot, block.boxes["positive"])
    assert "Positive impact and Negative impact" in box.clash.text()
    driver.click(qtbot, block.boxes["neutral"])
    assert not box.clash.isVisible()  # positive with negative is allowed


def test_every_link_control_is_reached_by_tab_and_named(qtbot, make_editor, example_id):
    editor = make_editor(example_id)
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    narrative = editor.question_widget("pc_age").block.narrative
    narrative.setFocus()
    reached = []
    for _ in range(6):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached[:3] == [box.actions_view, box.reason, box.evidence_view]
    assert [w.accessibleName() for w in reached[:3]] == [
        "Age — mitigated by (actions in the plan)", "Age — why no mitigation is possible", "Age — evidence"]
    assert reached[3] is editor.question_widget("pc_disability").block.boxes["positive"]


def test_each_added_group_has_its_links_and_a_new_group_gets_them_too(qtbot, make_editor, example_id,
                                                                      stored):
    editor = make_editor(example_id)
    groups = editor.evidence_panels.groups
    assert [b.where.name for b in groups.boxes] == ["Carers", "People living in rural/remote communities",
                                                   "Armed forces community (serving, veterans, families)"]
    armed = groups.boxes[2]
    _show(editor, armed)
    assert armed.isVisible() and not armed.mitigation.isVisible()  # neutral: only evidence is asked for
    tick(qtbot, armed.evidence_view, 0)
    qtbot.waitUntil(lambda: stored(example_id).groups()[2].impact.evidence == ["finding:f-transport"])

    field = editor.question_widget("ih_groups")
    driver.type_into(qtbot, field.combo.lineEdit(), "Sex workers")
    qtbot.keyClick(field.add_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(groups.boxes) == 4)
    new = groups.boxes[3]
    assert new.where.name == "Sex workers" and not new.isVisible()  # not rated yet
    driver.click(qtbot, field.entries[3].impact.boxes["negative"])
    assert new.isVisible() and new.mitigation.isVisible()
    field.add_button.setFocus()
    for _ in range(60):  # Tab from the group list's last button reaches the new group's links
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is new.actions_view:
            break
    assert QApplication.focusWidget() is new.actions_view
    qtbot.keyClick(new.actions_view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: stored(example_id).groups()[3].impact.mitigated_by == ["a-local"])


def test_linking_to_a_plan_made_before_rows_had_ids_gives_them_ids(qtbot, context, make_editor, stored):
    item = context.assessments.import_json(as_draft(BEFORE_LINKS))
    editor = make_editor(item.id)
    box = editor.evidence_panels.boxes["pc_race"]
    _show(editor, box)
    assert [c.target for c in box.actions.choices][:2] == ["1", "2"]  # rows without ids, by number
    tick(qtbot, box.actions_view, 1)
    qtbot.waitUntil(lambda: stored(item.id).impact("pc_race").mitigated_by != [])
    rows = stored(item.id).answers["action_plan"]
    assert all(row_id(r) for r in rows)
    assert stored(item.id).impact("pc_race").mitigated_by == [row_id(rows[1])]
    assert all(row_id(r) for r in editor.question_widget("action_plan").value())  # the table followed
    editor.undo_stack.undo()
    assert stored(item.id).impact("pc_race").mitigated_by == []


def test_a_signed_off_version_shows_its_links_read_only(qtbot, context, make_editor, stored):
    from tests.ui.evidence.conftest import EXAMPLE

    item = context.assessments.import_json(EXAMPLE.read_text(encoding="utf-8"))
    context.store.assessments.update_meta(item.id, stored(item.id).row_version, locked=True)  # as sign-off does
    editor = make_editor(item.id)
    assert editor.read_only
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    assert [c.linked for c in box.actions.choices][:3] == [True, True, True]
    tick(qtbot, box.actions_view, 0)
    QApplication.processEvents()
    assert stored(item.id).impact("pc_age").mitigated_by == ["a-local", "a-transport", "a-coordinator"]
    assert box.reason.isReadOnly() and editor.undo_stack.count() == 0


def test_a_link_that_cannot_be_stored_says_why_and_changes_nothing(qtbot, context, make_editor, stored):
    assessment_id = _seed(context, {"action_plan": PLAN, "pc_age": AGE_NEGATIVE})
    editor = make_editor(assessment_id)
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    row_version = context.store.assessments.get(assessment_id).row_version
    context.store.assessments.update_meta(assessment_id, row_version, locked=True)  # signed off elsewhere
    tick(qtbot, box.actions_view, 0)
    qtbot.waitUntil(box.message.isVisible)
    assert "signed-off version and is locked" in box.message.text()
    assert stored(assessment_id).impact("pc_age").mitigated_by == []
    assert [c.linked for c in box.actions.choices] == [False, False] and editor.undo_stack.count() == 0


def test_a_reason_still_being_typed_is_saved_when_the_editor_closes(qtbot, context, make_editor, stored):
    assessment_id = _seed(context, {"pc_age": AGE_NEGATIVE})
    editor = make_editor(assessment_id)
    box = editor.evidence_panels.boxes["pc_age"]
    _show(editor, box)
    driver.type_into(qtbot, box.reason, "No other site")  # focus stays in the box; the pause has not come
    assert stored(assessment_id).impact("pc_age").no_mitigation == ""
    editor.close()
    assert stored(assessment_id).impact("pc_age").no_mitigation == "No other site"


def test_a_census_table_kept_in_step_2_can_be_ticked_as_evidence(qtbot, context, make_editor, stored):
    from tools.export_sample import hinckley_ethnic_group

    assessment_id = _seed(context, {"pc_race": {"neutral": True, "narrative": "94% White."}})
    editor = make_editor(assessment_id)
    box = editor.evidence_panels.boxes["pc_race"]
    _show(editor, box)
    assert box.no_evidence.isVisible()
    assert editor.attach_census([hinckley_ethnic_group()])  # as Step 2's census panel keeps a table
    assert [c.text for c in box.evidence.choices] == ["Census 2021 Ethnic group (TS021), Hinckley and Bosworth"]
    tick(qtbot, box.evidence_view, 0)
    qtbot.waitUntil(lambda: stored(assessment_id).impact("pc_race").evidence == ["census:TS021"])

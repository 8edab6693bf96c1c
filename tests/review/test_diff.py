"""Version diff per question, in the words of the Word document (signed Word files: tests/signing)."""

from __future__ import annotations


from idmf.domain.answer_text import answer_text
from idmf.review.diff import diff_versions, word_changes
from tests.review.helpers import build, ready_answers


def test_diff_lists_changed_questions_readably(form):
    before = build(form, ready_answers(form))
    answers = ready_answers(form)
    answers.update(summary=answers["summary"] + " Now on two sites.", duty_human_rights="yes",
                   human_rights_edi_advice="EDI advised on 03/02/2026.", decision_option="continue")
    answers["pc_age"]["neutral"] = True
    answers.pop("changes")
    after = build(form, answers)
    diffs = {d.question_id: d for d in diff_versions(before, after, form)}
    assert set(diffs) == {"summary", "changes", "pc_age", "duty_human_rights", "human_rights_edi_advice",
                          "decision_option"}
    assert diffs["summary"].change == "changed"
    assert [c.text for c in diffs["summary"].segments if c.op == "insert"] == [" Now on two sites."]
    assert diffs["changes"].change == "removed" and diffs["human_rights_edi_advice"].change == "added"
    # The same words as the Word document: YES/NO in capitals, the impact boxes with their labels.
    assert (diffs["duty_human_rights"].before, diffs["duty_human_rights"].after) == ("NO", "YES")
    assert diffs["decision_option"].after.startswith("Continue the proposal despite negative equality impacts")
    assert "☒ Neutral impact" in diffs["pc_age"].after and "☐ Neutral impact" in diffs["pc_age"].before
    assert diffs["summary"].summary() == f"1. Aims of the Proposal — {form.question('summary').label}: changed"
    assert diff_versions(before, before, form) == []


def test_diff_reads_answers_in_the_documents_words(form):
    answers = ready_answers(form)
    before = build(form, answers)
    answers.update(start_date="2026-01-06", organisation="uhl", engage_with=["staff", "carers"],
                   action_plan=[{"action": "Drive", "lead": "Amira", "target_date": "2027-03-31"}])
    after = build(form, answers)
    diffs = {d.question_id: d for d in diff_versions(before, after, form)}
    assert (diffs["start_date"].before, diffs["start_date"].after) == ("05/01/2026", "06/01/2026")
    assert diffs["organisation"].after == "University Hospitals of Leicester NHS Trust"  # a label, not its id
    assert diffs["engage_with"].after == "Staff\nCarers or Families"
    assert diffs["action_plan"].after == "Drive – Amira – 31/03/2027"
    for qid, diff in diffs.items():
        assert diff.after == answer_text(form.question(qid), after.answers.get(qid))


def test_word_changes_keep_the_text():
    assert "".join(c.text for c in word_changes("a b c", "a x c") if c.op != "insert") == "a b c"

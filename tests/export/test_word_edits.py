"""A Word file the app exported comes back edited in Word: every change is listed against the right question,
accepted ones become ordinary answer changes (a signed-off version's go into a new version), rejected ones
change nothing, and a file edited but not accepted imports nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from idmf.cli.main import main
from idmf.domain.questions import (
    ACTION_PLAN,
    AIMS,
    DECISION_OPTION,
    DUTY_DISCRIMINATION,
    ENGAGE_HOW,
    PC_AGE,
    SUMMARY,
)
from tests.export.word_editing import (
    DRIVERS,
    answer,
    comment,
    edit_everything,
    find,
    rewrite,
    thread_replies,
)


@pytest.fixture
def exported(context, complete_assessment, tmp_path):
    path = tmp_path / "part-b.docx"
    context.documents.export(complete_assessment.id, "docx", path)
    return path


def test_an_unchanged_export_changes_nothing(context, exported):
    reading = context.word_in.read(exported)
    assert (reading.edits, reading.comments, reading.not_placed) == ([], [], [])


def test_every_edit_made_in_word_is_listed_with_its_question(context, exported, form):
    duty = edit_everything(exported, form)
    reading = context.word_in.read(exported)
    by = {edit.question_id: edit for edit in reading.edits}
    assert set(by) == {SUMMARY, AIMS, DRIVERS, ENGAGE_HOW, ACTION_PLAN, DECISION_OPTION, DUTY_DISCRIMINATION, PC_AGE}
    assert by[SUMMARY].after == "Day case unit moves to the Hinckley site from April."
    assert by[SUMMARY].before.startswith("Answer") and "to summary" in by[SUMMARY].before
    assert by[AIMS].after.endswith("\nShorter waits for day surgery.") and by[AIMS].after.startswith(by[AIMS].before)
    assert by[DRIVERS].after == "Answer 16 to drivers"
    assert by[ENGAGE_HOW].after == "Drop-in sessions in the outpatients hall."
    assert by[ENGAGE_HOW].tracked_by == ("Priya Shah",)
    assert by[ACTION_PLAN].value[0]["lead"] == "Dr Amira Patel" and by[ACTION_PLAN].value[1]["lead"] != "Dr Amira Patel"
    assert by[DECISION_OPTION].value == form.question(DECISION_OPTION).choices[3].id
    assert by[DUTY_DISCRIMINATION].value == duty and by[DUTY_DISCRIMINATION].after == duty.upper()
    assert by[PC_AGE].value["neutral"] is True and "☒ Neutral impact" in by[PC_AGE].after
    assert reading.not_placed == []


def test_cli_lists_the_changes_and_imports_nothing_until_they_are_accepted(context, exported, form, capsys):
    edit_everything(exported, form)
    before = context.assessments.list()
    code = main(["import", str(exported)])
    out, err = capsys.readouterr()
    assert code == 2 and "8 answer(s) were changed in Word, so nothing was imported" in err
    assert "Changed in Word: Summary information" in out and "Dr Amira Patel" in out
    assert [(s.id, s.updated_at) for s in context.assessments.list()] == [(s.id, s.updated_at) for s in before]

    assert main(["word-changes", str(exported), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {c["question_id"] for c in listed["changes"]} >= {SUMMARY, ACTION_PLAN}
    assert listed["comments"] == [] and listed["not_placed"] == []


def test_accepted_edits_are_answer_changes_on_the_draft(context, exported, form, complete_assessment, capsys):
    duty = edit_everything(exported, form)
    assert main(["import", str(exported), "--accept-word-edits"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(complete_assessment.id)
    assert "8 answer(s) changed from Word, 0 comment(s) added, 0 paragraph(s) not placed" in err
    item = context.assessments.get(complete_assessment.id)
    assert item.answers[SUMMARY] == "Day case unit moves to the Hinckley site from April."
    assert item.answers[DUTY_DISCRIMINATION] == duty
    assert item.answers[ACTION_PLAN][0]["lead"] == "Dr Amira Patel"
    assert item.answers[PC_AGE].neutral is True
    assert item.answer_versions[SUMMARY] == 2  # an ordinary change: the answer's version moved on


def test_rejected_edits_change_nothing(context, exported, form, complete_assessment):
    edit_everything(exported, form)
    reading = context.word_in.read(exported)
    reading.edits = [e for e in reading.edits if e.question_id == SUMMARY]  # the user rejected the rest
    done = context.word_in.bring_in(exported, accept_edits=True, reading=reading)
    item = context.assessments.get(complete_assessment.id)
    assert done.applied == [SUMMARY] and item.answers[SUMMARY].startswith("Day case unit moves")
    assert item.answers[DRIVERS] == complete_assessment.answers[DRIVERS]
    assert item.answers[ACTION_PLAN] == complete_assessment.answers[ACTION_PLAN]


def test_edits_to_a_signed_off_version_go_into_a_new_version(context, exported, form, complete_assessment):
    edit_everything(exported, form)
    context.store.assessments.update_meta(complete_assessment.id, complete_assessment.row_version, locked=True)
    done = context.word_in.bring_in(exported, accept_edits=True)
    assert done.new_version and done.assessment.id != complete_assessment.id
    assert done.assessment.version_number == complete_assessment.version_number + 1
    assert context.assessments.get(done.assessment.id).answers[SUMMARY].startswith("Day case unit moves")
    assert context.assessments.get(complete_assessment.id).answers[SUMMARY] == complete_assessment.answers[SUMMARY]


def test_an_answer_changed_in_the_app_since_export_is_not_overwritten(context, exported, form, complete_assessment):
    edit_everything(exported, form)
    context.assessments.set_answer(context.assessments.get(complete_assessment.id), SUMMARY, "Typed in the app later")
    done = context.word_in.bring_in(exported, accept_edits=True)
    assert SUMMARY not in done.applied
    assert context.assessments.get(complete_assessment.id).answers[SUMMARY] == "Typed in the app later"
    notes = [t.comment.body for t in context.comments.threads(complete_assessment.id, "step:aims")]
    assert any("Not placed on import" in n and "Day case unit moves to the Hinckley site" in n for n in notes)


def test_a_date_that_is_not_a_date_is_kept_as_a_note(context, exported, complete_assessment):
    doc = docx.Document(str(exported))
    date = next(p for p in doc.paragraphs if p.text.count("/") == 2 and len(p.text) == 10)
    rewrite(date, "next March")
    doc.save(str(exported))
    reading = context.word_in.read(exported)
    [edit] = reading.edits
    assert "“next March” is not a date written as DD/MM/YYYY" in edit.problem
    done = context.word_in.bring_in(exported, accept_edits=True)
    assert done.applied == [] and done.not_placed == 1
    notes = [t.comment.body for t in context.comments.threads(complete_assessment.id)]
    assert any("next March" in n for n in notes)


def test_word_comments_become_review_comments_on_their_question_or_step(context, exported, complete_assessment,
                                                                      capsys):
    doc = docx.Document(str(exported))
    when = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
    comment(doc, answer(doc, SUMMARY), "Say which wards close.", "Priya Shah", when)
    comment(doc, find(doc, "4. Equality Impact Assessment"), "Add the census figures here.", "Tom Reid", when)
    comment(doc, find(doc, "Translate the patient letter", last=True), "Which languages?", "Priya Shah", when)
    doc.save(str(exported))
    reading = context.word_in.read(exported)
    assert [(c.question_id, c.author, c.date) for c in reading.comments] == [
        (SUMMARY, "Priya Shah", when), (None, "Tom Reid", when), (ACTION_PLAN, "Priya Shah", when)]
    assert main(["import", str(exported)]) == 0
    on_summary = context.comments.threads(complete_assessment.id, SUMMARY)
    assert [(t.comment.author, t.comment.body, t.comment.created_at) for t in on_summary] == [
        ("Priya Shah", "Say which wards close.", when)]
    on_step = context.comments.threads(complete_assessment.id, "step:impact")
    assert [t.comment.body for t in on_step] == ["Add the census figures here."]
    assert [t.comment.body for t in context.comments.threads(complete_assessment.id, ACTION_PLAN)] == [
        "Which languages?"]
    capsys.readouterr()
    assert main(["import", str(exported)]) == 0  # the same file again adds nothing twice
    assert "0 comment(s) added" in capsys.readouterr().err
    assert len(context.comments.threads(complete_assessment.id, SUMMARY)) == 1


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_a_file_saved_again_by_libreoffice_still_shows_only_the_real_edit(context, exported, tmp_path):
    doc = docx.Document(str(exported))
    rewrite(answer(doc, SUMMARY), "Saved by LibreOffice after this edit.")
    doc.save(str(exported))
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(out), str(exported)], check=True, capture_output=True,
                   timeout=180)
    reading = context.word_in.read(out / exported.name)
    assert [(e.question_id, e.after) for e in reading.edits] == [(SUMMARY, "Saved by LibreOffice after this edit.")]
    assert reading.not_placed == []


def test_a_reply_in_word_stays_in_its_thread(context, exported, complete_assessment):
    doc = docx.Document(str(exported))
    when = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
    first = comment(doc, answer(doc, SUMMARY), "Say which wards close.", "Priya Shah", when)
    reply = comment(doc, answer(doc, SUMMARY), "Wards 3 and 4; added.", "Grace Okafor", when + dt.timedelta(hours=2))
    doc.save(str(exported))
    thread_replies(exported, {reply.comment_id: first.comment_id})
    reading = context.word_in.read(exported)
    assert [(c.author, c.parent_word_id) for c in reading.comments] == [
        ("Priya Shah", None), ("Grace Okafor", str(first.comment_id))]
    context.word_in.bring_in(exported)
    [thread] = context.comments.threads(complete_assessment.id, SUMMARY)
    assert thread.comment.body == "Say which wards close."
    assert [(r.author, r.body, r.created_at) for r in thread.replies] == [
        ("Grace Okafor", "Wards 3 and 4; added.", when + dt.timedelta(hours=2))]


def test_a_file_without_the_answer_bookmarks_changes_no_answer_and_keeps_the_edit_as_a_note(
        context, exported, complete_assessment):
    """A file exported before answers were bookmarked (or stripped of them): edits cannot be matched to answers,
    so none is changed (never 'every answer emptied'), and the changed words are kept in a note."""
    doc = docx.Document(str(exported))
    for element in list(doc.element.body.iter(qn("w:bookmarkStart"), qn("w:bookmarkEnd"))):
        element.getparent().remove(element)
    rewrite(answer(doc, SUMMARY), "Rewritten in a file with no bookmarks.")
    doc.save(str(exported))
    reading = context.word_in.read(exported)
    assert reading.edits == []
    assert [p.text for p in reading.not_placed] == ["Rewritten in a file with no bookmarks."]
    done = context.word_in.bring_in(exported, accept_edits=True)
    assert done.applied == [] and done.not_placed == 1
    item = context.assessments.get(complete_assessment.id)
    assert item.answers == complete_assessment.answers


def test_edits_to_a_signed_off_version_go_into_the_later_draft_when_there_is_one(context, exported, form,
                                                                                  complete_assessment):
    edit_everything(exported, form)
    context.store.assessments.update_meta(complete_assessment.id, complete_assessment.row_version, locked=True)
    later = context.assessments.duplicate_as_new_version(complete_assessment.id)
    context.assessments.set_answer(later, DRIVERS, "Rewritten in version 2 before the Word file came back")
    done = context.word_in.bring_in(exported, accept_edits=True)
    assert done.assessment.id == later.id and done.new_version
    assert "into version 2" in done.summary()
    item = context.assessments.get(later.id)
    assert item.answers[SUMMARY].startswith("Day case unit moves")
    assert item.answers[DRIVERS] == "Rewritten in version 2 before the Word file came back"  # not overwritten
    assert len(context.assessments.versions(later.uid)) == 2

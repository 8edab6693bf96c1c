"""Version diff per question, and verification of a signed-off Word file's footer fingerprint."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from idmf.cli.main import main
from idmf.domain.answer_text import answer_text
from idmf.export.footer import footer_fingerprint
from idmf.review.diff import diff_versions, word_changes
from idmf.review.signoff import display_fingerprint
from idmf.services.review import verify_docx
from tests.review.helpers import TODAY, build, ready_answers


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


def _word_file(tmp_path, assessment, footer: str):
    """A minimal Word file as the export writes it: the assessment embedded, a line in the footer."""
    from docx import Document

    from idmf.export.embed import embed_assessment

    doc = Document()
    doc.sections[0].footer.paragraphs[0].text = footer
    embed_assessment(doc, assessment)
    path = tmp_path / "signed.docx"
    doc.save(str(path))
    return path


@pytest.fixture
def signed(context, at_committee):
    context.review.approve(at_committee.id, "Joint Executive Team", dt.date(2026, 2, 26), "Dr A", today=TODAY)
    return context.store.assessments.get(at_committee.id), context.review.signoff_for(at_committee.id)


def test_word_file_fingerprint_verifies(context, signed, tmp_path):
    item, signature = signed
    path = _word_file(tmp_path, item, f"Version 1 · Fingerprint {display_fingerprint(signature.fingerprint)}")
    assert footer_fingerprint(path) == signature.fingerprint
    result = context.review.verify_docx(path)
    assert result.ok and "Joint Executive Team on 26/02/2026" in result.message
    assert verify_docx(path).ok  # without a database: the file checks against itself


def test_word_file_with_one_changed_character_fails(context, signed, tmp_path):
    item, signature = signed
    item.answers["summary"] = item.answers["summary"].replace("Answer", "Answes", 1)
    path = _word_file(tmp_path, item, f"Fingerprint: {signature.fingerprint}")
    result = context.review.verify_docx(path)
    assert not result.ok and "has been changed since it was signed off" in result.message


def test_word_file_without_fingerprint(context, signed, tmp_path):
    path = _word_file(tmp_path, signed[0], "Version 1")
    assert not verify_docx(path).ok and "no fingerprint in its footer" in verify_docx(path).message


def test_cli_verify_docx(capsys, context, signed, tmp_path):
    path = _word_file(tmp_path, signed[0], f"Fingerprint {signed[1].fingerprint}")
    assert main(["verify", str(path)]) == 0
    assert "Verified" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "missing.docx")]) == 2


def test_exported_word_file_verifies(capsys, context, signed, tmp_path):
    """The real Word export of a signed-off version prints its fingerprint, and `idmf-cli verify` accepts it."""
    item, signature = signed
    path = tmp_path / "export.docx"
    assert main(["export", str(item.id), "--format", "docx", "--out", str(path)]) == 0
    assert footer_fingerprint(path) is not None
    assert context.review.verify_docx(path).ok
    assert main(["verify", str(path)]) == 0
    with zipfile.ZipFile(path) as archive:
        assert any(n.startswith("customXml/item") for n in archive.namelist())
    assert json.loads(context.assessments.export_json(item.id))["assessment"]["uid"] == item.uid

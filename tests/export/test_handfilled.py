"""Part B documents filled in Word without the app become new drafts: per document the expected answers are
placed, the rest is kept in "Not placed on import" notes, and every word the lead typed is somewhere."""

from __future__ import annotations

import json
import shutil

import pytest

from idmf.cli.main import main
from idmf.domain.answer_text import answer_text
from idmf.domain.answers import to_json
from tests.export import handfilled_corpus

NO_LIBREOFFICE = shutil.which("soffice") is None


def _params():
    for build in handfilled_corpus.CORPUS:
        marks = [pytest.mark.skipif(NO_LIBREOFFICE, reason="LibreOffice (soffice) is not installed")] \
            if build is handfilled_corpus.saved_by_libreoffice else []
        yield pytest.param(build, id=build.__name__, marks=marks)


def _matches(expected, got) -> bool:
    """The expected answer was placed (table rows also get the stable id links point at)."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return all(got.get(k) == v for k, v in expected.items())
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(_matches(e, g) for e, g in zip(expected, got))
    return expected == got


def _notes(context, assessment_id: int) -> list[str]:
    return [t.comment.body + "".join(r.body for r in t.replies) for t in context.comments.threads(assessment_id)
            if t.comment.body.startswith("Not placed on import")]


@pytest.mark.parametrize("build", list(_params()))
def test_a_hand_filled_part_b_becomes_a_draft_and_nothing_is_lost(build, context, form, tmp_path, capsys):
    written = build(form, tmp_path)
    assert main(["import", str(written.path)]) == 0
    out, err = capsys.readouterr()
    item = context.assessments.get(int(out.strip()))
    assert item.status.value == "draft"
    answers = {qid: to_json(v) for qid, v in item.answers.items()}
    for qid, expected in written.expected.items():
        assert _matches(expected, answers.get(qid)), (qid, answers.get(qid))
    for qid in written.unanswered:
        assert qid not in answers, qid
    notes = _notes(context, item.id)
    assert f"{len(written.expected)} answers placed" in err
    placed = "\n".join(answer_text(form.question(q), v) for q, v in item.answers.items())
    for text in written.typed:  # every word the lead typed: in an answer or in a note
        assert text in placed or any(text in note for note in notes), text


def test_text_the_template_does_not_have_is_kept_in_a_note_on_its_step(context, form, tmp_path, capsys):
    written = handfilled_corpus.labelled_lines(form, tmp_path)
    assert main(["word-changes", str(written.path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"step": "options", "text": "Forum on 12/01/2026: 14 patients attended; most asked about parking."} \
        in listed["not_placed"]
    assert {"question_id": "decision_option", "before": "",
            "after": form.question("decision_option").choice_label("adjust")} in listed["changes"]
    assert main(["import", str(written.path)]) == 0
    out, err = capsys.readouterr()
    assert "2 paragraph(s) not placed" in err
    [note] = context.comments.threads(int(out.strip()), "step:options")
    assert note.comment.body.startswith("Not placed on import") and note.comment.author == "Word import"
    assert "Appendix: notes from the patient forum" in note.comment.body


def test_placeholders_import_as_unanswered_and_the_check_reports_them(context, form, tmp_path, capsys):
    written = handfilled_corpus.blank_template_rows(form, tmp_path)
    assert main(["import", str(written.path)]) == 0
    new_id = capsys.readouterr().out.strip()
    assert main(["check", new_id, "--json"]) == 1
    report = json.dumps(json.loads(capsys.readouterr().out), ensure_ascii=False)
    for qid in ("duty_discrimination", "duty_opportunity"):
        assert qid in report, qid


def test_a_word_file_that_is_not_a_part_b_is_refused(context, tmp_path, capsys):
    import docx

    doc = docx.Document()
    doc.add_paragraph("Minutes of the estates meeting, 4 March.")
    doc.save(str(tmp_path / "minutes.docx"))
    before = context.assessments.list()
    assert main(["import", str(tmp_path / "minutes.docx")]) == 2
    assert "minutes.docx is not an IDMF Part B" in capsys.readouterr().err
    assert context.assessments.list() == before

"""Two people, two databases: the lead sends a review file, the EDI partner comments and replies,
the lead imports the reply: comments merged, answers untouched, verdict recorded."""

from __future__ import annotations

import pytest

from idmf.cli.main import main
from idmf.domain.assessment import Status
from idmf.interchange import jsonio
from idmf.review.comments import add_comment, reply, resolve, threads
from idmf.review.errors import ReadOnlyError
from idmf.review.exchange import export_review_reply, export_review_request, import_review_file, set_verdict
from tests.review.conftest import advance
from tests.review.helpers import TODAY


def _answers(context, assessment_id):
    return jsonio.to_document(context.store.assessments.get(assessment_id))["answers"]


def _send_for_review(context, ready, tmp_path):
    advance(context, ready.id, ("submit_for_review", "lead"))
    return export_review_request(context.store, ready.id, tmp_path / "request.idmf", person="Jo Lead")


def test_review_round_trip(context, reviewer_context, ready, tmp_path):
    lead, reviewer = context, reviewer_context
    before = _answers(lead, ready.id)
    request = _send_for_review(lead, ready, tmp_path)

    received = import_review_file(reviewer.store, request, person="Esi EDI")
    copy_id = received.assessment_id
    assert received.kind == "review-request" and reviewer.review.is_review_copy(copy_id)
    assert reviewer.review.is_read_only(copy_id)
    assert _answers(reviewer, copy_id) == before
    with pytest.raises(ReadOnlyError, match="copy received for review"):
        reviewer.review.transition(copy_id, "request_changes", role="reviewer", comment="x")
    with pytest.raises(ReadOnlyError):
        export_review_request(reviewer.store, copy_id, tmp_path / "nope.idmf")

    first = add_comment(reviewer.store, copy_id, "engage_findings", "Please add what carers told you.", author="Esi EDI")
    reply(reviewer.store, first.id, "And the evening-slot request.", author="Esi EDI", role="reviewer")
    add_comment(reviewer.store, copy_id, "pc_race", "Which languages?", author="Esi EDI")
    set_verdict(reviewer.store, copy_id, "changes-requested", person="Esi EDI", comment="Two points to address.")
    answer_file = export_review_reply(reviewer.store, copy_id, tmp_path / "reply.idmf", person="Esi EDI")

    outcome = import_review_file(lead.store, answer_file, person="Jo Lead", today=TODAY)
    assert (outcome.kind, outcome.assessment_id, outcome.comments_added) == ("review-reply", ready.id, 3)
    assert outcome.verdict == "changes_requested" and "now “Changes requested”" in outcome.message
    assert _answers(lead, ready.id) == before
    lead_threads = threads(lead.store, ready.id)
    assert [(t.comment.anchor, len(t.replies)) for t in lead_threads] == [("engage_findings", 1), ("pc_race", 0)]
    last = lead.review.history(ready.id)[-1]
    assert (last.action, last.person, last.role, last.comment) == (
        "request_changes", "Esi EDI", "reviewer", "Two points to address.")

    again = import_review_file(lead.store, answer_file, person="Jo Lead", today=TODAY)
    assert again.comments_added == 0 and len(threads(lead.store, ready.id)) == 2
    assert len(lead.review.history(ready.id)) == len(lead.review.history(ready.id))
    assert lead.store.assessments.get(ready.id).status == Status.CHANGES_REQUESTED


def test_second_round_merges_replies_and_resolutions_both_ways(context, reviewer_context, ready, tmp_path):
    lead, reviewer = context, reviewer_context
    request = _send_for_review(lead, ready, tmp_path)
    copy_id = import_review_file(reviewer.store, request).assessment_id
    question = add_comment(reviewer.store, copy_id, "pc_race", "Which languages?", author="Esi EDI")
    import_review_file(lead.store, export_review_reply(reviewer.store, copy_id, tmp_path / "r1.idmf"))

    (thread,) = threads(lead.store, ready.id)
    reply(lead.store, thread.comment.id, "Polish, Gujarati and Punjabi.", author="Jo Lead", role="lead")
    resolve(lead.store, thread.comment.id, person="Jo Lead")
    lead.assessments.set_answer(lead.store.assessments.get(ready.id), "summary", "Updated after review.")
    second = export_review_request(lead.store, ready.id, tmp_path / "request2.idmf")

    refreshed = import_review_file(reviewer.store, second)
    assert "answers were updated" in refreshed.message
    assert _answers(reviewer, refreshed.assessment_id)["summary"] == "Updated after review."
    (seen,) = threads(reviewer.store, refreshed.assessment_id)
    assert seen.comment.origin == question.origin and seen.resolved and seen.replies[0].author == "Jo Lead"


def test_the_same_request_imported_twice_keeps_one_copy(context, reviewer_context, ready, tmp_path):
    request = _send_for_review(context, ready, tmp_path)
    first = import_review_file(reviewer_context.store, request)
    second = import_review_file(reviewer_context.store, request)
    assert first.assessment_id == second.assessment_id and "already had this version" in second.message
    assert len(reviewer_context.store.assessments.list()) == 1


def test_assurance_moves_the_lead_copy_to_committee(context, reviewer_context, ready, tmp_path):
    request = _send_for_review(context, ready, tmp_path)
    copy_id = import_review_file(reviewer_context.store, request).assessment_id
    set_verdict(reviewer_context.store, copy_id, "assured", person="Esi EDI")
    outcome = import_review_file(context.store, export_review_reply(reviewer_context.store, copy_id, tmp_path / "ok.idmf"),
                                 today=TODAY)
    assert context.store.assessments.get(ready.id).status == Status.READY_FOR_COMMITTEE
    assert "Ready for committee" in outcome.message


def test_the_whole_exchange_through_the_cli(capsys, context, ready, tmp_path):
    reviewer_url = f"sqlite:///{tmp_path / 'esi.sqlite3'}"
    request, answer_file = tmp_path / "req.idmf", tmp_path / "rep.idmf"
    assert main(["status", str(ready.id), "submit-for-review", "--as", "lead"]) == 0
    assert main(["review", "export", str(ready.id), "--out", str(request)]) == 0
    capsys.readouterr()
    assert main(["--database", reviewer_url, "review", "import", str(request)]) == 0
    copy_id = capsys.readouterr().out.strip().splitlines()[-1]
    assert main(["--database", reviewer_url, "review", "comment", copy_id, "--question", "pc_age",
                 "--text", "Good mitigation."]) == 0
    assert main(["--database", reviewer_url, "review", "reply", copy_id, "--out", str(answer_file),
                 "--verdict", "changes-requested", "--comment", "See the comment on age."]) == 0
    capsys.readouterr()
    assert main(["review", "import", str(answer_file)]) == 0
    out = capsys.readouterr().out
    assert "1 new comment(s)" in out and "Changes requested" in out
    assert main(["review", "comments", str(ready.id)]) == 0
    assert "on pc_age" in capsys.readouterr().out

"""Two people, two databases: the lead sends a signed review file, the EDI partner comments and replies,
the lead imports the reply: comments merged (in the signer's name), answers untouched, verdict recorded."""

from __future__ import annotations

import pytest

from idmf.cli.main import main
from idmf.domain.assessment import Status
from idmf.interchange import jsonio
from idmf.review.comments import threads
from idmf.review.errors import ReadOnlyError
from tests.review.conftest import advance
from tests.review.helpers import TODAY


def _answers(context, assessment_id):
    return jsonio.to_document(context.store.assessments.get(assessment_id))["answers"]


def _send_for_review(context, ready, tmp_path):
    advance(context, ready.id, ("submit_for_review", "lead"))
    return context.review_files.export_request(ready.id, tmp_path / "request.idmf", person="Lead Person")


def test_review_round_trip(context, reviewer_context, ready, tmp_path):
    lead, reviewer = context, reviewer_context
    before = _answers(lead, ready.id)
    request = _send_for_review(lead, ready, tmp_path)

    received = reviewer.review_files.import_file(request)
    copy_id = received.assessment_id
    assert received.kind == "review-request" and reviewer.review.is_review_copy(copy_id)
    assert "from Lead Person (project lead, Test NHS Trust), key" in received.message
    assert reviewer.review.is_read_only(copy_id)
    assert _answers(reviewer, copy_id) == before
    assert reviewer.assessments.get(copy_id).status == Status.IN_REVIEW
    with pytest.raises(ReadOnlyError, match="copy received for review"):
        reviewer.review.transition(copy_id, "request_changes", role="lead", comment="x")
    with pytest.raises(ReadOnlyError):
        reviewer.review_files.export_request(copy_id, tmp_path / "nope.idmf")

    first = reviewer.comments.add(copy_id, "engage_findings", "Please add what carers told you.", "Esi EDI")
    reviewer.comments.reply(copy_id, first.id, "And the evening-slot request.", "Esi EDI", "reviewer")
    reviewer.comments.add(copy_id, "pc_race", "Which languages?", "Esi EDI")
    reviewer.review_files.set_verdict(copy_id, "changes-requested", comment="Two points to address.")
    answer_file = reviewer.review_files.export_reply(copy_id, tmp_path / "reply.idmf")

    outcome = lead.review_files.import_file(answer_file, today=TODAY)
    assert (outcome.kind, outcome.assessment_id, outcome.comments_added) == ("review-reply", ready.id, 3)
    assert outcome.verdict == "changes_requested" and "now “Changes requested”" in outcome.message
    assert _answers(lead, ready.id) == before
    lead_threads = threads(lead.store, ready.id)
    assert [(t.comment.anchor, len(t.replies)) for t in lead_threads] == [("engage_findings", 1), ("pc_race", 0)]
    last = lead.review.history(ready.id)[-1]
    assert (last.action, last.person, last.role) == ("request_changes", "Esi EDI", "reviewer")
    assert last.comment.startswith("Two points to address. (Signed review reply ")
    assert lead.review.verify_audit(ready.id).ok

    again = lead.review_files.import_file(answer_file, today=TODAY)
    assert again.comments_added == 0 and len(threads(lead.store, ready.id)) == 2
    assert "already imported" in again.message and not again.applied
    assert lead.store.assessments.get(ready.id).status == Status.CHANGES_REQUESTED


def test_second_round_merges_replies_and_resolutions_both_ways(context, reviewer_context, ready, tmp_path):
    lead, reviewer = context, reviewer_context
    request = _send_for_review(lead, ready, tmp_path)
    copy_id = reviewer.review_files.import_file(request).assessment_id
    question = reviewer.comments.add(copy_id, "pc_race", "Which languages?", "Esi EDI")
    lead.review_files.import_file(reviewer.review_files.export_reply(copy_id, tmp_path / "r1.idmf"))

    (thread,) = threads(lead.store, ready.id)
    lead.comments.reply(ready.id, thread.comment.id, "Polish, Gujarati and Punjabi.", "Lead Person", "lead")
    lead.comments.set_resolved(ready.id, thread.comment.id, True, "Lead Person")
    lead.review.transition(ready.id, "withdraw", role="lead", today=TODAY)
    lead.assessments.set_answer(lead.store.assessments.get(ready.id), "summary", "Updated after review.")
    second = lead.review_files.export_request(ready.id, tmp_path / "request2.idmf")

    refreshed = reviewer.review_files.import_file(second)
    assert "answers were updated" in refreshed.message
    assert _answers(reviewer, refreshed.assessment_id)["summary"] == "Updated after review."
    (seen,) = threads(reviewer.store, refreshed.assessment_id)
    assert seen.comment.origin == question.origin and seen.resolved and seen.replies[0].author == "Lead Person"


def test_the_same_request_imported_twice_keeps_one_copy(context, reviewer_context, ready, tmp_path):
    request = _send_for_review(context, ready, tmp_path)
    first = reviewer_context.review_files.import_file(request)
    second = reviewer_context.review_files.import_file(request)
    assert first.assessment_id == second.assessment_id and "already had this version" in second.message
    assert len(reviewer_context.store.assessments.list()) == 1


def test_assurance_moves_the_lead_copy_to_committee(context, reviewer_context, ready, tmp_path):
    request = _send_for_review(context, ready, tmp_path)
    copy_id = reviewer_context.review_files.import_file(request).assessment_id
    reviewer_context.review_files.set_verdict(copy_id, "assured")
    outcome = context.review_files.import_file(reviewer_context.review_files.export_reply(copy_id, tmp_path / "ok.idmf"),
                                               today=TODAY)
    assert context.store.assessments.get(ready.id).status == Status.READY_FOR_COMMITTEE
    assert "Ready for committee" in outcome.message and outcome.applied


def test_the_whole_exchange_through_the_cli(capsys, context, reviewer_context, ready, tmp_path):
    reviewer_url = str(reviewer_context.database.engine.url)
    request, answer_file = tmp_path / "req.idmf", tmp_path / "rep.idmf"
    assert main(["status", str(ready.id), "submit-for-review", "--as", "lead"]) == 0
    assert main(["review", "export", str(ready.id), "--out", str(request)]) == 0
    capsys.readouterr()
    with pytest.MonkeyPatch.context() as on_their_computer:  # the EDI partner's own key store
        on_their_computer.setattr("idmf.services.context.KeyStore.for_data_folder",
                                  lambda _data: reviewer_context.signing.keys)
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
    listed = capsys.readouterr().out
    assert "on pc_age — Esi EDI (reviewer): Good mitigation." in listed  # the signer's name, not the login

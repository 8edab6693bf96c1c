"""The workflow table: allowed and refused transitions, conditions, clears, person and audit entries."""

from __future__ import annotations

import datetime as dt

import pytest

from idmf.cli.main import main
from idmf.domain.assessment import Status
from idmf.review.errors import NotReadyError, WorkflowError
from idmf.review.workflow import (
    ACTION_LABELS, WORKFLOW, Action, Role, allowed_actions, can_edit, display_status, editable_fields,
)
from tests.review.conftest import advance
from tests.review.helpers import TODAY, ready_answers, store

REVIEWER = "Reviewer Person"


def test_the_table_covers_every_status_and_role():
    assert set(WORKFLOW) == set(Status)
    for status, roles in WORKFLOW.items():
        assert set(roles) == set(Role), status
        for permission in roles.values():
            assert all(isinstance(go.to, Status) for go in permission.actions.values())
    assert set(ACTION_LABELS) == set(Action)
    assert all(not p.edit for p in WORKFLOW[Status.APPROVED].values())  # signed off: read-only for everyone


def test_editable_fields_follow_status_and_role(form):
    qids = [q.id for q in form.questions()]
    assert editable_fields(Status.DRAFT, Role.LEAD, qids) == set(qids)
    assert editable_fields(Status.DRAFT, Role.REVIEWER, qids) == set()
    assert editable_fields(Status.IN_REVIEW, Role.REVIEWER, qids) == {"approval_edi_partner", "approval_edi_date"}
    assert can_edit(Status.READY_FOR_COMMITTEE, Role.COMMITTEE, "approval_meeting_date")
    assert not can_edit(Status.READY_FOR_COMMITTEE, Role.COMMITTEE, "summary")
    assert Action.SUBMIT_FOR_COMMITTEE in allowed_actions(Status.IN_REVIEW, Role.REVIEWER)


def test_full_journey_records_every_step(context, ready, people):
    first = context.review.transition(ready.id, "submit-for-review", role="lead", today=TODAY)
    assert first.assessment.status == Status.IN_REVIEW and first.entry.person == "Lead Person"  # the default key
    assert first.entry.signer_key == people["Lead Person"].key_id
    advance(context, ready.id, ("request_changes", "reviewer"), ("submit_for_review", "lead"),
            ("submit_for_committee", "reviewer"))
    entries = context.review.history(ready.id)
    assert [(e.from_status, e.to_status) for e in entries] == [
        ("draft", "in_review"), ("in_review", "changes_requested"), ("changes_requested", "in_review"),
        ("in_review", "ready_for_committee")]
    assert entries[1].person == "Reviewer Person" and entries[1].comment == "request_changes done"
    assert context.store.assessments.get(ready.id).status == Status.READY_FOR_COMMITTEE


def test_wrong_status_or_role_is_refused_with_the_options(context, ready):
    refusal = "not possible now: the assessment is “Draft”. As EDI partner you can: only add comments"
    with pytest.raises(WorkflowError, match=refusal):
        context.review.transition(ready.id, "submit_for_committee", REVIEWER, role="reviewer", today=TODAY)
    advance(context, ready.id, ("submit_for_review", "lead"))
    with pytest.raises(WorkflowError, match="As project lead you can: “Withdraw to draft”"):
        context.review.transition(ready.id, "request_changes", role="lead", comment="x", today=TODAY)
    with pytest.raises(WorkflowError, match="Unknown action 'publish'"):
        context.review.transition(ready.id, "publish", role="lead")


def test_request_changes_needs_a_comment_and_leaves_answers_alone(context, ready):
    advance(context, ready.id, ("submit_for_review", "lead"))
    with pytest.raises(WorkflowError, match="needs a comment"):
        context.review.transition(ready.id, "request_changes", REVIEWER, role="reviewer", comment="  ", today=TODAY)
    result = context.review.transition(ready.id, "request_changes", REVIEWER, role="reviewer",
                                       comment="Add findings", today=TODAY)
    assert result.cleared == () and result.assessment.answers == context.store.assessments.get(ready.id).answers
    assert result.assessment.answers == ready.answers


def test_send_back_clears_the_committee_date_and_the_assurance(context, at_committee):
    context.assessments.set_answer(at_committee, "approval_meeting_date", "2026-02-26")
    result = context.review.transition(at_committee.id, "send-back", "Committee Person", role="committee",
                                       comment="Dates disagree", today=TODAY)
    assert result.assessment.status == Status.CHANGES_REQUESTED
    assert set(result.cleared) == {"approval_meeting_date", "approval_edi_date"}
    assert not {"approval_meeting_date", "approval_edi_date"} & set(result.assessment.answers)


def test_submit_for_committee_is_refused_while_anything_blocks(context, form):
    answers = ready_answers(form)
    for qid in ("duty_narrative", "decision_rationale", "duty_relations", "decision_option"):
        answers.pop(qid)
    item = store(context, form, answers)
    advance(context, item.id, ("submit_for_review", "lead"))
    with pytest.raises(NotReadyError) as refused:
        context.review.transition(item.id, "submit_for_committee", REVIEWER, role="reviewer", today=TODAY)
    assert refused.value.blocking == 4
    assert "cannot go to committee yet: 4 items need fixing first" in str(refused.value)
    assert "(and 1 more)" in str(refused.value)
    assert context.store.assessments.get(item.id).status == Status.IN_REVIEW


def test_approve_is_not_a_plain_transition(context, at_committee):
    with pytest.raises(WorkflowError, match="idmf-cli approve"):
        context.review.transition(at_committee.id, "approve", "Committee Person", role="committee", today=TODAY)


def test_stale_copy_cannot_change_status(context, ready):
    from idmf.errors import ConflictError
    from idmf.review.workflow import record_status

    stale = context.store.assessments.get(ready.id)
    advance(context, ready.id, ("submit_for_review", "lead"))
    with pytest.raises(ConflictError), context.store.transaction() as conn:
        record_status(context.store, conn, stale, Status.IN_REVIEW, Action.SUBMIT_FOR_REVIEW, "x", Role.LEAD, "",
                      context.signing.identity())


def test_review_due_is_derived_and_needs_you_counts(context, form, ready):
    store(context, form, ready_answers(form), Status.IN_REVIEW)
    store(context, form, ready_answers(form), Status.CHANGES_REQUESTED)
    due = store(context, form, ready_answers(form), Status.APPROVED)
    context.store.assessments.update_meta(due.id, due.row_version, review_date=dt.date(2026, 2, 1))
    assert display_status(Status.APPROVED, dt.date(2026, 2, 1), TODAY) == "Review due"
    assert display_status(Status.APPROVED, dt.date(2027, 2, 1), TODAY) == "Approved"
    counts = context.review.needs_you(TODAY).counts()
    assert counts == {"reviews_waiting": 1, "changes_requested": 1, "ready_for_committee": 0, "reviews_due": 1}


def test_cli_status(capsys, ready):
    code = main(["status", str(ready.id), "submit-for-review", "--as", "lead", "--person", "Lead Person",
                 "--comment", "Please review"])
    out, err = capsys.readouterr()
    assert code == 0 and "is now “In EDI review”" in out
    code = main(["status", str(ready.id), "withdraw", "--as", "reviewer", "--person", "Reviewer Person"])
    _, err = capsys.readouterr()
    assert code == 2 and "not possible now" in err and len(err.strip().splitlines()) == 1
    assert main(["audit", str(ready.id), "--verify"]) == 0
    out = capsys.readouterr().out
    assert "Lead Person (lead): submit for review, draft → in_review — Please review" in out and "intact" in out


def test_cli_submit_for_committee_refused_lists_blocking(capsys, context, form):
    answers = ready_answers(form)
    answers.pop("duty_narrative")
    item = store(context, form, answers, Status.IN_REVIEW)
    code = main(["status", str(item.id), "submit-for-committee", "--as", "reviewer", "--person", REVIEWER,
                 "--today", "2026-03-01"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot go to committee yet: 1 item needs fixing first" in err

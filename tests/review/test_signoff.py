"""Sign-off: approval is signed by a trusted committee key and locks the version (service and direct SQL both
refused); the stored version verifies; revise. (Signed Word files and the attacks on them: tests/signing.)"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SQLDatabaseError

from idmf.cli.main import main
from idmf.domain.assessment import Status
from idmf.paths import backups_dir
from idmf.review.errors import SignoffError, WorkflowError
from idmf.errors import LockedError
from idmf.interchange.content import content_sha256
from tests.review.helpers import TODAY

MEETING = dt.date(2026, 2, 26)


@pytest.fixture
def approved(context, at_committee):
    context.review.approve(at_committee.id, "Joint Executive Team", MEETING, "Dr A Director",
                           person="Committee Person", today=TODAY)
    return context.store.assessments.get(at_committee.id)


def test_approval_records_backs_up_signs_and_locks(context, approved, people):
    signed = context.review.signoff_for(approved.id)
    assert (signed.committee, signed.meeting_date, signed.approver, signed.recorded_by) == (
        "Joint Executive Team", MEETING, "Dr A Director", "Committee Person")
    assert signed.signer_key == people["Committee Person"].key_id
    assert approved.status == Status.APPROVED and approved.review_date == dt.date(2027, 2, 26)
    assert approved.answers["approval_committee"] == "Joint Executive Team"
    assert approved.answers["approval_meeting_date"] == MEETING
    assert signed.fingerprint == content_sha256(json.loads(context.assessments.export_json(approved.id)))
    assert context.review.is_locked(approved.id)
    result = context.review.verify_stored(approved.id)
    assert result.ok and result.message.startswith(f"Verified: version 1 of “{approved.title}” was signed off for "
                                                   "Joint Executive Team on 26/02/2026 (approver: Dr A Director) by "
                                                   "Committee Person")
    assert [b.name for b in backups_dir().iterdir() if "before-signoff" in b.name]


def test_signed_off_version_cannot_change_through_the_app(context, approved):
    with pytest.raises(LockedError, match="signed-off version and is locked"):
        context.assessments.set_answer(approved, "summary", "A quiet edit")
    assert context.store.assessments.get(approved.id).answers["summary"] == approved.answers["summary"]
    with pytest.raises(WorkflowError, match="not possible now"):
        context.review.transition(approved.id, "withdraw", role="lead", today=TODAY)


@pytest.mark.parametrize("statement", [
    "UPDATE answer SET value = '\"A quiet edit\"' WHERE assessment_id = :id AND question_id = 'summary'",
    "DELETE FROM answer WHERE assessment_id = :id AND question_id = 'summary'",
    "INSERT INTO answer (assessment_id, question_id, value, version, updated_at) "
    "VALUES (:id, 'new_question', '\"x\"', 1, '2026-03-01')",
    "UPDATE assessment SET title = 'Renamed' WHERE id = :id",
    "UPDATE assessment SET status = 'draft' WHERE id = :id",
    "UPDATE assessment SET locked = 0 WHERE id = :id",
    "DELETE FROM assessment WHERE id = :id",
    "UPDATE signoff SET approver = 'Someone else' WHERE assessment_id = :id",
    "DELETE FROM signoff WHERE assessment_id = :id",
])
def test_the_database_refuses_direct_sql(context, approved, statement):
    with pytest.raises(SQLDatabaseError, match="signed off and locked|cannot be changed or deleted"):
        with context.database.engine.begin() as conn:
            conn.execute(text(statement), {"id": approved.id})
    assert context.review.verify_stored(approved.id).ok


def test_attached_census_tables_are_signed_and_locked(context, at_committee):
    from idmf.domain.evidence import CensusTable

    table = CensusTable(table_code="TS021", title="Ethnic group", characteristic="pc_race", area_code="E06000016",
                        area_name="Leicester", universe="All usual residents", total=368_571)
    context.store.assessments.attach_census_tables(at_committee.id, [table])
    context.review.approve(at_committee.id, "JET", MEETING, "Dr A", person="Committee Person", today=TODAY)
    with pytest.raises(LockedError):
        context.store.assessments.attach_census_tables(at_committee.id, [])
    with pytest.raises(SQLDatabaseError, match="signed off and locked"):
        with context.database.engine.begin() as conn:
            conn.execute(text("DELETE FROM assessment_census WHERE assessment_id = :id"), {"id": at_committee.id})
    document = json.loads(context.assessments.export_json(at_committee.id))
    assert document["census_tables"][0]["table_code"] == "TS021"
    signed = context.review.signoff_for(at_committee.id).fingerprint
    assert content_sha256(document) == signed
    document["census_tables"][0]["total"] += 1
    assert content_sha256(document) != signed


def test_bookkeeping_columns_may_still_change(context, approved):
    context.store.assessments.set_archived(approved.id)
    assert context.store.assessments.get(approved.id).archived and context.review.verify_stored(approved.id).ok


def test_the_content_hash_leaves_out_bookkeeping_but_not_one_character(context, approved):
    signed = context.review.signoff_for(approved.id)
    document = json.loads(context.assessments.export_json(approved.id))
    document["assessment"]["status"] = "draft"  # bookkeeping is not signed
    assert content_sha256(document) == signed.fingerprint
    document["answers"]["summary"] = document["answers"]["summary"][:-1] + "!"
    assert content_sha256(document) != signed.fingerprint


def test_editing_the_stored_content_behind_the_triggers_back_is_detected(context, approved):
    assert context.review.verify_stored(approved.id).ok
    with context.database.engine.begin() as conn:
        conn.execute(text("DROP TRIGGER answer_locked_update"))
        value = conn.execute(text("SELECT value FROM answer WHERE assessment_id = :id AND question_id = 'summary'"),
                             {"id": approved.id}).scalar()
        conn.execute(text("UPDATE answer SET value = :v WHERE assessment_id = :id AND question_id = 'summary'"),
                     {"v": value.replace("Answer", "Answes", 1), "id": approved.id})
    result = context.review.verify_stored(approved.id)
    assert not result.ok and result.message == (
        f"Not verified: the assessment in version 1 of “{approved.title}” is not the one that was signed off: its "
        "answers were changed after sign-off.")


def test_approve_refuses_wrong_status_future_dates_and_twice(context, ready, at_committee):
    secretary = "Committee Person"
    with pytest.raises(SignoffError, match="in the future"):
        context.review.approve(at_committee.id, "JET", TODAY + dt.timedelta(days=1), "Dr A", secretary, today=TODAY)
    with pytest.raises(SignoffError, match="before the assessment was completed \\(10/02/2026\\)"):
        context.review.approve(at_committee.id, "JET", dt.date(2026, 2, 1), "Dr A", secretary, today=TODAY)
    with pytest.raises(SignoffError, match="name of the committee"):
        context.review.approve(at_committee.id, " ", MEETING, "Dr A", secretary, today=TODAY)
    context.review.approve(at_committee.id, "JET", MEETING, "Dr A", secretary, today=TODAY)
    with pytest.raises(SignoffError, match="already signed off"):
        context.review.approve(at_committee.id, "JET", MEETING, "Dr A", secretary, today=TODAY)


def test_approve_needs_ready_for_committee(context, ready):
    with pytest.raises(WorkflowError, match="“Approve \\(committee sign-off\\)” is not possible now"):
        context.review.approve(ready.id, "JET", MEETING, "Dr A", "Committee Person", today=TODAY)


def test_revise_starts_an_editable_version_and_keeps_the_signed_one(context, form, approved):
    result = context.review.transition(approved.id, "revise", role="lead", person="Lead Person", today=TODAY)
    revised = result.assessment
    assert (revised.version_number, revised.status, revised.uid) == (2, Status.DRAFT, approved.uid)
    assert "approval_meeting_date" not in revised.answers and revised.review_date is None
    assert result.entry.comment.startswith("Version 2 started from signed-off version 1")
    context.assessments.set_answer(revised, "summary", "Now with a second site.")
    assert context.store.assessments.get(revised.id).answers["summary"] == "Now with a second site."
    assert context.review.verify_stored(approved.id).ok
    assert context.review.signoff_for(revised.id) is None
    with pytest.raises(WorkflowError, match=f"Version 2 of this assessment already exists \\(id {revised.id}\\)"):
        context.review.transition(approved.id, "revise", role="lead", today=TODAY)


def test_cli_approve_verify_and_diff(capsys, context, at_committee, people):
    code = main(["approve", str(at_committee.id), "--committee", "Joint Executive Team", "--date", "26/02/2026",
                 "--approver", "Dr A Director", "--person", "Committee Person"])
    out = capsys.readouterr().out
    assert code == 0 and "Approved and locked" in out
    assert f"Signed by {people['Committee Person'].describe()}." in out
    assert main(["verify", str(at_committee.id)]) == 0
    assert capsys.readouterr().out.startswith("Verified: version 1 of “")
    assert main(["status", str(at_committee.id), "revise", "--as", "lead"]) == 0
    new_id = context.store.assessments.versions(at_committee.uid)[-1].id
    context.assessments.set_answer(context.store.assessments.get(new_id), "summary", "Changed text")
    assert main(["diff", str(at_committee.id), str(new_id)]) == 0
    out = capsys.readouterr().out
    assert "answer(s) differ" in out and "Changed text" in out and "Date of committee meeting" in out


def test_cli_verify_of_an_unsigned_version_exits_1(capsys, ready):
    assert main(["verify", str(ready.id)]) == 1
    assert capsys.readouterr().out == (f"Not verified: version 1 of “{ready.title}” has no sign-off in this "
                                       "database, so there is nothing to verify.\n")

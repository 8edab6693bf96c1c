"""Teams on a real PostgreSQL server: four logins in two organisations (and an admin), each forbidden action
tried through idmf-cli and through raw SQL as that login; the database refuses, the app says why plainly."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from idmf.domain.questions import APPROVAL_EDI_DATE, APPROVAL_EDI_PARTNER, ORGANISATION, SUMMARY
from idmf.errors import NOT_ALLOWED, friendly
from idmf.services.context import open_app
from tests.postgres.team import ORG_A, ORG_B
from tests.review.helpers import ready_answers

TODAY, MEETING = "2026-03-01", "2026-02-26"
BLOCKED_SQL = "cannot change this assessment's answers while it is"


@pytest.fixture
def as_login(team):
    """open_app as one of the team's logins (closed afterwards)."""
    opened = []

    def open_as(who: str):
        ctx = open_app(team.urls[who])
        opened.append(ctx)
        return ctx

    yield open_as
    for ctx in opened:
        ctx.close()


def _draft(as_login, form) -> int:
    """An assessment of organisation A, ready for committee, written by lead A through the app."""
    lead = as_login("lead_a")
    item = lead.assessments.create("Day case unit at Hinckley")
    answers = ready_answers(form) | {ORGANISATION: ORG_A}
    for qid, value in answers.items():
        if qid not in (APPROVAL_EDI_PARTNER, APPROVAL_EDI_DATE):
            lead.assessments.set_answer(item, qid, value)
    return item.id


def _refused(engine, statement: str, **params) -> DBAPIError:
    with pytest.raises(DBAPIError) as caught:
        with engine.begin() as conn:
            conn.execute(text(statement), params)
    return caught.value


def _status(team, who, assessment_id) -> str:
    with team.engine(who).connect() as conn:
        return conn.execute(text("SELECT status FROM assessment WHERE id = :i"), {"i": assessment_id}).scalar()


def _through_review(team, assessment_id: int, capsys) -> None:
    assert team.cli("lead_a", "status", str(assessment_id), "submit-for-review", "--today", TODAY) == 0
    assert team.cli("reviewer_a", "status", str(assessment_id), "submit-for-committee", "--today", TODAY) == 0
    capsys.readouterr()


def test_who_you_are_comes_from_the_login_not_from_what_you_type(team, as_login, form, capsys):
    assert team.cli("reviewer_a", "team", "whoami") == 0
    assert "Rhys Reviewer (login reviewer_a_" in capsys.readouterr().out
    item_id = _draft(as_login, form)
    # The lead claims to be the committee and names someone else: both are ignored, the login decides.
    assert team.cli("lead_a", "status", str(item_id), "submit-for-review", "--as", "committee", "--person",
                    "Cara Committee", "--today", TODAY) == 0
    assert "--as and --person are ignored here" in capsys.readouterr().out
    [entry] = as_login("lead_a").review.history(item_id)
    assert (entry.login, entry.person, entry.role) == (team.logins["lead_a"], "Asha Lead", "lead")


def test_the_whole_workflow_is_recorded_by_the_database_with_each_login(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    _through_review(team, item_id, capsys)
    assert team.cli("committee_a", "approve", str(item_id), "--committee", "ICB Board", "--date", MEETING,
                    "--approver", "Dr A Chair", "--today", TODAY) == 0
    lead = as_login("lead_a")
    history = lead.review.history(item_id)
    assert [(e.action, e.login) for e in history] == [
        ("submit_for_review", team.logins["lead_a"]), ("submit_for_committee", team.logins["reviewer_a"]),
        ("approve", team.logins["committee_a"])]
    with team.engine("lead_a").connect() as conn:
        now, recorded_by = conn.execute(text("SELECT now(), recorded_by FROM signoff WHERE assessment_id = :i"),
                                        {"i": item_id}).one()
    assert recorded_by == team.logins["committee_a"]
    assert abs(history[-1].at - now) < dt.timedelta(minutes=5)  # the server's clock
    assert lead.review.verify_audit(item_id).ok
    assert lead.review.verify_stored(item_id).ok


def test_the_other_organisation_sees_zero_rows(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    _through_review(team, item_id, capsys)
    as_login("reviewer_a").comments.add(item_id, SUMMARY, "Please name the wards.", author="Typed Name")
    assert team.cli("lead_b", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []
    assert team.cli("lead_b", "show", str(item_id)) == 2
    assert f"There is no assessment with id {item_id}" in capsys.readouterr().err
    with team.engine("lead_b").connect() as conn:
        for table in ("assessment", "answer", "status_event", "comment"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
    with team.engine("lead_a").connect() as conn:  # while organisation A sees them, and who wrote the comment
        assert conn.execute(text("SELECT count(*) FROM status_event")).scalar() == 2
        assert conn.execute(text("SELECT author, role FROM comment")).one() == ("Rhys Reviewer", "reviewer")
    # Lead B cannot move it either, even by naming its id.
    assert team.cli("lead_b", "status", str(item_id), "withdraw", "--today", TODAY) == 2
    assert f"There is no assessment with id {item_id}" in capsys.readouterr().err


def test_a_lead_cannot_approve_nor_change_a_status_directly(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    _through_review(team, item_id, capsys)
    assert team.cli("lead_a", "approve", str(item_id), "--committee", "ICB Board", "--date", MEETING,
                    "--approver", "Dr A Chair", "--today", TODAY) == 2
    assert "needs a login with that role; your login lead_a_" in capsys.readouterr().err
    lead = team.engine("lead_a")
    error = _refused(lead, "UPDATE assessment SET status = 'approved', locked = true WHERE id = :i", i=item_id)
    assert friendly(error) == NOT_ALLOWED
    error = _refused(lead, "SELECT idmf_transition(:i, 'approve', '', 'Asha Lead', '', 1, '', '', now(), '', "
                           "NULL, false)", i=item_id)
    assert friendly(error).startswith("“Approve (committee sign-off)” is not possible for your login lead_a_")
    assert "the assessment is “Ready for committee”" in friendly(error)
    error = _refused(lead, "INSERT INTO status_event (assessment_id, seq, assessment_uid, version_number, action, "
                           "from_status, to_status, person, role, comment, at, prev_hash, hash) SELECT id, 3, uid, 1, "
                           "'approve', status, 'approved', 'Cara Committee', 'committee', '', now(), '', '' "
                           "FROM assessment WHERE id = :i", i=item_id)
    assert friendly(error) == NOT_ALLOWED
    assert _status(team, "lead_a", item_id) == "ready_for_committee"


def test_a_reviewer_cannot_change_answers(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    assert team.cli("lead_a", "status", str(item_id), "submit-for-review", "--today", TODAY) == 0
    reviewer = as_login("reviewer_a")
    item = reviewer.assessments.get(item_id)
    with pytest.raises(DBAPIError) as caught:
        reviewer.assessments.set_answer(item, SUMMARY, "A reviewer's rewrite")
    assert BLOCKED_SQL in friendly(caught.value) and "reviewer_a_" in friendly(caught.value)
    error = _refused(team.engine("reviewer_a"), "UPDATE answer SET value = '\"A quiet rewrite\"' "
                                                "WHERE assessment_id = :i AND question_id = :q", i=item_id, q=SUMMARY)
    assert friendly(error).startswith("Your login reviewer_a_") and "“In EDI review”" in friendly(error)
    error = _refused(team.engine("reviewer_a"), "UPDATE assessment SET title = 'Renamed' WHERE id = :i", i=item_id)
    assert friendly(error) == NOT_ALLOWED
    error = _refused(team.engine("reviewer_a"), "INSERT INTO review_copy (assessment_id, content_sha256, "
                                                "content_json, received_at) VALUES (:i, '', '{}', now())", i=item_id)
    assert friendly(error) == NOT_ALLOWED  # which would make the lead's own app treat it as read-only
    # What the workflow lets a reviewer edit in review, they can.
    reviewer.assessments.set_answer(item, APPROVAL_EDI_PARTNER, "Rhys Reviewer")
    assert as_login("lead_a").assessments.get(item_id).answers[SUMMARY] != "A reviewer's rewrite"


def test_a_committee_member_cannot_edit_a_draft_nor_take_a_reviewers_step(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    committee = as_login("committee_a")
    with pytest.raises(DBAPIError) as caught:
        committee.assessments.set_answer(committee.assessments.get(item_id), SUMMARY, "Committee edit")
    assert BLOCKED_SQL in friendly(caught.value) and "“Draft”" in friendly(caught.value)
    error = _refused(team.engine("committee_a"), "DELETE FROM answer WHERE assessment_id = :i", i=item_id)
    assert BLOCKED_SQL in friendly(error)
    assert team.cli("committee_a", "status", str(item_id), "submit-for-review", "--today", TODAY) == 2
    assert "As committee secretary you can" in capsys.readouterr().err
    assert _status(team, "lead_a", item_id) == "draft"


def test_signed_off_versions_and_audit_rows_cannot_be_changed_by_anyone(team, as_login, form, capsys, postgres_url):
    item_id = _draft(as_login, form)
    _through_review(team, item_id, capsys)
    assert team.cli("committee_a", "approve", str(item_id), "--committee", "ICB Board", "--date", MEETING,
                    "--approver", "Dr A Chair", "--today", TODAY) == 0
    for who in ("admin_a", "committee_a", "lead_a"):
        engine = team.engine(who)
        for statement in ("UPDATE status_event SET person = 'Someone' WHERE assessment_id = :i",
                          "DELETE FROM signoff WHERE assessment_id = :i",
                          "UPDATE answer SET value = '\"x\"' WHERE assessment_id = :i"):
            error = _refused(engine, statement, i=item_id)
            assert friendly(error) == NOT_ALLOWED or "signed off and locked" in friendly(error), (who, statement)
    # Not even the owner who set the database up.
    owner = open_app(postgres_url)
    try:
        for statement, words in (("DELETE FROM status_event", "The audit log cannot be changed"),
                                 ("UPDATE assessment SET title = 'Renamed' WHERE id = :i", "signed off and locked")):
            with pytest.raises(DBAPIError, match=words):
                with owner.database.engine.begin() as conn:
                    conn.execute(text(statement), {"i": item_id})
    finally:
        owner.close()
    assert as_login("admin_a").review.verify_audit(item_id).ok


def test_an_approval_without_its_signoff_is_not_kept(team, as_login, form, capsys):
    from idmf.domain.assessment import Status
    from idmf.review import team as team_steps
    from idmf.review.workflow import Action

    item_id = _draft(as_login, form)
    _through_review(team, item_id, capsys)
    committee = as_login("committee_a")
    signer = committee.signing.actor("committee")
    store = committee.store
    with pytest.raises(DBAPIError) as caught:
        with store.transaction() as conn:
            item = store.assessments.get(item_id, conn)
            team_steps.record(store, conn, item, Status.APPROVED, Action.APPROVE.value, "", signer,
                              review_date=None, locked=True)
    assert "An approval is kept only with its signed sign-off" in friendly(caught.value)
    assert _status(team, "lead_a", item_id) == "ready_for_committee"


def test_an_admin_reads_but_cannot_start_or_move_assessments(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    assert team.cli("admin_a", "list", "--json") == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == [item_id]
    assert team.cli("admin_a", "new", "--title", "Admin's own") == 2
    assert NOT_ALLOWED in capsys.readouterr().err
    assert team.cli("admin_a", "status", str(item_id), "submit-for-review", "--today", TODAY) == 2
    assert "your login admin_a_" in capsys.readouterr().err


def test_a_lead_cannot_file_an_assessment_under_another_organisation(team, as_login, form, capsys):
    assert team.cli("lead_a", "new", "--title", "Elsewhere", "--organisation", ORG_B) == 2
    assert f"not for “{ORG_B}”" in capsys.readouterr().err
    lead = as_login("lead_a")
    item = lead.assessments.create("Mine")
    with pytest.raises(DBAPIError) as caught:
        lead.assessments.set_answer(item, ORGANISATION, ORG_B)
    assert f"your own organisations ({ORG_A})" in friendly(caught.value)


def test_granting_and_revoking_an_organisation(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    assert team.cli("owner", "team", "grant", team.logins["lead_b"], "--organisation", ORG_A) == 0
    assert "can now see Leicester ICB" in capsys.readouterr().out
    assert team.cli("lead_b", "list", "--json") == 0
    assert [row["id"] for row in json.loads(capsys.readouterr().out)] == [item_id]
    assert team.cli("owner", "team", "revoke", team.logins["lead_b"], "--organisation", ORG_A) == 0
    assert "can no longer see Leicester ICB" in capsys.readouterr().out
    assert team.cli("lead_b", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_only_the_owner_manages_the_team(team, capsys):
    assert team.cli("lead_a", "team", "add-user", "someone_else", "--role", "admin", "--organisation", ORG_A) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("not allowed" in err or "permission" in err.lower()), err
    assert team.cli("owner", "team", "add-user", "Robert'); DROP", "--role", "lead", "--organisation", ORG_A) == 2
    assert "cannot be a login name" in capsys.readouterr().err


def test_withdrawing_clears_the_reviewers_date_and_revising_starts_a_new_version(team, as_login, form, capsys):
    item_id = _draft(as_login, form)
    assert team.cli("lead_a", "status", str(item_id), "submit-for-review", "--today", TODAY) == 0
    reviewer = as_login("reviewer_a")
    reviewer.assessments.set_answer(reviewer.assessments.get(item_id), APPROVAL_EDI_DATE, "2026-02-20")
    assert team.cli("lead_a", "status", str(item_id), "withdraw", "--today", TODAY) == 0
    assert APPROVAL_EDI_DATE not in as_login("lead_a").assessments.get(item_id).answers
    _through_review(team, item_id, capsys)
    assert team.cli("committee_a", "approve", str(item_id), "--committee", "ICB Board", "--date", MEETING,
                    "--approver", "Dr A Chair", "--today", TODAY) == 0
    assert team.cli("lead_a", "status", str(item_id), "revise", "--today", TODAY) == 0
    lead = as_login("lead_a")
    [old, new] = lead.assessments.versions(lead.assessments.get(item_id).uid)
    assert (old.status.value, new.status.value, new.version_number) == ("approved", "draft", 2)
    [entry] = lead.review.history(new.id)
    assert (entry.action, entry.from_status, entry.login) == ("revise", "approved", team.logins["lead_a"])
    assert lead.review.verify_audit(new.id).ok and lead.review.verify_audit(item_id).ok


def test_no_login_can_read_the_team_tables_or_add_objects(team):
    for who in ("lead_a", "admin_a"):
        for statement in ("SELECT * FROM team_member", "SELECT * FROM team_grant",
                          "CREATE FUNCTION idmf_my_orgs(x int) RETURNS text[] LANGUAGE sql AS 'SELECT NULL::text[]'",
                          "SELECT idmf_notify('Leicester ICB', 1)"):
            assert friendly(_refused(team.engine(who), statement)) == NOT_ALLOWED, (who, statement)


def test_attached_documents_belong_to_their_organisation_and_follow_the_workflow(team, as_login, form):
    item_id = _draft(as_login, form)
    lead = as_login("lead_a")
    lead.evidence.attach(lead.assessments.get(item_id), "Survey results.csv", b"question,answer\n")
    with team.engine("lead_b").connect() as conn:  # another organisation cannot read the file
        assert conn.execute(text("SELECT count(*) FROM assessment_document")).scalar() == 0
    with team.engine("lead_a").connect() as conn:
        assert conn.execute(text("SELECT name FROM assessment_document")).scalar() == "Survey results.csv"
    error = _refused(team.engine("reviewer_a"), "DELETE FROM assessment_document WHERE assessment_id = :i",
                     i=item_id)  # a reviewer does not change a lead's draft, by raw SQL either
    assert BLOCKED_SQL in str(error)
    assert [d.name for d in lead.assessments.get(item_id).documents] == ["Survey results.csv"]

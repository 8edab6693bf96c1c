"""The same code on PostgreSQL (the teams set-up): storage, conflicts, census cache, review and locked sign-off."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SQLDatabaseError

from idmf.interchange import jsonio
from idmf.review.readiness import check
from idmf.errors import ConflictError, LockedError
from tests.factories import fill_all
from tests.review.helpers import TODAY, ready_answers, store

MEETING = dt.date(2026, 2, 26)


def test_every_answer_survives_closing_and_reopening(context, form, postgres_url):
    from idmf.services.context import open_app

    item = context.assessments.create("Day case unit at Hinckley")
    for qid, value in fill_all(form).items():
        context.assessments.set_answer(item, qid, value)
    exported = jsonio.dumps(context.store.assessments.get(item.id))
    context.close()
    reopened = open_app(postgres_url)  # upgrading an up-to-date database changes nothing
    try:
        assert jsonio.dumps(reopened.store.assessments.get(item.id)) == exported
    finally:
        reopened.close()


def test_a_stale_write_is_refused_not_overwritten(context):
    item = context.assessments.create("Two windows")
    context.assessments.set_answer(item, "summary", "first")
    other_window = context.store.assessments.get(item.id)
    context.assessments.set_answer(item, "summary", "newer text")
    with pytest.raises(ConflictError, match="changed elsewhere"):
        context.assessments.set_answer(other_window, "summary", "stale text")
    assert context.store.assessments.get(item.id).answers["summary"] == "newer text"


def _approved(context, form):
    item = store(context, form, ready_answers(form))
    for action, role in (("submit_for_review", "lead"), ("submit_for_committee", "reviewer")):
        context.review.transition(item.id, action, person=f"{role.title()} Person", comment="done", role=role,
                                  today=TODAY)
    context.review.approve(item.id, "Joint Executive Team", MEETING, "Dr A Director", person="Committee Person",
                           today=TODAY)
    return context.store.assessments.get(item.id)


def test_review_comments_and_readiness_work_on_postgres(context, form):
    item = store(context, form, ready_answers(form))
    assert not check(item, form, today=TODAY).blocking
    context.comments.add(item.id, "summary", "Please name the wards affected.", author="EDI Partner")
    [thread] = context.comments.threads(item.id)
    assert thread.comment.body == "Please name the wards affected."


def test_signed_off_version_is_locked_by_the_database(context, form, people):
    approved = _approved(context, form)
    with pytest.raises(LockedError):
        context.assessments.set_answer(approved, "summary", "A quiet edit")
    for statement in ("UPDATE answer SET value = '\"A quiet edit\"' WHERE assessment_id = :id",
                      "UPDATE assessment SET title = 'Renamed' WHERE id = :id",
                      "DELETE FROM signoff WHERE assessment_id = :id"):
        with pytest.raises(SQLDatabaseError, match="signed off and locked|cannot be changed or deleted"):
            with context.database.engine.begin() as conn:
                conn.execute(text(statement), {"id": approved.id})
    assert context.review.verify_stored(approved.id).ok


@pytest.mark.parametrize("statement", ["DELETE FROM status_event", "UPDATE status_event SET person = 'Someone'",
                                       "TRUNCATE status_event"])
def test_the_audit_log_can_only_grow_on_postgres(context, form, people, statement):
    approved = _approved(context, form)
    with pytest.raises(SQLDatabaseError, match="The audit log cannot be changed or deleted"):
        with context.database.engine.begin() as conn:
            conn.execute(text(statement))
    assert context.review.verify_audit(approved.id).ok and context.review.verify_stored(approved.id).ok


def test_census_cache_and_profiles_on_postgres(context, census_dir):
    from tests.census.test_real_files import real_files

    service = context.census
    service.import_files(real_files(census_dir))
    tables = {t.table_code: t for t in service.profile("E07000132").tables}
    broad = {r.category.split(",")[0].split(" ")[0]: r.count for r in tables["TS021"].rows if r.parent is None}
    assert broad == {"Asian": 3147, "Black": 692, "Mixed": 1990, "White": 107180, "Other": 632}
    assert tables["TS007"].total == 113_640
    icb = {t.table_code: t for t in service.profile("E54000015").tables}  # Leicester, Leicestershire and Rutland
    members = ("E06000016", "E06000017", *(f"E0700012{n}" for n in (9,)), *(f"E0700013{n}" for n in range(6)))
    assert icb["TS007"].total == sum(
        next(t for t in service.profile(code).tables if t.table_code == "TS007").total for code in members)


def test_migrations_and_table_models_agree_on_postgres(context):
    from tests.test_migrations import drift

    assert drift(context.database.engine) == []


def test_times_read_back_unchanged_whatever_the_server_time_zone(postgres_url):
    from sqlalchemy.engine import make_url

    from idmf.services.context import open_app

    # A server (or session) outside UTC used to shift naive timestamps by its offset.
    url = make_url(postgres_url).update_query_dict({"options": "-c timezone=America/New_York"})
    ctx = open_app(url.render_as_string(hide_password=False))
    try:
        item = ctx.assessments.create("Written at a known moment")
        again = ctx.assessments.get(item.id)
        assert again.created_at == item.created_at and again.created_at.utcoffset().total_seconds() == 0
    finally:
        ctx.close()

"""The repository: answers survive a reopen, stale writes are refused, SQLite is set up safely."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from idmf.domain import ImpactAnswer, Status
from idmf.services.context import open_app
from idmf.errors import ConflictError, NotFoundError


def test_answers_survive_closing_and_reopening(context, form):
    item = context.assessments.create("Stroke rehab")
    context.assessments.set_answer(item, "summary", "Moving the clinic to Loughborough")
    context.assessments.set_answer(item, "pc_age", {"negative": True, "narrative": "Older people travel further"})
    context.close()

    reopened = open_app()
    loaded = reopened.store.assessments.get(item.id)
    assert loaded.title == "Stroke rehab"
    assert loaded.answers["summary"] == "Moving the clinic to Loughborough"
    assert loaded.impact("pc_age") == ImpactAnswer(negative=True, narrative="Older people travel further")
    reopened.close()


def test_action_plan_dates_are_real_dates(context):
    item = context.assessments.create("Dates")
    context.assessments.set_answer(item, "action_plan", [
        {"action": "Easy-read leaflet", "lead": "Comms team", "target_date": "2027-01-31", "outcome": ""}])
    row = context.store.assessments.get(item.id).action_plan()[0]
    assert row.target_date == dt.date(2027, 1, 31)
    assert row.lead == "Comms team"


def test_stale_write_is_refused_not_silently_overwritten(context):
    item = context.assessments.create("Two windows")
    context.assessments.set_answer(item, "summary", "first")
    other_window = context.store.assessments.get(item.id)

    context.assessments.set_answer(item, "summary", "newer text")
    with pytest.raises(ConflictError, match="changed elsewhere"):
        context.assessments.set_answer(other_window, "summary", "stale text")
    assert context.store.assessments.get(item.id).answers["summary"] == "newer text"
    # The failed write leaves the stale copy's memory as it was.
    assert other_window.answers["summary"] == "first"


def test_saving_one_answer_writes_one_answer_row(context):
    item = context.assessments.create("Cheap saves")
    statements: list[str] = []
    from sqlalchemy import event

    def record(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            statements.append(statement)

    event.listen(context.database.engine, "before_cursor_execute", record)
    context.assessments.set_answer(item, "summary", "one change")
    event.remove(context.database.engine, "before_cursor_execute", record)
    answer_writes = [s for s in statements if "answer" in s.split("(")[0].lower() and "assessment " not in s]
    assert len(answer_writes) == 1
    assert len(statements) == 2  # the answer row and the parent's timestamp


def test_dashboard_list_searches_and_hides_archived(context):
    a = context.assessments.create("Hinckley day case unit")
    b = context.assessments.create("Mental health crisis line")
    context.assessments.set_answer(b, "organisation", "Leicestershire Partnership NHS Trust")
    assert [s.title for s in context.store.assessments.list(search="crisis")] == ["Mental health crisis line"]
    assert [s.title for s in context.store.assessments.list(search="partnership")] == ["Mental health crisis line"]
    context.store.assessments.set_archived(a.id)
    assert [s.id for s in context.store.assessments.list()] == [b.id]
    assert {s.id for s in context.store.assessments.list(include_archived=True)} == {a.id, b.id}
    assert context.store.assessments.list(statuses=[Status.APPROVED]) == []


def test_duplicate_as_new_version_keeps_answers_and_lineage(complete_assessment, context):
    copy = context.store.assessments.duplicate_as_new_version(complete_assessment.id)
    assert copy.uid == complete_assessment.uid
    assert copy.version_number == 2
    assert copy.status == Status.DRAFT
    assert context.store.assessments.get(copy.id).answers == complete_assessment.answers


def test_progress_counts_complete_steps(complete_assessment, form, context):
    assert complete_assessment.steps_complete(form) == 6
    summary = context.store.assessments.list()[0]
    assert summary.steps_complete == 6


def test_missing_assessment_is_a_clear_error(context):
    with pytest.raises(NotFoundError, match="no assessment with id 999"):
        context.store.assessments.get(999)


def test_sqlite_connection_is_set_up_for_safety(context):
    with context.database.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_default_database_lives_in_the_data_folder(_isolated_data, monkeypatch):
    monkeypatch.delenv("IDMF_DATABASE_URL")
    ctx = open_app()
    assert ctx.database.path == _isolated_data / "idmf.sqlite3"
    assert ctx.database.path.exists()
    ctx.close()

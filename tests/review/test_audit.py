"""The audit log is a hash chain: a deleted or an edited entry is detected."""

from __future__ import annotations

from sqlalchemy import text

from idmf.cli.main import main
from tests.review.conftest import advance

JOURNEY = (("submit_for_review", "lead"), ("request_changes", "reviewer"), ("submit_for_review", "lead"),
           ("submit_for_committee", "reviewer"))


def _sql(context, statement: str, **params) -> None:
    with context.database.engine.begin() as conn:
        conn.execute(text(statement), params)


def test_an_untouched_chain_verifies(context, ready):
    advance(context, ready.id, *JOURNEY)
    result = context.review.verify_audit(ready.id)
    assert result.ok and result.entries == 4 and "intact (4 entries)" in result.message
    entries = context.review.history(ready.id)
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]


def test_a_deleted_entry_is_detected(context, ready):
    advance(context, ready.id, *JOURNEY)
    _sql(context, "DELETE FROM status_event WHERE assessment_id = :id AND seq = 2", id=ready.id)
    result = context.review.verify_audit(ready.id)
    assert not result.ok and "Entry 2 is missing (deleted)." in result.problems


def test_a_deleted_last_entry_is_detected(context, ready):
    advance(context, ready.id, *JOURNEY)
    _sql(context, "DELETE FROM status_event WHERE assessment_id = :id AND seq = 4", id=ready.id)
    result = context.review.verify_audit(ready.id)
    assert not result.ok and "latest entry may have been deleted" in result.message


def test_an_edited_entry_is_detected(context, ready):
    advance(context, ready.id, *JOURNEY)
    _sql(context, "UPDATE status_event SET person = 'Somebody Else' WHERE assessment_id = :id AND seq = 2",
         id=ready.id)
    result = context.review.verify_audit(ready.id)
    assert not result.ok
    assert any("Entry 2 (request changes by Somebody Else" in p and "was changed after it was recorded" in p
               for p in result.problems)


def test_an_entry_rewritten_with_a_fresh_hash_breaks_the_next_link(context, ready):
    advance(context, ready.id, *JOURNEY)
    _sql(context, "UPDATE status_event SET comment = 'edited', hash = :h WHERE assessment_id = :id AND seq = 2",
         id=ready.id, h="f" * 64)
    problems = context.review.verify_audit(ready.id).problems
    assert any("The entry before entry 3" in p for p in problems)


def test_cli_audit_verify_exits_1_when_tampered(capsys, context, ready):
    advance(context, ready.id, *JOURNEY)
    assert main(["audit", str(ready.id), "--verify"]) == 0
    _sql(context, "DELETE FROM status_event WHERE assessment_id = :id AND seq = 1", id=ready.id)
    capsys.readouterr()
    assert main(["audit", str(ready.id), "--verify"]) == 1
    assert "tampered with: Entry 1 is missing (deleted)." in capsys.readouterr().out

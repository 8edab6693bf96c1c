"""The audit log: every entry signed by the person acting, chained by hashes, and refused UPDATE and DELETE
by the database itself; an attacker who can rewrite the database file is still seen."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SQLDatabaseError

from idmf.cli.main import main
from idmf.review.audit import entry_hash, history, signed_bytes
from idmf.signing.identity import Identity
from tests.review.conftest import advance
from tests.review.helpers import TODAY

JOURNEY = (("submit_for_review", "lead"), ("request_changes", "reviewer"), ("submit_for_review", "lead"),
           ("submit_for_committee", "reviewer"))
REFUSED = "The audit log cannot be changed or deleted: entries are only ever added"


def _sql(context, statement: str, **params) -> None:
    with context.database.engine.begin() as conn:
        conn.execute(text(statement), params)


def _as_file_owner(context) -> None:
    """What someone who can rewrite the database file can do: remove the triggers first."""
    _sql(context, "DROP TRIGGER status_event_no_update")
    _sql(context, "DROP TRIGGER status_event_no_delete")


def test_an_untouched_chain_verifies_and_each_entry_is_signed_by_the_person_acting(context, ready, people):
    advance(context, ready.id, *JOURNEY)
    result = context.review.verify_audit(ready.id)
    assert result.ok and result.entries == 4 and result.message == "The audit log is intact (4 entries)."
    entries = context.review.history(ready.id)
    assert [e.prev_hash for e in entries[1:]] == [e.hash for e in entries[:-1]]
    assert [(e.person, e.signer_key) for e in entries] == [
        ("Lead Person", people["Lead Person"].key_id), ("Reviewer Person", people["Reviewer Person"].key_id),
        ("Lead Person", people["Lead Person"].key_id), ("Reviewer Person", people["Reviewer Person"].key_id)]


@pytest.mark.parametrize("statement", [
    "DELETE FROM status_event",
    "DELETE FROM status_event WHERE seq = 2",
    "UPDATE status_event SET person = 'Somebody Else' WHERE seq = 2",
    "UPDATE status_event SET comment = 'edited', hash = 'ffff' WHERE seq = 4",
])
def test_the_database_refuses_to_change_or_delete_any_audit_row(context, ready, statement):
    advance(context, ready.id, *JOURNEY)  # not signed off: every row is protected, not only locked versions'
    with pytest.raises(SQLDatabaseError, match=REFUSED):
        _sql(context, statement)
    assert context.review.verify_audit(ready.id).ok


def test_deleting_every_entry_is_not_intact(context, ready):
    advance(context, ready.id, *JOURNEY)
    _as_file_owner(context)
    _sql(context, "DELETE FROM status_event WHERE assessment_id = :id", id=ready.id)
    result = context.review.verify_audit(ready.id)
    assert not result.ok and result.entries == 0
    assert result.message == ("The audit log has been tampered with: There are no entries at all, but the assessment "
                              "is 'ready_for_committee': its history was deleted, or the status was changed outside "
                              "the app.")


def test_a_deleted_entry_or_a_deleted_last_entry_is_detected(context, ready):
    advance(context, ready.id, *JOURNEY)
    _as_file_owner(context)
    _sql(context, "DELETE FROM status_event WHERE assessment_id = :id AND seq = 2", id=ready.id)
    assert "Entry 2 is missing (deleted)." in context.review.verify_audit(ready.id).problems
    _sql(context, "DELETE FROM status_event WHERE assessment_id = :id AND seq = 4", id=ready.id)
    assert "latest entry may have been deleted" in context.review.verify_audit(ready.id).message


def test_an_edited_entry_is_detected(context, ready):
    advance(context, ready.id, *JOURNEY)
    _as_file_owner(context)
    _sql(context, "UPDATE status_event SET person = 'Somebody Else' WHERE assessment_id = :id AND seq = 2",
         id=ready.id)
    problems = context.review.verify_audit(ready.id).problems
    assert any("Entry 2 (request changes by Somebody Else" in p and "was changed after it was recorded" in p
               for p in problems)


def _rewrite(context, assessment_id: int, seq: int, signer: Identity | None = None, **changes) -> None:
    """Change entry `seq` and recompute every hash after it, as an attacker with the file would; re-sign the
    changed entries with `signer`'s key (or keep the old signatures)."""
    item = context.store.assessments.get(assessment_id)
    entries = history(context.store, assessment_id)
    previous = entries[seq - 2].hash if seq > 1 else "0" * 64
    for entry in entries[seq - 1:]:
        entry = dataclasses.replace(entry, prev_hash=previous, **(changes if entry.seq == seq else {}),
                                    **({"signer_key": signer.key_id} if signer else {}))
        digest = entry_hash(item.uid, item.version_number, entry)
        signature = signer.sign(signed_bytes(digest)) if signer else entry.signature
        _sql(context, "UPDATE status_event SET person = :person, prev_hash = :prev, hash = :hash, signer_key = :key, "
                      "signature = :sig WHERE assessment_id = :id AND seq = :seq", person=entry.person,
             prev=previous, hash=digest, key=entry.signer_key, sig=signature, id=assessment_id, seq=entry.seq)
        previous = digest


def test_a_chain_re_attributed_and_recomputed_is_caught_by_its_signatures(context, ready):
    advance(context, ready.id, *JOURNEY)
    _as_file_owner(context)
    _rewrite(context, ready.id, 2, person="Somebody Else")
    result = context.review.verify_audit(ready.id)
    when = f"{history(context.store, ready.id)[1].at:%d/%m/%Y %H:%M}"
    assert not result.ok and len(result.problems) == 3  # entries 3 and 4 now carry hashes nobody signed either
    assert result.problems[0] == (f"The signature on entry 2 (request changes by Somebody Else on {when}) does not "
                                  "match: the entry was rewritten or re-attributed after it was recorded.")


def test_a_chain_re_signed_with_the_attackers_own_key_names_the_real_signer(context, ready):
    advance(context, ready.id, *JOURNEY)
    _as_file_owner(context)
    mallory = Identity.new("Mallory", "lead")
    context.signing.remember(mallory.card)  # the attacker even adds their key to the database
    _rewrite(context, ready.id, 2, signer=mallory)  # the entry still says "Reviewer Person"
    problems = context.review.verify_audit(ready.id).problems
    assert any(p.startswith("Entry 2 (request changes by Reviewer Person") and p.endswith(
        "names Reviewer Person, but Mallory's key signed it: it was re-attributed.") for p in problems)


def test_the_sign_off_signs_the_head_and_length_of_the_log(context, at_committee):
    context.review.approve(at_committee.id, "JET", TODAY, "Dr A", "Committee Person", today=TODAY)
    assert context.review.verify_audit(at_committee.id).ok and context.review.verify_stored(at_committee.id).ok
    _as_file_owner(context)
    mallory = Identity.new("Mallory", "lead")
    context.signing.remember(mallory.card)
    # A whole new history, consistent and signed, in Mallory's own name: only the sign-off still knows better.
    _sql(context, "UPDATE status_event SET person = 'Mallory' WHERE assessment_id = :id", id=at_committee.id)
    _rewrite(context, at_committee.id, 1, signer=mallory)
    audit = context.review.verify_audit(at_committee.id)
    assert not audit.ok and audit.problems == (
        "The sign-off signed a log of 3 entries that this log no longer holds: entries up to the approval were "
        "deleted or rewritten.",)
    result = context.review.verify_stored(at_committee.id)
    assert not result.ok and result.message.startswith("Not verified: the audit log of version 1")


def test_cli_audit_verify_exits_1_when_tampered(capsys, context, ready):
    advance(context, ready.id, *JOURNEY)
    assert main(["audit", str(ready.id), "--verify"]) == 0
    _as_file_owner(context)
    _sql(context, "DELETE FROM status_event WHERE assessment_id = :id AND seq = 1", id=ready.id)
    capsys.readouterr()
    assert main(["audit", str(ready.id), "--verify"]) == 1
    assert "tampered with: Entry 1 is missing (deleted)." in capsys.readouterr().out

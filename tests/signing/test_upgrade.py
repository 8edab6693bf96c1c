"""A database from before signatures (revision 0005) upgrades: its audit log becomes append-only at once, its
old entries still verify (said to be unsigned), and an old sign-off is never "Verified" (its fingerprint alone
proves nothing), while the version stays locked and can be exported and revised."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DatabaseError as SQLDatabaseError

from idmf.review.audit import GENESIS, AuditEntry, entry_hash
from idmf.services.context import build_context
from idmf.storage import migrate
from idmf.storage.database import open_database

UID = "ab" * 16
STEPS = (("submit_for_review", "draft", "in_review", "Jo Lead", "lead"),
         ("submit_for_committee", "in_review", "ready_for_committee", "Esi EDI", "reviewer"),
         ("approve", "ready_for_committee", "approved", "Sec Retary", "committee"))


def _old_database(path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade_to(engine, "0005")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO assessment (id, uid, version_number, form_id, form_version, title, status, "
                          "created_at, updated_at) VALUES (1, :uid, 1, 'idmf-part-b', '1.0', 'Old signed-off', "
                          "'approved', '2026-01-01', '2026-01-02')"), {"uid": UID})
        conn.execute(text("INSERT INTO answer (assessment_id, question_id, value, version, updated_at) "
                          "VALUES (1, 'title', '\"Old signed-off\"', 1, '2026-01-02')"))
        previous = GENESIS
        for seq, (action, before, after, person, role) in enumerate(STEPS, start=1):
            at = dt.datetime(2026, 1, seq, 9, tzinfo=dt.timezone.utc)
            entry = AuditEntry(seq, action, before, after, person, role, "", at, previous, "")
            previous = entry_hash(UID, 1, entry)
            conn.execute(text("INSERT INTO status_event (assessment_id, seq, assessment_uid, version_number, action, "
                              "from_status, to_status, person, role, comment, at, prev_hash, hash) VALUES (1, :seq, "
                              ":uid, 1, :action, :before, :after, :person, :role, '', :at, :prev, :hash)"),
                         dict(seq=seq, uid=UID, action=action, before=before, after=after, person=person, role=role,
                              at=at.strftime("%Y-%m-%d %H:%M:%S.000000"), prev=entry.prev_hash, hash=previous))
        conn.execute(text("INSERT INTO signoff (assessment_id, assessment_uid, version_number, committee, meeting_date, "
                          "approver, fingerprint, signed_at, recorded_by) VALUES (1, :uid, 1, 'JET', '2026-01-03', "
                          "'Dr A', :fp, '2026-01-03 10:00:00.000000', 'Sec Retary')"), {"uid": UID, "fp": "f" * 64})
        conn.execute(text("UPDATE assessment SET locked = 1 WHERE id = 1"))
    engine.dispose()


@pytest.fixture
def upgraded(_isolated_data, form):
    from idmf.forms.loader import FormRegistry

    _isolated_data.mkdir(parents=True, exist_ok=True)
    path = _isolated_data / "old.sqlite3"
    _old_database(path)
    context = build_context(open_database(f"sqlite:///{path}"), FormRegistry())
    yield context
    context.close()


def test_old_entries_verify_as_unsigned_and_can_no_longer_be_trimmed(upgraded):
    check = upgraded.review.verify_audit(1)
    assert check.ok and check.message == ("The audit log is intact (3 entries). 3 of them date from before entries "
                                          "were signed, so who made them is not proven.")
    with pytest.raises(SQLDatabaseError, match="The audit log cannot be changed or deleted"):
        with upgraded.database.engine.begin() as conn:
            conn.execute(text("DELETE FROM status_event"))


def test_an_old_sign_off_is_locked_but_never_verified(upgraded, tmp_path):
    result = upgraded.review.verify_stored(1)
    assert result.outcome.exit_code == 1 and result.message == (
        "Not verified: version 1 of “Old signed-off” was signed off by an older version of IDMF Desktop, before "
        "sign-offs were signed by the approver, so nothing proves who signed it off.")
    assert upgraded.review.is_locked(1)
    out = upgraded.documents.export(1, "docx", tmp_path / "old.docx")  # rendered, as before: no signature in it
    assert upgraded.review.verify_docx(out).message.startswith("Not verified: old.docx carries no sign-off signature")

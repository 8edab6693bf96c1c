"""Workflow steps in team mode: the database records them (idmf_transition, idmf_record_signoff) with the login
connected and its own clock, after checking the login's role and the current status; the app signs the entry
with the key registered for that login, as in single-user mode, so the audit chain verifies the same way."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from idmf.domain.assessment import Assessment, Status
from idmf.domain.times import utc
from idmf.review import audit
from idmf.storage.store import Store


def active(store: Store) -> bool:
    """True on a team database (PostgreSQL after `idmf-cli team init`)."""
    return store.team_identity() is not None


def server_time(store: Store, conn: Connection) -> dt.datetime:
    """The time a step is recorded at: the server's in team mode."""
    return utc(store.teams.server_time(conn))


def record(store: Store, conn: Connection, item: Assessment, to: Status, action: str, comment: str,
           signer: Any, from_status: Status | None = None, **changes: Any) -> audit.AuditEntry:
    """Have the database change the status and write the entry `signer` signed (in the caller's transaction)."""
    login, member = store.team_identity()  # type: ignore[misc]
    last = store.audit.last(item.id, conn)
    draft = audit.AuditEntry((last.seq + 1) if last else 1, action, (from_status or item.status).value, to.value,
                             signer.name, member.role if member else "", comment.strip(),
                             server_time(store, conn), last.hash if last else audit.GENESIS, "", signer.key_id,
                             login=login)
    digest = audit.entry_hash(item.uid, item.version_number, draft)
    signature = signer.sign(audit.signed_bytes(digest))
    store.teams.transition(conn, id=item.id, action=action, comment=draft.comment, person=draft.person,
                           signer_key=signer.key_id, seq=draft.seq, prev_hash=draft.prev_hash, hash=digest,
                           at=draft.at, signature=signature, review_date=changes.get("review_date"),
                           set_review_date="review_date" in changes)
    item.row_version += 1
    return replace(draft, hash=digest, signature=signature)

"""The audit log of status changes, chained by hashes so that a deleted or edited entry shows.

Each entry stores the SHA-256 of the previous entry of the same assessment version (`prev_hash`) and its
own hash over the RFC 8785 canonical JSON of its fields plus `prev_hash`. Entries are numbered 1, 2, 3…
per version, so a gap shows a deleted entry; a recomputed hash that differs shows an edited one; and the
last entry must agree with the assessment's current status (which catches a deleted last entry).

This detects tampering by anyone who does not rewrite the whole chain; it is a tamper-evident log, not a
signature. Sign-off fingerprints (idmf.review.signoff) protect the signed content itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

import rfc8785
from sqlalchemy import Connection

from idmf.domain.times import aware, utc, utcnow
from idmf.errors import NotFoundError
from idmf.storage.store import Store

GENESIS = "0" * 64  # the prev_hash of an assessment version's first entry


@dataclass(frozen=True)
class AuditEntry:
    """One status change as the history view shows it."""

    seq: int
    action: str
    from_status: str
    to_status: str
    person: str
    role: str
    comment: str
    at: dt.datetime  # aware UTC
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditCheck:
    """The result of verifying one assessment version's chain."""

    ok: bool
    entries: int
    problems: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        if self.ok:
            return f"The audit log is intact ({self.entries} entries)."
        return "The audit log has been tampered with: " + " ".join(self.problems)


def _hashed_fields(uid: str, version: int, entry: AuditEntry) -> dict[str, object]:
    return {"assessment_uid": uid, "version_number": version, "seq": entry.seq, "action": entry.action,
            "from_status": entry.from_status, "to_status": entry.to_status, "person": entry.person,
            "role": entry.role, "comment": entry.comment, "at": utc(entry.at).isoformat(),
            "prev_hash": entry.prev_hash}


def entry_hash(uid: str, version: int, entry: AuditEntry) -> str:
    """SHA-256 (hex) of an entry's canonical JSON, including the previous entry's hash."""
    return hashlib.sha256(rfc8785.dumps(_hashed_fields(uid, version, entry))).hexdigest()


def _entry(row) -> AuditEntry:
    return AuditEntry(row.seq, row.action, row.from_status, row.to_status, row.person, row.role, row.comment,
                      aware(row.at), row.prev_hash, row.hash)


def append(store: Store, conn: Connection, assessment_id: int, uid: str, version: int, *, action: str,
           from_status: str, to_status: str, person: str, role: str, comment: str = "",
           at: dt.datetime | None = None) -> AuditEntry:
    """Add an entry at the end of a version's chain, inside the caller's transaction."""
    last = store.audit.last(assessment_id, conn)
    draft = AuditEntry((last.seq + 1) if last else 1, action, from_status, to_status, person, role, comment,
                       utc(at) if at else utcnow(), last.hash if last else GENESIS, "")
    digest = entry_hash(uid, version, draft)
    store.audit.insert(conn, assessment_id=assessment_id, seq=draft.seq, assessment_uid=uid, version_number=version,
                       action=action, from_status=from_status, to_status=to_status, person=person, role=role,
                       comment=comment, at=utc(draft.at), prev_hash=draft.prev_hash, hash=digest)
    return replace(draft, hash=digest)


def history(store: Store, assessment_id: int) -> list[AuditEntry]:
    """Every status change of one assessment version, oldest first."""
    return [_entry(row) for row in store.audit.entries(assessment_id)]
def _describe(entry: AuditEntry) -> str:
    return f"entry {entry.seq} ({entry.action.replace('_', ' ')} by {entry.person} on {entry.at:%d/%m/%Y %H:%M})"


def _chain_problems(uid: str, version: int, entries: list[AuditEntry]) -> list[str]:
    problems: list[str] = []
    previous_hash, expected_seq = GENESIS, 1
    for entry in entries:
        if entry.seq != expected_seq:
            missing = ", ".join(str(n) for n in range(expected_seq, entry.seq)) or str(expected_seq)
            problems.append(f"Entry {missing} is missing (deleted).")
        elif entry.prev_hash != previous_hash:
            problems.append(f"The entry before {_describe(entry)} was changed or replaced.")
        if entry_hash(uid, version, entry) != entry.hash:
            described = _describe(entry)
            problems.append(f"{described[0].upper()}{described[1:]} was changed after it was recorded.")
        previous_hash, expected_seq = entry.hash, entry.seq + 1
    return problems


def verify_audit_chain(store: Store, assessment_id: int) -> AuditCheck:
    """Check one assessment version's audit chain: numbering, hashes, links, and the current status."""
    try:
        item = store.assessments.get(assessment_id)
    except NotFoundError as exc:
        return AuditCheck(False, 0, (str(exc),))
    entries = history(store, assessment_id)
    problems = _chain_problems(item.uid, item.version_number, entries)
    if entries and entries[-1].to_status != item.status.value:
        problems.append(f"The last entry says the status became '{entries[-1].to_status}', but the assessment is "
                        f"'{item.status.value}': the latest entry may have been deleted, or the status changed "
                        "outside the app.")
    return AuditCheck(not problems, len(entries), tuple(problems))

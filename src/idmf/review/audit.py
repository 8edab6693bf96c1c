"""The audit log of status changes: chained by hashes, each entry signed by the person acting.

Each entry stores the SHA-256 of the previous entry of the same assessment version (`prev_hash`) and its
own hash over the RFC 8785 canonical JSON of its fields, its signer's key id and `prev_hash`; the person
acting signs that hash with their own key. Entries are numbered 1, 2, 3… per version, so a gap shows a
deleted entry; a recomputed hash that differs shows an edited one; a signature that does not match shows an
entry rewritten or re-attributed (even with the chain recomputed); the last entry must agree with the
current status (which catches a deleted last entry, or every entry deleted); and a sign-off signs the head
and length of the chain. The database itself refuses UPDATE and DELETE of audit rows (migration 0007).

Entries written before entries were signed (older versions of the app) are accepted only at the start of a
chain and are reported as unsigned. Signatures are checked by the caller's `SignatureCheck` (this package
does not hold keys).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from typing import Callable, Protocol

import rfc8785
from sqlalchemy import Connection

from idmf.domain.times import aware, utc, utcnow
from idmf.errors import NotFoundError
from idmf.storage.store import Store

GENESIS = "0" * 64  # the prev_hash of an assessment version's first entry
SIGNED_PREFIX = b"IDMF-AUDIT-ENTRY-1\n"  # what an entry's signature covers: this, then the entry's hash


class Signer(Protocol):
    """Whoever signs an entry: the person acting (idmf.signing.identity.Identity fits)."""

    @property
    def key_id(self) -> str: ...

    def sign(self, data: bytes) -> str: ...


# (signer's key id, signed bytes, signature) -> the signer's name when that key, known to this database, made
# the signature; None otherwise.
SignatureCheck = Callable[[str, bytes, str], "str | None"]


def signed_bytes(entry_hash_hex: str) -> bytes:
    """The bytes an entry's signature covers."""
    return SIGNED_PREFIX + entry_hash_hex.encode("ascii")


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
    signer_key: str | None = None  # None: written before entries were signed
    signature: str | None = None
    person_key: str | None = None  # set when `person` is not the signer: the reviewer whose signed reply it records
    login: str | None = None  # team mode: the database login that took the step (written by the database)


@dataclass(frozen=True)
class AuditCheck:
    """The result of verifying one assessment version's chain."""

    ok: bool
    entries: int
    problems: tuple[str, ...] = ()
    unsigned: int = 0  # entries from before entries were signed (at the start of the chain)

    @property
    def message(self) -> str:
        if self.ok:
            older = (f" {self.unsigned} of them date from before entries were signed, so who made them is not "
                     "proven." if self.unsigned else "")
            return f"The audit log is intact ({self.entries} entries).{older}"
        return "The audit log has been tampered with: " + " ".join(self.problems)


def _hashed_fields(uid: str, version: int, entry: AuditEntry) -> dict[str, object]:
    return {"assessment_uid": uid, "version_number": version, "seq": entry.seq, "action": entry.action,
            "from_status": entry.from_status, "to_status": entry.to_status, "person": entry.person,
            "role": entry.role, "comment": entry.comment, "at": utc(entry.at).isoformat(),
            "prev_hash": entry.prev_hash, **({"signer_key": entry.signer_key} if entry.signer_key else {}),
            **({"person_key": entry.person_key} if entry.person_key else {}),
            **({"login": entry.login} if entry.login else {})}


def entry_hash(uid: str, version: int, entry: AuditEntry) -> str:
    """SHA-256 (hex) of an entry's canonical JSON, including the previous entry's hash."""
    return hashlib.sha256(rfc8785.dumps(_hashed_fields(uid, version, entry))).hexdigest()


def _entry(row) -> AuditEntry:
    return AuditEntry(row.seq, row.action, row.from_status, row.to_status, row.person, row.role, row.comment,
                      aware(row.at), row.prev_hash, row.hash, row.signer_key, row.signature, row.person_key,
                      row.login)


def append(store: Store, conn: Connection, assessment_id: int, uid: str, version: int, *, action: str,
           from_status: str, to_status: str, person: str, role: str, signer: Signer, comment: str = "",
           at: dt.datetime | None = None, person_key: str | None = None) -> AuditEntry:
    """Add an entry signed by `signer` at the end of a version's chain, inside the caller's transaction
    (`person_key`: the key of the person named, when that is not the signer: a reviewer's signed reply)."""
    last = store.audit.last(assessment_id, conn)
    draft = AuditEntry((last.seq + 1) if last else 1, action, from_status, to_status, person, role, comment,
                       utc(at) if at else utcnow(), last.hash if last else GENESIS, "", signer.key_id,
                       person_key=person_key)
    digest = entry_hash(uid, version, draft)
    signature = signer.sign(signed_bytes(digest))
    store.audit.insert(conn, assessment_id=assessment_id, seq=draft.seq, assessment_uid=uid, version_number=version,
                       action=action, from_status=from_status, to_status=to_status, person=person, role=role,
                       comment=comment, at=utc(draft.at), prev_hash=draft.prev_hash, hash=digest,
                       signer_key=signer.key_id, signature=signature, person_key=person_key)
    return replace(draft, hash=digest, signature=signature)


def history(store: Store, assessment_id: int) -> list[AuditEntry]:
    """Every status change of one assessment version, oldest first."""
    return [_entry(row) for row in store.audit.entries(assessment_id)]


def _describe(entry: AuditEntry) -> str:
    return f"entry {entry.seq} ({entry.action.replace('_', ' ')} by {entry.person} on {entry.at:%d/%m/%Y %H:%M})"


def _signature_problem(store: Store, uid: str, version: int, entry: AuditEntry, signed_before: bool,
                       check: SignatureCheck) -> str | None:
    described = _describe(entry)
    if not entry.signer_key:
        return (f"{described[0].upper()}{described[1:]} is not signed, although earlier entries are: it was added "
                "outside the app.") if signed_before else None
    signer = check(entry.signer_key, signed_bytes(entry.hash), entry.signature or "")
    if signer is None:
        return (f"The signature on {described} does not match: the entry was rewritten or re-attributed after it "
                "was recorded.")
    if entry.person_key is None:
        return None if signer == entry.person else (
            f"{described[0].upper()}{described[1:]} names {entry.person}, but {signer}'s key signed it: it was "
            "re-attributed.")
    holder = store.signers.get(entry.person_key)
    if holder is None or holder.name != entry.person or not store.exchanges.reply_signed_by(
            uid, version, entry.person_key):
        return (f"{described[0].upper()}{described[1:]} names {entry.person}, but no signed review reply from their "
                "key was received for this version.")
    return None


def _chain_problems(store: Store, uid: str, version: int, entries: list[AuditEntry],
                    check: SignatureCheck | None) -> list[str]:
    problems: list[str] = []
    previous_hash, expected_seq, signed_before = GENESIS, 1, False
    for entry in entries:
        if entry.seq != expected_seq:
            missing = ", ".join(str(n) for n in range(expected_seq, entry.seq)) or str(expected_seq)
            problems.append(f"Entry {missing} is missing (deleted).")
        elif entry.prev_hash != previous_hash:
            problems.append(f"The entry before {_describe(entry)} was changed or replaced.")
        if entry_hash(uid, version, entry) != entry.hash:
            described = _describe(entry)
            problems.append(f"{described[0].upper()}{described[1:]} was changed after it was recorded.")
        problem = _signature_problem(store, uid, version, entry, signed_before, check) if check else None
        if problem:
            problems.append(problem)
        signed_before = signed_before or bool(entry.signer_key)
        previous_hash, expected_seq = entry.hash, entry.seq + 1
    return problems


def _status_problem(entries: list[AuditEntry], status: str) -> str | None:
    if not entries:
        return None if status == "draft" else (
            f"There are no entries at all, but the assessment is '{status}': its history was deleted, or the status "
            "was changed outside the app.")
    if entries[-1].to_status != status:
        return (f"The last entry says the status became '{entries[-1].to_status}', but the assessment is "
                f"'{status}': the latest entry may have been deleted, or the status changed outside the app.")
    return None


def _anchor_problem(entries: list[AuditEntry], anchor: tuple[int, str]) -> str | None:
    count, head = anchor
    if len(entries) < count or entries[count - 1].hash != head:
        return (f"The sign-off signed a log of {count} entries that this log no longer holds: entries up to the "
                "approval were deleted or rewritten.")
    return None


def verify_audit_chain(store: Store, assessment_id: int, check: SignatureCheck | None = None,
                       anchor: tuple[int, str] | None = None) -> AuditCheck:
    """Check one version's audit chain: numbering, hashes, links, signatures (with `check`), the current status,
    and (`anchor`: the sign-off's count and head) that the signed part of the log is all still there."""
    try:
        item = store.assessments.get(assessment_id)
    except NotFoundError as exc:
        return AuditCheck(False, 0, (str(exc),))
    entries = history(store, assessment_id)
    problems = _chain_problems(store, item.uid, item.version_number, entries, check)
    extra = (_status_problem(entries, item.status.value), _anchor_problem(entries, anchor) if anchor else None)
    problems.extend(p for p in extra if p)
    unsigned = sum(1 for e in entries if not e.signer_key)
    return AuditCheck(not problems, len(entries), tuple(problems), unsigned)

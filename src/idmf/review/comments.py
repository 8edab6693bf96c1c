"""Reviewer comments: anchored to a question (or a whole step), threaded replies, resolve and reopen.

An anchor is a question id ("pc_age") or "step:" and a section or group id ("step:impact"), since a step
and a question may share an id (the "aims" step holds the "aims" question).

Comments belong to one assessment version (uid + version number), so they travel between databases in
review files; each has an `origin` id given where it was written, which makes merging idempotent.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Iterable

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection

from idmf.domain.assessment import Assessment
from idmf.domain.questions import APPROVAL_EDI_PARTNER
from idmf.domain.times import aware, utc, utcnow
from idmf.forms.schema import FormDefinition
from idmf.review.errors import CommentError
from idmf.review.workflow import Role, default_person
from idmf.storage.store import Store

MAX_BODY = 20_000  # characters in one comment
STEP_PREFIX = "step:"


def step_anchor(section_id: str) -> str:
    """The anchor of a comment on a whole step (or a group of questions within one)."""
    return f"{STEP_PREFIX}{section_id}"


def valid_anchors(form: FormDefinition) -> set[str]:
    """Every anchor a comment may have on this form."""
    steps = {s.id for s in form.sections} | {g.id for s in form.sections for g in s.groups}
    return {q.id for q in form.questions()} | {step_anchor(s) for s in steps}


@dataclass(frozen=True)
class Comment:
    """One comment as the comments pane shows it (datetimes are aware UTC)."""

    id: int
    origin: str
    anchor: str  # question id or section id
    parent_id: int | None
    author: str
    role: str
    body: str
    created_at: dt.datetime
    resolved: bool
    resolved_by: str | None
    resolved_at: dt.datetime | None


@dataclass(frozen=True)
class Thread:
    """A comment and its replies."""

    comment: Comment
    replies: tuple[Comment, ...]

    @property
    def resolved(self) -> bool:
        return self.comment.resolved


def _comment(row) -> Comment:
    return Comment(row.id, row.origin, row.anchor, row.parent_id, row.author, row.role, row.body,
                   aware(row.created_at), bool(row.resolved), row.resolved_by, aware(row.resolved_at))


def _anchors(store: Store, assessment_id: int) -> tuple[str, int, set[str]]:
    item = store.assessments.get(assessment_id)
    return item.uid, item.version_number, valid_anchors(store.form_for(item))


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise CommentError("A comment cannot be empty.")
    if len(body) > MAX_BODY:
        raise CommentError(f"A comment can be at most {MAX_BODY:,} characters long.")
    return body


def add_comment(store: Store, assessment_id: int, anchor: str, body: str, author: str | None = None,
                role: Role | str = Role.REVIEWER) -> Comment:
    """Add a comment on a question (anchor: its id) or a whole step (anchor: step_anchor(section_id))."""
    uid, version, anchors = _anchors(store, assessment_id)
    if anchor not in anchors:
        raise CommentError(f"There is no question '{anchor}' in this assessment's form (for a whole step, "
                           f"write {STEP_PREFIX}<step id>).")
    return _insert(store, uid, version, anchor, None, _clean_body(body), (author or default_person()).strip(),
                   Role(role).value)


def reply(store: Store, parent_id: int, body: str, author: str | None = None,
          role: Role | str = Role.LEAD) -> Comment:
    """Reply to a comment (a reply to a reply joins the same thread)."""
    parent = _get_row(store, parent_id)
    root_id = parent.parent_id or parent.id
    return _insert(store, parent.assessment_uid, parent.version_number, parent.anchor, root_id,
                   _clean_body(body), (author or default_person()).strip(), Role(role).value)


def _insert(store: Store, uid: str, version: int, anchor: str, parent_id: int | None, body: str, author: str,
            role: str) -> Comment:
    now = utcnow(precise=True)
    new_id = store.comments.insert(origin=uuid.uuid4().hex, assessment_uid=uid, version_number=version,
                                   anchor=anchor, parent_id=parent_id, author=author, role=role, body=body,
                                   created_at=now, resolved=False, changed_at=now)
    return _comment(_get_row(store, new_id))


def add_imported(store: Store, uid: str, version: int, anchor: str, body: str, author: str,
                 created_at: dt.datetime, origin: str, parent_id: int | None = None,
                 conn: Connection | None = None, role: Role | str = Role.REVIEWER) -> int | None:
    """A comment brought in from another file (a Word comment), keeping its author and date; `origin` identifies
    it there, so bringing the same file in twice adds it once (None when it is already here)."""
    if store.comments.by_origins([origin], conn):
        return None
    body = _clean_body(body)
    return store.comments.insert(conn, origin=origin, assessment_uid=uid, version_number=version, anchor=anchor,
                                 parent_id=parent_id, author=(author or default_person()).strip()[:200],
                                 role=Role(role).value, body=body, created_at=utc(created_at),
                                 resolved=False, changed_at=utcnow(precise=True))


def _get_row(store: Store, comment_id: int):
    row = store.comments.get(comment_id)
    if row is None:
        raise CommentError(f"There is no comment with id {comment_id}.")
    return row


def _set_resolved(store: Store, comment_id: int, resolved: bool, person: str | None) -> Comment:
    root_id = _get_row(store, comment_id).parent_id or comment_id
    now = utcnow(precise=True)
    store.comments.change(root_id, resolved=resolved, changed_at=now, resolved_at=now if resolved else None,
                          resolved_by=(person or default_person()).strip() if resolved else None)
    return _comment(_get_row(store, root_id))


def resolve(store: Store, comment_id: int, person: str | None = None) -> Comment:
    """Mark a comment's thread as resolved."""
    return _set_resolved(store, comment_id, True, person)


def reopen(store: Store, comment_id: int, person: str | None = None) -> Comment:
    """Open a resolved thread again."""
    return _set_resolved(store, comment_id, False, person)


def comments_for(store: Store, assessment_id: int, item: Assessment | None = None) -> list[Comment]:
    """Every comment of an assessment (by its database id, or the loaded `item` itself), oldest first."""
    item = item if item is not None else store.assessments.get(assessment_id)
    return [_comment(row) for row in store.comments.for_version(item.uid, item.version_number)]


def threads(store: Store, assessment_id: int, anchor: str | None = None,
            include_resolved: bool = True, item: Assessment | None = None) -> list[Thread]:
    """Comment threads, optionally only those on one question or step, or only open ones (`item`: the
    assessment already loaded, so it is not read again)."""
    everything = comments_for(store, assessment_id, item)
    roots = [c for c in everything if c.parent_id is None and (anchor is None or c.anchor == anchor)]
    return [Thread(root, tuple(c for c in everything if c.parent_id == root.id))
            for root in roots if include_resolved or not root.resolved]


def open_counts(store: Store, assessment_id: int) -> dict[str, int]:
    """Open threads per anchor: the comment markers beside questions and in the step list."""
    counts: dict[str, int] = {}
    for thread in threads(store, assessment_id, include_resolved=False):
        counts[thread.comment.anchor] = counts.get(thread.comment.anchor, 0) + 1
    return counts


class PortableComment(BaseModel):
    """A comment as written into a review file (comments.json)."""

    model_config = ConfigDict(extra="forbid")

    origin: str = Field(pattern=r"^[0-9a-f]{32}$")
    parent_origin: str | None = Field(default=None, pattern=r"^[0-9a-f]{32}$")
    anchor: str = Field(min_length=1, max_length=80)
    author: str = Field(max_length=200)
    role: Role
    body: str = Field(min_length=1, max_length=MAX_BODY)
    created_at: dt.datetime
    resolved: bool = False
    resolved_by: str | None = Field(default=None, max_length=200)
    resolved_at: dt.datetime | None = None
    changed_at: dt.datetime


def export_comments(store: Store, uid: str, version: int, conn: Connection | None = None) -> list[PortableComment]:
    """The comments of a version, ready for a review file."""
    rows = sorted(store.comments.for_version(uid, version, conn), key=lambda row: row.id)
    origins = {row.id: row.origin for row in rows}
    return [PortableComment(
        origin=row.origin, parent_origin=origins.get(row.parent_id), anchor=row.anchor, author=row.author,
        role=row.role, body=row.body, created_at=aware(row.created_at), resolved=bool(row.resolved),
        resolved_by=row.resolved_by, resolved_at=aware(row.resolved_at), changed_at=aware(row.changed_at))
        for row in rows]


@dataclass(frozen=True)
class MergeResult:
    added: int
    updated: int


def merge_comments(store: Store, conn: Connection, uid: str, version: int, incoming: Iterable[PortableComment],
                   signed_by: tuple[str, str] | None = None) -> MergeResult:
    """Add comments not yet here; take the newer resolved state of those already here (in the caller's
    transaction). Safe to repeat. With `signed_by` (name, role: who signed the file they came in), new comments
    and resolutions are written in that person's name, whatever the file's own fields say."""
    if signed_by is not None:
        name, role = signed_by
        incoming = [c.model_copy(update={"author": name, "role": Role(role),
                                         "resolved_by": name if c.resolved else None}) for c in incoming]
    items = sorted(incoming, key=lambda c: c.parent_origin is not None)  # threads before their replies
    added = updated = 0
    wanted = {c.origin for c in items} | {c.parent_origin for c in items if c.parent_origin}
    local = store.comments.by_origins(wanted, conn)
    for item in items:
        existing = local.get(item.origin)
        if existing is None:
            local[item.origin] = _merge_new(store, conn, uid, version, item, local)
            added += 1
        elif (existing.assessment_uid, existing.version_number) == (uid, version) \
                and _precise(item.changed_at) > existing.changed_at:
            store.comments.change(existing.id, conn, resolved=item.resolved, resolved_by=item.resolved_by,
                                  changed_at=_precise(item.changed_at), resolved_at=_precise(item.resolved_at))
            updated += 1
    return MergeResult(added, updated)


def keep_verdict_as_comment(store: Store, conn: Connection, manifest, verdict, reviewer: str, reason: str) -> str:
    """A verdict that may no longer be applied, kept as a comment on the EDI partner question (once per reply);
    returns the sentence saying so."""
    label = "EDI assurance given" if verdict.verdict == "assured" else "Changes requested"
    body = (f"Verdict in an earlier review reply, not applied because {reason}: {label}."
            f"{' ' + verdict.comment if verdict.comment else ''}")
    if store.comments.by_origins({manifest.reply_id}, conn).get(manifest.reply_id) is None:
        now = utcnow(precise=True)
        store.comments.insert(conn, origin=manifest.reply_id, assessment_uid=manifest.assessment_uid,
                              version_number=manifest.version_number, anchor=APPROVAL_EDI_PARTNER, parent_id=None,
                              author=reviewer, role=Role.REVIEWER.value, body=body[:MAX_BODY], created_at=now,
                              resolved=False, changed_at=now)
    return (f"Its verdict ({label}) is not applied because {reason}; it is kept as a comment beside “EDI "
            "partner”. Ask the reviewer to reply to your latest review file.")


def _precise(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else utc(value, precise=True)


def _merge_new(store: Store, conn: Connection, uid: str, version: int, item: PortableComment, local: dict):
    parent = local.get(item.parent_origin) if item.parent_origin else None
    new_id = store.comments.insert(
        conn, origin=item.origin, assessment_uid=uid, version_number=version, anchor=item.anchor,
        parent_id=parent.id if parent is not None else None, author=item.author, role=item.role.value,
        body=item.body, created_at=_precise(item.created_at), resolved=item.resolved,
        resolved_by=item.resolved_by, resolved_at=_precise(item.resolved_at), changed_at=_precise(item.changed_at))
    return store.comments.get(new_id, conn)

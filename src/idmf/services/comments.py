"""The comments service: reviewer and lead comments on questions and steps, threads, resolve and reopen."""

from __future__ import annotations

from idmf.domain.assessment import Assessment
from idmf.review import comments
from idmf.review.workflow import Role
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store


class CommentService:
    """Adds and changes comments; every change is announced so markers and panes refresh."""

    def __init__(self, store: Store, changes: ChangeNotifier) -> None:
        self.store = store
        self.changes = changes

    def threads(self, assessment_id: int, anchor: str | None = None,
                include_resolved: bool = True, assessment: Assessment | None = None) -> list[comments.Thread]:
        """Comment threads, optionally only those on one question or step, or only open ones (`assessment`:
        the one already loaded with that id, so it is not read again)."""
        return comments.threads(self.store, assessment_id, anchor, include_resolved, assessment)

    def open_counts(self, assessment_id: int) -> dict[str, int]:
        """Open threads per anchor (question id or step)."""
        return comments.open_counts(self.store, assessment_id)

    def add(self, assessment_id: int, anchor: str, body: str, author: str | None = None,
            role: Role | str = Role.REVIEWER) -> comments.Comment:
        """Comment on a question (anchor: its id) or a whole step (anchor: comments.step_anchor(id))."""
        made = comments.add_comment(self.store, assessment_id, anchor, body, author, role)
        self.changes.publish(Changes(assessment_id, comments=True))
        return made

    def reply(self, assessment_id: int, parent_id: int, body: str, author: str | None = None,
              role: Role | str = Role.LEAD) -> comments.Comment:
        """Reply to a comment of this assessment (a reply to a reply joins the same thread)."""
        made = comments.reply(self.store, parent_id, body, author, role)
        self.changes.publish(Changes(assessment_id, comments=True))
        return made

    def set_resolved(self, assessment_id: int, comment_id: int, resolved: bool,
                     person: str | None = None) -> comments.Comment:
        """Resolve (or reopen) a comment's thread."""
        change = comments.resolve if resolved else comments.reopen
        done = change(self.store, comment_id, person)
        self.changes.publish(Changes(assessment_id, comments=True))
        return done

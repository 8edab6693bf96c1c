"""The review workflow as ONE declarative table, and the service that moves an assessment through it.

`WORKFLOW[status][role]` says which answers that role may edit in that status and which actions it may
take; each action (`Go`) names the status it leads to, the conditions it needs and the answers it clears.
The GUI reads the same table (`editable_fields`, `allowed_actions`) instead of scattering conditionals.

Statuses: Draft → In EDI review → Changes requested → Ready for committee → Approved. An approved version
whose review date has passed reads "Review due" (`display_status`); it is derived, never stored.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection

from idmf.domain.assessment import Assessment, Status
from idmf.domain.questions import APPROVAL_COMMITTEE, APPROVAL_EDI_DATE, APPROVAL_EDI_PARTNER, APPROVAL_MEETING_DATE
from idmf.review import audit, team
from idmf.review.errors import NotReadyError, ReadOnlyError, WorkflowError
from idmf.review.readiness import check
from idmf.storage.store import Store


class Role(StrEnum):
    """Who is acting."""

    LEAD = "lead"
    REVIEWER = "reviewer"
    COMMITTEE = "committee"

    @property
    def label(self) -> str:
        return {"lead": "project lead", "reviewer": "EDI partner", "committee": "committee secretary"}[self.value]


class Action(StrEnum):
    """The explicit steps of the workflow (CLI spelling: submit-for-review…)."""

    SUBMIT_FOR_REVIEW = "submit_for_review"
    WITHDRAW = "withdraw"
    REQUEST_CHANGES = "request_changes"
    SUBMIT_FOR_COMMITTEE = "submit_for_committee"
    SEND_BACK = "send_back"
    APPROVE = "approve"
    REVISE = "revise"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.SUBMIT_FOR_REVIEW: "Submit for EDI review", Action.WITHDRAW: "Withdraw to draft",
    Action.REQUEST_CHANGES: "Request changes", Action.SUBMIT_FOR_COMMITTEE: "Submit for committee",
    Action.SEND_BACK: "Send back for changes", Action.APPROVE: "Approve (committee sign-off)",
    Action.REVISE: "Revise (start a new version)",
}

REVIEW_DATE = "review_date"  # not a question: the assessment's own review date, which Revise clears
ALL = frozenset({"*"})  # every question of the form
NONE: frozenset[str] = frozenset()
EDI_FIELDS = frozenset({APPROVAL_EDI_PARTNER, APPROVAL_EDI_DATE})
COMMITTEE_FIELDS = frozenset({APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE})

# Conditions an action can require.
NO_BLOCKING = "no_blocking"  # the readiness check finds nothing blocking
COMMENT = "comment"  # the person must say why
SIGNOFF = "signoff"  # needs committee, meeting date and approver: done by idmf.review.signoff.approve


@dataclass(frozen=True)
class Go:
    """One allowed action: where it leads, what it needs, what it clears (question ids, or 'review_date')."""

    to: Status
    when: tuple[str, ...] = ()
    clears: tuple[str, ...] = ()
    new_version: bool = False  # revise: the change happens on a new version n+1


@dataclass(frozen=True)
class Permission:
    """What one role may do in one status."""

    edit: frozenset[str] = NONE
    actions: dict[Action, Go] = field(default_factory=dict)
    comment: bool = True  # every role may comment in every status


WORKFLOW: dict[Status, dict[Role, Permission]] = {
    Status.DRAFT: {
        Role.LEAD: Permission(ALL, {Action.SUBMIT_FOR_REVIEW: Go(Status.IN_REVIEW)}),
        Role.REVIEWER: Permission(), Role.COMMITTEE: Permission(),
    },
    Status.IN_REVIEW: {
        Role.LEAD: Permission(NONE, {Action.WITHDRAW: Go(Status.DRAFT, clears=(APPROVAL_EDI_DATE,))}),
        Role.REVIEWER: Permission(EDI_FIELDS, {
            Action.REQUEST_CHANGES: Go(Status.CHANGES_REQUESTED, when=(COMMENT,)),
            Action.SUBMIT_FOR_COMMITTEE: Go(Status.READY_FOR_COMMITTEE, when=(NO_BLOCKING,)),
        }),
        Role.COMMITTEE: Permission(),
    },
    Status.CHANGES_REQUESTED: {
        Role.LEAD: Permission(ALL, {Action.SUBMIT_FOR_REVIEW: Go(Status.IN_REVIEW)}),
        Role.REVIEWER: Permission(), Role.COMMITTEE: Permission(),
    },
    Status.READY_FOR_COMMITTEE: {
        Role.LEAD: Permission(NONE, {Action.WITHDRAW: Go(Status.DRAFT, clears=(APPROVAL_EDI_DATE,))}),
        Role.REVIEWER: Permission(),
        Role.COMMITTEE: Permission(COMMITTEE_FIELDS, {
            Action.APPROVE: Go(Status.APPROVED, when=(SIGNOFF,)),
            Action.SEND_BACK: Go(Status.CHANGES_REQUESTED, when=(COMMENT,),
                                 clears=(APPROVAL_MEETING_DATE, APPROVAL_EDI_DATE)),
        }),
    },
    Status.APPROVED: {
        Role.LEAD: Permission(NONE, {Action.REVISE: Go(Status.DRAFT, new_version=True, clears=(
            APPROVAL_MEETING_DATE, APPROVAL_EDI_DATE, REVIEW_DATE))}),
        Role.REVIEWER: Permission(), Role.COMMITTEE: Permission(),
    },
}


def permission(status: Status | str, role: Role | str) -> Permission:
    """The table cell for a status and role."""
    return WORKFLOW[Status(status)][Role(role)]


def allowed_actions(status: Status | str, role: Role | str) -> dict[Action, Go]:
    """Actions a role may take in a status (the buttons the GUI shows)."""
    return dict(permission(status, role).actions)


def can_edit(status: Status | str, role: Role | str, question_id: str) -> bool:
    """Whether a role may change one answer in a status."""
    edit = permission(status, role).edit
    return "*" in edit or question_id in edit


def editable_fields(status: Status | str, role: Role | str, question_ids: list[str]) -> set[str]:
    """Which of the given questions a role may change in a status (all others are read-only)."""
    return {qid for qid in question_ids if can_edit(status, role, qid)}


def is_review_due(status: Status, review_date: dt.date | None, today: dt.date) -> bool:
    """An approved version whose review date has come."""
    return status == Status.APPROVED and review_date is not None and review_date <= today


def display_status(status: Status, review_date: dt.date | None, today: dt.date | None = None) -> str:
    """The status as the dashboard shows it, with the derived "Review due"."""
    return "Review due" if is_review_due(status, review_date, today or dt.date.today()) else status.label


def default_person() -> str:
    """The OS login name (the GUI shows it in an editable box)."""
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on this system
        return "unknown"


def parse_action(action: Action | str) -> Action:
    """An action from its name ('submit-for-review' or 'submit_for_review')."""
    try:
        return Action(str(action).strip().lower().replace("-", "_"))
    except ValueError:
        known = ", ".join(a.value.replace("_", "-") for a in Action)
        raise WorkflowError(f"Unknown action '{action}'. Known actions: {known}.") from None


def _refusal(action: Action, status: Status, role: Role) -> WorkflowError:
    options = ", ".join(f"“{a.label}”" for a in allowed_actions(status, role)) or "only add comments"
    return WorkflowError(f"“{action.label}” is not possible now: the assessment is “{status.label}”. "
                         f"As {role.label} you can: {options}.")


def why_not(status: Status | str, role: Role | str, action: Action | str) -> str | None:
    """Why a role may not take an action in a status, in words (None when the table allows it)."""
    action, status, role = parse_action(action), Status(status), Role(role)
    return None if action in allowed_actions(status, role) else str(_refusal(action, status, role))


def check_allowed(store: Store, item: Assessment, action: Action, role: Role, comment: str,
                  today: dt.date) -> Go:
    """The table entry for this action, after checking status, role and every condition it needs."""
    go = allowed_actions(item.status, role).get(action)
    if go is None:
        raise _refusal(action, item.status, role)
    if COMMENT in go.when and not comment.strip():
        raise WorkflowError(f"“{action.label}” needs a comment saying what should change.")
    if NO_BLOCKING in go.when:
        report = check(item, store.form_for(item), today)
        if report.blocking:
            raise NotReadyError(f"This assessment cannot go to committee yet: {report.summary()}",
                                blocking=len(report.blocking))
    return go


def record_status(store: Store, conn: Connection, item: Assessment, to: Status, action: Action, person: str,
                  role: Role, comment: str, signer: audit.Signer, person_key: str | None = None,
                  **changes: Any) -> audit.AuditEntry:
    """Change the status (optimistic row check) and append the entry `signer` signs, in the caller's transaction;
    in team mode the database does both (idmf.review.team)."""
    if team.active(store):
        return team.record(store, conn, item, to, action.value, comment, signer, **changes)
    store.assessments.update_meta(item.id, item.row_version, conn=conn, status=to, **changes)
    item.row_version += 1
    return audit.append(store, conn, item.id, item.uid, item.version_number, action=action.value,
                        from_status=item.status.value, to_status=to.value, person=person, role=role.value,
                        signer=signer, comment=comment.strip(), person_key=person_key)


def clear_answers(store: Store, conn: Connection, item: Assessment, fields: tuple[str, ...]) -> list[str]:
    """Empty the answers a transition clears (in the caller's transaction); returns the ids that held something."""
    form = store.form_for(item)
    cleared = []
    for qid in fields:
        if qid != REVIEW_DATE and item.answers.get(qid) is not None:
            store.assessments.store_answer(item, form, qid, None, conn)
            cleared.append(qid)
    return cleared


def _held(item: Assessment, fields: tuple[str, ...]) -> list[str]:
    return [qid for qid in fields if qid != REVIEW_DATE and item.answers.get(qid) is not None]


@dataclass(frozen=True)
class TransitionResult:
    """What a transition did: the assessment as it is now (the new version for 'revise')."""

    assessment: Assessment
    entry: audit.AuditEntry
    cleared: tuple[str, ...] = ()


def ensure_workflow_target(store: Store, assessment_id: int, conn: Connection | None = None) -> Assessment:
    """Load an assessment that this database may move through the workflow."""
    if store.review_copies.get(assessment_id, conn) is not None:
        raise ReadOnlyError("This is a copy received for review: its status is kept in the project lead's "
                            "database. Record your verdict in a reply file instead.")
    return store.assessments.get(assessment_id, conn)


def plan(store: Store, assessment_id: int, action: Action | str, role: Role | str, comment: str,
         today: dt.date, conn: Connection | None = None) -> tuple[Assessment, Action, Go]:
    """Check that an action may be taken now, writing nothing; refused with a plain reason."""
    action, role = parse_action(action), Role(role)
    item = ensure_workflow_target(store, assessment_id, conn)
    go = check_allowed(store, item, action, role, comment, today)
    if SIGNOFF in go.when:
        raise WorkflowError("Approving needs the committee name, the meeting date and the approver: use "
                            "“Approve” (idmf-cli approve).")
    return item, action, go


def transition(store: Store, assessment_id: int, action: Action | str, person: str, comment: str = "",
               role: Role | str = Role.LEAD, today: dt.date | None = None, conn: Connection | None = None, *,
               signer: audit.Signer, person_key: str | None = None) -> TransitionResult:
    """Take one workflow action as `person` in `role`, with a comment, in one transaction (or the caller's); the
    audit entry is signed by `signer` (whose authority for the role the caller has checked; `person_key`: the
    key of `person` when they are not the signer)."""
    person, role = person.strip(), Role(role)
    with store.transaction(conn) as c:
        item, action, go = plan(store, assessment_id, action, role, comment, today or dt.date.today(), c)
        if go.new_version:
            return _revise(store, c, item, go, person, role, comment, signer)
        cleared = (_held(item, go.clears) if team.active(store)  # the database clears them with the status
                   else clear_answers(store, c, item, go.clears))
        extra = {REVIEW_DATE: None} if REVIEW_DATE in go.clears else {}
        entry = record_status(store, c, item, go.to, action, person, role, comment, signer, person_key, **extra)
        return TransitionResult(store.assessments.get(assessment_id, c), entry, tuple(cleared))


def _revise(store: Store, conn: Connection, source: Assessment, go: Go, person: str, role: Role,
            comment: str, signer: audit.Signer) -> TransitionResult:
    """Start version n+1 as a draft from an approved version (which stays as it is: locked once signed off)."""
    newer = [v for v in store.assessments.versions(source.uid, conn) if v.version_number > source.version_number]
    if newer:
        raise WorkflowError(f"Version {newer[-1].version_number} of this assessment already exists (id "
                            f"{newer[-1].id}): open it to make changes.")
    copy = store.assessments.duplicate_as_new_version(source.id, conn)
    cleared = clear_answers(store, conn, copy, go.clears)
    copy = store.assessments.get(copy.id, conn)
    note = f"Version {copy.version_number} started from signed-off version {source.version_number}."
    store.assessments.update_meta(copy.id, copy.row_version, conn=conn, review_date=None)
    if team.active(store):
        entry = team.record(store, conn, copy, Status.DRAFT, Action.REVISE.value, f"{note} {comment.strip()}",
                            signer, from_status=Status.APPROVED)
        return TransitionResult(store.assessments.get(copy.id, conn), entry, tuple(cleared))
    entry = audit.append(store, conn, copy.id, copy.uid, copy.version_number, action=Action.REVISE.value,
                         from_status=Status.APPROVED.value, to_status=Status.DRAFT.value, person=person,
                         role=role.value, signer=signer, comment=f"{note} {comment.strip()}".strip())
    return TransitionResult(store.assessments.get(copy.id, conn), entry, tuple(cleared))

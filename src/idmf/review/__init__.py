"""EDI review and committee sign-off (headless; the GUI builds on these functions).

Readiness check (idmf.review.readiness)
    check(assessment, form, today) -> ReadinessReport
        .findings / .blocking / .warnings / .ready / .counts() {step: StepCount} / .for_step(id)
        .for_question(id) / .summary() / .to_json();  Finding(rule_id, severity, step, question_id, message, row)
    RULES: every registered rule (id, step, severity, title)

Workflow (idmf.review.workflow) — one declarative table, WORKFLOW[status][role] -> Permission(edit, actions)
    transition(store, assessment_id, action, person, comment="", role="lead", today=None, signer=…)
    allowed_actions(status, role), why_not(status, role, action), can_edit(status, role, qid),
    editable_fields(status, role, qids)
    display_status(status, review_date, today) ("Review due"), default_person()
    idmf.review.state: needs_you(context, today), is_locked / is_review_copy / is_read_only(engine, id)

Comments (idmf.review.comments)
    add_comment(context, id, anchor, body, author, role), reply(context, parent_id, body, author, role),
    resolve / reopen(context, comment_id, person), threads(context, id, anchor=None, include_resolved=True),
    open_counts(context, id) {anchor: open threads}

Sign-off and versions (idmf.review.signoff, idmf.review.diff, idmf.review.audit)
    approve(store, id, committee, meeting_date, approver, person, …, signer=…, seal=…) -> Signoff
    signoff_for(store, id); "Revise" is transition(..., "revise", ...)
    diff_versions(a, b, form) -> [QuestionDiff]
    history(store, id), verify_audit_chain(store, id, check, anchor) -> AuditCheck (signed entries)

Review files (idmf.review.exchange, format in idmf.review.reviewfile, verdicts in idmf.review.verdicts)
    export_review_request(store, id, out, author), import_review_file(store, rf, author, recorder) -> ImportOutcome,
    set_verdict(store, copy_id, verdict, person, comment), export_review_reply(store, copy_id, out, author)

Keys and signatures are idmf.signing's; idmf.services joins the two (the signer is passed in, never imported).
"""

from idmf.review.errors import (
    CommentError,
    NotReadyError,
    ReadOnlyError,
    ReviewError,
    ReviewFileError,
    SignoffError,
    WorkflowError,
)
from idmf.review.readiness import RULES, Finding, ReadinessReport, Severity, check
from idmf.review import rules as _rules  # noqa: E402,F401 - importing the package registers every rule

__all__ = [
    "RULES",
    "CommentError",
    "Finding",
    "NotReadyError",
    "ReadOnlyError",
    "ReadinessReport",
    "ReviewError",
    "ReviewFileError",
    "Severity",
    "SignoffError",
    "WorkflowError",
    "check",
]

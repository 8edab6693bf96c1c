"""The review service: the readiness check, workflow steps, committee sign-off, verification and history."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from idmf.domain.questions import APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE
from idmf.domain.summary import AssessmentSummary
from idmf.review import audit, signoff, state, wordcheck, workflow
from idmf.review.diff import QuestionDiff, diff_versions
from idmf.review.errors import SignoffError
from idmf.review.readiness import ReadinessReport, check
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store


def verify_docx(path: Path, store: Store | None = None) -> signoff.Verification:
    """Check a Word file's footer fingerprint against its embedded content (and the database's sign-off)."""
    from idmf.export.embed import read_embedded_json  # python-docx and lxml only when a Word file is read
    from idmf.export.footer import footer_fingerprint

    path = Path(path)
    if not path.exists():
        raise SignoffError(f"The file {path} was not found.")
    printed = footer_fingerprint(path)
    if printed is None:
        return wordcheck.no_fingerprint(path.name)
    try:
        document = json.loads(read_embedded_json(path))
    except json.JSONDecodeError:
        raise SignoffError(f"The assessment embedded in {path.name} is damaged (not valid JSON).") from None
    meta = document.get("assessment") if isinstance(document, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    signed = None
    if store is not None:
        signed = signoff.signoff_by_uid(store, str(meta.get("uid")), int(meta.get("version_number") or 0))
    return wordcheck.verify_word_content(path.name, printed, document, signed, with_database=store is not None)


class ReviewService:
    """Moves assessments through review to sign-off; every step is one transaction and one change notice."""

    def __init__(self, store: Store, changes: ChangeNotifier) -> None:
        self.store = store
        self.changes = changes

    # --- questions --------------------------------------------------------------------------------------------
    def check(self, assessment_id: int, today: dt.date | None = None) -> ReadinessReport:
        """What stands between an assessment and committee."""
        item = self.store.assessments.get(assessment_id)
        return check(item, self.store.form_for(item), today or dt.date.today())

    def is_locked(self, assessment_id: int) -> bool:
        """True for a signed-off version."""
        return self.store.assessments.is_locked(assessment_id)

    def is_review_copy(self, assessment_id: int) -> bool:
        """True for a copy received from a lead for review."""
        return self.store.review_copies.get(assessment_id) is not None

    def is_read_only(self, assessment_id: int) -> bool:
        """Whether every answer must be shown read-only (signed off, or a review copy)."""
        return state.is_read_only(self.store, assessment_id)

    def needs_you(self, today: dt.date | None = None,
                  summaries: list[AssessmentSummary] | None = None) -> state.NeedsYou:
        """Assessments waiting for someone, by kind (from `summaries` when the caller already has them)."""
        rows = summaries if summaries is not None else self.store.assessments.list()
        return state.needs_you_from(rows, today)

    def signoff_for(self, assessment_id: int) -> signoff.Signoff | None:
        """The sign-off of a version (None when it is not signed off)."""
        return signoff.signoff_for(self.store, assessment_id)

    def verify_stored(self, assessment_id: int) -> signoff.Verification:
        """Recompute a signed-off version's fingerprint and compare it with its sign-off."""
        return signoff.verify_stored(self.store, assessment_id)

    def verify_docx(self, path: Path) -> signoff.Verification:
        """Verify a signed-off Word file against itself and this database's sign-off."""
        return verify_docx(path, self.store)

    def history(self, assessment_id: int) -> list[audit.AuditEntry]:
        """Every status change of one version, oldest first (NotFoundError when there is no such version)."""
        self.store.assessments.get(assessment_id)
        return audit.history(self.store, assessment_id)

    def verify_audit(self, assessment_id: int) -> audit.AuditCheck:
        """Check one version's hash-chained audit log."""
        return audit.verify_audit_chain(self.store, assessment_id)

    def diff(self, before_id: int, after_id: int) -> list[QuestionDiff]:
        """What changed between two versions, question by question."""
        before, after = self.store.assessments.get(before_id), self.store.assessments.get(after_id)
        return diff_versions(before, after, self.store.form_for(after))

    # --- changes ----------------------------------------------------------------------------------------------
    def transition(self, assessment_id: int, action: workflow.Action | str, person: str | None = None,
                   comment: str = "", role: workflow.Role | str = workflow.Role.LEAD,
                   today: dt.date | None = None) -> workflow.TransitionResult:
        """Take one workflow action; refused with a plain reason (nothing changed)."""
        result = workflow.transition(self.store, assessment_id, action, person, comment, role, today)
        new = result.assessment
        self.changes.publish(Changes(assessment_id, status=True, listing=True, answers=frozenset(result.cleared),
                                     opened=new.id if new.id != assessment_id else None))
        return result

    def approve(self, assessment_id: int, committee: str, meeting_date: dt.date, approver: str,
                person: str | None = None, comment: str = "", today: dt.date | None = None,
                review_date: dt.date | None = None) -> signoff.Signoff:
        """Record the committee's approval, fingerprint the content and lock the version."""
        signed = signoff.approve(self.store, assessment_id, committee, meeting_date, approver, person, comment,
                                 today, review_date)
        self.changes.publish(Changes(assessment_id, status=True, listing=True,
                                     answers=frozenset({APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE})))
        return signed

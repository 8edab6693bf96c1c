"""The review service: the readiness check, workflow steps, committee sign-off, verification and history.

Every workflow step is signed by the key of the person taking it; the signing service says whose key that is
and refuses a role the key is not trusted for (a role named on the command line grants nothing by itself).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from idmf.domain.questions import APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE
from idmf.domain.summary import AssessmentSummary
from idmf.review import audit, signoff, state, workflow
from idmf.review.diff import QuestionDiff, diff_versions
from idmf.review.errors import SignoffError
from idmf.review.readiness import ReadinessReport, check
from idmf.services import signoffs
from idmf.services.changes import ChangeNotifier, Changes
from idmf.services.signing import SigningService
from idmf.signing.errors import SigningError
from idmf.signing.signoff import read_signoff
from idmf.signing.verification import Verification
from idmf.storage.store import Store


class ReviewService:
    """Moves assessments through review to sign-off; every step is one transaction and one change notice."""

    def __init__(self, store: Store, changes: ChangeNotifier, signing: SigningService) -> None:
        self.store = store
        self.changes = changes
        self.signing = signing

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

    def verify_stored(self, assessment_id: int) -> Verification:
        """Check a signed-off version: Verified, Signed by someone you do not trust yet, or Not verified."""
        return signoffs.verify_stored(self.store, assessment_id, self.signing.trusted_roles,
                                      self.signing.check_signature)

    def verify_docx(self, path: Path) -> Verification:
        """Check a signed-off Word file: Verified, Signed by someone you do not trust yet, or Not verified."""
        path = Path(path)
        if not path.is_file():
            raise SignoffError(f"The file {path} was not found.")
        return signoffs.verify_docx(path, self.signing.trusted_roles, self.store)

    def history(self, assessment_id: int) -> list[audit.AuditEntry]:
        """Every status change of one version, oldest first (NotFoundError when there is no such version)."""
        self.store.assessments.get(assessment_id)
        return audit.history(self.store, assessment_id)

    def verify_audit(self, assessment_id: int) -> audit.AuditCheck:
        """Check one version's audit log: its chain, its signatures, and the part a sign-off signed."""
        return audit.verify_audit_chain(self.store, assessment_id, self.signing.check_signature,
                                        self._signed_head(assessment_id))

    def _signed_head(self, assessment_id: int) -> tuple[int, str] | None:
        signed = signoff.signoff_for(self.store, assessment_id)
        try:
            claim = read_signoff(signed.signature, "the sign-off")[1] if signed and signed.signature else None
        except SigningError:
            return None  # verify_stored says the sign-off itself is not valid
        return (claim.audit_count, claim.audit_head) if claim else None

    def diff(self, before_id: int, after_id: int) -> list[QuestionDiff]:
        """What changed between two versions, question by question."""
        before, after = self.store.assessments.get(before_id), self.store.assessments.get(after_id)
        return diff_versions(before, after, self.store.form_for(after))

    # --- changes ----------------------------------------------------------------------------------------------
    def transition(self, assessment_id: int, action: workflow.Action | str, person: str | None = None,
                   comment: str = "", role: workflow.Role | str = workflow.Role.LEAD,
                   today: dt.date | None = None) -> workflow.TransitionResult:
        """Take one workflow action, signed by `person`'s key (default: yours), which must be trusted for `role`;
        refused with a plain reason (nothing changed). Withdrawing voids the review requests sent."""
        role = self.signing.acting_role(role)  # team mode: your login's role, whatever was named
        identity = self.signing.actor(role, person)
        with self.store.transaction() as conn:
            result = workflow.transition(self.store, assessment_id, action, identity.name, comment, role, today,
                                         conn, signer=identity)
            if workflow.parse_action(action) == workflow.Action.WITHDRAW:
                item = result.assessment
                self.store.exchanges.withdraw_requests(item.uid, item.version_number, conn)
        new = result.assessment
        self.changes.publish(Changes(assessment_id, status=True, listing=True, answers=frozenset(result.cleared),
                                     opened=new.id if new.id != assessment_id else None))
        return result

    def approve(self, assessment_id: int, committee: str, meeting_date: dt.date, approver: str,
                person: str | None = None, comment: str = "", today: dt.date | None = None,
                review_date: dt.date | None = None) -> signoff.Signoff:
        """Record the committee's approval, signed by `person`'s key (default: yours), which must be trusted to
        sign off for a committee; the signed Word document is kept with it, and the version is locked."""
        identity = self.signing.actor(workflow.Role.COMMITTEE, person)
        signed = signoff.approve(self.store, assessment_id, committee, meeting_date, approver, identity.name,
                                 comment, today, review_date, signer=identity,
                                 seal=signoffs.sealer(self.store.form_for, identity))
        self.changes.publish(Changes(assessment_id, status=True, listing=True,
                                     answers=frozenset({APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE})))
        return signed

"""The review-file service: requests and replies (.idmf) exchanged by email between a lead and an EDI partner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from idmf.review import exchange
from idmf.services.changes import ChangeNotifier, Changes
from idmf.storage.store import Store


class ReviewFileService:
    """Writes and reads review files; importing one is a single transaction."""

    def __init__(self, store: Store, changes: ChangeNotifier) -> None:
        self.store = store
        self.changes = changes

    def export_request(self, assessment_id: int, out: Path, person: str | None = None) -> Path:
        """Write a review file of one of your own assessments for an EDI partner."""
        return exchange.export_review_request(self.store, assessment_id, Path(out), person)

    def export_reply(self, assessment_id: int, out: Path, person: str | None = None) -> Path:
        """Write your reply (comments and verdict) to a copy received for review."""
        return exchange.export_review_reply(self.store, assessment_id, Path(out), person)

    def set_verdict(self, assessment_id: int, verdict: str, person: str | None = None, comment: str = "") -> None:
        """The reviewer's verdict on a copy received for review: 'assured' or 'changes_requested'."""
        exchange.set_verdict(self.store, assessment_id, verdict, person, comment)
        self.changes.publish(Changes(assessment_id, status=True))

    def import_file(self, path: Path, person: str | None = None, today: dt.date | None = None,
                    apply_verdict: bool = True) -> exchange.ImportOutcome:
        """Import a review request (as a reviewer) or a reply (as the lead); refused with the exact reason."""
        outcome = exchange.import_review_file(self.store, Path(path), person, today, apply_verdict)
        self.changes.publish(Changes(outcome.assessment_id, comments=True, status=True, listing=True,
                                     opened=outcome.assessment_id))
        return outcome

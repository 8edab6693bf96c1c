"""The review-file service: signed requests and replies (.idmf) exchanged by email between a lead and an EDI
partner. Each file is signed by its author's key; who wrote a file is its signature, never its fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from idmf.review import exchange
from idmf.review.errors import ReviewFileError
from idmf.review.reviewfile import REPLY, read_review_file
from idmf.review.workflow import Role
from idmf.services.changes import ChangeNotifier, Changes
from idmf.services.signing import SigningService
from idmf.signing.errors import SigningError
from idmf.signing.identity import Identity
from idmf.signing.review import manifest_author, sign_manifest
from idmf.storage.store import Store


def _author(identity: Identity) -> exchange.Author:
    return exchange.Author(identity.name, identity.key_id, identity.card.describe(),
                           sign=lambda manifest: sign_manifest(identity, manifest))


class ReviewFileService:
    """Writes and reads review files; importing one is a single transaction."""

    def __init__(self, store: Store, changes: ChangeNotifier, signing: SigningService) -> None:
        self.store = store
        self.changes = changes
        self.signing = signing

    def export_request(self, assessment_id: int, out: Path, person: str | None = None) -> Path:
        """Write a review file of one of your own assessments for an EDI partner, signed with your key."""
        identity = self.signing.actor(Role.LEAD, person)
        return exchange.export_review_request(self.store, assessment_id, Path(out), _author(identity))

    def export_reply(self, assessment_id: int, out: Path, person: str | None = None) -> Path:
        """Write your reply (comments and verdict) to a copy received for review, signed with your key."""
        identity = self.signing.identity(person, create=True)
        self.signing.remember(identity.card)
        return exchange.export_review_reply(self.store, assessment_id, Path(out), _author(identity))

    def set_verdict(self, assessment_id: int, verdict: str, person: str | None = None, comment: str = "") -> None:
        """The reviewer's verdict on a copy received for review: 'assured' or 'changes_requested'."""
        name = self.signing.identity(person, create=True).name
        exchange.set_verdict(self.store, assessment_id, verdict, name, comment)
        self.changes.publish(Changes(assessment_id, status=True))

    def import_file(self, path: Path, person: str | None = None,
                    today: dt.date | None = None) -> exchange.ImportOutcome:
        """Import a review request (as a reviewer) or a reply (as the lead); refused with the exact reason."""
        path = Path(path)
        rf = read_review_file(path)
        try:
            card = manifest_author(rf.signature, rf.manifest_data, path.name)
        except SigningError as exc:
            raise ReviewFileError(str(exc)) from None
        self.signing.remember(card)  # seen, not trusted: the Trusted signers window lists it to compare
        author = exchange.Author(card.name, card.key_id, card.describe(),
                                 frozenset(self.signing.trusted_roles(card.key_id)))
        recorder = self.signing.actor(Role.LEAD, person) if rf.manifest.kind == REPLY else None
        outcome = exchange.import_review_file(self.store, rf, author, recorder, today)
        self.changes.publish(Changes(outcome.assessment_id, comments=True, status=True, listing=True,
                                     opened=outcome.assessment_id))
        return outcome

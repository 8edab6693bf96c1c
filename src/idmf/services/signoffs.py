"""Sign-off signed over what people read: the signed Word document made at approval, and checking a signed-off
Word file or a stored version, with one of three outcomes (idmf.signing.verification).

The signed document is kept with the sign-off, so a signed-off version is always issued exactly as it was
signed (a later version of the app may lay documents out differently). python-docx loads only when needed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import Callable

from idmf.domain.assessment import Assessment
from idmf.errors import IdmfError
from idmf.forms.schema import FormDefinition
from idmf.interchange import jsonio
from idmf.interchange.content import content_sha256
from idmf.review import audit
from idmf.review.audit import AuditEntry
from idmf.review.signoff import Seal, SealMaker, signoff_by_uid, signoff_for
from idmf.signing.cards import Card
from idmf.signing.envelope import parse_signed
from idmf.signing.errors import SigningError
from idmf.signing.identity import Identity
from idmf.signing.signoff import SignoffClaim, sign_signoff
from idmf.signing.verification import Evidence, Outcome, Verification, judge, not_verified
from idmf.storage.store import Store

TrustedRoles = Callable[[str], set[str]]


def footer_line(card: Card, committee: str, meeting_date: dt.date) -> str:
    """The footer line of a signed-off document: who signed it off, for which committee, and their key."""
    return (f"Signed off for {committee} on {meeting_date:%d/%m/%Y} by {card.name} · signer's key "
            f"{card.fingerprint}")


def signed_by(store: Store, assessment_id: int) -> str:
    """The footer line of a signed-off version, from its recorded statement ('' when not signed off)."""
    signoff = signoff_for(store, assessment_id)
    if signoff is None or not signoff.signature:
        return ""
    try:
        signer = parse_signed(signoff.signature, "this database").signer
    except SigningError:
        return ""
    return footer_line(signer, signoff.committee, signoff.meeting_date)


def _save(doc) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def sealer(form_for: Callable[[Assessment], FormDefinition], identity: Identity) -> SealMaker:
    """What `approve` calls inside its transaction to sign the approved version with `identity`."""

    def seal(item: Assessment, entry: AuditEntry, committee: str, meeting_date: dt.date, approver: str,
             signed_at: dt.datetime) -> Seal:
        from idmf.export.embed import embed_signature
        from idmf.export.visible import visible_text_sha256
        from idmf.export.writer import build_document

        doc = build_document(item, form_for(item), signed_by=footer_line(identity.card, committee, meeting_date))
        content = content_sha256(jsonio.to_document(item))
        claim = SignoffClaim(assessment_uid=item.uid, version_number=item.version_number, title=item.title,
                             content_sha256=content, visible_text_sha256=visible_text_sha256(_save(doc)),
                             committee=committee, meeting_date=meeting_date, approver=approver,
                             signed_at=signed_at, audit_head=entry.hash, audit_count=entry.seq)
        statement = sign_signoff(identity, claim).to_json()
        embed_signature(doc, statement)
        return Seal(content, identity.key_id, statement, _save(doc))

    return seal


def _content_of(text: str) -> str | None:
    try:
        return content_sha256(jsonio.parse_json(text))
    except (ValueError, TypeError, AttributeError, IdmfError):
        return None


def _recorded(statement: str | None) -> str | None:
    """The signature a recorded statement carries (None when there is none or it cannot be read)."""
    try:
        return parse_signed(statement, "this database").signature if statement else None
    except SigningError:
        return None


def _visible_hashes(path: Path) -> tuple[str, str | None]:
    """SHA-256 of a document's visible text and, for a committee pack, of its Appendix 1 (the Part B) alone."""
    from idmf.export.cover_text import APPENDIX_1
    from idmf.export.visible import canonical, visible_blocks

    blocks = visible_blocks(path)
    appendix = blocks[blocks.index(APPENDIX_1) + 1:] if APPENDIX_1 in blocks else None
    return (hashlib.sha256(canonical(blocks)).hexdigest(),
            hashlib.sha256(canonical(appendix)).hexdigest() if appendix else None)


def verify_docx(path: Path, trusted_roles: TrustedRoles, store: Store | None = None) -> Verification:
    """Check a Word file: its signature, its embedded assessment, its visible text, and (with a database that
    recorded the same version's sign-off) that record. A committee pack is checked by its Appendix 1, the
    signed Part B, and says that the cover sheet in front of it is not signed."""
    from idmf.export.embed import read_embedded_json, read_signature

    path = Path(path)
    try:
        statements, text = read_signature(path), read_embedded_json(path)
        visible, appendix = _visible_hashes(path)
    except IdmfError as exc:
        return not_verified(str(exc))
    if len(statements) > 1:
        return not_verified(f"{path.name} carries {len(statements)} sign-off signatures; a signed-off document "
                            "carries one, so one was added.")
    recorded, content = None, _content_of(text)
    if store is not None and statements and content is not None:
        meta = jsonio.parse_json(text).get("assessment") or {}
        signed = signoff_by_uid(store, str(meta.get("uid")), int(meta.get("version_number") or 0))
        recorded = _recorded(signed.signature) if signed else None
    evidence = Evidence(path.name, statements[0] if statements else None, content, visible, recorded)
    result = judge(evidence, trusted_roles)
    if result.outcome == Outcome.NOT_VERIFIED and appendix is not None:
        pack = judge(replace(evidence, what=f"{path.name} (its Appendix 1, the Part B)",
                             visible_text_sha256=appendix), trusted_roles)
        if pack.outcome != Outcome.NOT_VERIFIED:
            return replace(pack, message=f"{pack.message} The board paper cover sheet in front of it is not part "
                                         "of what was signed.")
    return result


def verify_stored(store: Store, assessment_id: int, trusted_roles: TrustedRoles,
                  check: audit.SignatureCheck) -> Verification:
    """Check a signed-off version in this database: its signature, its answers now, the document kept with it,
    and its audit log. No sign-off here is never 'Verified'."""
    from idmf.export.embed import read_embedded_json
    from idmf.export.visible import visible_text_sha256

    item = store.assessments.get(assessment_id)
    what = f"version {item.version_number} of “{item.title or 'untitled'}”"
    signed = signoff_for(store, assessment_id)
    if signed is None:
        return not_verified(f"{what} has no sign-off in this database, so there is nothing to verify.")
    document = store.signoffs.document(assessment_id)
    if not signed.signature or document is None:
        return not_verified(f"{what} was signed off by an older version of IDMF Desktop, before sign-offs were "
                            "signed by the approver, so nothing proves who signed it off.")
    entries = audit.history(store, assessment_id)
    evidence = Evidence(what, signed.signature, content_sha256(jsonio.to_document(item)),
                        visible_text_sha256(document),
                        audit_hash_at=lambda n: entries[n - 1].hash if 0 < n <= len(entries) else None)
    result = judge(evidence, trusted_roles)
    if result.outcome == Outcome.NOT_VERIFIED:
        return result
    if _content_of(read_embedded_json(document)) != evidence.content_sha256:
        return not_verified(f"the Word document kept for {what} holds other answers than the ones signed off.")
    chain = audit.verify_audit_chain(store, assessment_id, check, (result.claim.audit_count, result.claim.audit_head))
    return result if chain.ok else not_verified(chain.message)

"""Review replies carry authority only when signed by a trusted EDI reviewer and answering the latest request
for the current content. Each attack from issue 14 is tried as an attacker would, and must be refused in words
with nothing applied (the assessment's status and audit log unchanged)."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from idmf.domain.assessment import Status
from idmf.review.errors import ReviewFileError
from idmf.review.reviewfile import sha256
from idmf.signing.identity import Identity
from idmf.signing.review import sign_manifest
from tests.people import ORGANISATION, second_person
from tests.review.helpers import TODAY, ready_answers, store
from tests.signing.conftest import entries, write_zip

LEAD = "Lead Person"


@pytest.fixture
def esi(context, people, tmp_path):
    """Esi EDI's own app, whom the lead trusts as an EDI reviewer after comparing fingerprints."""
    app, card = second_person(tmp_path / "esi", "Esi EDI", "reviewer")
    context.signing.trust(card, "reviewer", card.fingerprint)
    yield app
    app.close()


@pytest.fixture
def in_review(context, form, people):
    item = store(context, form, ready_answers(form))
    context.review.transition(item.id, "submit_for_review", LEAD, role="lead", today=TODAY)
    context.comments.add(item.id, "summary", "Reviewer: is the unit's opening date fixed?", LEAD, "lead")
    return item


def send(context, item, tmp_path, name="request.idmf"):
    return context.review_files.export_request(item.id, tmp_path / name)


def reply(esi, request, tmp_path, verdict="assured", comment="", name="reply.idmf"):
    copy_id = esi.review_files.import_file(request).assessment_id
    esi.review_files.set_verdict(copy_id, verdict, comment=comment)
    return esi.review_files.export_reply(copy_id, tmp_path / name)


def state(context, item):
    """What a forged file must not change: the status and the audit log."""
    return context.assessments.get(item.id).status, len(context.review.history(item.id))


def reforge(path, out, manifest_change=None, comments_change=None, signer: Identity | None = None):
    """Change a review file's manifest and comments, recompute the hashes, and re-sign it with `signer`'s key
    (or keep the author's signature)."""
    parts = entries(path)
    if comments_change:
        comments = json.loads(parts["comments.json"])
        comments_change(comments)
        parts["comments.json"] = json.dumps(comments).encode()
    manifest = json.loads(parts["manifest.json"])
    manifest["comments_sha256"] = sha256(parts["comments.json"])
    if manifest_change:
        manifest_change(manifest)
    parts["manifest.json"] = json.dumps(manifest).encode()
    if signer is not None:
        parts["signature.json"] = sign_manifest(signer, manifest).encode()
    return write_zip(out, parts)


def _as_reply(manifest):
    manifest.update(kind="review-reply", reply_id=uuid.uuid4().hex)


def _assured_with_a_chair(comments):
    """The issue's forged reply: assured, the lead's comment resolved, a comment from a committee chair."""
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1)).isoformat()
    comments["verdict"] = {"verdict": "assured", "by": "Prof. Committee Chair", "comment": "", "at": later}
    comments["comments"][0].update(resolved=True, resolved_by="Prof. Committee Chair", resolved_at=later,
                                   changed_at=later)
    comments["comments"].append({"origin": uuid.uuid4().hex, "anchor": "summary", "author": "Prof. Committee Chair",
                                 "role": "committee", "body": "Approved in principle.", "created_at": later,
                                 "changed_at": later})


@pytest.mark.parametrize("resigned_by, refusal", [
    (None, "does not match its manifest: the file was changed after it was signed"),
    ("lead", "signed by Lead Person \\(project lead, Test NHS Trust\\), key .*, whom you do not trust as an EDI "
             "reviewer"),
    ("impostor", "signed by Esi EDI \\(EDI reviewer, Test NHS Trust\\), key .*, whom you do not trust as an EDI "
                 "reviewer yet, so nothing was imported"),
])
def test_a_reply_forged_from_the_leads_own_request_is_refused(context, esi, in_review, tmp_path, resigned_by, refusal):
    request = send(context, in_review, tmp_path)
    signer = {None: None, "lead": context.signing.identity(LEAD),
              "impostor": Identity.new("Esi EDI", "reviewer", ORGANISATION)}[resigned_by]
    forged = reforge(request, tmp_path / "forged.idmf", _as_reply, _assured_with_a_chair, signer)
    before = state(context, in_review)
    with pytest.raises(ReviewFileError, match=refusal):
        context.review_files.import_file(forged, today=TODAY)
    assert state(context, in_review) == before == (Status.IN_REVIEW, 1)
    [thread] = context.comments.threads(in_review.id)
    assert not thread.resolved and thread.replies == ()  # the lead's comment untouched, no "Prof. Committee Chair"


def test_comment_authors_come_from_the_signature_not_the_file(context, esi, in_review, tmp_path):
    genuine = reply(esi, send(context, in_review, tmp_path), tmp_path, verdict="changes_requested",
                    comment="Say which clinics move.")
    # Esi's own key, but the file's fields claim a committee member wrote one comment and resolved another.
    edited = reforge(genuine, tmp_path / "claims.idmf", comments_change=_assured_with_a_chair,
                     signer=esi.signing.identity())
    outcome = context.review_files.import_file(edited, today=TODAY)
    assert outcome.applied and context.assessments.get(in_review.id).status == Status.READY_FOR_COMMITTEE
    authors = {(c.author, c.role) for t in context.comments.threads(in_review.id) for c in (t.comment, *t.replies)}
    assert ("Prof. Committee Chair", "committee") not in authors and ("Esi EDI", "reviewer") in authors
    [resolved] = [t for t in context.comments.threads(in_review.id) if t.resolved]
    assert resolved.comment.resolved_by == "Esi EDI"
    last = context.review.history(in_review.id)[-1]
    assert (last.person, last.role) == ("Esi EDI", "reviewer")  # the verdict in the file said "Prof. Committee Chair"


def test_a_reply_after_withdraw_change_and_resend_is_kept_as_a_comment_not_applied(context, esi, in_review, tmp_path):
    old_reply = reply(esi, send(context, in_review, tmp_path), tmp_path, verdict="assured")
    context.review.transition(in_review.id, "withdraw", LEAD, role="lead", today=TODAY)
    context.assessments.set_answer(context.assessments.get(in_review.id), "summary", "Now on two sites.")
    context.review.transition(in_review.id, "submit_for_review", LEAD, role="lead", today=TODAY)
    send(context, in_review, tmp_path, "request2.idmf")
    before = state(context, in_review)
    outcome = context.review_files.import_file(old_reply, today=TODAY)
    assert not outcome.applied and state(context, in_review) == before == (Status.IN_REVIEW, 3)
    assert ("Its verdict (EDI assurance given) is not applied because you withdrew the assessment from review after "
            "sending the request it answers; it is kept as a comment beside “EDI partner”.") in outcome.message
    [kept] = context.comments.threads(in_review.id, anchor="approval_edi_partner")
    assert kept.comment.body.startswith("Verdict in an earlier review reply, not applied because you withdrew")
    assert context.review.verify_audit(in_review.id).ok


def test_a_reply_to_an_earlier_request_is_not_applied_once_a_newer_one_was_sent(context, esi, in_review, tmp_path):
    old_reply = reply(esi, send(context, in_review, tmp_path), tmp_path, verdict="assured")
    send(context, in_review, tmp_path, "again.idmf")  # the same content sent again: a new request
    outcome = context.review_files.import_file(old_reply, today=TODAY)
    assert not outcome.applied and context.assessments.get(in_review.id).status == Status.IN_REVIEW
    assert "not applied because you sent a newer review request on" in outcome.message


def test_a_reply_on_answers_changed_since_is_not_applied(context, esi, in_review, tmp_path):
    request = send(context, in_review, tmp_path)
    first = reply(esi, request, tmp_path, verdict="changes_requested", comment="Add the carers' views.")
    assert context.review_files.import_file(first, today=TODAY).applied
    context.assessments.set_answer(context.assessments.get(in_review.id), "summary", "With the carers' views.")
    context.review.transition(in_review.id, "submit_for_review", LEAD, role="lead", today=TODAY)
    # A second reply to the same (now out-of-date) request, this time assured.
    second = reply(esi, request, tmp_path, verdict="assured", name="second.idmf")
    outcome = context.review_files.import_file(second, today=TODAY)
    assert not outcome.applied and context.assessments.get(in_review.id).status == Status.IN_REVIEW
    assert "not applied because the answers have changed since you sent the request it answers" in outcome.message


def test_a_replayed_reply_is_noticed_by_its_ids_not_its_bytes(context, esi, in_review, tmp_path):
    answer = reply(esi, send(context, in_review, tmp_path), tmp_path, verdict="changes_requested",
                   comment="Add the carers' views.")
    assert context.review_files.import_file(answer, today=TODAY).applied
    context.review.transition(in_review.id, "submit_for_review", LEAD, role="lead", today=TODAY)
    before = state(context, in_review)
    # One extra key in the manifest: new bytes. Without re-signing, the signature no longer matches…
    extra = reforge(answer, tmp_path / "extra.idmf", lambda m: m.update(note="again"))
    with pytest.raises(ReviewFileError, match="the file was changed after it was signed"):
        context.review_files.import_file(extra, today=TODAY)
    # …and re-signed by the reviewer herself, it is still the same reply: its verdict is not applied twice.
    resigned = reforge(answer, tmp_path / "resigned.idmf", lambda m: m.update(note="again"),
                       signer=esi.signing.identity())
    outcome = context.review_files.import_file(resigned, today=TODAY)
    assert not outcome.applied and state(context, in_review) == before == (Status.IN_REVIEW, 3)
    assert "This reply was already imported on" in outcome.message and "its verdict is not applied again" in \
        outcome.message

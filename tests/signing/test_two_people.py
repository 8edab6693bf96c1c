"""Two people, each with their own data folder, database and key store, as on two laptops: the lead (whose
computer has no credential store, so their key is in the owner-only file) requests a review, the EDI reviewer
signs a reply, the lead applies it. A third person's reply with the same content is refused as untrusted until
the lead has compared fingerprints with them and trusted them."""

from __future__ import annotations

import pytest

from idmf.domain.assessment import Status
from idmf.review.errors import ReviewFileError
from idmf.signing.keystore import FALLBACK
from idmf.signing.trustlist import make_trust_list
from tests.people import ORGANISATION, admin_identity, second_person
from tests.review.helpers import TODAY, build, ready_answers


@pytest.fixture
def laptops(tmp_path, form):
    """Jo (lead) and Esi (EDI reviewer) on their own laptops, both on the organisation's list; Tom, a reviewer
    from elsewhere, on his. Yields (jo, esi, tom, item id on Jo's laptop)."""
    jo, jo_card = second_person(tmp_path / "jo", "Jo Lead", "lead", file_fallback=True)
    esi, esi_card = second_person(tmp_path / "esi", "Esi EDI", "reviewer")
    tom, _tom_card = second_person(tmp_path / "tom", "Tom Outsider", "reviewer")
    admin = admin_identity()  # the EDI team's admin key, on the EDI team's computer
    listed = tmp_path / "trusted.idmf-trust"
    listed.write_text(make_trust_list(admin, ORGANISATION, [(jo_card, "lead"), (esi_card, "reviewer")]),
                      encoding="utf-8")
    for app in (jo, esi):
        app.signing.import_list(listed, admin.fingerprint)  # each compares the published admin fingerprint
    item = jo.store.assessments.add(build(form, ready_answers(form)))
    jo.review.transition(item.id, "submit_for_review", role="lead", today=TODAY)
    yield jo, esi, tom, item.id
    for app in (jo, esi, tom):
        app.close()


def _reply(app, request, out, verdict="assured", comment=""):
    copy_id = app.review_files.import_file(request).assessment_id
    app.comments.add(copy_id, "pc_age", "The mitigation for older patients is clear.", app.signing.my_cards()[0].name)
    app.review_files.set_verdict(copy_id, verdict, comment=comment)
    return app.review_files.export_reply(copy_id, out)


def test_each_person_has_their_own_key_store(laptops, tmp_path):
    jo, esi, tom, _ = laptops
    assert (tmp_path / "jo" / "signing" / FALLBACK).is_file()  # no credential store on Jo's laptop
    assert not (tmp_path / "esi" / "signing" / FALLBACK).exists()  # Esi's key is in her credential store
    assert [c.name for c in jo.signing.my_cards()] == ["Jo Lead"]
    assert [c.name for c in esi.signing.my_cards()] == ["Esi EDI"]
    assert [c.name for c in tom.signing.my_cards()] == ["Tom Outsider"]


def test_the_lead_requests_the_reviewer_signs_the_lead_applies(laptops, tmp_path):
    jo, esi, _tom, item_id = laptops
    request = jo.review_files.export_request(item_id, tmp_path / "request.idmf")
    answer = _reply(esi, request, tmp_path / "reply.idmf")
    outcome = jo.review_files.import_file(answer, today=TODAY)
    assert outcome.applied and jo.assessments.get(item_id).status == Status.READY_FOR_COMMITTEE
    assert outcome.message.startswith("Reply from Esi EDI (EDI reviewer, Test NHS Trust), key ")
    last = jo.review.history(item_id)[-1]
    assert (last.person, last.role, last.action) == ("Esi EDI", "reviewer", "submit_for_committee")
    assert jo.signing.card(last.signer_key).name == "Jo Lead"  # Jo's app recorded Esi's signed verdict
    assert jo.review.verify_audit(item_id).ok
    [thread] = jo.comments.threads(item_id)
    assert (thread.comment.author, thread.comment.role) == ("Esi EDI", "reviewer")


def test_a_third_persons_reply_is_refused_as_untrusted_until_trusted(laptops, tmp_path):
    jo, _esi, tom, item_id = laptops
    request = jo.review_files.export_request(item_id, tmp_path / "request.idmf")
    tom_reply = _reply(tom, request, tmp_path / "tom-reply.idmf")  # the same content, his own key
    with pytest.raises(ReviewFileError, match="This reply is signed by Tom Outsider \\(EDI reviewer, Test NHS "
                                              "Trust\\), key .*, whom you do not trust as an EDI reviewer yet, so "
                                              "nothing was imported"):
        jo.review_files.import_file(tom_reply, today=TODAY)
    assert jo.assessments.get(item_id).status == Status.IN_REVIEW and jo.comments.threads(item_id) == []
    # Tom is now known (seen on a signed file) but not trusted: Jo calls him and they compare fingerprints.
    [seen] = [s for s in jo.signing.signers() if s.card.name == "Tom Outsider"]
    assert seen.trusted_roles == set()
    jo.signing.trust(seen.card, "reviewer", tom.signing.my_cards()[0].fingerprint)  # what Tom read out
    outcome = jo.review_files.import_file(tom_reply, today=TODAY)
    assert outcome.applied and jo.assessments.get(item_id).status == Status.READY_FOR_COMMITTEE

"""What the editor offers to link an impact to: every action and piece of evidence, links to things since
deleted (so they can be unticked), rows made before rows had ids (by number), and old free-text evidence."""

from __future__ import annotations

from idmf.domain import Assessment
from idmf.domain.answer_text import contradiction_text, impact_text
from idmf.domain.answers import ImpactAnswer
from idmf.domain.documents import AttachedDocument
from idmf.domain.link_text import evidence_choices, evidence_used_by, mitigation_choices


def _item(form) -> Assessment:
    item = Assessment.new(form, "Choices")
    item.set_answer(form, "action_plan", [{"row_id": "a-1", "action": "Shuttle bus"}, {"action": "Old row"}])
    item.set_answer(form, "engage_key_findings", [{"row_id": "f-1", "finding": "Transport matters most"},
                                                  {"finding": "An old finding"}])
    item.documents = [AttachedDocument.from_bytes("Survey.csv", b"a,b\n", "doc-1")]
    for rows in (item.answers["action_plan"], item.answers["engage_key_findings"]):
        del rows[1]["row_id"]  # as rows read from a file made before rows had ids
    return item


def test_mitigation_choices_offer_every_action_then_deleted_ones(form):
    impact = ImpactAnswer(negative=True, mitigated_by=["a-1", "a-gone"])
    choices = mitigation_choices(_item(form), impact)
    assert [(c.target, c.text, c.linked) for c in choices] == [
        ("a-1", "Action 1: Shuttle bus", True), ("2", "Action 2: Old row", False),
        ("a-gone", "An action since deleted from the plan", True)]


def test_evidence_choices_offer_findings_documents_removed_and_old_text(form):
    impact = ImpactAnswer(positive=True, evidence=["document:doc-1", "finding:f-deleted", "TS021 from 2019"])
    choices = evidence_choices(_item(form), impact)
    assert [(c.target, c.text, c.linked, c.changeable) for c in choices] == [
        ("finding:f-1", "Engagement finding 1: Transport matters most", False, True),
        ("finding:2", "Engagement finding 2: An old finding", False, True),
        ("document:doc-1", "Document A1: Survey.csv", True, True),
        ("finding:f-deleted", "An engagement finding (since deleted)", True, True),
        ("TS021 from 2019", "TS021 from 2019", True, False)]


def test_evidence_used_by_names_the_groups(form):
    item = _item(form)
    item.set_answer(form, "pc_age", {"negative": True, "evidence": ["document:doc-1"]})
    item.set_answer(form, "ih_groups", [{"name": "Carers", "impact": {"neutral": True, "evidence": ["document:doc-1"]}}])
    assert evidence_used_by(item, form) == {"document:doc-1": ["Age", "Carers"]}


def test_contradiction_text():
    assert contradiction_text(ImpactAnswer(positive=True, negative=True)) == ""
    assert contradiction_text(ImpactAnswer(neutral=True)) == ""
    assert contradiction_text(ImpactAnswer(negative=True, neutral=True)) == (
        "Neutral impact is ticked together with Negative impact")
    assert contradiction_text(ImpactAnswer(positive=True, negative=True, neutral=True)) == (
        "Neutral impact is ticked together with Positive impact and Negative impact")


def test_impact_text_says_what_the_word_document_says_without_the_plan():
    impact = ImpactAnswer(negative=True, neutral=True, narrative="Closes.", no_mitigation="No  other\nsite.",
                          evidence=["census:TS007B"])
    assert impact_text(impact).splitlines() == [
        "☐ Positive impact  ☒ Negative impact  ☒ Neutral impact", "Closes.",
        "Contradictory ratings: Neutral impact is ticked together with Negative impact. Neutral means no impact, so "
        "these ratings contradict each other.", "No mitigation possible: No other site.", "Evidence: census:TS007B"]


def test_a_finding_whose_id_is_digits_only_is_offered_by_its_own_text(form):
    # About 1 row in 280 made before new ids avoided it has an id of digits only; the links panel then failed
    # with an IndexError (the id was read as a row number) whenever an impact on the page was refreshed.
    item = Assessment.new(form, "Digits")
    item.set_answer(form, "engage_key_findings", [{"row_id": "305218774409", "finding": "Parking is hard"},
                                                  {"row_id": "f-2", "finding": "Evening clinics wanted"}])
    choices = evidence_choices(item, ImpactAnswer(negative=True, evidence=["finding:305218774409"]))
    assert [(c.target, c.text, c.linked) for c in choices] == [
        ("finding:305218774409", "Engagement finding 1: Parking is hard", True),
        ("finding:f-2", "Engagement finding 2: Evening clinics wanted", False)]


def test_new_row_ids_are_never_digits_only(monkeypatch):
    import uuid

    from idmf.domain import links

    made = iter([uuid.UUID("30521877440912345678901234567890"), uuid.UUID("3052187744a912345678901234567890")])
    monkeypatch.setattr(links.uuid, "uuid4", lambda: next(made))
    assert links.new_row_id() == "3052187744a9"  # the digits-only one was not used

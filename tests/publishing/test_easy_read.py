"""The easy-read summary: drafted from the answers, scored, edited by the lead, exported as Word and HTML."""

from __future__ import annotations

import html

from idmf.domain.publishing import EASY_READ_PARTS, EasyRead
from idmf.domain.readability import GRADE_TARGET, LONG_SENTENCE, sentences, words
from idmf.export.html.checker import check_html
from tests.export.readback import Exported


def test_the_examples_draft_covers_the_four_parts_and_scores_below_the_target(context):
    from tools.export_sample import load_example

    example = context.store.assessments.add(load_example(context.forms))  # resources/examples, as shipped
    draft = context.publishing.easy_read(example.id)
    assert not draft.edited
    assert all(text.strip() for _heading, text in draft.parts())
    assert "a planned new service will not be opened" in draft.what_is_changing
    assert "• Staff" in draft.who_it_affects and "because of their age or disability" in draft.who_it_affects
    assert "• Carers" in draft.who_it_affects
    assert "By 30 April 2026" in draft.what_we_will_do
    assert draft.who_to_contact.startswith("Contact Sarah Whitmore")
    result = context.publishing.readability(draft.text())
    assert result.grade < GRADE_TARGET and result.meets_target, result.summary()
    found = sentences(draft.text())
    short = [s for s in found if len(words(s)) <= LONG_SENTENCE]
    assert len(short) / len(found) >= 0.9, result.long_sentences  # under 15 words where the answers allow


def test_the_leads_edit_is_kept_and_exported(context, signed_example, tmp_path):
    assessment_id, fingerprint = signed_example
    edited = context.publishing.draft_easy_read(assessment_id).model_copy(
        update={"who_to_contact": "Call the patient advice team on 0116 295 0000.\n• Or write to us."})
    saved = context.publishing.save_easy_read(assessment_id, edited)
    assert saved.edited and context.publishing.easy_read(assessment_id) == saved  # kept on the locked version

    doc = Exported(context.documents.export(assessment_id, "easy-read", tmp_path / "easy.docx"))
    assert doc.headings(1) == [heading for _name, heading in EASY_READ_PARTS]
    assert "Call the patient advice team on 0116 295 0000." in doc.text
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "Or write to us." in [p.text for p in bullets] and not any(p.text.startswith("•") for p in bullets)
    body = [p for p in doc.paragraphs if p.text == "No existing service closes and no staff post is at risk."][0]
    assert body.runs[0].font.size.pt == 14
    assert "Approved" in doc.header and fingerprint in doc.footer

    page = context.documents.export(assessment_id, "easy-read", tmp_path / "easy.html").read_text(encoding="utf-8")
    assert check_html(page) == []
    assert "<li>Or write to us.</li>" in page and fingerprint in html.unescape(page) and 'lang="en-GB"' in page


def test_for_publishing_the_easy_read_leaves_names_and_numbers_out(context, example_id, tmp_path):
    text = EasyRead(who_to_contact="Contact Sarah Whitmore on 0116 295 0000 or sarah.whitmore@nhs.net.")
    context.publishing.save_easy_read(example_id, text)
    page = context.documents.export(example_id, "easy-read", tmp_path / "easy.html", for_publishing=True)
    html = page.read_text(encoding="utf-8")
    assert "Whitmore" not in html and "0116" not in html and "nhs.net" not in html
    assert "Contact [name withheld] on [contact details withheld] or [contact details withheld]." in html

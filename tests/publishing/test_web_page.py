"""The accessible web version: read back as a screen-reader user and a publishing officer would meet it."""

from __future__ import annotations

import re

import pytest

from idmf.domain.questions import ENGAGE_FINDINGS, SUMMARY
from idmf.export.html.checker import check_html, parse
from idmf.export.redact import NAME_WITHHELD

STAFF = ("Sarah Whitmore", "Anil Mistry", "Helen Okafor", "James Pritchard", "Rachel Dunn", "Tomasz Nowak",
         "Priya Chauhan", "Dr Mistry", "Mr Nowak")


def _page(context, assessment_id, tmp_path, **options) -> str:
    path = context.documents.export(assessment_id, "html", tmp_path / "page.html", **options)
    return path.read_text(encoding="utf-8")


def test_the_signed_off_example_passes_every_structure_check(context, signed_example, tmp_path):
    assessment_id, fingerprint = signed_example
    html = _page(context, assessment_id, tmp_path)
    assert check_html(html) == []
    root = parse(html)
    assert next(n for n in root.walk() if n.tag == "html").attrs["lang"] == "en-GB"
    assert [n.all_text() for n in root.walk() if n.tag == "h1"] == [context.assessments.get(assessment_id).title]
    footer = next(n for n in root.walk() if n.tag == "footer").all_text()
    assert "Version 2" in footer and fingerprint in footer  # who signed it off, and their key
    assert "Status: Approved · version 2" in " ".join(next(n for n in root.walk() if n.tag == "header")
                                                     .all_text().split())


def test_sections_and_questions_are_the_forms_own_words(context, form, example_id, tmp_path):
    root = parse(_page(context, example_id, tmp_path))
    h2 = [" ".join(n.all_text().split()) for n in root.walk() if n.tag == "h2"]
    assert h2 == ["Contents", *[s.display_title for s in form.sections], form.closing_title]
    captions = [" ".join(n.all_text().split()) for n in root.walk() if n.tag == "caption"]
    headings = " ".join(n.all_text() for n in root.walk() if n.tag in ("h3", "h4"))
    for question in (form.question(SUMMARY), form.question(ENGAGE_FINDINGS)):
        assert question.label in headings
    assert any(c.startswith(form.question("impacted").label) for c in captions)


def test_every_table_has_a_caption_and_header_cells_and_ticks_are_words(context, example_id, tmp_path):
    html = _page(context, example_id, tmp_path)
    root = parse(html)
    tables = [n for n in root.walk() if n.tag == "table"]
    assert len(tables) >= 6
    for table in tables:
        assert any(c.tag == "caption" for c in table.children)
        assert all(th.attrs.get("scope") in ("col", "row") for th in table.walk() if th.tag == "th")
    impacts = next(t for t in tables if "impacts" in t.attrs.get("class", ""))
    age = next(row for row in impacts.walk() if row.tag == "tr" and "Age" in row.all_text())
    cells = [" ".join(td.all_text().split()) for td in age.children if td.tag == "td"]
    assert cells[:3] == ["☐ No", "☒ Yes", "☐ No"]  # positive, negative, neutral: a word beside each box
    hidden = [n for n in root.walk() if n.attrs.get("aria-hidden") == "true"]
    assert {n.all_text() for n in hidden if n.attrs.get("class") == "box"} == {"☒", "☐"}
    assert "DRAFT – NOT APPROVED" in html  # the draft status is written, not only coloured
    assert "@media print" in html and "@page" in html


def test_the_page_is_self_contained_and_escapes_what_was_typed(context, form, example_id, tmp_path):
    item = context.assessments.get(example_id)
    context.assessments.set_answer(item, SUMMARY, '<script>alert("x")</script> & <img src=x onerror=alert(1)>')
    html = _page(context, example_id, tmp_path)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img" in html
    assert not re.search(r"""(?:src|href)=["']?(?:https?:|//)""", html)  # nothing fetched from elsewhere
    assert "<link" not in html and check_html(html) == []


def test_a_blank_assessment_says_not_answered_in_words(context, tmp_path):
    item = context.assessments.create("Blank proposal")
    html = _page(context, item.id, tmp_path)
    assert check_html(html) == []
    assert html.count('class="missing"') > 20 and "Not answered" in html


def test_for_publishing_staff_names_and_contact_details_are_withheld(context, example_id, tmp_path):
    item = context.assessments.get(example_id)
    context.assessments.set_answer(item, ENGAGE_FINDINGS, "Write to sarah.whitmore@nhs.net or call 0116 295 0000; "
                                   "Dr Mistry will reply.")
    html = _page(context, example_id, tmp_path, for_publishing=True)
    for name in STAFF:
        assert name not in html, name
    assert "sarah.whitmore@nhs.net" not in html and "0116 295 0000" not in html
    assert f"{NAME_WITHHELD}, Senior Planning Manager" in html  # the role stays
    assert "[contact details withheld]" in html
    assert "Staff names and contact details are withheld from this published copy." in html
    assert "Leicester General Hospital" in html and check_html(html) == []
    everything = _page(context, example_id, tmp_path)
    assert "Sarah Whitmore" in everything  # the option only changes the published copy


@pytest.mark.parametrize("name", ["page.docx", "page.txt"])
def test_a_web_page_needs_an_html_name(context, example_id, tmp_path, name):
    from idmf.services.publishing import PublishingError

    with pytest.raises(PublishingError, match="written as .html or .htm"):
        context.documents.export(example_id, "html", tmp_path / name)
    assert not (tmp_path / name).exists()


def test_the_deprivation_table_is_an_accessible_table_on_the_web_page(context, monkeypatch, tmp_path):
    from idmf.census import bundle

    monkeypatch.delenv(bundle.BUNDLE_VARIABLE)  # the IMD 2019 figures shipped with the app
    item = context.assessments.create("Day case unit at Hinckley")
    profile = context.census.profile("E07000132")
    context.census.attach(item.id, [profile.tables[0], profile.deprivation])
    html = _page(context, item.id, tmp_path)
    assert check_html(html) == []
    root = parse(html)
    table = next(n for n in root.walk() if n.tag == "table" and "Deprivation" in n.all_text())
    cells = [" ".join(n.all_text().split()) for n in table.walk() if n.tag in ("th", "td")]
    assert cells == ["Local authority", "Average score", "Rank", "Decile", "In most deprived 10 %",
                     "Hinckley and Bosworth", "13.461", "232 of 317", "8", "0.0%"]
    assert "IMD 2019 uses 2019 local authority boundaries" in root.all_text()

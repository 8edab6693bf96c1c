"""The exported document read back with python-docx: every answer verbatim, headings, ticks, tables,
approval, gaps shown as "Not answered", DRAFT marking, page furniture and document properties."""

from __future__ import annotations

import re

import pytest

from idmf import __version__
from idmf.domain import Assessment, Status
from idmf.domain.answer_text import CHECKED, UNCHECKED, answer_text
from idmf.forms.schema import FieldType
from tests.export.answers import fragments, unique_text
from tests.export.conftest import MOMENT
from tests.export.readback import row_texts


def _assert_every_answer_verbatim(item, form, exported) -> None:
    missing = []
    for question in form.questions():
        value = item.answers.get(question.id)
        if item.is_relevant(form, question.id):
            missing += [(question.id, text) for text in fragments(question, value) if text not in exported.text]
        else:
            assert not any(text in exported.text for text in unique_text(question, value)), question.id
    assert missing == []


def test_every_answer_of_a_filled_form_is_in_the_document_verbatim(filled, form, export):
    exported = export(filled)
    _assert_every_answer_verbatim(filled, form, exported)
    assert "café & <clinic> \"quoted\" — 多语言" in exported.text


def test_every_answer_of_the_example_is_in_the_document_verbatim(example, form, export):
    exported = export(example)
    _assert_every_answer_verbatim(example, form, exported)
    assert exported.missing_markers() == []  # the example is complete


def test_conditional_questions_appear_only_when_relevant(filled, form, export):
    conditional = [q for q in form.questions() if q.relevant]
    assert conditional, "the form has conditional questions"
    for wanted in (True, False):
        item = filled.model_copy(deep=True)
        for question in conditional:
            _force_relevance(item, form, question, wanted)
        text = export(item).text
        for question in conditional:
            assert (question.label in text) is wanted, (question.id, wanted)


def _force_relevance(item, form, question, wanted: bool) -> None:
    """Set the answer a conditional question depends on so that it is (or is not) relevant."""
    match = re.fullmatch(r"\s*(\w+)\s*==\s*'([^']*)'\s*", question.relevant)
    assert match, f"test knows simple conditions only: {question.relevant}"
    source = form.question(match.group(1))
    other = next(c.id for c in source.choices) if source.choices else "no"
    if other == match.group(2):
        other = next(c.id for c in source.choices[1:]) if source.choices else "yes"
    item.set_answer(form, source.id, match.group(2) if wanted else other)


def test_headings_follow_the_form(filled, form, export):
    exported = export(filled)
    level1, level2 = exported.headings(1), exported.headings(2)
    for section in form.sections:
        if section.step is not None:
            assert any(h.startswith(f"{section.step}. ") and h.endswith(section.title.split(". ", 1)[-1])
                       for h in level1), section.title
        elif section is not form.sections[0]:
            assert section.title in level1
        for group in section.groups:
            assert group.title in level2
    assert level1[-1] == (form.closing_title or "What Next?")
    steps = [h for h in level1 if re.match(r"\d\. ", h)]
    assert [h[0] for h in steps] == ["1", "2", "3", "4", "5", "6"]
    title_block = [p.text for p in exported.paragraphs[:5]]
    assert form.title in title_block and filled.title in title_block and filled.organisation in title_block
    if form.subtitle:
        assert form.subtitle in title_block


def _tick(text: str) -> bool:
    assert text.strip()[:1] in (CHECKED, UNCHECKED), text
    return text.strip().startswith(CHECKED)


def test_impact_blocks_tick_the_chosen_ratings(filled, form, export):
    exported = export(filled)
    impacts = [q for q in form.questions() if q.type == FieldType.IMPACT]
    assert len(impacts) >= 10
    for question in impacts:
        answer = filled.impact(question.id)
        ticks = row_texts(exported.table_starting(question.label))[1]
        assert [_tick(t) for t in ticks] == [answer.positive, answer.negative, answer.neutral], question.id
        assert [t.split(" ", 1)[1] for t in ticks] == ["Positive impact", "Negative impact", "Neutral impact"]
    for group in filled.groups():
        ticks = row_texts(exported.table_starting(group.name))[1]
        assert [_tick(t) for t in ticks] == [group.impact.positive, group.impact.negative, group.impact.neutral]


def test_grid_ticks_the_chosen_column(filled, form, export):
    question = next(q for q in form.questions() if q.type == FieldType.GRID)
    rows = row_texts(export(filled).table_starting(question.label))
    assert rows[1][1:] == [c.label for c in question.choices]
    for row, cells in zip(question.rows, rows[2:]):
        chosen = filled.answers[question.id][row.id]
        assert cells[0].startswith(row.label)
        assert [_tick(t) for t in cells[1:]] == [c.id == chosen for c in question.choices]


def test_legal_duties_table_ticks_yes_or_no(filled, form, export):
    table = next(t for t in export(filled).doc.tables if [c.text for c in t.rows[0].cells] == ["", "YES", "NO"])
    rows = row_texts(table)[1:]
    duties = [q for q in form.questions() if q.type == FieldType.YES_NO]
    assert len(rows) == len(duties) >= 5
    for question, cells in zip(duties, rows):
        value = filled.answers[question.id]
        assert cells[0].startswith(question.label)
        assert (_tick(cells[1]), _tick(cells[2])) == (value == "yes", value == "no")


def test_the_chosen_option_is_ticked(example, form, export):
    question = form.question("decision_option")
    rows = row_texts(export(example).table_starting(question.label))[1:]
    assert [r[1].split("\n")[0] for r in rows] == [c.label for c in question.choices]
    assert [_tick(r[0]) for r in rows] == [c.id == example.answers["decision_option"] for c in question.choices]


def test_action_plan_rows_with_dates_as_dd_mm_yyyy(example, form, export):
    question = form.question("action_plan")
    table = export(example).table_starting(question.columns[0].label)
    rows = row_texts(table)
    assert [h.split("\n")[0] for h in rows[0]] == [c.label for c in question.columns]
    assert len(rows) == 1 + len(example.answers["action_plan"])
    for expected, cells in zip(example.action_plan(), rows[1:]):
        assert cells == [expected.action, expected.lead, expected.target_date.strftime("%d/%m/%Y"), expected.outcome]
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # repeated on every page


def test_approval_block(example, form, export):
    exported = export(example)
    section = next(s for s in form.sections if s.title == "Approval")
    assert "Approval" in exported.headings(1)
    table = exported.table_starting(section.questions[0].label)
    rows = {cells[0]: cells[1] for cells in row_texts(table)}
    for question in section.questions:
        assert rows[question.label] == fragments(question, example.answers[question.id])[0]


def test_unanswered_questions_say_not_answered(form, export):
    item = Assessment.new(form, "Only a title")
    exported = export(item)
    markers = exported.missing_markers()
    assert len(markers) >= len(form.questions()) - 1
    assert all(m.startswith("Not answered") or m.endswith("not answered") for m in markers)
    summary = row_texts(exported.table_starting(form.question("summary").label))
    assert summary[1] == ["Not answered"]
    assert "Not answered – no option ticked" in markers
    assert "Not answered – neither YES nor NO chosen" in markers
    assert "Not answered – no rows" in markers


def test_a_partly_answered_impact_block_shows_what_is_missing(form, export):
    item = Assessment.new(form, "Gaps")
    item.set_answer(form, "pc_age", {"negative": True})
    item.set_answer(form, "pc_race", {"narrative": "Narrative but no tick"})
    item.set_answer(form, "action_plan", [{"action": "Translate letters", "target_date": None}])
    exported = export(item)
    assert row_texts(exported.table_starting("Age"))[-1] == ["Not answered – no narrative"] * 3
    assert "Not answered – no impact ticked\nNarrative but no tick" in exported.text
    assert row_texts(exported.table_starting("Action Required"))[1][1:3] == ["Not answered", "Not answered"]


def test_contradictory_ticks_are_printed_with_a_note_never_silently(form, export):
    item = Assessment.new(form, "Contradictions")
    item.set_answer(form, "pc_age", {"positive": True, "negative": True, "neutral": True, "narrative": "Mixed."})
    item.set_answer(form, "pc_sex", {"negative": True, "neutral": True, "narrative": "Unsure."})
    item.set_answer(form, "pc_race", {"positive": True, "negative": True, "narrative": "Both, for different people."})
    exported = export(item)
    age = row_texts(exported.table_starting("Age"))
    assert [_tick(t) for t in age[1]] == [True, True, True]  # what was ticked, as stored
    assert age[-1][0] == ("Mixed.\nContradictory ratings: Neutral impact is ticked together with Positive impact and "
                          "Negative impact. Neutral means no impact, so these ratings contradict each other.")
    sex = row_texts(exported.table_starting("Sex"))[-1][0]
    assert "Neutral impact is ticked together with Negative impact." in sex
    assert "Contradictory" not in row_texts(exported.table_starting("Race"))[-1][0]  # positive with negative is fine
    assert exported.text.count("Contradictory ratings") == 2
    assert "  ".join(age[1]) + "\n" + age[-1][0] == answer_text(form.question("pc_age"), item.answers["pc_age"])


@pytest.mark.parametrize("status", [s for s in Status if s != Status.APPROVED])
def test_anything_not_approved_is_marked_draft(form, export, status):
    item = Assessment.new(form, "Draft proposal")
    item.status = status
    exported = export(item)
    assert "DRAFT" in exported.header
    assert "DRAFT – NOT APPROVED" in exported.text and status.label in exported.text
    assert "IDMFDraftWatermark" in exported.header_xml


def test_an_approved_assessment_has_no_draft_marking(example, export):
    assert example.status == Status.APPROVED
    exported = export(example)
    assert "DRAFT" not in exported.header + exported.text
    assert "Watermark" not in exported.header_xml
    assert "Approved" in exported.header


def test_header_footer_and_properties(example, export):
    exported = export(example)
    assert example.title in exported.header
    exported_on = MOMENT.astimezone().strftime("%d/%m/%Y %H:%M")
    assert f"Version {example.version_number} · Exported {exported_on} · IDMF Desktop {__version__}" in exported.footer
    assert "Page 1 of 1" in exported.footer  # placeholders Word and LibreOffice replace with fields
    assert re.search(r"instrText[^>]*> PAGE <", exported.footer_xml)
    assert re.search(r"instrText[^>]*> NUMPAGES <", exported.footer_xml)
    props = exported.doc.core_properties
    assert (props.title, props.author) == (example.title, example.lead)
    assert "IDMF" in props.subject and props.content_status == "Approved"
    section = exported.doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_template_syntax_and_xml_metacharacters_come_out_literally(form, export):
    text = "{{ title }} {% if x %}yes{% endif %} {# c #} <w:t>&amp; ]]> & < >"
    item = Assessment.new(form, text)
    item.set_answer(form, "organisation", text)
    item.set_answer(form, "summary", text)
    exported = export(item)
    assert exported.text.count(text) >= 4  # title block, organisation, front matter, summary
    assert text in exported.header
    assert exported.doc.core_properties.title == text


def test_an_organisation_chosen_from_the_list_reads_as_its_name(form, export):
    question = form.question("organisation")
    if not question.choices:
        pytest.skip("the form offers no list of organisations")
    item = Assessment.new(form, "Day case unit")
    item.set_answer(form, "organisation", question.choices[0].id)
    exported = export(item)
    assert exported.paragraphs[0].text == question.choices[0].label
    assert exported.row_labelled(question.label)[1] == question.choices[0].label

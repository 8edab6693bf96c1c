"""The exported document read back with python-docx: every answer verbatim, headings, ticks, tables,
approval, gaps shown as "Not answered", DRAFT marking, page furniture and document properties."""

from __future__ import annotations

from docx.table import Table

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
    for section in form.sections[1:]:
        assert section.heading in level1, section.id
        for group in section.groups:
            assert group.title in level2
    assert [h for h in level1 if re.match(r"\d\. ", h)] == [
        "1. Aims", "2. Evidence Base", "3. Inclusive Engagement Plan", "4. Equality Impact Assessment",
        "5. Options Appraisal", "6. Monitoring, Re-Evaluation, and Publishing"]
    assert level1[0] == "Inclusive Decision-Making Framework:" and level1[-2:] == ["Approval", "What Next?"]
    assert exported.headings(2)[exported.headings(2).index("Protected Characteristics"):][:2] == [
        "Protected Characteristics", "Health Inequalities"]
    assert "Age" in exported.headings(3) and "People Experiencing Deprivation*" in exported.headings(3)
    title_block = [p.text for p in exported.paragraphs[:5]]
    assert form.title in title_block and filled.title in title_block and filled.organisation in title_block
    assert form.subtitle in title_block


def test_every_question_is_a_heading_at_its_depth(filled, form, export):
    outline = export(filled).outline()
    for section in form.sections[1:]:
        for depth, questions in [(2, section.questions)] + [(3, g.questions) for g in section.groups]:
            for question in questions:
                if not question.print_label or not filled.is_relevant(form, question.id):
                    continue
                assert (depth, question.heading) in outline, question.id


def _tick(text: str) -> bool:
    assert text.strip()[:1] in (CHECKED, UNCHECKED), text
    return text.strip().startswith(CHECKED)


def test_impact_blocks_tick_the_chosen_ratings(filled, form, export):
    exported = export(filled)
    impacts = [q for q in form.questions() if q.type == FieldType.IMPACT]
    assert len(impacts) >= 10
    for question in impacts:
        answer = filled.impact(question.id)
        heads, ticks = row_texts(exported.table_under(question.label))
        assert heads == ["Positive impact", "Negative impact", "Neutral impact"]
        assert [_tick(t) for t in ticks] == [answer.positive, answer.negative, answer.neutral], question.id
        gap = [] if answer.ratings() else ["Not answered – no impact ticked"]
        assert exported.answer_under(question.label) == "\n".join([*gap, answer.narrative])
    for group in filled.groups():
        ticks = row_texts(exported.table_under(group.name))[1]
        assert [_tick(t) for t in ticks] == [group.impact.positive, group.impact.negative, group.impact.neutral]


def test_grid_has_the_templates_three_columns(filled, form, export):
    question = next(q for q in form.questions() if q.type == FieldType.GRID)
    rows = row_texts(export(filled).table_under(question.label))
    assert rows[0] == ["", "Yes", "No", "Indirectly / Possibly"]
    for row, cells in zip(question.rows, rows[1:]):
        chosen = filled.answers[question.id][row.id]
        assert cells[0] == row.label
        column = {"yes": 1, "no": 2, "indirectly": 3, "possibly": 3}[chosen]
        assert [_tick(t) for t in cells[1:]] == [i == column for i in (1, 2, 3)], row.id
        if column == 3:  # the shared column says which of the two was chosen
            assert cells[3] == f"{CHECKED} {question.choice_label(chosen)}"


def test_legal_duties_table_ticks_yes_or_no(filled, form, export):
    exported = export(filled)
    table = exported.table_titled("Legal duties: YES or NO")
    rows = row_texts(table)
    assert rows[0] == ["", "YES", "NO"]
    duties = [q for q in form.questions() if q.type == FieldType.YES_NO]
    assert len(rows) - 1 == len(duties) >= 5
    for question, cells in zip(duties, rows[1:]):
        value = filled.answers[question.id]
        assert cells[0] == f"{question.label}\n{question.help}"
        assert (_tick(cells[1]), _tick(cells[2])) == (value == "yes", value == "no")
    assert set(q.label for q in duties) <= set(exported.headings(3))  # each duty is a heading for navigation


def test_options_are_the_templates_numbered_table(example, form, export):
    question = form.question("decision_option")
    table = export(example).table_titled(question.label)
    rows = row_texts(table)
    assert rows[0] == ["Options", "Tick one box"]
    assert [r[0] for r in rows[1:]] == [c.label for c in question.choices]
    assert [_tick(r[1]) for r in rows[1:]] == [c.id == example.answers["decision_option"] for c in question.choices]
    for row, choice in zip(table.rows[1:], question.choices):
        paragraph = row.cells[0].paragraphs[0]
        assert paragraph.style.name == "IDMF Numbered"  # Word numbers them 1–4
        assert paragraph.runs[0].text == choice.lead and paragraph.runs[0].bold
    numbering = {p._p.pPr.numPr.numId.val for r in table.rows[1:] for p in r.cells[0].paragraphs}
    assert len(numbering) == 1  # one list, so 1, 2, 3, 4


def test_action_plan_rows_with_dates_as_dd_mm_yyyy(example, form, export):
    question = form.question("action_plan")
    table = export(example).table_under(question.label)
    rows = row_texts(table)
    assert rows[0] == ["Action Required", "Lead Person and Resources Required", "Target Date (DD/MM/YYYY)", "Outcome"]
    assert len(rows) == 1 + len(example.answers["action_plan"])
    for expected, cells in zip(example.action_plan(), rows[1:]):
        assert cells == [expected.action, expected.lead, expected.target_date.strftime("%d/%m/%Y"), expected.outcome]
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # repeated on every page


def test_approval_block(example, form, export):
    exported = export(example)
    section = next(s for s in form.sections if s.id == "approval")
    assert "Approval" in exported.headings(1)
    for question in section.questions:
        assert exported.answer_under(question.label) == fragments(question, example.answers[question.id])[0]


def test_unanswered_questions_say_not_answered(form, export):
    item = Assessment.new(form, "Only a title")
    exported = export(item)
    markers = exported.missing_markers()
    assert all(m.startswith("Not answered") or m.endswith("not answered") for m in markers)
    assert exported.answer_under(form.question("summary").label) == "Not answered"
    assert "Not answered – no option ticked" in markers
    assert "Not answered – neither YES nor NO chosen" in markers
    assert "Not answered – no rows" in markers
    template_questions = [q for q in form.questions() if not q.app_only and item.is_relevant(form, q.id)
                          and q.type != FieldType.GROUP_CATALOGUE]
    assert len(markers) >= len(template_questions) - 1  # every template question but the title shows its gap


def test_app_only_questions_are_left_out_when_empty(form, export):
    item = Assessment.new(form, "Gaps")
    item.set_answer(form, "duty_human_rights", "yes")  # makes the app's advice question relevant
    item.set_answer(form, "decision_option", "continue")
    text = export(item).text
    for question in [q for q in form.questions() if q.app_only]:
        assert question.label not in text, question.id
    item.set_answer(form, "engage_with", ["staff"])
    item.set_answer(form, "human_rights_edi_advice", "Priya Chauhan advised on 8 January")
    exported = export(item)
    assert exported.answer_under("Who will you engage with?") == "Staff"
    assert "Priya Chauhan advised on 8 January" in exported.text


def test_no_further_inclusion_groups_prints_nothing_rather_than_a_gap(form, export):
    exported = export(Assessment.new(form, "No groups"))
    assert not any("no further groups" in m for m in exported.missing_markers())
    assert form.question("ih_groups").label not in exported.text


def test_a_partly_answered_impact_block_shows_what_is_missing(form, export):
    item = Assessment.new(form, "Gaps")
    item.set_answer(form, "pc_age", {"negative": True})
    item.set_answer(form, "pc_race", {"narrative": "Narrative but no tick"})
    item.set_answer(form, "action_plan", [{"action": "Translate letters", "target_date": None}])
    exported = export(item)
    assert exported.answer_under("Age") == "Not answered – no narrative"
    assert exported.answer_under("Race") == "Not answered – no impact ticked\nNarrative but no tick"
    assert row_texts(exported.table_under("Action plan"))[1][1:3] == ["Not answered", "Not answered"]


def test_contradictory_ticks_are_printed_with_a_note_never_silently(form, export):
    item = Assessment.new(form, "Contradictions")
    item.set_answer(form, "pc_age", {"positive": True, "negative": True, "neutral": True, "narrative": "Mixed."})
    item.set_answer(form, "pc_sex", {"negative": True, "neutral": True, "narrative": "Unsure."})
    item.set_answer(form, "pc_race", {"positive": True, "negative": True, "narrative": "Both, for different people."})
    exported = export(item)
    assert [_tick(t) for t in row_texts(exported.table_titled("Age: impact"))[1]] == [True, True, True]  # as stored
    note = ("Contradictory ratings: Neutral impact is ticked together with Positive impact and Negative impact. "
            "Neutral means no impact, so these ratings contradict each other.")
    age = [item.text for item in exported.under("Age") if not isinstance(item, Table)]
    assert age[age.index("Mixed.") + 1] == note  # straight after the narrative
    assert note in exported.missing_markers()  # marked like a gap: a reader cannot miss it
    sex = " ".join(item.text for item in exported.under("Sex") if not isinstance(item, Table))
    assert "Neutral impact is ticked together with Negative impact." in sex
    race = " ".join(item.text for item in exported.under("Race") if not isinstance(item, Table))
    assert "Contradictory" not in race  # positive with negative is fine
    assert exported.text.count("Contradictory ratings") == 2
    assert note in answer_text(form.question("pc_age"), item.answers["pc_age"])  # the editor's words are the same


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
    assert exported.text.count(text) >= 4  # title block, organisation, front matter (twice), summary
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
    assert exported.front_field(question.label) == question.choices[0].label


def test_guidance_is_printed_only_in_a_draft_asked_for_it(form, tmp_path, capsys):
    from idmf.cli.main import main
    from idmf.services.context import open_app
    from tests.export.readback import Exported

    context = open_app()
    item = context.assessments.create("Draft proposal")
    guidance = form.question("summary").guidance
    for flags, expected in (([], False), (["--with-guidance"], True)):
        out = tmp_path / f"draft{len(flags)}.docx"
        assert main(["export", str(item.id), "--format", "docx", "--out", str(out), *flags]) == 0
        text = Exported(out).text
        assert (guidance in text) is expected
        assert ("not part of the template" in text) is expected
    from idmf.export import export_docx

    approved = Assessment.new(form, "Approved")
    approved.status = Status.APPROVED
    path = export_docx(approved, form, tmp_path / "approved.docx", guidance=True)
    assert guidance not in Exported(path).text  # a signed-off document never carries the app's advice
    context.close()

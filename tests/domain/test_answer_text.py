"""answer_text: an answer in the words the Word document prints for it, field type by field type.

The second half exports a Word file, reads it back with python-docx, and finds the same words there.
"""

from __future__ import annotations

import datetime as dt

import pytest

from idmf.domain.answer_text import CHECKED, answer_text, group_name
from idmf.domain.answers import ImpactAnswer
from idmf.domain.assessment import Assessment
from idmf.forms.schema import FieldType

ANSWERS = {
    "title": "Day case unit",
    "organisation": "uhl",
    "lead": "Amira Patel",
    "other_contacts": [{"name": "Jo Bloggs", "role": "Analyst"}, {"name": "Sam Lee"}, {"name": " ", "role": ""}],
    "start_date": "2026-01-05",
    "impacted": {"public": "possibly", "staff": "yes"},
    "summary": "Two lines.\nSecond line.",
    "engage_with": ["staff", "carers"],
    "pc_age": {"negative": True, "narrative": "Older patients travel further.", "evidence": ["TS007B", "TS021"]},
    "ih_groups": [{"catalogue_id": "carers", "name": "Carers", "impact": {"positive": True, "narrative": "Helps"}},
                  {"name": "", "impact": {"neutral": True}}],
    "duty_human_rights": "yes",
    "duty_contract": "no",
    "decision_option": "adjust",
    "action_plan": [{"action": "Drive", "lead": "Amira", "target_date": "2027-03-31", "outcome": ""}],
}

EXPECTED = {
    "title": "Day case unit",
    "organisation": "University Hospitals of Leicester NHS Trust",
    "lead": "Amira Patel",
    "other_contacts": "Jo Bloggs – Analyst\nSam Lee",
    "start_date": "05/01/2026",
    "impacted": "Staff: Yes\nGeneral Public: Possibly",  # in the form's row order
    "summary": "Two lines.\nSecond line.",
    "engage_with": "Staff\nCarers or Families",
    "pc_age": "☐ Positive impact  ☒ Negative impact  ☐ Neutral impact\nOlder patients travel further.\n"
              "Evidence: TS007B; TS021",
    "ih_groups": "Carers\n☒ Positive impact  ☐ Negative impact  ☐ Neutral impact\nHelps\n\n"
                 "Group 2 (name not given)\n☐ Positive impact  ☐ Negative impact  ☒ Neutral impact",
    "duty_human_rights": "YES",
    "duty_contract": "NO",
    "decision_option": "Adjust the proposal - take steps to remove barriers to advance equality.",
    "action_plan": "Drive – Amira – 31/03/2027",
}


@pytest.fixture
def item(form) -> Assessment:
    assessment = Assessment.new(form)
    for qid, value in ANSWERS.items():
        assessment.set_answer(form, qid, value)
    return assessment


@pytest.mark.parametrize("qid", list(EXPECTED))
def test_each_field_type_in_words(form, item, qid):
    assert answer_text(form.question(qid), item.answers[qid]) == EXPECTED[qid]


def test_every_field_type_is_covered(form):
    assert {form.question(qid).type for qid in EXPECTED} == set(FieldType)


@pytest.mark.parametrize("qid", list(EXPECTED))
@pytest.mark.parametrize("blank", [None, "", " \x00 ", [], {}])
def test_a_blank_answer_has_no_words(form, qid, blank):
    assert answer_text(form.question(qid), blank) == ""


def test_free_text_beside_suggested_choices_reads_as_typed(form):
    assert answer_text(form.question("organisation"), "Rutland Care Home") == "Rutland Care Home"
    assert answer_text(form.question("start_date"), dt.date(2027, 12, 31)) == "31/12/2027"


def test_an_impact_without_narrative_is_its_boxes(form):
    assert answer_text(form.question("pc_sex"), ImpactAnswer(positive=True, narrative=" ")) == \
        "☒ Positive impact  ☐ Negative impact  ☐ Neutral impact"


def test_group_name_numbers_a_group_without_one():
    assert group_name(3, "Carers") == "Carers"
    assert group_name(3, " \x01") == "Group 3 (name not given)"


# --------------------------------------------------------------------------- the same words in the Word file


@pytest.fixture
def exported(item, form, tmp_path):
    from idmf.export import export_docx
    from tests.export.readback import Exported

    export_docx(item, form, tmp_path / "words.docx", exported_at=dt.datetime(2026, 2, 3, tzinfo=dt.timezone.utc))
    return Exported(tmp_path / "words.docx")


def _ticked(cells: list[str], heads: list[str]) -> list[str]:
    """The words of the ticked cells: the words beside the ☒ when there are any, else the column heading."""
    return [cell.strip()[1:].strip() or head for cell, head in zip(cells, heads) if cell.strip().startswith(CHECKED)]


@pytest.mark.parametrize("qid", ["organisation", "lead", "other_contacts", "start_date"])
def test_front_matter_prints_the_same_words(form, item, exported, qid):
    question = form.question(qid)
    assert exported.front_field(question.label) == answer_text(question, item.answers[qid])


def test_a_text_box_prints_the_same_words(form, item, exported):
    question = form.question("summary")
    assert exported.answer_under(question.label) == answer_text(question, item.answers["summary"])


def test_impact_boxes_and_narrative_print_the_same_words(form, item, exported):
    question = form.question("pc_age")
    heads, ticks = [[c.text for c in row.cells] for row in exported.table_under(question.label).rows]
    boxes = "  ".join(f"{tick} {head}" for tick, head in zip(ticks, heads))
    evidence = [p.text for p in exported.under(question.label) if getattr(p, "style", None) is not None
                and p.style.name == "IDMF Small Print"]
    narrative = exported.answer_under(question.label)
    assert "\n".join([boxes, narrative, *evidence]) == answer_text(question, item.answers["pc_age"])


def test_the_ticked_column_is_the_words_of_the_answer(form, item, exported):
    duties = exported.table_titled("Legal duties: YES or NO")
    heads = [c.text for c in duties.rows[0].cells]
    for row in duties.rows[1:]:
        question = next(q for q in form.questions() if row.cells[0].text.startswith(q.label))
        if question.id in item.answers:
            assert _ticked([c.text for c in row.cells], heads) == [answer_text(question, item.answers[question.id])]
    grid = form.question("impacted")
    rows = [[c.text for c in row.cells] for row in exported.table_under(grid.label).rows]
    lines = [f"{cells[0].split(chr(10))[0]}: {choice}" for cells in rows[1:] for choice in _ticked(cells, rows[0])]
    assert "\n".join(lines) == answer_text(grid, item.answers["impacted"])


def test_ticked_options_and_action_rows_print_the_same_words(form, item, exported):
    question = form.question("engage_with")  # an app-only choice: the chosen options' words
    assert exported.answer_under(question.label) == answer_text(question, item.answers["engage_with"])
    question = form.question("decision_option")
    rows = [[c.text for c in row.cells] for row in exported.table_titled(question.label).rows[1:]]
    chosen = [text for text, tick in rows if tick.strip().startswith(CHECKED)]
    assert "\n".join(chosen) == answer_text(question, item.answers["decision_option"])
    plan = form.question("action_plan")
    cells = [c.text for c in exported.table_under(plan.label).rows[1].cells]
    assert " – ".join(c for c in cells if c != "Not answered") == answer_text(plan, item.answers["action_plan"])

"""The Word file read back: every fixed line the form says the document prints is there as a whole paragraph
or table cell (headings as headings), the template's own sentences are there word for word, and the
document prints no fixed line of its own beyond what docs/template-differences.md lists."""

from __future__ import annotations

import re

import pytest

from idmf.domain import Assessment
from idmf.domain.answers import is_blank
from idmf.forms.printed import CENSUS_SOURCE, printed_text, section_heading
from idmf.forms.template_diff import normalise
from tests.export.readback import heading_level
from tools.export_sample import hinckley_ethnic_group

SENTINEL = "Answer-text"


@pytest.fixture
def everything(form, filled):
    """Every question answered (app-only ones too, both conditional branches' sources set to show them),
    a census table attached; free text marked so that answers can be told from the template's words."""
    item = filled.model_copy(deep=True)
    for question in form.questions():
        if question.type.value in ("short_text", "long_text", "person"):
            item.set_answer(form, question.id, f"{SENTINEL} {question.id}")
    item.set_answer(form, "duty_human_rights", "yes")
    item.set_answer(form, "decision_option", "continue")
    item.census_tables = [hinckley_ethnic_group()]
    return item


def _cells_and_paragraphs(exported) -> list:
    return exported.paragraphs + [cell for table in exported.doc.tables for row in table.rows for cell in row.cells]


def test_every_fixed_line_is_a_paragraph_or_a_cell(form, everything, export):
    exported = export(everything)
    texts = {item.text for item in _cells_and_paragraphs(exported)}
    census_source = CENSUS_SOURCE.format(code="TSxxx")
    missing = []
    for printed in printed_text(form):
        wanted = printed.text
        if wanted == census_source:
            wanted = CENSUS_SOURCE.format(code=everything.census_tables[0].table_code)
        question = next((q for q in form.questions() if printed.where == f"question '{q.id}'"), None)
        if question is not None and question.heat and wanted == question.label:
            wanted = question.heading  # the template's HEAT asterisk
        chosen_only = question is not None and question.type.value in ("multiple_choice", "group_catalogue")
        if wanted not in texts and not chosen_only:  # (a list of options is printed as the ones chosen)
            missing.append((printed.where, wanted))
    assert missing == []


def test_headings_are_headings(form, everything, export):
    exported = export(everything)
    outline = exported.outline()
    headings = {text for _, text in outline}
    assert form.overview_title in headings and form.closing_title in headings
    for section in form.sections:
        if section_heading(section):
            assert (1, section_heading(section)) in outline
        for group in section.groups:
            assert (2, group.title) in outline
        for question in section.all_questions():
            if section_heading(section) and question.print_label:
                assert question.heading in headings, question.id


def test_the_templates_quoted_sentences_are_printed_word_for_word(part_b_template, form, everything, export):
    exported = export(everything)
    document = "\n".join(normalise(item.text) for item in _cells_and_paragraphs(exported))
    quoted = {normalise(q) for q in re.findall(r'"([^"]+)"', " ".join(part_b_template.split()))}
    allowed = {"verbatim", "How the document looks", "official statistics in development",
               "Source: ONS - 2021 Census (TSxxx)"}  # explanations, and the source line's pattern
    left_out = {q for q in quoted if q.startswith("Think about which other inclusion health groups")}
    assert sorted(q for q in quoted - allowed - left_out if q not in document) == []
    assert "Source: ONS - 2021 Census (TS021)" in document


def _is_answer_or_addition(paragraph, everything) -> bool:
    """Text the app writes from the answers, or one of the additions docs/template-differences.md lists."""
    text = paragraph.text
    style = paragraph.style.name if paragraph.style is not None else ""
    return (not text.strip() or SENTINEL in text or text[:1] in "☒☐" or style in {
        "IDMF Answer", "IDMF Draft Banner", "IDMF Organisation", "IDMF Proposal Title", "IDMF Guidance"}
        or any(r.style is not None and r.style.name == "IDMF Not Answered" for r in paragraph.runs))


def test_nothing_is_printed_that_is_not_the_template_or_an_answer(form, everything, export):
    exported = export(everything)
    fixed = {item.text for item in printed_text(form)} | {q.heading for q in form.questions()}
    census = everything.census_tables[0]
    data = {census.table_code, census.area_name, census.title, *(row.category for row in census.rows)}
    answers = {str(v) for v in _answer_words(everything)}
    extra = []
    for paragraph in exported.paragraphs:
        text = paragraph.text
        if _is_answer_or_addition(paragraph, everything) or text in fixed or text in answers:
            continue
        if any(part in text for part in data) or re.fullmatch(r"[\d,.%]+|count|%|England|Total: .*", text):
            continue  # an attached census table's caption, figures and notes
        extra.append((heading_level(paragraph), paragraph.style.name, text))
    assert extra == []


def _answer_words(item: Assessment) -> list[str]:
    """Every word-for-word piece of the answers: group names, table cells, dates."""
    words = [group.name for group in item.groups()]
    for value in item.answers.values():
        if isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    words += [v.strftime("%d/%m/%Y") if hasattr(v, "strftime") else v for v in row.values()
                              if not is_blank(v)]
    return words

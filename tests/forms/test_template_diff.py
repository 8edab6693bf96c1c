"""The template-diff tool: the Word document's fixed text against ../shared/idmf/PART_B_TEMPLATE.md.

The bundled form must differ from the template only where docs/template-differences.md says so, with a
reason; and the tool must catch the kinds of drift the committee noticed (a reworded description, a long
step name used as a heading, a lost sentence, a HEAT mark)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idmf.forms import default_form
from idmf.forms.template_diff import differences, main

DOCUMENTED = Path(__file__).resolve().parents[2] / "docs" / "template-differences.md"


def documented_differences() -> list[str]:
    """The tool's lines listed, one per table row, in docs/template-differences.md."""
    rows = re.findall(r"^\| `(.+)` \|", DOCUMENTED.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert rows, "docs/template-differences.md lists no differences"
    return rows


def test_the_document_differs_from_the_template_only_where_documented(part_b_template):
    assert differences(default_form(), part_b_template) == documented_differences()


def test_the_command_prints_the_same_lines(part_b_template, capsys, tmp_path):
    template = tmp_path / "PART_B_TEMPLATE.md"
    template.write_text(part_b_template, encoding="utf-8")
    assert main([str(template)]) == 1  # there are (documented) differences
    printed = capsys.readouterr()
    assert printed.out.splitlines() == documented_differences()
    assert f"{len(documented_differences())} difference(s)" in printed.err


def _with_question(form, question_id: str, **changes):
    """A copy of the form with one question changed."""
    sections = []
    for section in form.sections:
        questions = tuple(q.model_copy(update=changes) if q.id == question_id else q for q in section.questions)
        groups = tuple(g.model_copy(update={"questions": tuple(
            q.model_copy(update=changes) if q.id == question_id else q for q in g.questions)})
            for g in section.groups)
        sections.append(section.model_copy(update={"questions": questions, "groups": groups}))
    return form.model_copy(update={"sections": tuple(sections)})


@pytest.mark.parametrize(("question_id", "changes", "expected"), [
    ("pc_religion", {"description": "Groups impacted may include all recognised faith groups"},
     "not in the template: question 'pc_religion': \"Groups impacted may include all recognised faith groups\""),
    ("pc_religion", {"description": ""},
     'missing: the template says "Groups impacted can include all recognised faith groups'),
    ("summary", {"help": "Choose one answer for each row."},
     "not in the template: question 'summary': \"Choose one answer for each row.\""),
    ("engage_voice", {"heat": False}, "HEAT mark: question 'engage_voice' should carry the HEAT mark (*)"),
    ("summary", {"heat": True}, "HEAT mark: question 'summary' has no HEAT mark in the template"),
])
def test_the_tool_catches_a_reworded_question(part_b_template, question_id, changes, expected):
    found = differences(_with_question(default_form(), question_id, **changes), part_b_template)
    assert any(line.startswith(expected) for line in found), found


def test_the_tool_catches_a_long_step_name_used_as_the_heading(part_b_template):
    form = default_form()
    sections = tuple(s.model_copy(update={"heading": "2. Develop the Evidence Base"}) if s.id == "evidence" else s
                     for s in form.sections)
    found = differences(form.model_copy(update={"sections": sections}), part_b_template)
    assert 'missing: the template says "2. Evidence Base"' in found


def test_a_missing_template_file_is_a_plain_message(tmp_path, capsys):
    assert main([str(tmp_path / "nowhere.md")]) == 2
    assert "PART_B_TEMPLATE.md" in capsys.readouterr().err

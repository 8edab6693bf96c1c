"""Every well-known id in idmf.domain.questions names something that exists in forms/idmf-part-b.yaml."""

from __future__ import annotations

import pytest

from idmf.domain import questions
from idmf.forms import default_form
from idmf.forms.schema import FieldType

FORM = default_form()
QUESTION_IDS = {q.id for q in FORM.questions()}
NOT_QUESTION_IDS = {"PROTECTED_PREFIX", "YES", "NO"}  # checked on their own below


def _names(prefix: str = "") -> list[str]:
    return [n for n in vars(questions) if n.isupper() and n.startswith(prefix)]


@pytest.mark.parametrize("name", [n for n in _names() if not n.startswith(("COL_", "OPTION_", "FINDING_", "ROW_"))
                                  and n not in NOT_QUESTION_IDS])
def test_each_constant_names_a_question_of_the_form(name):
    value = getattr(questions, name)
    ids = value if isinstance(value, tuple) else (value,)
    assert ids and set(ids) <= QUESTION_IDS, f"{name} = {value!r}"


def test_choice_and_column_constants_name_choices_and_columns():
    options = {c.id for c in FORM.question(questions.DECISION_OPTION).choices}
    assert {getattr(questions, n) for n in _names("OPTION_")} <= options
    columns = {c.id for c in FORM.question(questions.ACTION_PLAN).columns}
    assert {getattr(questions, n) for n in _names("COL_")} <= columns
    findings = {c.id for c in FORM.question(questions.ENGAGE_KEY_FINDINGS).columns}
    assert {getattr(questions, n) for n in _names("FINDING_")} == findings
    assert {getattr(questions, n) for n in _names("ROW_")} <= {r.id for r in FORM.question(questions.IMPACTED).rows}
    assert FORM.question(questions.DUTY_HUMAN_RIGHTS).type == FieldType.YES_NO
    assert (questions.YES, questions.NO) == ("yes", "no")  # the only answers a YES/NO question stores


def test_the_groups_of_questions_are_complete():
    impacts = {q.id for q in FORM.questions() if q.type == FieldType.IMPACT}
    assert set(questions.PROTECTED_CHARACTERISTICS) == {i for i in impacts if i.startswith(questions.PROTECTED_PREFIX)}
    assert set(questions.LEGAL_DUTIES) == {q.id for q in FORM.questions() if q.type == FieldType.YES_NO}
    assert set(questions.ENGAGEMENT_QUESTIONS) == {q.id for q in FORM.section_of(questions.ENGAGE_HOW).questions
                                                   if q.type == FieldType.LONG_TEXT}

"""What an assessment found, read from its answers for the outputs that summarise it (cover sheet, easy read).

Everything is looked up through the form and the answer vocabulary: labels, choice labels and group names
are the form's own words, so a reworded form reads through to every summary.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from idmf.domain.answer_text import answer_text, group_name
from idmf.domain.answers import GroupImpact, ImpactAnswer, is_blank
from idmf.domain.assessment import Assessment
from idmf.domain.questions import DECISION_OPTION, IMPACTED, NO, PROTECTED_PREFIX, YES
from idmf.forms.schema import FieldType, FormDefinition, Question

_DASH = re.compile(r"\s+[–—-]\s+")


@dataclass(frozen=True)
class Finding:
    """One characteristic or group the assessment rated, with its ticks and narrative."""

    label: str
    protected: bool  # a protected characteristic (Equality Act 2010), else a health-inequalities group
    impact: ImpactAnswer


def question_or_none(form: FormDefinition, question_id: str) -> Question | None:
    """A question of the form, or None when this form has no such question."""
    try:
        return form.question(question_id)
    except KeyError:
        return None


def text_of(form: FormDefinition, assessment: Assessment, question_id: str) -> str:
    """An answer in the Word document's words ('' when blank, irrelevant or not on this form)."""
    question = question_or_none(form, question_id)
    if question is None or not assessment.is_relevant(form, question_id):
        return ""
    return answer_text(question, assessment.answers.get(question_id))


def findings(form: FormDefinition, assessment: Assessment) -> list[Finding]:
    """Every impact block and inclusion-health group of the assessment, in the form's order."""
    found: list[Finding] = []
    for question in form.questions():
        if not assessment.is_relevant(form, question.id):
            continue
        value: Any = assessment.answers.get(question.id)
        if question.type == FieldType.IMPACT:
            found.append(Finding(question.label, question.id.startswith(PROTECTED_PREFIX),
                                 value if isinstance(value, ImpactAnswer) else ImpactAnswer()))
        elif question.type == FieldType.GROUP_CATALOGUE and isinstance(value, list):
            found += [Finding(group_name(n, g.name), False, g.impact)
                      for n, g in enumerate(value, start=1) if isinstance(g, GroupImpact)]
    return found


def labels_rated(items: list[Finding], rating: str) -> list[str]:
    """The labels of the findings with one rating ticked ('positive', 'negative' or 'neutral')."""
    return [f.label for f in items if getattr(f.impact, rating)]


def decision(form: FormDefinition, assessment: Assessment) -> tuple[str, str]:
    """The Step 5 option chosen: (its full label, its short name before the dash); ('', '') when none."""
    full = text_of(form, assessment, DECISION_OPTION)
    return full, short_choice(full)


def short_choice(label: str) -> str:
    """'Adjust the proposal - take steps…' → 'Adjust the proposal'."""
    return _DASH.split(label, maxsplit=1)[0].strip().rstrip(".") if label else ""


def impacted_groups(form: FormDefinition, assessment: Assessment) -> tuple[list[str], list[str]]:
    """Step 1's who-is-impacted grid: (groups answered Yes, groups answered anything but Yes or No)."""
    question = question_or_none(form, IMPACTED)
    value = assessment.answers.get(IMPACTED) if question is not None else None
    if not isinstance(value, dict):
        return [], []
    yes = [row.label for row in question.rows if value.get(row.id) == YES]
    maybe = [row.label for row in question.rows if value.get(row.id) not in (None, YES, NO)]
    return yes, maybe


def first_paragraph(text: str) -> str:
    """The first non-blank line of an answer."""
    return next((line.strip() for line in text.splitlines() if not is_blank(line)), "")


def person_name(text: str) -> str:
    """The name in a person answer written 'Name, Role' (the whole answer when it has no comma)."""
    return text.split(",", 1)[0].strip()


def joined(items: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def long_date(value: dt.date) -> str:
    """A date in words for plain-English text: '30 April 2026'."""
    return f"{value.day} {value:%B %Y}"

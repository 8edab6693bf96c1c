"""An assessment laid out for the web page: sections, headings and blocks built from the form definition.

Every label, heading, choice and group name is the form's own (`Section.display_title`, question labels,
`answer_text`), so the page follows any rewording of the form. Consecutive impact questions and groups
become one table per group of the form, consecutive YES/NO questions one table, as in the Word export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

from idmf.domain.answer_text import RATINGS, YES_NO_TEXT, answer_text, cell_text, evidence_text, group_name
from idmf.domain.answers import GroupImpact, ImpactAnswer, is_blank
from idmf.domain.assessment import Assessment
from idmf.domain.evidence import CensusTable
from idmf.forms.schema import FieldType, FormDefinition, Question, Section

NOT_ANSWERED = "Not answered"
IMPACT_TYPES = (FieldType.IMPACT, FieldType.GROUP_CATALOGUE)


@dataclass
class Block:
    """One thing on the page: `kind` names its template macro; `rows` are table rows or list items."""

    kind: str  # "text", "choices", "pairs", "grid", "yes_no", "impacts", "table"
    label: str = ""
    heat: bool = False
    paragraphs: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[Any] = field(default_factory=list)
    level: int = 3  # heading level of a labelled block


@dataclass
class ImpactRow:
    """One characteristic or group: its name, who it covers, the three ticks and the explanation."""

    label: str
    description: str
    ticks: list[tuple[str, bool]]  # (rating label, ticked)
    paragraphs: list[str]
    answered: bool


@dataclass
class Part:
    """A heading (its level) with the blocks under it; sections hold parts for their groups."""

    anchor: str
    title: str
    intro: list[str]
    level: int
    blocks: list[Block] = field(default_factory=list)
    parts: list["Part"] = field(default_factory=list)
    census: list[CensusTable] = field(default_factory=list)


def lines(text: str) -> list[str]:
    """Non-blank lines of a text, one paragraph each."""
    return [line for line in text.splitlines() if not is_blank(line)]


def _impact_row(label: str, description: str, impact: Any) -> ImpactRow:
    impact = impact if isinstance(impact, ImpactAnswer) else ImpactAnswer()
    paragraphs = lines(impact.narrative) + ([evidence_text(impact)] if impact.evidence else [])
    return ImpactRow(label, description, [(name, getattr(impact, key)) for key, name in RATINGS], paragraphs,
                     bool(impact.ratings()))


def _impact_rows(question: Question, value: Any) -> list[ImpactRow]:
    if question.type == FieldType.IMPACT:
        return [_impact_row(question.label, question.description, value)]
    groups = [g for g in value if isinstance(g, GroupImpact)] if isinstance(value, list) else []
    return [_impact_row(group_name(n, g.name), "", g.impact) for n, g in enumerate(groups, start=1)]


def _question_block(question: Question, value: Any, level: int) -> Block:
    text = answer_text(question, value)
    if question.type in (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE):
        chosen = set(value) if isinstance(value, list) else {value}
        return Block("choices", question.label, question.heat, rows=[(c.label, c.id in chosen)
                                                                     for c in question.choices],
                     paragraphs=[] if text else [NOT_ANSWERED], level=level)
    if question.type == FieldType.GRID:
        answers = value if isinstance(value, dict) else {}
        rows = [(row.label, question.choice_label(answers[row.id]) if row.id in answers else NOT_ANSWERED)
                for row in question.rows]
        return Block("grid", question.label, question.heat, columns=["Group", "Answer"], rows=rows, level=level)
    if question.type == FieldType.TABLE:
        rows = [[cell_text(row.get(c.id)) for c in question.columns] for row in value or []]
        return Block("table", question.label, question.heat, columns=[c.label for c in question.columns],
                     rows=rows, paragraphs=[] if rows else [NOT_ANSWERED], level=level)
    return Block("text", question.label, question.heat, paragraphs=lines(text) or [NOT_ANSWERED], level=level)


def _blocks(form: FormDefinition, item: Assessment, questions: Sequence[Question], caption: str,
            level: int) -> list[Block]:
    blocks: list[Block] = []
    for question in questions:
        value = item.answers.get(question.id)
        if not item.is_relevant(form, question.id) or (question.app_only and is_blank(value)):
            continue  # an app-only question left empty is not part of the template: not published
        previous = blocks[-1] if blocks else None
        if question.type in IMPACT_TYPES:
            if previous is None or previous.kind != "impacts":
                previous = Block("impacts", caption, columns=["Characteristic or group"] +
                                 [name for _key, name in RATINGS] + ["Explanation"])
                blocks.append(previous)
            previous.rows += _impact_rows(question, value)
        elif question.type == FieldType.YES_NO:
            if previous is None or previous.kind != "yes_no":
                previous = Block("yes_no", caption, columns=["Question", "Answer"])
                blocks.append(previous)
            previous.rows.append((question.label, question.heat, YES_NO_TEXT.get(value, NOT_ANSWERED)))
        else:
            blocks.append(_question_block(question, value, level))
    return blocks


def _pairs(form: FormDefinition, item: Assessment, section: Section) -> Block:
    rows = [(q.label, lines(answer_text(q, item.answers.get(q.id))) or [NOT_ANSWERED])
            for q in section.all_questions() if item.is_relevant(form, q.id)]
    return Block("pairs", section.display_title, columns=["Question", "Answer"], rows=rows)


def parts(form: FormDefinition, item: Assessment, census_step: int) -> list[Part]:
    """The page's sections in the form's order, each with its groups as sub-parts."""
    made = []
    for section in form.sections:
        part = Part(section.id, section.display_title, lines(section.intro_text), 2)
        if section.step is None:
            part.blocks = [_pairs(form, item, section)]
        else:
            part.blocks = _blocks(form, item, section.questions, section.display_title, 3)
            for group in section.groups:
                sub = Part(f"{section.id}-{group.id}", group.title, lines(group.intro_text), 3)
                sub.blocks = _blocks(form, item, group.questions, group.title, 4)
                part.parts.append(sub)
            if section.step == census_step:
                part.census = list(item.census_tables)
        made.append(part)
    return made

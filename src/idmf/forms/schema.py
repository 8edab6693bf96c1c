"""Pydantic schema for a form definition file.

The language is deliberately small: just what the IDMF Part B template needs.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from idmf.forms.relevance import RelevanceError, compared_values, names_in, parse_relevance
from idmf.forms.text import FixedText, plain_text

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class FieldType(StrEnum):
    """Every kind of question the form language knows."""

    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"
    PERSON = "person"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    GRID = "grid"
    IMPACT = "impact"
    TABLE = "table"
    GROUP_CATALOGUE = "group_catalogue"


class ColumnType(StrEnum):
    """Cell types allowed in a repeatable table."""

    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    PERSON = "person"
    DATE = "date"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    """One option of a choice question or one row/choice of a grid."""

    id: Identifier
    label: str = Field(min_length=1)
    help: str = ""
    lead: str = ""  # the label's opening words, printed in bold (the options of Step 5)
    column: str = ""  # grid choices: the document column it is ticked in (several choices may share one)

    @model_validator(mode="after")
    def _lead_opens_the_label(self) -> "Choice":
        if self.lead and not self.label.startswith(self.lead):
            raise ValueError(f"'lead' must be the opening words of the label ('{self.label[:40]}…')")
        return self


class Column(_Strict):
    """One column of a repeatable table."""

    id: Identifier
    label: str = Field(min_length=1)
    type: ColumnType = ColumnType.SHORT_TEXT
    required: bool = False
    help: str = ""


_NEEDS_CHOICES = {FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE, FieldType.GRID}


class Question(_Strict):
    """One question; its id is the key of the stored answer and must never change.

    `label`, `description` and `help` are the template's own words (the Word document prints them);
    `guidance` is the app's advice, shown in the editor only. An `app_only` question is not in the template:
    it is optional and printed only when answered.
    """

    id: Identifier
    type: FieldType
    label: str = Field(min_length=1)
    help: str = ""
    description: str = ""  # impact blocks: "Groups impacted may include…"
    guidance: str = ""
    app_only: bool = False
    print_label: bool = True  # False: the document shows the answer without this (app-worded) label
    tick_heading: str = ""  # a single choice printed as the template's numbered table with this tick column
    required: bool = False
    heat: bool = False
    relevant: str | None = None
    choices: tuple[Choice, ...] = ()
    rows: tuple[Choice, ...] = ()
    columns: tuple[Column, ...] = ()
    catalogue: tuple[Choice, ...] = ()
    allow_other: bool = False  # free text besides the choices (organisation, catalogue groups)

    @model_validator(mode="after")
    def _check_shape(self) -> "Question":
        if self.type in _NEEDS_CHOICES and not self.choices:
            raise ValueError(f"a '{self.type.value}' question needs a list of 'choices'")
        if self.type == FieldType.GRID and not self.rows:
            raise ValueError("a 'grid' question needs a list of 'rows'")
        if self.type == FieldType.TABLE and not self.columns:
            raise ValueError("a 'table' question needs a list of 'columns'")
        if self.type == FieldType.GROUP_CATALOGUE and not self.catalogue:
            raise ValueError("a 'group_catalogue' question needs a 'catalogue' of groups")
        for what, items in (("choices", self.choices), ("rows", self.rows),
                            ("columns", self.columns), ("catalogue", self.catalogue)):
            ids = [item.id for item in items]
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate id in {what}: {', '.join(dupes)}")
        if self.app_only and self.required:
            raise ValueError("an 'app_only' question cannot be 'required' (it is not part of the template)")
        if self.tick_heading and self.type != FieldType.SINGLE_CHOICE:
            raise ValueError("'tick_heading' is only for a 'single_choice' question")
        if self.relevant is not None:
            try:
                parse_relevance(self.relevant)
            except RelevanceError as exc:
                raise ValueError(f"'relevant' expression is not valid: {exc}") from None
        return self

    @property
    def heading(self) -> str:
        """The label as the document prints it: HEAT questions carry the template's asterisk."""
        return f"{self.label}*" if self.heat else self.label

    @property
    def editor_help(self) -> str:
        """What the editor shows under the wording: the template's help, then the app's guidance."""
        return "\n".join(text for text in (self.help, self.guidance) if text)

    def printed_columns(self) -> list[tuple[str, tuple[str, ...]]]:
        """A grid's document columns in order: (heading, the choice ids ticked in it)."""
        columns: dict[str, tuple[str, ...]] = {}
        for choice in self.choices:
            heading = choice.column or choice.label
            columns[heading] = columns.get(heading, ()) + (choice.id,)
        return list(columns.items())

    def choice_label(self, choice_id: str) -> str:
        """The label shown for a choice id (the id itself when unknown)."""
        for choice in self.choices:
            if choice.id == choice_id:
                return choice.label
        return choice_id


class Section(_Strict):
    """A page of the form: front matter, one of the six steps, or approval."""

    id: Identifier
    title: str = Field(min_length=1)  # the long name (the step list, the template's Step 1–6 overview)
    heading: str = ""  # the document's heading ("1. Aims"); empty: no heading (the front matter)
    step: int | None = Field(default=None, ge=1, le=6)
    intro: FixedText = ()
    guidance: str = ""
    questions: tuple[Question, ...] = ()
    groups: tuple["QuestionGroup", ...] = ()

    @property
    def intro_text(self) -> str:
        """The intro as plain text (bullets as '• item' lines), for the editor."""
        return plain_text(self.intro)

    def all_questions(self) -> tuple[Question, ...]:
        """Questions of the section in reading order, including those inside groups."""
        return self.questions + tuple(q for g in self.groups for q in g.questions)

    @property
    def display_title(self) -> str:
        """How every page names the section: '1. Aims of the Proposal' for a step, else the bare title."""
        if self.step is None or re.match(rf"{self.step}\.\s", self.title):  # a title may carry its number
            return self.title
        return f"{self.step}. {self.title}"


class QuestionGroup(_Strict):
    """A headed run of questions inside a section (e.g. 'Protected Characteristics')."""

    id: Identifier
    title: str = Field(min_length=1)
    intro: FixedText = ()
    guidance: str = ""
    questions: tuple[Question, ...] = Field(min_length=1)

    @property
    def intro_text(self) -> str:
        """The intro as plain text (bullets as '• item' lines), for the editor."""
        return plain_text(self.intro)


def _allowed_values(question: Question) -> set[str] | None:
    if question.type == FieldType.YES_NO:
        return {"yes", "no"}
    if question.type in (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE):
        return {c.id for c in question.choices}
    return None


def _check_relevance(question: Question, by_id: dict[str, Question]) -> None:
    assert question.relevant is not None
    unknown = sorted(names_in(question.relevant) - set(by_id))
    if unknown:
        raise ValueError(f"question '{question.id}': 'relevant' refers to unknown question(s) {', '.join(unknown)}")
    for other, value in compared_values(question.relevant):
        allowed = _allowed_values(by_id[other])
        if allowed is not None and value not in allowed:
            raise ValueError(f"question '{question.id}': 'relevant' compares '{other}' with '{value}', which is "
                             f"not one of its choices ({', '.join(sorted(allowed))})")


class FormDefinition(_Strict):
    """A whole form file."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]
    version: str = Field(pattern=r"^\d+\.\d+$")
    title: str
    subtitle: str = ""
    intro: FixedText = ()
    overview_title: str = ""  # the heading over the template's "Step 1: …" list (the steps' own titles)
    heat_note: str = ""
    closing_title: str = ""
    closing: tuple[str, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_ids(self) -> "FormDefinition":
        # Sections/groups and questions are separate namespaces: a section 'aims' may hold a question 'aims'.
        for kind, pairs in (
            ("section or group", [(x.id, s.id) for s in self.sections for x in (s, *s.groups)]),
            ("question", [(q.id, s.id) for s in self.sections for q in s.all_questions()]),
        ):
            seen: dict[str, str] = {}
            for item_id, section_id in pairs:
                if item_id in seen:
                    raise ValueError(
                        f"duplicate {kind} id '{item_id}' (in section '{seen[item_id]}' and '{section_id}')")
                seen[item_id] = section_id
        by_id = {q.id: q for q in self.questions()}
        for question in self.questions():
            if question.relevant:
                _check_relevance(question, by_id)
        return self

    @property
    def intro_text(self) -> str:
        """The lines under the title as plain text, for the editor."""
        return plain_text(self.intro)

    def questions(self) -> list[Question]:
        """Every question of the form in reading order."""
        return [q for s in self.sections for q in s.all_questions()]

    def question(self, question_id: str) -> Question:
        """Look a question up by id (KeyError when the form has no such question)."""
        for q in self.questions():
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def section_of(self, question_id: str) -> Section:
        """The section holding a question."""
        for section in self.sections:
            if any(q.id == question_id for q in section.all_questions()):
                return section
        raise KeyError(question_id)

    @property
    def key(self) -> str:
        """'<id>@<version>', the form reference stored with an assessment."""
        return f"{self.id}@{self.version}"


Section.model_rebuild()

"""A Part B filled in Word without the app, read into answers.

People fill the template in many ways: "Label: value" lines, a bold question and answer paragraphs under it,
tables for the Step 1 grid, the impact boxes and the action plan, ticks as ☒ ☐ ✓ X or Word check boxes, the
legal duties as "YES / NO" with one struck out, deleted or highlighted. Each paragraph is matched to the
template by its own words (headings, questions, labels: wording.py), never by where it is; a paragraph that is
an answer goes to the question above it. Whatever is neither template text nor placed is returned as not
placed, so nothing is lost; placeholders (DD/MM/YYYY, "YES / NO") are answers not given.
"""

from __future__ import annotations

import re
from typing import Any

from idmf.domain.answers import AnswerError, parse_answer
from idmf.export.wordin.compare import Unplaced
from idmf.export.wordin.regions import Item
from idmf.export.wordin.tables import read_table
from idmf.export.wordin.values import date_value, ticked
from idmf.export.wordin.wording import Wording, is_placeholder, split_label, yes_no
from idmf.forms.schema import FieldType, FormDefinition, Question

SHORT_ANSWER = 24  # "YES / NO", "☒ YES ☐ NO": longer text under a legal duty is a narrative, not the answer
_FREE = (FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.PERSON)
_RATING_TICK = re.compile(r"([☒☑✓✔✗✘xX■☐□])\s*(positive|negative|neutral)", re.IGNORECASE)


class Filling:
    """Answers as they are found, with every paragraph's fate: placed, template text, or not placed."""

    def __init__(self, form: FormDefinition) -> None:
        self.form = form
        self.words = Wording(form)
        self.section = form.sections[0].id
        self.question: Question | None = None
        self.lines: dict[str, list[str]] = {}
        self.values: dict[str, Any] = {}
        self.not_placed: list[Unplaced] = []

    def lost(self, text: str) -> None:
        """Keep text that fits nowhere."""
        if text.strip():
            self.not_placed.append(Unplaced(text, self.section))

    def add_line(self, question: Question, text: str) -> None:
        self.lines.setdefault(question.id, []).append(text)

    def set_value(self, question: Question, value: Any) -> None:
        self.values[question.id] = value

    def impact(self, question: Question) -> dict:
        return self.values.setdefault(question.id, {"positive": False, "negative": False, "neutral": False,
                                                    "narrative": "", "evidence": []})

    # --- paragraphs -------------------------------------------------------------------------------------------
    def paragraph(self, item: Item) -> None:
        text = item.text.strip()
        if not text:
            return
        section = self.words.section(text, loose=item.bold or item.style.startswith(("heading", "title")))
        if section is not None:
            self.section, self.question = section.id, None
            return
        label, value = split_label(text)
        if value and self.words.question(label) is not None and self._labelled(text):
            return
        question = self.words.question(text)
        if question is not None:
            self.question = question
            self.section = self.words.section_of(question)
            return
        if item.style.startswith(("heading", "title")) and not self.words.is_template(text):
            self.question = None  # a part the template does not have: it and what follows are not placed
            self.lost(text)
            return
        if (self.question is not None and self.question.type == FieldType.YES_NO and len(text) <= SHORT_ANSWER
                and yes_no(item) is not None):
            self.set_value(self.question, yes_no(item))
            return
        if self._labelled(text) or self._ticks(item) or is_placeholder(text) or self.words.is_template(text):
            return
        if self.question is not None and self._answer_text(self.question, item):
            return
        self.lost(text)

    def _labelled(self, text: str) -> bool:
        """'Label: value' on one line."""
        label, value = split_label(text)
        question = self.words.question(label) if label else None
        if question is None:
            return False
        self.question, self.section = question, self.words.section_of(question)
        if value and not is_placeholder(value) and not self._answer_text(question, Item(value)):
            self.lost(text)
        return True

    def _ticks(self, item: Item) -> bool:
        """A line of impact boxes ('☒ Positive impact ☐ Negative impact …') or a ticked option."""
        question = self.question or self._ticked_question(item.text)
        if question is None:
            return False
        if question.type == FieldType.IMPACT and _RATING_TICK.search(item.text):
            answer = self.impact(question)
            for mark, name in _RATING_TICK.findall(item.text):
                answer[name.lower()] = ticked(mark)
            return True
        choosing = question.type in (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE)
        if choosing and item.text[:1] in "☒☑✓✔✗✘xX■☐□":
            choice = self.words.choice(question, item.text[1:])
            if choice is None:
                return False
            if ticked(item.text):
                if question.type == FieldType.MULTIPLE_CHOICE:
                    self.values.setdefault(question.id, []).append(choice)
                else:
                    self.set_value(question, choice)
            return True
        return False

    def _ticked_question(self, text: str) -> Question | None:
        """Under a step heading with no question yet: the step's tick-box choice question a '☒ option' line
        names (the Step 5 options)."""
        if text[:1] not in "☒☑✓✔✗✘xX■☐□":
            return None
        section = next(s for s in self.form.sections if s.id == self.section)
        return next((q for q in section.all_questions() if q.choices and q.type != FieldType.GRID
                     and self.words.choice(q, text[1:]) is not None), None)

    def _answer_text(self, question: Question, item: Item) -> bool:
        """Text under (or after the label of) a question: its answer, when it can be one."""
        text = item.text.strip()
        kind = question.type
        if kind in _FREE or kind == FieldType.TABLE and question.id != "action_plan":
            self.add_line(question, text)
        elif kind == FieldType.DATE:
            try:
                value = date_value(text)
            except ValueError:
                return False
            if value is not None:
                self.set_value(question, value)
        elif kind == FieldType.YES_NO:
            value = yes_no(item) if len(text) <= SHORT_ANSWER else None
            if value is None:
                return is_placeholder(text)
            self.set_value(question, value)
        elif kind == FieldType.IMPACT:
            answer = self.impact(question)
            answer["narrative"] = "\n".join(t for t in (answer["narrative"], text) if t)
        elif kind in (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE):
            choice = self.words.choice(question, text)
            if choice is None:
                return False
            if kind == FieldType.MULTIPLE_CHOICE:
                self.values.setdefault(question.id, []).append(choice)
            else:
                self.set_value(question, choice)
        else:
            return False
        return True

    # --- the result -------------------------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        """Every answer found, validated; an answer that does not fit its question is not placed."""
        raw = dict(self.values)
        for qid, lines in self.lines.items():
            question = self.form.question(qid)
            if question.type == FieldType.TABLE:
                raw[qid] = [dict(zip((c.id for c in question.columns), _cells(line, len(question.columns))))
                            for line in lines]
            else:
                raw[qid] = "\n".join(lines)
                if question.choices:  # a suggested choice (the organisation list) is stored by its id
                    raw[qid] = self.words.choice(question, raw[qid]) or raw[qid]
        found = {}
        for qid, value in raw.items():
            question = self.form.question(qid)
            try:
                if parse_answer(question, value) is not None:
                    found[qid] = value
            except AnswerError:
                self.not_placed.append(Unplaced(f"{question.label}: {value}", self.words.section_of(question)))
        return found


def _cells(line: str, count: int) -> list[str]:
    for separator in ("\t", " – ", " - ", ", "):
        parts = [p.strip() for p in line.split(separator)]
        if len(parts) == count:
            return parts
    return [line] + [""] * (count - 1)


def read_handfilled(items: list[Item], form: FormDefinition) -> tuple[dict[str, Any], list[Unplaced]]:
    """The answers a hand-filled Part B holds, and the text placed nowhere (items: regions.read_items)."""
    filling = Filling(form)
    tables: dict[int, list[Item]] = {}
    order: list[tuple[str, Any]] = []
    for item in items:
        if item.cell is None:
            order.append(("p", item))
        else:
            if item.cell[0] not in tables:
                order.append(("t", item.cell[0]))
            tables.setdefault(item.cell[0], []).append(item)
    for kind, what in order:
        if kind == "p":
            filling.paragraph(what)
        else:
            read_table(filling, tables[what])
    return filling.answers(), filling.not_placed

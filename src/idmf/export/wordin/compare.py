"""What a Word file the app exported would change: each answer's visible text against the same answer printed
from the data inside the file, question by question.

Both sides are read the same way (regions.read_items on the file, and on the document the app prints again
from the embedded data), so only what someone changed in Word differs. A paragraph typed outside every answer
(after an answer's last paragraph, a row added under a table) belongs to the answer before it; template text
someone rewrote is kept as "not placed", never dropped.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from idmf.domain.answer_text import answer_text
from idmf.domain.answers import AnswerError, is_blank, parse_answer, to_json
from idmf.domain.assessment import Assessment
from idmf.export.wordin.regions import Item
from idmf.export.wordin.values import UnreadableAnswer, lines, norm, read_value
from idmf.forms.printed import section_heading
from idmf.forms.schema import FieldType, FormDefinition


@dataclass(frozen=True)
class WordEdit:
    """One answer changed in Word: its words before and after, and the value to store (unless `problem`)."""

    question_id: str
    label: str
    before: str
    after: str
    value: Any = None  # the new JSON answer (None: the answer was emptied)
    problem: str = ""  # why the new text cannot be stored as this answer
    tracked_by: tuple[str, ...] = ()  # authors of Word's tracked changes in it

    @property
    def applicable(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class Unplaced:
    """Text in the Word file that belongs to no answer, with the step it was found in."""

    text: str
    section_id: str


def shown(items: list[Item]) -> str:
    """An answer's text as Word shows it: paragraphs on lines, a table row's cells separated by ' | '."""
    return "\n".join(lines(items)).replace("\t", " | ")


def steps(items: list[Item], form: FormDefinition) -> list[str]:
    """The section each item lies in, by the step headings above it (the front matter before any)."""
    headings = {norm(section_heading(s)): s.id for s in form.sections}
    current, out = form.sections[0].id, []
    for item in items:
        if item.style.startswith("heading") or item.style == "title":
            current = headings.get(norm(item.text), current)
        out.append(current)
    return out


def _adopt_typed_text(items: list[Item], fresh: list[Item], form: FormDefinition) -> list[Unplaced]:
    """Give paragraphs added outside every answer to the answer before them; return rewritten template text."""
    outside = [n for n, item in enumerate(items) if item.anchor is None]
    expected = [item.text for item in fresh if item.anchor is None]
    where = steps(items, form)
    unplaced: list[Unplaced] = []
    matcher = difflib.SequenceMatcher(None, [items[n].text for n in outside], expected, autojunk=False)
    added = {n for op, i1, i2, _, _ in matcher.get_opcodes() if op == "delete" for n in outside[i1:i2]}
    for op, i1, i2, _, _ in matcher.get_opcodes():
        for n in outside[i1:i2]:
            if op in ("insert", "equal") or not items[n].text:
                continue
            owner = _owner(items, n, added) if op == "delete" else None
            if owner is not None:
                items[n].anchor, items[n].adopted = owner, True
            else:
                unplaced.append(Unplaced(items[n].text, where[n]))
    return unplaced


def _owner(items: list[Item], n: int, added: set[int]) -> str | None:
    """The answer an added paragraph belongs to: the one it was typed just above (only other added paragraphs
    between), else the one before it."""
    following = next((m for m in range(n + 1, len(items)) if m not in added), None)
    if following is not None and items[following].anchor:
        return items[following].anchor
    return next((items[m].anchor for m in range(n - 1, -1, -1) if items[m].anchor and m not in added), None)


_FREE_TEXT = (FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.PERSON, FieldType.DATE, FieldType.IMPACT,
              FieldType.GROUP_CATALOGUE)


def _homeless(items: list[Item], form: FormDefinition) -> list[Unplaced]:
    """Paragraphs added beside an answer that is tick boxes or a table cannot be part of it: not placed."""
    types = {q.id: q for q in form.questions()}
    out = []
    for n, (item, section) in enumerate(zip(items, steps(items, form))):
        question = types.get(item.question_id or "")
        if item.adopted and item.cell is None and question is not None and (
                question.type not in _FREE_TEXT and not (question.type == FieldType.SINGLE_CHOICE
                                                         and not question.tick_heading)):
            out.append(Unplaced(item.text, section))
            item.anchor = None
    return out


def _unmarked(items: list[Item], fresh: list[Item], form: FormDefinition) -> list[Unplaced]:
    """A file whose answers carry no bookmarks (exported before they were added, or stripped of them): its
    answers cannot be told apart, so no answer is changed; every paragraph that differs is kept as a note."""
    for item in fresh:
        item.anchor = None
    return _adopt_typed_text(items, fresh, form)


def _by_question(items: list[Item]) -> dict[str, list[Item]]:
    found: dict[str, list[Item]] = {}
    for item in items:
        if item.question_id:
            found.setdefault(item.question_id, []).append(item)
    return found


def compare(items: list[Item], fresh: list[Item], form: FormDefinition,
            assessment: Assessment) -> tuple[list[WordEdit], list[Unplaced]]:
    """Every answer whose Word text differs from the file's data, and text that belongs to no answer."""
    if not any(item.anchor for item in items):
        return [], _unmarked(items, fresh, form)
    unplaced = _adopt_typed_text(items, fresh, form)
    unplaced += _homeless(items, form)
    mine, theirs = _by_question(items), _by_question(fresh)
    edits = []
    for question in form.questions():
        now, was = mine.get(question.id, []), theirs.get(question.id, [])
        if shown(now) == shown(was):
            continue
        edit = _edit(question, now, assessment.answers.get(question.id))
        if edit is not None:
            edits.append(edit)
    return edits, unplaced


def _edit(question, items: list[Item], original: Any) -> WordEdit | None:
    before = answer_text(question, original)
    tracked = tuple(dict.fromkeys(a for item in items for a in item.tracked if a))
    try:
        raw = read_value(question, items, original)
        value = parse_answer(question, raw)
    except (UnreadableAnswer, AnswerError) as exc:
        return WordEdit(question.id, question.label, before, shown(items), problem=str(exc), tracked_by=tracked)
    if (is_blank(value) and is_blank(original)) or to_json(value) == to_json(original):
        return None
    return WordEdit(question.id, question.label, before, answer_text(question, value), to_json(value),
                    tracked_by=tracked)

"""Compare two versions of an assessment, question by question, in words a reader can follow.

Each answer is first put in the words the Word document prints for it (`answer_text`: choice labels,
YES/NO, ☒/☐ ticks, dates as DD/MM/YYYY), then compared word by word with difflib. The GUI colours the
`segments`; the CLI prints `summary()` and the before/after text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from idmf.domain.answer_text import answer_text
from idmf.domain.assessment import Assessment
from idmf.domain.evidence import CensusTable
from idmf.domain.questions import EVIDENCE_CONSIDERED
from idmf.forms.schema import FormDefinition

CENSUS = "census_tables"  # pseudo question id for the attached census tables


@dataclass(frozen=True)
class TextChange:
    """A run of words that is the same in both versions, or only in one."""

    op: Literal["equal", "insert", "delete"]
    text: str


@dataclass(frozen=True)
class QuestionDiff:
    """How one answer differs between two versions."""

    question_id: str
    step: str  # section id
    step_title: str
    label: str
    change: Literal["added", "removed", "changed"]
    before: str
    after: str
    segments: tuple[TextChange, ...]

    def summary(self) -> str:
        verb = {"added": "answered", "removed": "answer removed", "changed": "changed"}[self.change]
        return f"{self.step_title} — {self.label}: {verb}"


def render_census(tables: list[CensusTable]) -> str:
    """Attached census tables, one paragraph each."""
    return "\n\n".join(
        f"{t.table_code} {t.title} — {t.area_name} ({t.total:,} {t.universe.lower()}): {t.summary()}"
        for t in tables)


def word_changes(before: str, after: str) -> tuple[TextChange, ...]:
    """Word-level differences (whitespace kept, so the text re-joins exactly)."""
    a, b = re.split(r"(\s+)", before), re.split(r"(\s+)", after)
    changes: list[TextChange] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            changes.append(TextChange("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            changes.append(TextChange("delete", "".join(a[i1:i2])))
        if j2 > j1:
            changes.append(TextChange("insert", "".join(b[j1:j2])))
    return tuple(c for c in changes if c.text)


def _entry(qid: str, step: tuple[str, str], label: str, before: str, after: str) -> QuestionDiff | None:
    if before == after:
        return None
    change = "added" if not before else "removed" if not after else "changed"
    return QuestionDiff(qid, step[0], step[1], label, change, before, after, word_changes(before, after))


def _census_step(form: FormDefinition) -> tuple[str, str]:
    for section in form.sections:
        if any(q.id == EVIDENCE_CONSIDERED for q in section.all_questions()):
            return section.id, section.display_title
    return form.sections[0].id, form.sections[0].display_title


def diff_versions(a: Assessment, b: Assessment, form: FormDefinition) -> list[QuestionDiff]:
    """Every question whose answer differs between version `a` (before) and `b` (after), in form order."""
    diffs: list[QuestionDiff] = []
    for section in form.sections:
        for question in section.all_questions():
            found = _entry(question.id, (section.id, section.display_title), question.label,
                           answer_text(question, a.answers.get(question.id)),
                           answer_text(question, b.answers.get(question.id)))
            if found:
                diffs.append(found)
    census = _entry(CENSUS, _census_step(form), "Census tables", render_census(a.census_tables),
                    render_census(b.census_tables))
    return diffs + ([census] if census else [])

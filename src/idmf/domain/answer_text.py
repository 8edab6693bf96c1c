"""An answer in words: exactly the words the Word document prints for it.

The Word export lays some answers out as tables and tick boxes; the words inside (dates, YES/NO, choice
labels, tick labels, table cells, group names) all come from here, and so do the version diff, the
conflict dialog, `idmf-cli show` and the checklist messages that quote an answer. A reader comparing any
of them with the document reads the same words.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from idmf.domain.answers import GroupImpact, ImpactAnswer, is_blank
from idmf.domain.questions import NO, YES
from idmf.forms.printed import IMPACT_RATINGS, YES_NO_HEADINGS
from idmf.forms.schema import FieldType, Question

CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒ ☐, as Word's own check boxes show them
YES_NO_TEXT = {YES: YES_NO_HEADINGS[YES], NO: YES_NO_HEADINGS[NO]}  # the template's capitals
RATINGS = IMPACT_RATINGS
CELL_SEPARATOR = " – "  # between the cells of one table row written as a line
CONTRADICTORY = "Contradictory ratings"


def date_text(value: Any) -> str:
    """A date as the template asks for it: DD/MM/YYYY (anything else as it is)."""
    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)


def tick(checked: bool) -> str:
    """☒ or ☐."""
    return CHECKED if checked else UNCHECKED


def ticks_text(impact: ImpactAnswer) -> str:
    """The three impact boxes in a line: '☒ Positive impact  ☐ Negative impact  ☐ Neutral impact'."""
    return "  ".join(f"{tick(getattr(impact, name))} {label}" for name, label in RATINGS)


def contradiction_text(impact: ImpactAnswer) -> str:
    """'Neutral impact is ticked together with Positive impact and Negative impact' ('' when the ticks agree).

    Neutral means no impact, so it cannot stand beside a positive or negative one (those two may go together).
    """
    ticked = impact.ratings()
    if "neutral" not in ticked or len(ticked) < 2:
        return ""
    labels = dict(RATINGS)
    return "Neutral impact is ticked together with " + " and ".join(labels[r] for r in ticked if r != "neutral")


def contradiction_note(impact: ImpactAnswer) -> str:
    """The note printed under ticks that contradict each other ('' when they agree)."""
    clash = contradiction_text(impact)
    return f"{CONTRADICTORY}: {clash}. Neutral means no impact, so these ratings contradict each other." if clash else ""


def no_mitigation_text(impact: ImpactAnswer) -> str:
    """'No mitigation possible: <the lead's reason>' ('' when none is given)."""
    reason = " ".join(impact.no_mitigation.split())
    return f"No mitigation possible: {reason}" if reason else ""


def evidence_text(impact: ImpactAnswer) -> str:
    """'Evidence: TS021; TS007B' ('' when no evidence is linked); the Word export names linked items in full."""
    return "Evidence: " + "; ".join(impact.evidence) if impact.evidence else ""


def impact_text(impact: ImpactAnswer) -> str:
    """The boxes, the narrative, a note when the ticks contradict each other, the reason no mitigation is
    possible and the linked evidence, in the Word document's order (its "Mitigated by" line needs the plan)."""
    parts = [ticks_text(impact), impact.narrative, contradiction_note(impact), no_mitigation_text(impact),
             evidence_text(impact)]
    return "\n".join(part for part in parts if not is_blank(part))


def cell_text(value: Any) -> str:
    """One table cell: dates DD/MM/YYYY, text as typed ('' when blank)."""
    return "" if is_blank(value) else date_text(value)


def row_text(question: Question, row: dict[str, Any]) -> str:
    """One table row as a line: its filled cells in column order, separated by ' – '."""
    cells = (cell_text(row.get(column.id)) for column in question.columns)
    return CELL_SEPARATOR.join(cell for cell in cells if cell)


def group_name(number: int, name: str) -> str:
    """How the document names an inclusion-health group (1-based number), even one without a name."""
    return name if not is_blank(name) else f"Group {number} (name not given)"


def _text(question: Question, value: Any) -> str:
    # A suggested choice stored by id (the organisation list) reads as its label; other text as typed.
    return question.choice_label(value) if isinstance(value, str) else str(value)


def _grid(question: Question, value: dict[str, str]) -> str:
    return "\n".join(f"{row.label}: {question.choice_label(value[row.id])}" for row in question.rows
                     if row.id in value)


def _groups(groups: list[GroupImpact]) -> str:
    return "\n\n".join(f"{group_name(n, g.name)}\n{impact_text(g.impact)}" for n, g in enumerate(groups, start=1))


_BY_TYPE: dict[FieldType, Callable[[Question, Any], str]] = {
    FieldType.DATE: lambda q, v: date_text(v),
    FieldType.YES_NO: lambda q, v: YES_NO_TEXT.get(v, str(v)),
    FieldType.MULTIPLE_CHOICE: lambda q, v: "\n".join(q.choice_label(c) for c in v),
    FieldType.GRID: _grid,
    FieldType.IMPACT: lambda q, v: impact_text(v),
    FieldType.TABLE: lambda q, v: "\n".join(line for line in (row_text(q, r) for r in v) if line),
    FieldType.GROUP_CATALOGUE: lambda q, v: _groups(v),
}


def answer_text(question: Question, value: Any) -> str:
    """A typed answer in the words the Word document prints for it ('' when it is blank)."""
    if is_blank(value):
        return ""
    return _BY_TYPE.get(question.type, _text)(question, value)

"""What a reader must find in the document for each answer (the expected text, by field type)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from idmf.domain.answers import is_blank
from idmf.domain.links import ROW_ID  # a row's stable id: not something a reader sees
from idmf.forms.schema import FieldType, Question


def _cell(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else str(value)


def fragments(question: Question, value: Any) -> list[str]:
    """Texts that must appear verbatim in the document for this answer."""
    if is_blank(value):
        return []
    kind = question.type
    if kind in (FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.PERSON):
        return [value]
    if kind == FieldType.DATE:
        return [_cell(value)]
    if kind == FieldType.SINGLE_CHOICE:
        return [question.choice_label(value)]
    if kind == FieldType.MULTIPLE_CHOICE:
        return [question.choice_label(v) for v in value]
    if kind == FieldType.GRID:
        return [row.label for row in question.rows]
    if kind == FieldType.IMPACT:
        return [value.narrative] if value.narrative else []
    if kind == FieldType.TABLE:
        return [_cell(v) for row in value for k, v in row.items() if v not in (None, "") and k != ROW_ID]
    if kind == FieldType.GROUP_CATALOGUE:
        return [text for group in value for text in (group.name, group.impact.narrative) if text]
    return []  # yes/no: checked through the ticks


def unique_text(question: Question, value: Any) -> list[str]:
    """Free text only this answer has (to check that irrelevant questions are left out)."""
    if question.type in (FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.PERSON) and value:
        return [value]
    return []

"""Typed answer values, one shape per field type of the form language.

Stored answers are plain JSON; `parse_answer` turns JSON into the typed value
for a question, and `dump_answer` turns it back, so nothing is lost on a round trip.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_serializer

from idmf.domain.links import ROW_ID
from idmf.domain.questions import NO, YES
from idmf.forms.schema import ColumnType, FieldType, Question


class AnswerError(ValueError):
    """An answer whose shape does not fit its question."""


class _Value(BaseModel):
    model_config = ConfigDict(extra="forbid")


# Link fields added after assessments were signed off: written only when set, so the JSON (and with it the
# sign-off fingerprint) of every assessment made before them stays byte for byte the same.
_WRITTEN_WHEN_SET = ("mitigated_by", "no_mitigation")


class ImpactAnswer(_Value):
    """Positive / negative / neutral ticks (more than one allowed), the narrative and the links.

    Links (idmf.domain.links): `evidence` references, `mitigated_by` action-plan row ids, and `no_mitigation`,
    the lead's reason why a negative impact cannot be mitigated.
    """

    positive: bool = False
    negative: bool = False
    neutral: bool = False
    narrative: str = ""
    evidence: list[str] = Field(default_factory=list)
    mitigated_by: list[str] = Field(default_factory=list)
    no_mitigation: str = ""

    @model_serializer(mode="wrap")
    def _dump(self, handler: Any) -> dict[str, Any]:
        data = handler(self)
        for name in _WRITTEN_WHEN_SET:
            if not data.get(name):
                data.pop(name, None)
        return data

    def ratings(self) -> list[str]:
        """Ticked ratings in the template's order."""
        return [name for name in ("positive", "negative", "neutral") if getattr(self, name)]


class GroupImpact(_Value):
    """One inclusion-health group the user added: from the catalogue (catalogue_id) or typed."""

    catalogue_id: str | None = None
    name: str
    impact: ImpactAnswer = Field(default_factory=ImpactAnswer)


_TEXT = TypeAdapter(str)
_DATE = TypeAdapter(dt.date)
_STR_LIST = TypeAdapter(list[str])
_GRID = TypeAdapter(dict[str, str])
_IMPACT = TypeAdapter(ImpactAnswer)
_GROUPS = TypeAdapter(list[GroupImpact])
_ROWS = TypeAdapter(list[dict[str, Any]])  # built once: a TypeAdapter per table answer was most of a bulk load
_YES_NO = {YES, NO}


def _choice_ids(question: Question) -> set[str]:
    return {c.id for c in question.choices}


def _parse_table(question: Question, raw: Any) -> list[dict[str, Any]]:
    rows = _ROWS.validate_python(raw)
    columns = {c.id: c for c in question.columns}
    parsed: list[dict[str, Any]] = []
    for row in rows:
        unknown = set(row) - set(columns) - {ROW_ID}
        if unknown:
            raise AnswerError(f"unknown column(s) {', '.join(sorted(unknown))}")
        cells: dict[str, Any] = {}
        for cid, value in row.items():
            if cid == ROW_ID:
                cells[cid] = _TEXT.validate_python(value, strict=True)
            elif value in (None, ""):
                cells[cid] = value
            elif columns[cid].type == ColumnType.DATE:
                cells[cid] = _DATE.validate_python(value)
            else:
                cells[cid] = _TEXT.validate_python(value)
        parsed.append(cells)
    return parsed


def _parse(question: Question, raw: Any) -> Any:
    kind = question.type
    if kind in (FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.PERSON):
        return _TEXT.validate_python(raw, strict=True)
    if kind == FieldType.DATE:
        return _DATE.validate_python(raw)
    if kind == FieldType.SINGLE_CHOICE:
        value = _TEXT.validate_python(raw, strict=True)
        if value not in _choice_ids(question):
            raise AnswerError(f"'{value}' is not one of the choices")
        return value
    if kind == FieldType.MULTIPLE_CHOICE:
        values = _STR_LIST.validate_python(raw)
        bad = [v for v in values if v not in _choice_ids(question)]
        if bad:
            raise AnswerError(f"{', '.join(bad)} not among the choices")
        return values
    if kind == FieldType.YES_NO:
        if raw not in _YES_NO:
            raise AnswerError(f"the answer must be '{YES}' or '{NO}'")
        return raw
    if kind == FieldType.GRID:
        grid = _GRID.validate_python(raw)
        rows, choices = {r.id for r in question.rows}, _choice_ids(question)
        for row, choice in grid.items():
            if row not in rows or choice not in choices:
                raise AnswerError(f"row '{row}' / choice '{choice}' is not part of the grid")
        return grid
    if kind == FieldType.IMPACT:
        return _IMPACT.validate_python(raw)
    if kind == FieldType.TABLE:
        return _parse_table(question, raw)
    if kind == FieldType.GROUP_CATALOGUE:
        return _GROUPS.validate_python(raw)
    raise AnswerError(f"unknown field type {kind}")  # pragma: no cover - schema forbids it


def _well_formed(raw: Any) -> Any:
    """Strings as proper Unicode: surrogate halves that form a pair are joined, lone ones become U+FFFD.

    Text typed into the app never holds lone surrogates, but pasted or imported text can; left alone
    they cannot be stored as UTF-8 and would come back different from a JSON round trip.
    """
    if isinstance(raw, str):
        return raw.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(raw, list):
        return [_well_formed(v) for v in raw]
    if isinstance(raw, dict):
        return {k: _well_formed(v) for k, v in raw.items()}
    return raw


def parse_answer(question: Question, raw: Any) -> Any:
    """Validate a JSON answer for a question and return its typed value (None stays None)."""
    return None if raw is None else _checked(question, _well_formed(raw))


# A JSON text can only decode to a lone surrogate through a \uD800-\uDFFF escape (or one already in the text).
_MAY_HOLD_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


def parse_answer_text(question: Question, text: str) -> Any:
    """`parse_answer` of an answer's JSON text as stored: the same value, but strings are walked for surrogates
    only when the text can hold one (the walk was most of the time of a bulk read)."""
    raw = json.loads(text)
    if raw is None:
        return None
    return _checked(question, _well_formed(raw) if _MAY_HOLD_SURROGATE.search(text) else raw)


def _checked(question: Question, raw: Any) -> Any:
    try:
        return _parse(question, raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise AnswerError(f"answer to '{question.id}' is not valid: {first['msg']}") from None
    except AnswerError as exc:
        raise AnswerError(f"answer to '{question.id}' is not valid: {exc}") from None


def to_json(value: Any) -> Any:
    """Typed answer value (or any nest of them) to plain JSON."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# Everything outside XML 1.0's Char production (lone surrogates fall outside every range): characters a Word
# document cannot hold, so the export drops them and text made only of them prints as nothing.
NOT_IN_WORD = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BLANK_TEXT = re.compile(rf"(?:\s|{NOT_IN_WORD.pattern})*")  # fullmatch stops at the first printable character


def is_blank(value: Any) -> bool:
    """True when an answer, typed or plain JSON, holds nothing a reader would count as answered.

    Blank: None; False (an unticked box); text of only spaces and characters a Word document cannot hold;
    an empty list; a dict or model (an impact block, a table row) whose every value is blank.
    """
    if value is None or value is False:
        return True
    if isinstance(value, str):
        return _BLANK_TEXT.fullmatch(value) is not None
    if isinstance(value, BaseModel):
        return all(is_blank(getattr(value, name)) for name in type(value).model_fields)
    if isinstance(value, dict):
        return all(is_blank(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return not value  # a list that holds a row, even an empty one, is the user's: kept
    return False

"""Leave staff names and contact details out of a copy made for publishing.

Public bodies publish their equality analyses, but not their staff's names, email addresses or phone
numbers. The names are the ones the assessment itself records in its person questions and person columns
(the lead, the director, other contacts, whoever completed it, the EDI partner): each is withheld wherever it
appears, in any answer, with or without a title ("Dr Anil Mistry", "Anil Mistry", "Dr Mistry"). Roles stay
("[name withheld], Senior Planning Manager"). Email addresses and UK phone numbers are withheld wherever
they appear.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from pydantic import BaseModel

from idmf.domain.answers import is_blank
from idmf.domain.assessment import Assessment
from idmf.export.findings import person_name
from idmf.forms.schema import ColumnType, FieldType, FormDefinition

NAME_WITHHELD = "[name withheld]"
CONTACT_WITHHELD = "[contact details withheld]"
_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor")
_TITLE = re.compile(rf"^(?:{'|'.join(_TITLES)})\.?\s+", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")


def _names_in(value: Any, columns: set[str]) -> list[str]:
    if isinstance(value, str):
        return [person_name(value)]
    if isinstance(value, list):
        return [person_name(row[c]) for row in value if isinstance(row, dict) for c in columns
                if isinstance(row.get(c), str)]
    return []


def staff_names(form: FormDefinition, assessment: Assessment) -> list[str]:
    """Every name the assessment records in a person question or person column, with its variants."""
    found: set[str] = set()
    for question in form.questions():
        columns = {c.id for c in question.columns if c.type == ColumnType.PERSON}
        if question.type == FieldType.PERSON or columns:
            for name in _names_in(assessment.answers.get(question.id), columns):
                found |= _variants(name)
    return sorted((n for n in found if not is_blank(n)), key=len, reverse=True)


def _variants(name: str) -> set[str]:
    bare = _TITLE.sub("", name).strip()
    variants = {name.strip(), bare}
    parts = bare.split()
    if len(parts) >= 2:
        variants |= {f"{title} {parts[-1]}" for title in _TITLES}
    return {v for v in variants if len(v) >= 3}


def redact_text(text: str, names: list[str]) -> str:
    """Text with the given names, email addresses and phone numbers withheld."""
    text = _EMAIL.sub(CONTACT_WITHHELD, text)
    text = _PHONE.sub(CONTACT_WITHHELD, text)
    if names:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)
        text = pattern.sub(NAME_WITHHELD, text)
    return text


def _map_text(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, BaseModel):
        return value.model_copy(update={k: _map_text(getattr(value, k), change) for k in type(value).model_fields})
    if isinstance(value, list):
        return [_map_text(v, change) for v in value]
    if isinstance(value, dict):
        return {k: _map_text(v, change) for k, v in value.items()}
    return value


def redact(form: FormDefinition, assessment: Assessment) -> Assessment:
    """A copy of the assessment with staff names and contact details withheld in every answer."""
    names = staff_names(form, assessment)
    answers = {qid: _map_text(value, lambda text: redact_text(text, names))
               for qid, value in assessment.answers.items()}
    return assessment.model_copy(update={"answers": answers})

"""Build answers for every question of a form, one realistic value per field type."""

from __future__ import annotations

from typing import Any

from idmf.forms.schema import ColumnType, FieldType, FormDefinition, Question

_CELL = {
    ColumnType.SHORT_TEXT: "Jo Bloggs, 2 days of analyst time",
    ColumnType.LONG_TEXT: "Translate the patient letter into the five most spoken languages",
    ColumnType.PERSON: "Amira Patel",
    ColumnType.DATE: "2027-03-31",
}


def answer_for(question: Question, n: int = 0) -> Any:
    """A valid JSON answer for one question."""
    kind = question.type
    if kind in (FieldType.SHORT_TEXT, FieldType.LONG_TEXT):
        return f"Answer {n} to {question.id}: café & <clinic> \"quoted\" — 多语言"
    if kind == FieldType.PERSON:
        return f"Person {n} for {question.id}"
    if kind == FieldType.DATE:
        return f"2026-{(n % 12) + 1:02d}-{(n % 27) + 1:02d}"
    if kind == FieldType.SINGLE_CHOICE:
        return question.choices[n % len(question.choices)].id
    if kind == FieldType.MULTIPLE_CHOICE:
        return [c.id for c in question.choices[:2]]
    if kind == FieldType.YES_NO:
        return "yes" if n % 2 else "no"
    if kind == FieldType.GRID:
        return {row.id: question.choices[i % len(question.choices)].id for i, row in enumerate(question.rows)}
    if kind == FieldType.IMPACT:
        return {"positive": n % 2 == 0, "negative": n % 3 == 0, "neutral": False,
                "narrative": f"Narrative for {question.id}", "evidence": []}
    if kind == FieldType.TABLE:
        return [{c.id: _CELL[c.type] for c in question.columns} for _ in range(2)]
    if kind == FieldType.GROUP_CATALOGUE:
        first = question.catalogue[0]
        return [
            {"catalogue_id": first.id, "name": first.label,
             "impact": {"positive": True, "negative": False, "neutral": False, "narrative": "Helps", "evidence": []}},
            {"catalogue_id": None, "name": "Shift workers",
             "impact": {"positive": False, "negative": True, "neutral": False, "narrative": "Evening clinics",
                        "evidence": []}},
        ]
    raise AssertionError(f"no sample for {kind}")


def fill_all(form: FormDefinition) -> dict[str, Any]:
    """An answer for every question (conditional ones included)."""
    return {q.id: answer_for(q, n) for n, q in enumerate(form.questions())}

"""Builders for review tests: a committee-ready assessment, and ways to store it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from idmf.domain.assessment import Assessment, Status
from idmf.domain.evidence import CensusTable
from idmf.forms.schema import FieldType, FormDefinition
from tests.factories import fill_all

TODAY = dt.date(2026, 3, 1)

DISTINCT_NEUTRAL = {
    "pc_age": "Appointment times are unchanged, so patients of every age keep the same access.",
    "pc_disability": "The new unit keeps level access, hearing loops and accessible toilets on one floor.",
    "pc_sexual_orientation": "Next-of-kin forms already recognise same-sex partners; nothing changes here.",
    "pc_gender_reassignment": "Records privacy and single rooms stay as they are for trans patients.",
    "pc_sex": "Bays remain single-sex; staff preferences for chaperones are kept.",
    "pc_race": "Interpreting through the existing contract continues; leaflets come in five languages.",
    "pc_religion": "The multi-faith room moves with the unit and clinic times avoid Friday prayers.",
    "pc_pregnancy": "Pregnant patients are not treated in day-case surgery, so the change does not reach them.",
    "pc_marriage": "Marriage or civil partnership does not affect eligibility or access to the unit.",
}


def _impact(narrative: str, *, positive=False, negative=False, neutral=False, evidence=("JSNA 2025, Oadby and Wigston profile",),
            mitigated_by=()):
    return {"positive": positive, "negative": negative, "neutral": neutral, "narrative": narrative,
            "evidence": list(evidence), "mitigated_by": list(mitigated_by)}


def ready_answers(form: FormDefinition) -> dict[str, Any]:
    """JSON answers for an assessment that passes every readiness rule (blocking and warnings) on TODAY."""
    answers = fill_all(form)
    for question in form.questions():
        if question.type == FieldType.IMPACT:
            text = DISTINCT_NEUTRAL.get(question.id, f"How the proposal affects {question.label}, with evidence.")
            answers[question.id] = _impact(text, positive=True)
    answers["pc_age"] = _impact("Older patients may travel further; we will provide a volunteer driver scheme to "
                                "reduce this.", negative=True, mitigated_by=["driver"])
    catalogue = form.question("ih_groups").catalogue[0]
    answers["ih_groups"] = [{"catalogue_id": catalogue.id, "name": catalogue.label,
                             "impact": _impact("Shorter waits help this group.", positive=True)}]
    answers.update({
        "start_date": "2026-01-05", "completed_date": "2026-02-10",
        "engage_how": "Focus groups with older people, disabled people and carers.",
        "engage_where": "Community centres in Hinckley, facilitated by the patient experience team.",
        "engage_questions": "How would travelling to Leicester affect you?",
        "engage_voice": "Interpreters, easy read material and home visits for people who cannot travel.",
        "engage_findings": "People told us transport was their main worry; carers asked for evening slots.",
        "duty_discrimination": "yes", "duty_opportunity": "yes", "duty_relations": "yes",
        "duty_human_rights": "no", "duty_contract": "yes",
        "duty_narrative": "The analysis shows due regard to each aim of the duty.",
        "decision_option": "adjust", "decision_rationale": "Adjusting removes the transport barrier.",
        "action_plan": [{"row_id": "driver", "action": "Volunteer driver scheme for older patients",
                         "lead": "Amira Patel",
                         "target_date": "2027-03-31", "outcome": "Fewer missed appointments"}],
    })
    for qid in ("approval_meeting_date", "human_rights_edi_advice", "decision_justification", "decision_edi_advice"):
        answers.pop(qid, None)
    return answers


def census_table(characteristic: str) -> CensusTable:
    """A census table attached as evidence for one characteristic."""
    return CensusTable(table_code="TS030", title="Religion", characteristic=characteristic, area_code="E06000016",
                       area_name="Leicester", universe="All usual residents", total=368_571)


def build(form: FormDefinition, answers: dict[str, Any], status: Status = Status.DRAFT,
          raw: dict[str, Any] | None = None, census_for: str | None = None,
          review_date: dt.date | None = None) -> Assessment:
    """An in-memory assessment: `answers` validated against the form, `raw` stored as is (imported data)."""
    item = Assessment.new(form)
    for qid, value in answers.items():
        item.set_answer(form, qid, value)
    item.answers.update(raw or {})
    item.status = status
    item.review_date = review_date
    if census_for:
        item.census_tables.append(census_table(census_for))
    return item


def store(context, form: FormDefinition, answers: dict[str, Any], status: Status = Status.DRAFT) -> Assessment:
    """A stored assessment (through the repository, as an import would)."""
    return context.store.assessments.add(build(form, answers, status))

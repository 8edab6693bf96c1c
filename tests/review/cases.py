"""One failing and one passing case for every readiness rule, as changes to a committee-ready assessment.

Each case changes the JSON answers (`change(answers)`); `raw` holds values the answer model cannot store
(imported data such as two ticked options or a placeholder date), so those run through the core API only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from idmf.domain.assessment import Status
from tests.review.helpers import DISTINCT_NEUTRAL

Answers = dict[str, Any]


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    change: Callable[[Answers], None] = lambda a: None
    raw: dict[str, Any] = field(default_factory=dict)
    status: Status = Status.DRAFT
    today: dt.date | None = None
    census_for: str | None = None  # attach a census table evidencing this characteristic
    review_date: dt.date | None = None

    @property
    def cli(self) -> bool:
        return not self.raw  # the answer model cannot store these, so only the core API sees them


def _set(**values: Any) -> Callable[[Answers], None]:
    return lambda answers: answers.update(values)


def _drop(*qids: str) -> Callable[[Answers], None]:
    return lambda answers: [answers.pop(q, None) for q in qids]


def _impact(qid: str, narrative: str, **fields: Any) -> Callable[[Answers], None]:
    def change(answers: Answers) -> None:
        answers[qid] = {"positive": False, "negative": False, "neutral": False, "narrative": narrative,
                        "evidence": ["doc:ref"], **fields}
    return change


def _all(*changes: Callable[[Answers], None]) -> Callable[[Answers], None]:
    return lambda answers: [c(answers) for c in changes]


def _all_neutral(narrative: Callable[[str], str]) -> Callable[[Answers], None]:
    return _all(*(_impact(q, narrative(q), neutral=True) for q in DISTINCT_NEUTRAL),
                _set(decision_option="accept"))


_DISABLED_NEGATIVE = _impact("pc_disability", "Some disabled patients will have to travel further.", negative=True)
_ACTION = {"row_id": "driver", "action": "Volunteer driver scheme for older patients", "lead": "Amira Patel",
           "target_date": "2027-03-31", "outcome": "Fewer missed appointments"}

FAILING = [
    Case("required-missing", "legal-duty narrative empty", _drop("duty_narrative")),
    Case("engagement-findings-pending", "findings to be added later",
         _set(engage_findings="To be added after engagement.")),
    Case("engagement-findings-pending", "findings empty", _drop("engage_findings", "engage_key_findings")),
    Case("impact-unrated", "no tick for sex", _impact("pc_sex", "Bays stay single-sex.")),
    Case("impact-unrated", "inclusion group without tick", _set(ih_groups=[{"name": "Sex workers", "impact": {
        "narrative": "Outreach clinic.", "evidence": ["doc:1"]}}])),
    Case("impact-no-narrative", "race rated, no narrative", _impact("pc_race", " ", positive=True)),
    Case("negative-no-mitigation", "disability negative, nothing planned", _DISABLED_NEGATIVE),
    Case("negative-no-mitigation", "narrative promises support, nothing linked",
         _impact("pc_disability", "Some disabled patients travel further; we will mitigate this with support and "
                                  "accessible transport.", negative=True)),
    Case("negative-no-mitigation", "linked action was deleted",
         _impact("pc_disability", "Some disabled patients travel further.", negative=True, mitigated_by=["gone"])),
    Case("option-missing", "no option", _drop("decision_option")),
    Case("option-multiple", "two options ticked (imported)", raw={"decision_option": ["adjust", "stop"]}),
    Case("option-no-rationale", "rationale empty", _set(decision_rationale="")),
    Case("continue-unjustified", "continue, no justification or advice", _set(decision_option="continue")),
    Case("accept-with-negative", "no impacts chosen, age negative", _set(decision_option="accept")),
    Case("duty-unanswered", "good relations left as YES / NO", _drop("duty_relations")),
    Case("human-rights-no-advice", "human rights YES, no advice", _set(duty_human_rights="yes")),
    Case("action-no-lead", "action without lead", _set(action_plan=[{**_ACTION, "lead": ""}])),
    Case("action-no-date", "action without date", _set(action_plan=[{**_ACTION, "target_date": None}])),
    Case("action-no-date", "placeholder DD/MM/YYYY (imported)",
         raw={"action_plan": [{**_ACTION, "target_date": "DD/MM/YYYY"}]}),
    Case("action-date-past", "target date passed", _set(action_plan=[{**_ACTION, "target_date": "2026-02-01"}])),
    Case("completed-before-start", "completed before start", _set(completed_date="2026-01-01")),
    Case("approval-date-missing", "ready for committee without a date", status=Status.READY_FOR_COMMITTEE),
    Case("approval-before-completed", "committee before completion", _set(approval_meeting_date="2026-02-01")),
    Case("narratives-near-identical", "nine times 'applies equally to all'",
         _all_neutral(lambda q: "This proposal applies equally to all groups." + (" " if q == "pc_sex" else ""))),
    Case("narratives-near-identical", "three groups 'we do not envisage… will monitor'", _all(*(
        _impact(q, f"We do not envisage any negative impact{',' if n else ''} but will monitor feedback.",
                neutral=True) for n, q in enumerate(("pc_sex", "pc_religion", "pc_marriage"))))),
    Case("answer-still-to-come", "duty narrative to be confirmed",
         _set(duty_narrative="To be confirmed following legal review.")),
    Case("answer-still-to-come", "questions still being drafted",
         _set(engage_questions="The questions are still being drafted with the working group.")),
    Case("answer-still-to-come", "rationale is a template placeholder",
         _set(decision_rationale="[insert rationale for the preferred option]")),
    Case("answer-still-to-come", "no-mitigation reason awaited", _impact(
        "pc_disability", "Disabled patients travel further.", negative=True,
        no_mitigation="Awaiting legal advice on whether transport can be funded.")),
    Case("text-still-to-come", "site TBC in the summary", _set(summary="A new clinic; the site is TBC.")),
    Case("text-still-to-come", "action lead is a placeholder",
         _set(action_plan=[{**_ACTION, "lead": "TBC"}])),
    Case("no-mitigation-needs-continue", "no mitigation possible, option 2 chosen", _impact(
        "pc_disability", "Disabled patients travel further.", negative=True,
        no_mitigation="The national criteria do not allow transport to be funded.")),
    Case("ticks-contradictory", "positive, negative and neutral", _impact(
        "pc_sex", "Bays stay single-sex.", positive=True, negative=True, neutral=True)),
    Case("ticks-contradictory", "neutral with negative (a group)", _set(ih_groups=[{"name": "Sex workers", "impact": {
        "negative": True, "neutral": True, "narrative": "Fewer evening clinics.", "evidence": ["doc:1"]}}])),
    Case("benefit-only-negative", "a benefit under a Negative tick", _impact(
        "pc_race", "Translated letters will make it easier for families to book.", negative=True,
        mitigated_by=["driver"])),
    Case("action-outcome-condition", "outcome 'if approved'",
         _set(action_plan=[{**_ACTION, "outcome": "This will happen if the decision is approved."}])),
    Case("action-single-lead-no-resources", "one person leads every action, no resources",
         _set(action_plan=[_ACTION, {**_ACTION, "row_id": "leaflet", "action": "Translate the leaflet"}])),
    Case("action-about-unrated-impact", "monitors positive impacts while none is positive",
         _all(*(_impact(q, t, neutral=True) for q, t in DISTINCT_NEUTRAL.items() if q != "pc_age"),
              _impact("ih_deprivation", "Costs to patients do not change.", neutral=True),
              _set(ih_groups=[], action_plan=[{**_ACTION, "action": "Monitor positive impacts on wellbeing"}]))),
    Case("action-about-unrated-impact", "negative impact on a group rated positive",
         _set(action_plan=[{**_ACTION, "action": "Monitor the negative impact on pregnant women"}])),
    Case("impacted-not-assessed", "staff impacted, never engaged or assessed",
         _all(_set(engage_with=["patients"]), _impact("pc_sex", "Bays remain single-sex.", positive=True))),
    Case("edi-date-order", "assurance before completion", _set(approval_edi_date="2026-02-01")),
    Case("edi-date-order", "assurance after the committee",
         _set(approval_edi_date="2026-03-12", approval_meeting_date="2026-03-10")),
    Case("committee-date-mismatch", "committee named with another date",
         _set(approval_committee="Planned Care Board, 14/1/26", approval_meeting_date="2026-03-10")),
    Case("action-date-out-of-range", "target before completion",
         _set(action_plan=[{**_ACTION, "target_date": "2026-01-20"}]), today=dt.date(2026, 1, 15)),
    Case("action-date-out-of-range", "target before the start",
         _set(action_plan=[{**_ACTION, "target_date": "2025-12-20"}]), today=dt.date(2025, 12, 1)),
    Case("review-date-before-approval", "review date before the meeting",
         _set(approval_meeting_date="2026-03-10"), review_date=dt.date(2026, 3, 1)),
    Case("text-date-order", "findings cite a date after completion",
         _set(engage_findings="At the sessions on 20th Feb people asked for evening slots.")),
    Case("rating-no-evidence", "religion rated without evidence",
         _set(pc_religion={"positive": True, "narrative": "Prayer room kept.", "evidence": []})),
    Case("negative-not-engaged", "older people never engaged",
         _set(engage_how="An online survey.", engage_voice="We will publicise it widely.",
              engage_where="Online.", engage_questions="What do you think?",
              engage_findings="Most respondents supported the change.")),
]

PASSING = [
    Case("required-missing", "human-rights advice not needed when NO", _drop("human_rights_edi_advice")),
    Case("engagement-findings-pending", "real findings", _set(engage_findings="Carers asked for evening slots.")),
    Case("impact-unrated", "every group rated"),
    Case("impact-no-narrative", "every rating explained"),
    Case("negative-no-mitigation", "linked to an action that reduces it",
         _impact("pc_disability", "Some disabled patients travel further.", negative=True, mitigated_by=["driver"])),
    Case("negative-no-mitigation", "a reason why no mitigation is possible",
         _impact("pc_disability", "Some disabled patients travel further.", negative=True,
                 no_mitigation="The national criteria do not allow transport to be funded.")),
    Case("option-missing", "adjust chosen"),
    Case("option-multiple", "one option", raw={"decision_option": ["adjust"]}),
    Case("option-no-rationale", "rationale given"),
    Case("continue-unjustified", "continue with justification and advice",
         _set(decision_option="continue", decision_justification="Clinical safety requires it.",
              decision_edi_advice="EDI team advised on 12/01/2026.")),
    Case("accept-with-negative", "no impacts and nothing negative",
         _all(_set(decision_option="accept"), _impact("pc_age", "Same hours for all ages.", neutral=True))),
    Case("duty-unanswered", "every duty answered"),
    Case("human-rights-no-advice", "human rights YES with advice",
         _set(duty_human_rights="yes", human_rights_edi_advice="EDI advised on 03/02/2026.")),
    Case("action-no-lead", "action with lead"),
    Case("action-no-date", "real date"),
    Case("action-date-past", "date still ahead at submission",
         _set(action_plan=[{**_ACTION, "target_date": "2026-02-01"}]), today=dt.date(2026, 1, 15)),
    Case("completed-before-start", "completed after start"),
    Case("approval-date-missing", "ready with a committee date", _set(approval_meeting_date="2026-03-10"),
         status=Status.READY_FOR_COMMITTEE),
    Case("approval-before-completed", "committee after completion", _set(approval_meeting_date="2026-02-20")),
    Case("narratives-near-identical", "nine neutral ratings, each explained", _all_neutral(DISTINCT_NEUTRAL.get)),
    Case("answer-still-to-come", "future tense that is a plan, not a promise to write",
         _set(duty_narrative="We will monitor uptake by ethnicity every quarter and act on what we find.")),
    Case("text-still-to-come", "plans in the future tense",
         _set(actions_maximise="We will add evening clinics once the new rota starts.")),
    Case("no-mitigation-needs-continue", "no mitigation possible, option 3 justified", _all(_impact(
        "pc_disability", "Disabled patients travel further.", negative=True,
        no_mitigation="The national criteria do not allow transport to be funded."),
        _set(decision_option="continue", decision_justification="Clinical safety requires it.",
             decision_edi_advice="EDI team advised on 12/01/2026."))),
    Case("ticks-contradictory", "positive and negative together", _impact(
        "pc_sex", "Bays stay single-sex; fewer evening slots.", positive=True, negative=True)),
    Case("benefit-only-negative", "negative narrative about harm"),
    Case("action-outcome-condition", "outcome says what changes"),
    Case("action-single-lead-no-resources", "same lead, time named", _set(action_plan=[
        {**_ACTION, "lead": "Amira Patel; 2 days a month"},
        {**_ACTION, "row_id": "leaflet", "lead": "Amira Patel; 2 days a month"}])),
    Case("action-about-unrated-impact", "negative impact on a group rated negative",
         _set(action_plan=[{**_ACTION, "action": "Monitor the negative impact on older patients"}])),
    Case("impacted-not-assessed", "staff in the engagement plan"),
    Case("edi-date-order", "assurance between completion and committee",
         _set(approval_edi_date="2026-02-12", approval_meeting_date="2026-03-10")),
    Case("committee-date-mismatch", "committee named with the meeting date",
         _set(approval_committee="Planned Care Board, 10 March 2026", approval_meeting_date="2026-03-10")),
    Case("action-date-out-of-range", "target after completion"),
    Case("review-date-before-approval", "review a year after the meeting",
         _set(approval_meeting_date="2026-03-10"), review_date=dt.date(2027, 3, 10)),
    Case("text-date-order", "findings cite dates before completion",
         _set(engage_findings="At the sessions on 20th Jan people asked for evening slots.")),
    Case("rating-no-evidence", "evidence from an attached census table",
         _set(pc_religion={"positive": True, "narrative": "Prayer room kept.", "evidence": []}),
         census_for="pc_religion"),
    Case("negative-not-engaged", "older people in the engagement plan"),
]

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

    @property
    def cli(self) -> bool:
        return not self.raw  # the answer model cannot store these, so only the core API sees them


def _set(**values: Any) -> Callable[[Answers], None]:
    return lambda answers: answers.update(values)


def _drop(*qids: str) -> Callable[[Answers], None]:
    return lambda answers: [answers.pop(q, None) for q in qids]


def _impact(qid: str, narrative: str, **ticks: bool) -> Callable[[Answers], None]:
    def change(answers: Answers) -> None:
        answers[qid] = {"positive": False, "negative": False, "neutral": False, "narrative": narrative,
                        "evidence": ["doc:ref"], **ticks}
    return change


def _all(*changes: Callable[[Answers], None]) -> Callable[[Answers], None]:
    return lambda answers: [c(answers) for c in changes]


def _all_neutral(narrative: Callable[[str], str]) -> Callable[[Answers], None]:
    return _all(*(_impact(q, narrative(q), neutral=True) for q in DISTINCT_NEUTRAL),
                _set(decision_option="accept"))


_DISABLED_NEGATIVE = _impact("pc_disability", "Some disabled patients will have to travel further.", negative=True)
_ACTION = {"action": "Volunteer driver scheme for older patients", "lead": "Amira Patel",
           "target_date": "2027-03-31", "outcome": "Fewer missed appointments"}

FAILING = [
    Case("required-missing", "legal-duty narrative empty", _drop("duty_narrative")),
    Case("engagement-findings-pending", "findings to be added later",
         _set(engage_findings="To be added after engagement.")),
    Case("engagement-findings-pending", "findings empty", _drop("engage_findings")),
    Case("impact-unrated", "no tick for sex", _impact("pc_sex", "Bays stay single-sex.")),
    Case("impact-unrated", "inclusion group without tick", _set(ih_groups=[{"name": "Sex workers", "impact": {
        "narrative": "Outreach clinic.", "evidence": ["doc:1"]}}])),
    Case("impact-no-narrative", "race rated, no narrative", _impact("pc_race", " ", positive=True)),
    Case("negative-no-mitigation", "disability negative, nothing planned", _DISABLED_NEGATIVE),
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
    Case("neutral-boilerplate", "nine times 'applies equally to all'",
         _all_neutral(lambda q: "This proposal applies equally to all groups." + (" " if q == "pc_sex" else ""))),
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
    Case("negative-no-mitigation", "an action names the group",
         _all(_DISABLED_NEGATIVE, _set(action_plan=[_ACTION, {**_ACTION, "action": "Book accessible transport for "
                                                                                   "disabled patients"}]))),
    Case("negative-no-mitigation", "narrative says how it is mitigated",
         _impact("pc_disability", "Some disabled patients travel further; we will mitigate this with free "
                                  "transport and accessible parking.", negative=True)),
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
    Case("neutral-boilerplate", "nine neutral ratings, each explained", _all_neutral(DISTINCT_NEUTRAL.get)),
    Case("rating-no-evidence", "evidence from an attached census table",
         _set(pc_religion={"positive": True, "narrative": "Prayer room kept.", "evidence": []}),
         census_for="pc_religion"),
    Case("negative-not-engaged", "older people in the engagement plan"),
]

"""Build resources/examples/day-case-unit.json: a complete, realistic (fictional) IDMF Part B assessment.

The people are invented; the setting (Hinckley and Bosworth, Leicester, Leicestershire and Rutland) is real.
Answers are set through Assessment.set_answer, so the file always validates against the bundled form:

    PYTHONPATH=src python resources/examples/make_day_case_unit.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from idmf.domain.assessment import Assessment, Status
from idmf.domain.documents import AttachedDocument
from idmf.forms import FormDefinition, default_form
from idmf.interchange import jsonio
from idmf.files import atomic_write_text

HERE = Path(__file__).resolve().parent
OUT = HERE / "day-case-unit.json"

# ruff: noqa: E501  (prose)

ANSWERS = {
    "title": "Proposal not to proceed with the planned day-case unit at Hinckley Community Health Hub",
    "organisation": "NHS Leicester, Leicestershire and Rutland Integrated Care Board",
    "lead": "Sarah Whitmore, Senior Planning Manager",
    "director": "Dr Anil Mistry, Chief Strategy and Planning Officer",
    "other_contacts": [
        {"name": "Helen Okafor", "role": "Head of Estates Development"},
        {"name": "James Pritchard", "role": "Finance Business Partner, Capital"},
        {"name": "Rachel Dunn", "role": "Communications and Engagement Manager"},
        {"name": "Mr Tomasz Nowak", "role": "Clinical Director, Planned Care (University Hospitals of Leicester)"},
    ],
    "start_date": "2025-11-27",
    "completed_date": "2025-12-17",
    "summary": (
        "In 2021 the ICB and University Hospitals of Leicester NHS Trust (UHL) agreed to build a two-theatre "
        "day-case unit at the Hinckley Community Health Hub, so that around 5,200 Hinckley and Bosworth residents "
        "a year could have minor operations (cataract, hernia, endoscopy-guided and minor orthopaedic procedures) "
        "closer to home.\n"
        "Construction tenders returned in October 2025 at £21.4 million against an approved capital budget of "
        "£13.8 million. The national capital allocation for 2026/27 does not allow the gap to be funded without "
        "stopping other approved schemes, including urgent backlog maintenance at the Leicester Royal Infirmary.\n"
        "This assessment covers the proposal not to proceed with the operating theatres. The Hub's outpatient, "
        "diagnostic (CT, MRI, ultrasound) and phlebotomy services are not affected and open as planned in 2026."
    ),
    "aims": (
        "To use the system's limited capital where it delivers the greatest benefit for patients, while making "
        "sure Hinckley and Bosworth residents keep timely access to planned day-case surgery.\n"
        "Objectives: keep waiting times for day-case procedures at or below the LLR average for Hinckley and "
        "Bosworth patients; reduce the extra travel the decision causes; and move pre-operative assessment and "
        "follow-up appointments to the Hub so that most visits remain local."
    ),
    "changes": (
        "The change is that a planned new service will not be opened: no existing service closes and no staff "
        "post is at risk. Day-case procedures will continue at Leicester General Hospital (about 14 miles from "
        "Hinckley town centre), and patients may continue to choose George Eliot Hospital in Nuneaton.\n"
        "The review was triggered by the tender result. It links to the LLR Joint Forward Plan priorities on "
        "elective recovery, the Estates Strategy 2023–2033 and the ICB's statutory duty to stay within its "
        "capital resource limit."
    ),
    "health_inequalities_impact": (
        "Without mitigation the decision could widen inequalities in access: the people least able to make a "
        "28-mile round trip (older people, disabled people, people without a car, carers and people on low "
        "incomes in Earl Shilton and parts of Hinckley) are also those with more need for planned surgery. "
        "With the mitigations in Step 6, we expect no measurable difference in waiting times or did-not-attend "
        "(DNA) rates between Hinckley and Bosworth and other LLR residents."
    ),
    "evidence_considered": (
        "UHL activity data 2022/23–2024/25 for day-case procedures by patient postcode, age, sex, ethnicity and "
        "IMD decile; DNA rates by distance travelled; the 2021 full business case and its equality analysis; the "
        "Leicestershire JSNA 2022–2025 (Hinckley and Bosworth district summary); ONS Census 2021 for Hinckley and "
        "Bosworth; Fingertips local health profiles; the Rural Community Council's 2024 transport survey; and "
        "the findings of the 2019 \"Building Better Hospitals\" consultation."
    ),
    "data_sources": (
        "Census 2021 (TS007B age, TS038 disability, TS021 ethnic group, TS039 unpaid care); English Indices of "
        "Deprivation 2019 at LSOA level; DfT car availability (Census TS045); UHL theatre and pre-assessment "
        "data; and Healthwatch Leicestershire patient experience reports."
    ),
    "respondent_profile": (
        "The 2019 consultation had 1,142 responses from Hinckley and Bosworth: 61% women, 38% men; 44% aged 65 "
        "or over; 19% disabled; 3% from Black, Asian or minority ethnic groups (the district's population is "
        "5.7%). Younger adults and people from minority ethnic groups were under-represented, so this "
        "engagement targeted them (see Step 3)."
    ),
    "populations": (
        "Older people (25% of day-case patients from the district are 75 or over); disabled people and people "
        "with long-term conditions; people living in the most deprived LSOAs in Earl Shilton, Barwell and "
        "Hinckley Clarendon (IMD deciles 2–3); unpaid carers; and residents of rural villages with no direct "
        "bus to Leicester General Hospital."
    ),
    "drivers": (
        "Distance and cost of travel (no direct bus; a taxi costs about £38 each way); low car ownership in the "
        "most deprived areas; digital exclusion among older residents for booking transport; caring "
        "responsibilities; and the need for an escort after sedation, which is harder to arrange further from "
        "home. We can directly control pre-assessment and follow-up location and transport support; we can "
        "influence bus routes through the county council; car ownership and income are outside our control."
    ),
    "engage_how": (
        "Drop-in sessions, an online and paper survey (easy read and large print available, other languages on "
        "request), targeted conversations through community groups, and a staff briefing for Hub and UHL "
        "day-case teams."
    ),
    "engage_where": (
        "Hinckley Community Health Hub, Earl Shilton Library and the Barwell Methodist Church carers' café, "
        "facilitated by the ICB engagement team with Healthwatch Leicestershire as independent observers."
    ),
    "engage_questions": (
        "What would make it hardest for you to travel to Leicester General Hospital for an operation?\n"
        "Which appointments matter most to you to keep in Hinckley?\n"
        "What help with transport would you use?\n"
        "Is there anything about you or the people you care for that we should take into account?"
    ),
    "engage_voice": (
        "Sessions at different times of day including a Saturday, hearing loops and BSL interpretation on "
        "request, materials reviewed by the LLR Readers' Panel, and outreach through Age UK Leicestershire & "
        "Rutland, Voluntary Action Leicestershire and the Hinckley Polish community association."
    ),
    "engage_findings": (
        "312 people took part (208 survey responses, 104 at sessions). Transport was the main concern (71%), "
        "followed by the need for a companion after sedation (38%). 84% said keeping pre-assessment and "
        "follow-up at the Hub would make the change acceptable. Carers asked for appointment times that fit "
        "round caring. Polish-speaking residents asked for translated appointment letters."
    ),
    "duty_narrative": (
        "The decision does not treat anyone less favourably because of a protected characteristic. The "
        "analysis found potential indirect disadvantage for older and disabled people, carers and people on "
        "low incomes because of travel; the adjustments in Step 5 and the action plan remove most of it. "
        "No human rights concerns were identified: access to treatment is maintained within national waiting "
        "time standards. Patient information will meet the Accessible Information Standard, including easy "
        "read, large print, BSL and translated letters."
    ),
    "decision_rationale": (
        "Option 2 (adjust) was chosen: the proposal goes ahead with four adjustments — pre-operative assessment "
        "and follow-up at the Hub; patient transport eligibility extended to day-case patients from the "
        "district who meet the low-income or carer criteria; a named transport coordinator with a phone line "
        "(not only online booking); and first-on-list morning slots offered to patients relying on public "
        "transport. The EDI team reviewed the analysis and agreed that the remaining impacts are justified and "
        "proportionate."
    ),
    "actions_maximise": (
        "Target transport support at the three most deprived LSOAs; co-design patient letters with the Readers' "
        "Panel; offer video follow-up where clinically suitable, with a face-to-face option always available; "
        "work with Leicestershire County Council on the Hinckley–Leicester bus timetable."
    ),
    "monitoring_measures": (
        "Quarterly report to the Planned Care Board: waiting times, DNA and cancellation rates and transport "
        "uptake for Hinckley and Bosworth residents, split by age band, sex, ethnicity, disability flag and IMD "
        "quintile, compared with the rest of LLR. A patient experience survey six months after the change."
    ),
    "approval_committee": "Joint Executive Team (JET), NHS Leicester, Leicestershire and Rutland ICB",
    "approval_meeting_date": "2026-01-13",
    "approval_completed_by": "Sarah Whitmore, Senior Planning Manager",
    "approval_edi_partner": "Priya Chauhan, EDI Business Partner",
    "approval_edi_date": "2026-01-08",
}


def _impact(rating: str, narrative: str, mitigated_by: tuple[str, ...] = (), evidence: tuple[str, ...] = ()) -> dict:
    return {"positive": "positive" in rating, "negative": "negative" in rating, "neutral": "neutral" in rating,
            "narrative": narrative, "evidence": list(evidence), "mitigated_by": list(mitigated_by)}


# Step 3's findings as items Step 4 links to (row ids are stable: links survive reordering).
KEY_FINDINGS = [
    {"row_id": "f-transport", "finding": "Transport to Leicester General Hospital was the main concern (71%), above all for people aged 75 and over and in households without a car", "heard_from": "208 survey responses and 104 people at the drop-in sessions"},
    {"row_id": "f-escort", "finding": "Needing a companion after sedation is harder to arrange further from home (38%); disabled people and carers raised it most", "heard_from": "Survey free text and the Barwell carers' café session"},
    {"row_id": "f-local", "finding": "84% said keeping pre-assessment and follow-up at the Hub would make the change acceptable", "heard_from": "Survey, all respondents"},
    {"row_id": "f-villages", "finding": "People in Market Bosworth and Stoke Golding have no direct bus to Leicester and rely on lifts", "heard_from": "Earl Shilton Library session, 31 people"},
    {"row_id": "f-letters", "finding": "Polish-speaking residents asked for translated appointment letters", "heard_from": "Hinckley Polish community association, 12 people"},
]

# A document attached as evidence: the survey's headline figures, as the engagement team exported them.
SURVEY_NAME = "Hinckley day-case engagement - survey summary.csv"
SURVEY_CSV = (
    "question,answer,responses,percent\n"
    "Main concern about the change,Travel to Leicester General Hospital,148,71\n"
    "Main concern about the change,Needing a companion after sedation,79,38\n"
    "Would local pre-assessment and follow-up make the change acceptable?,Yes,175,84\n"
    "Household has a car,No,52,25\n"
    "Respondents aged 75 and over,,61,29\n"
)
SURVEY_ID = "survey-2025"
SURVEY = f"document:{SURVEY_ID}"


IMPACTS = {
    "pc_age": _impact("negative", "People aged 75 and over make up 25% of day-case patients from the district and are the least likely to drive. Mitigated by local pre-assessment and follow-up, transport support and morning slots.",
                      ("a-local", "a-transport", "a-coordinator"), ("finding:f-transport", SURVEY)),
    "pc_disability": _impact("negative", "Disabled people are more likely to need transport and an escort. Patient transport eligibility is extended, and reasonable adjustments (longer appointments, BSL interpreters, hearing loops) are flagged at referral.",
                             ("a-transport", "a-local"), ("finding:f-escort",)),
    "pc_sexual_orientation": _impact("neutral", "No differential impact identified. Patients can name any person, including a same-sex partner, as their escort and next of kin."),
    "pc_gender_reassignment": _impact("neutral", "No differential impact identified. UHL's policy on privacy and single-sex accommodation applies on the day-case ward."),
    "pc_sex": _impact("neutral", "Women are 57% of day-case patients from the district; the travel impacts are similar for men and women."),
    "pc_race": _impact("neutral", "94.3% of the district's residents are White; no ethnic group is over-represented among patients affected. Translated letters (Polish, Gujarati, Punjabi) will be offered following engagement."),
    "pc_religion": _impact("neutral", "No differential impact identified. Appointment times take account of religious observance on request, and the prayer room at Leicester General Hospital is signposted."),
    "pc_pregnancy": _impact("neutral", "Few day-case procedures are offered during pregnancy. Staff on maternity leave in the Hub team were kept informed by letter."),
    "pc_marriage": _impact("neutral", "No impact identified."),
    "ih_deprivation": _impact("negative", "Earl Shilton, Barwell and Hinckley Clarendon include LSOAs in the 20% most deprived in England (Core20PLUS5), where 31% of households have no car. Transport support is targeted at these areas, and uptake and DNA rates will be monitored by IMD quintile.",
                              ("a-transport", "a-coordinator"), ("finding:f-transport", SURVEY)),
}

GROUPS = [
    ("Carers", _impact("negative", "A longer trip and a longer day make it harder for carers to have treatment themselves, or to escort the person they care for. Appointment times will be agreed with carers, and the carers' café will promote the transport line.", ("a-transport", "a-coordinator"), ("finding:f-escort",))),
    ("People living in rural", _impact("negative", "Villages such as Market Bosworth and Stoke Golding have no direct bus to Leicester General Hospital. Rural patients are included in the extended transport eligibility.", ("a-transport",), ("finding:f-villages",))),
    ("Armed forces", _impact("neutral", "No differential impact identified; Armed Forces Covenant priority for service-related conditions continues to apply.")),
]

ACTIONS = [
    {"row_id": "a-local", "action": "Move pre-operative assessment and follow-up clinics for Hinckley and Bosworth patients to the Hub", "lead": "Mr Tomasz Nowak; 2 sessions a week of nurse pre-assessment", "target_date": "2026-04-30", "outcome": "Most visits for a day-case procedure stay local"},
    {"row_id": "a-transport", "action": "Extend patient transport eligibility to day-case patients meeting low-income or carer criteria", "lead": "Helen Okafor with the transport contract manager; £46,000 a year", "target_date": "2026-05-31", "outcome": "No patient misses surgery for lack of transport"},
    {"row_id": "a-coordinator", "action": "Set up a transport coordinator phone line (not online only)", "lead": "Rachel Dunn; 0.6 WTE band 4 coordinator", "target_date": "2026-05-31", "outcome": "Booking support for people who are not online"},
    {"row_id": "a-letters", "action": "Co-design appointment letters with the Readers' Panel; offer Polish, Gujarati and Punjabi translations", "lead": "Rachel Dunn", "target_date": "2026-03-31", "outcome": "Letters meet the Accessible Information Standard"},
    {"row_id": "a-monitoring", "action": "Quarterly equality monitoring report to the Planned Care Board", "lead": "Sarah Whitmore; BI analyst time", "target_date": "2026-09-30", "outcome": "Gaps are seen early and acted on"},
    {"row_id": "a-revisit", "action": "Revisit this assessment after six months of monitoring", "lead": "Sarah Whitmore with Priya Chauhan", "target_date": "2026-12-17", "outcome": "Updated equality analysis to JET"},
]


def choice_id(form: FormDefinition, question_id: str, label: str) -> str:
    """A choice id found by its label's start (so the example follows the form's own ids)."""
    question = form.question(question_id)
    for choice in question.choices:
        if choice.label.lower().startswith(label.lower()):
            return choice.id
    raise KeyError(f"{question_id}: no choice starting '{label}'")


def _grid(form: FormDefinition) -> dict[str, str]:
    wanted = {"staff": "Yes", "patients": "Yes", "carers": "Yes", "general": "Indirectly", "partner": "Yes"}
    grid = {}
    for row in form.question("impacted").rows:
        key = next(k for k in wanted if row.label.lower().startswith(k))
        grid[row.id] = choice_id(form, "impacted", wanted[key])
    return grid


def _groups(form: FormDefinition) -> list[dict]:
    catalogue = form.question("ih_groups").catalogue
    groups = []
    for label, impact in GROUPS:
        entry = next((c for c in catalogue if c.label.lower().startswith(label.lower())), None)
        groups.append({"catalogue_id": entry.id if entry else None, "name": entry.label if entry else label,
                       "impact": impact})
    return groups


def build(form: FormDefinition) -> Assessment:
    """The example assessment on the given form."""
    item = Assessment.new(form)
    item.uid = "5f0c2a9e8d3b4c6f9a1e7d2b3c4a5e60"
    item.version_number = 2
    item.status = Status.APPROVED
    item.created_at = dt.datetime(2025, 11, 27, 9, 12, tzinfo=dt.timezone.utc)
    item.updated_at = dt.datetime(2026, 1, 13, 16, 40, tzinfo=dt.timezone.utc)
    item.review_date = dt.date(2026, 12, 17)
    for question_id, value in ANSWERS.items():
        item.set_answer(form, question_id, value)
    for question_id, impact in IMPACTS.items():
        item.set_answer(form, question_id, impact)
    item.set_answer(form, "impacted", _grid(form))
    item.set_answer(form, "decision_option", choice_id(form, "decision_option", "Adjust"))
    for question_id in ("duty_discrimination", "duty_opportunity", "duty_relations", "duty_contract"):
        item.set_answer(form, question_id, "yes")
    item.set_answer(form, "duty_human_rights", "no")
    item.set_answer(form, "ih_groups", _groups(form))
    item.set_answer(form, "action_plan", ACTIONS)
    item.set_answer(form, "engage_key_findings", KEY_FINDINGS)
    item.documents = [AttachedDocument.from_bytes(SURVEY_NAME, SURVEY_CSV.encode("utf-8"), SURVEY_ID)
                      .model_copy(update={"added_at": dt.datetime(2025, 12, 10, 14, 0, tzinfo=dt.timezone.utc)})]
    return item


def main() -> int:
    """Write the example JSON next to this script."""
    atomic_write_text(OUT, jsonio.dumps(build(default_form())))
    print(OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())

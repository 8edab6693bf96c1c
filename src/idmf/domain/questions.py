"""The question ids (and a few choice and column ids) that the app's own logic looks up by name.

Each is the key of stored answers in forms/idmf-part-b.yaml, so it never changes; naming it once here means a
typo fails at import rather than reading as "unanswered". tests/domain/test_questions.py checks that every
name below exists in the form.

A group reads `GROUP = NAME_1, NAME_2 = ("id_1", "id_2")`: the tuple, and each id by its own name.
"""

from __future__ import annotations

# Front matter: the title, organisation and lead are shown everywhere (dashboard, header, file names).
TITLE = "title"
ORGANISATION = "organisation"
LEAD = "lead"
DIRECTOR = "director"
OTHER_CONTACTS = "other_contacts"
START_DATE = "start_date"
COMPLETED_DATE = "completed_date"

# Step 1: who is impacted, what the proposal is and what changes (the cover sheet and easy read start here).
IMPACTED = "impacted"
SUMMARY = "summary"
AIMS = "aims"
CHANGES = "changes"

# Step 2: the census profile is printed after the data sources; the census belongs to the evidence step.
EVIDENCE_CONSIDERED = "evidence_considered"
DATA_SOURCES = "data_sources"

# Step 3: the engagement plan and its findings.
ENGAGE_WITH = "engage_with"
ENGAGE_KEY_FINDINGS = "engage_key_findings"  # a table: the findings as items Step 4 links to
FINDING_TEXT = "finding"  # its columns
FINDING_HEARD_FROM = "heard_from"
ENGAGEMENT_QUESTIONS = ENGAGE_HOW, ENGAGE_WHERE, ENGAGE_QUESTIONS, ENGAGE_VOICE, ENGAGE_FINDINGS = (
    "engage_how", "engage_where", "engage_questions", "engage_voice", "engage_findings")

# Step 1: who is impacted (a grid), and its rows that name people rather than a service's users.
IMPACTED = "impacted"
ROW_STAFF = "staff"
ROW_CARERS = "carers"
SUMMARY = "summary"

# Step 4: the nine protected characteristics, deprivation and the other inclusion-health groups.
PROTECTED_CHARACTERISTICS = (PC_AGE, PC_DISABILITY, PC_SEXUAL_ORIENTATION, PC_GENDER_REASSIGNMENT, PC_SEX, PC_RACE,
                             PC_RELIGION, PC_PREGNANCY, PC_MARRIAGE) = (
    "pc_age", "pc_disability", "pc_sexual_orientation", "pc_gender_reassignment", "pc_sex", "pc_race", "pc_religion",
    "pc_pregnancy", "pc_marriage")
PROTECTED_PREFIX = "pc_"  # a form may add characteristics; their ids start with this
IH_DEPRIVATION = "ih_deprivation"
IH_GROUPS = "ih_groups"

# Step 4: the legal duties (YES/NO), their narrative, and the advice a human-rights concern needs.
LEGAL_DUTIES = DUTY_DISCRIMINATION, DUTY_OPPORTUNITY, DUTY_RELATIONS, DUTY_HUMAN_RIGHTS, DUTY_CONTRACT = (
    "duty_discrimination", "duty_opportunity", "duty_relations", "duty_human_rights", "duty_contract")
DUTY_NARRATIVE = "duty_narrative"
HUMAN_RIGHTS_EDI_ADVICE = "human_rights_edi_advice"
YES, NO = "yes", "no"  # the stored answers of a YES/NO question

# Step 5: the option chosen and why.
DECISION_OPTION = "decision_option"
DECISION_JUSTIFICATION = "decision_justification"
DECISION_EDI_ADVICE = "decision_edi_advice"
DECISION_RATIONALE = "decision_rationale"
OPTION_ACCEPT = "accept"  # choices of DECISION_OPTION
OPTION_CONTINUE = "continue"
OPTION_STOP = "stop"

# Step 6: the plans (future by nature), the action plan and its columns.
ACTIONS_MAXIMISE = "actions_maximise"
MONITORING_MEASURES = "monitoring_measures"
ACTION_PLAN = "action_plan"
COL_ACTION = "action"
COL_LEAD = "lead"
COL_TARGET_DATE = "target_date"
COL_OUTCOME = "outcome"

# Approval: filled in at review and sign-off.
APPROVAL_COMMITTEE = "approval_committee"
APPROVAL_MEETING_DATE = "approval_meeting_date"
APPROVAL_COMPLETED_BY = "approval_completed_by"
APPROVAL_EDI_PARTNER = "approval_edi_partner"
APPROVAL_EDI_DATE = "approval_edi_date"

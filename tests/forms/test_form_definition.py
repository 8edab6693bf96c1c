"""The bundled IDMF Part B form (forms/idmf-part-b.yaml) and the messages a broken form file gives.

What is checked here is what a project lead or committee would notice: the template's steps, wording and
choices are all there, and a mistake in a form file is reported in plain English, not as a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from idmf.forms import FieldType, FormDefinition, FormError, default_form, load_form
from idmf.forms.relevance import is_relevant
from idmf.forms.schema import ColumnType, Section


@pytest.fixture(scope="module")
def part_b() -> FormDefinition:
    return default_form()


# --------------------------------------------------------------------------- the bundled form


def test_the_bundled_form_loads_with_the_template_heading(part_b):
    assert part_b.key == "idmf-part-b@1.0"
    assert part_b.title == "Inclusive Decision-Making Framework (IDMF) Equality Analysis"
    assert part_b.subtitle == "Part B Template"
    assert [b.text for b in part_b.intro] == [  # two bold lines under the title
        "Please complete all sections of this IDMF template and refer to the IDMF/EIA Toolkit for more information.",
        "For further support, contact your Equality, Diversity and Inclusion team."]
    assert part_b.overview_title == "Inclusive Decision-Making Framework:"
    assert "Health Equity Assessment Tool (HEAT)" in part_b.heat_note
    assert "HEAT has been developed by Public Health England" in part_b.heat_note
    assert part_b.closing_title == "What Next?"
    assert len(part_b.closing) == 3
    assert part_b.closing[2] == "Follow any specialist advice or guidance from the EDI Team (if provided)."


def test_six_steps_in_template_order_between_front_matter_and_approval(part_b):
    assert [(s.id, s.step) for s in part_b.sections] == [
        ("front", None), ("aims", 1), ("evidence", 2), ("engagement", 3), ("impact", 4),
        ("options", 5), ("monitoring", 6), ("approval", None),
    ]
    assert [s.title for s in part_b.sections if s.step] == [
        "Aims of the Proposal",
        "Develop the Evidence Base",
        "Design your Inclusive Engagement Plan",
        "Equality Impact Assessment",
        "Options Appraisal",
        "Monitoring, Re-Evaluation, and Publishing",
    ]


def test_document_headings_are_the_templates_short_ones(part_b):
    assert [s.heading for s in part_b.sections] == [
        "", "1. Aims", "2. Evidence Base", "3. Inclusive Engagement Plan", "4. Equality Impact Assessment",
        "5. Options Appraisal", "6. Monitoring, Re-Evaluation, and Publishing", "Approval"]
    impact = next(s for s in part_b.sections if s.id == "impact")
    assert [g.title for g in impact.groups] == [
        "Protected Characteristics", "Health Inequalities", "Compliance with Legal Duties"]


def test_every_question_has_help_or_guidance(part_b):
    assert [q.id for q in part_b.questions() if not q.editor_help] == []


def test_app_only_questions_are_optional(part_b):
    app_only = {q.id for q in part_b.questions() if q.app_only}
    assert app_only == {"engage_with", "engage_key_findings", "human_rights_edi_advice", "decision_justification", "decision_edi_advice",
                        "approval_edi_partner", "approval_edi_date"}
    assert not any(part_b.question(qid).required for qid in app_only)


def test_display_title_numbers_the_steps_only(part_b):
    titles = [s.display_title for s in part_b.sections]
    assert titles[0] == "About this assessment" and titles[-1] == "Approval"
    assert titles[1] == "1. Aims of the Proposal"
    assert titles[6] == "6. Monitoring, Re-Evaluation, and Publishing"


@pytest.mark.parametrize("title, step, shown", [
    ("Aims", 1, "1. Aims"),
    ("1. Aims", 1, "1. Aims"),  # already numbered: not "1. 1. Aims"
    ("1.\tAims", 1, "1.\tAims"),
    ("2. Aims", 1, "1. 2. Aims"),  # another number is part of the title
    ("1.5 litres", 1, "1. 1.5 litres"),
    ("10. Aims", 1, "1. 10. Aims"),
    ("Approval", None, "Approval"),
    ("3. Notes", None, "3. Notes"),
])
def test_display_title_of_any_title(title, step, shown):
    assert Section(id="s", title=title, step=step).display_title == shown


# Question ids are the keys of stored answers and other parts of the app look them up by name.
EXPECTED_IDS = {
    "front": ["title", "organisation", "lead", "director", "other_contacts", "start_date", "completed_date"],
    "aims": ["impacted", "summary", "aims", "changes", "health_inequalities_impact"],
    "evidence": ["evidence_considered", "data_sources", "respondent_profile", "populations", "drivers"],
    "engagement": ["engage_how", "engage_where", "engage_questions", "engage_voice", "engage_findings"],
    "impact": ["pc_age", "pc_disability", "pc_sexual_orientation", "pc_gender_reassignment", "pc_sex", "pc_race",
               "pc_religion", "pc_pregnancy", "pc_marriage", "ih_deprivation", "ih_groups",
               "duty_discrimination", "duty_opportunity", "duty_relations", "duty_human_rights", "duty_contract",
               "duty_narrative", "human_rights_edi_advice"],
    "options": ["decision_option", "decision_justification", "decision_edi_advice", "decision_rationale"],
    "monitoring": ["actions_maximise", "monitoring_measures", "action_plan"],
    "approval": ["approval_committee", "approval_meeting_date", "approval_completed_by", "approval_edi_partner",
                 "approval_edi_date"],
}


@pytest.mark.parametrize("section_id", list(EXPECTED_IDS))
def test_every_template_question_is_in_its_section_in_order(part_b, section_id):
    section = next(s for s in part_b.sections if s.id == section_id)
    ids = [q.id for q in section.all_questions()]
    assert [i for i in ids if i in EXPECTED_IDS[section_id]] == EXPECTED_IDS[section_id]


def test_front_matter_offers_the_llr_organisations_and_free_text(part_b):
    assert part_b.question("title").label == "Title of Service / Policy / Business Plan"
    assert part_b.question("title").required
    organisation = part_b.question("organisation")
    assert organisation.allow_other and organisation.required
    labels = [c.label for c in organisation.choices]
    assert "NHS Leicester, Leicestershire and Rutland Integrated Care Board" in labels
    assert "University Hospitals of Leicester NHS Trust" in labels
    assert "Rutland County Council" in labels
    assert part_b.question("lead").type == FieldType.PERSON
    assert "Start Date" in part_b.question("completed_date").guidance


def test_who_is_impacted_grid_keeps_yes_and_no_as_text(part_b):
    grid = part_b.question("impacted")
    assert grid.type == FieldType.GRID and grid.required
    assert [r.label for r in grid.rows] == [
        "Staff", "Patients / Service Users", "Carers or Family", "General Public", "Partner Organisations"]
    # YAML 1.1 would read an unquoted yes/no as true/false; the ids must stay the words.
    assert [(c.id, c.label) for c in grid.choices] == [
        ("yes", "Yes"), ("no", "No"), ("indirectly", "Indirectly"), ("possibly", "Possibly")]
    # the template's three columns: "indirectly" and "possibly" share one
    assert grid.printed_columns() == [("Yes", ("yes",)), ("No", ("no",)),
                                      ("Indirectly / Possibly", ("indirectly", "possibly"))]


PROTECTED = [
    ("pc_age", "Age"),
    ("pc_disability", "Disability"),
    ("pc_sexual_orientation", "Sexual Orientation"),
    ("pc_gender_reassignment", "Gender Reassignment"),
    ("pc_sex", "Sex"),
    ("pc_race", "Race"),
    ("pc_religion", "Religion & Belief"),
    ("pc_pregnancy", "Pregnancy & Maternity"),
    ("pc_marriage", "Marriage & Civil Partnership"),
]


def test_the_nine_protected_characteristics_have_their_template_labels(part_b):
    impact = next(s for s in part_b.sections if s.id == "impact")
    protected = next(g for g in impact.groups if g.id == "protected")
    assert protected.title == "Protected Characteristics"
    assert [(q.id, q.label) for q in protected.questions] == PROTECTED
    for question in protected.questions:
        assert question.type == FieldType.IMPACT and question.required, question.id
        assert question.help.startswith("Consider "), question.id
    # four descriptions are the template's own sentences, not "Groups impacted may include…"
    assert part_b.question("pc_gender_reassignment").description == (
        "People proposing to undergo, undergoing or have undergone gender reassignment.")
    assert part_b.question("pc_religion").description.startswith("Groups impacted can include all recognised")
    assert part_b.question("pc_pregnancy").description.startswith("Relates to women who are pregnant")
    assert part_b.question("pc_marriage").description.startswith("This includes people within a formal legal")


def test_people_experiencing_deprivation_is_always_assessed(part_b):
    deprivation = part_b.question("ih_deprivation")
    assert deprivation.label == "People Experiencing Deprivation"
    assert deprivation.type == FieldType.IMPACT
    assert deprivation.required and deprivation.heat
    assert deprivation.relevant is None
    assert "Core20PLUS5 ( https://www.england.nhs.uk/about/equality/equality-hub/core20plus5/ )" in \
        deprivation.description
    assert "english-indices-of-deprivation-2019" in deprivation.description
    assert part_b.section_of("ih_deprivation").id == "impact"


def test_further_inclusion_health_groups_come_from_a_catalogue_or_free_text(part_b):
    groups = part_b.question("ih_groups")
    assert groups.type == FieldType.GROUP_CATALOGUE and groups.allow_other
    assert len(groups.catalogue) == 14
    ids = {c.id for c in groups.catalogue}
    assert {"carers", "armed_forces", "homelessness", "gypsy_roma_traveller", "young_carers"} <= ids
    assert "Gypsy, Roma and Traveller communities" in [c.label for c in groups.catalogue]


DUTIES = ["duty_discrimination", "duty_opportunity", "duty_relations", "duty_human_rights", "duty_contract"]


def test_five_legal_duties_are_required_yes_no_with_a_required_narrative(part_b):
    for qid in DUTIES:
        question = part_b.question(qid)
        assert question.type == FieldType.YES_NO and question.required, qid
        assert question.help, qid
    assert part_b.question("duty_discrimination").label == (
        "Eliminating unlawful discrimination, harassment and victimisation")
    assert part_b.question("duty_human_rights").label == "Are there any Human Rights concerns?"
    narrative = part_b.question("duty_narrative")
    assert narrative.type == FieldType.LONG_TEXT and narrative.required
    assert narrative.label == ("Please provide a supporting narrative to support your responses to the above "
                               "questions: This section must be completed")
    advice = part_b.question("human_rights_edi_advice")
    assert advice.app_only and advice.relevant == "duty_human_rights == 'yes'"


def test_the_four_options_keep_the_template_wording(part_b):
    option = part_b.question("decision_option")
    assert option.type == FieldType.SINGLE_CHOICE and option.required
    assert (option.label, option.tick_heading) == ("Options", "Tick one box")
    assert [c.lead for c in option.choices] == ["Accept the proposal", "Adjust the proposal",
                                                "Continue the proposal despite negative equality impacts",
                                                "Stop the proposal"]
    assert [(c.id, c.label) for c in option.choices] == [
        ("accept", "Accept the proposal – no equality impacts identified"),
        ("adjust", "Adjust the proposal - take steps to remove barriers to advance equality."),
        ("continue", "Continue the proposal despite negative equality impacts – this can ONLY be done if the "
                     "negative impacts can be objectively justified. Seek advice from your EDI team."),
        ("stop", "Stop the proposal – the policy shows unlawful discrimination and adverse effects that cannot "
                 "be mitigated."),
    ]
    for qid in ("decision_justification", "decision_edi_advice"):
        assert part_b.question(qid).relevant == "decision_option == 'continue'", qid
        assert part_b.question(qid).app_only, qid  # the readiness check asks for them before sign-off
    assert part_b.question("decision_rationale").label == "Rationale for above decision"


def test_action_plan_has_the_template_columns(part_b):
    plan = part_b.question("action_plan")
    assert plan.type == FieldType.TABLE and plan.required
    assert [(c.id, c.label, c.type, c.required) for c in plan.columns] == [
        ("action", "Action Required", ColumnType.LONG_TEXT, True),
        ("lead", "Lead Person and Resources Required", ColumnType.SHORT_TEXT, True),
        ("target_date", "Target Date", ColumnType.DATE, True),
        ("outcome", "Outcome", ColumnType.LONG_TEXT, False),
    ]


def test_every_field_type_is_used_by_the_form(part_b):
    used = {q.type for q in part_b.questions()}
    assert set(FieldType) - used == set()


def test_heat_questions_are_marked(part_b):
    heat = {q.id for q in part_b.questions() if q.heat}
    assert {"aims", "health_inequalities_impact", "evidence_considered", "data_sources", "populations",
            "drivers", "engage_voice", "ih_deprivation", "actions_maximise", "monitoring_measures"} == heat


# --------------------------------------------------------------------------- broken form files

_HEADER = """\
id: broken
version: "1.0"
title: Broken form
sections:
  - id: front
    title: Front
    questions:
"""

MALFORMED = {
    "unknown field type": (
        "      - {id: colour_choice, type: colour, label: Favourite colour}\n",
        ["'colour_choice'", "type", "'colour'", *(f"'{t.value}'" for t in FieldType)],
    ),
    "duplicate question id": (
        "      - {id: title, type: short_text, label: Title}\n"
        "      - {id: title, type: long_text, label: Another title}\n",
        ["duplicate question id 'title'"],
    ),
    "single choice without choices": (
        "      - {id: decision, type: single_choice, label: Decision}\n",
        ["'decision'", "'single_choice'", "'choices'"],
    ),
    "relevant names an unknown question": (
        "      - {id: advice, type: long_text, label: Advice, relevant: \"human_rights == 'yes'\"}\n",
        ["'advice'", "relevant", "human_rights"],
    ),
    "app-only question marked required": (
        "      - {id: extra, type: long_text, label: Extra, app_only: true, required: true}\n",
        ["'extra'", "'app_only' question cannot be 'required'"],
    ),
    "tick column on a text question": (
        "      - {id: extra, type: long_text, label: Extra, tick_heading: Tick one box}\n",
        ["'extra'", "'tick_heading' is only for a 'single_choice'"],
    ),
    "bold lead words that do not open the label": (
        "      - {id: pick, type: single_choice, label: Pick, choices: [{id: a, label: Accept it, lead: Reject}]}\n",
        ["'pick'", "'lead' must be the opening words of the label"],
    ),
    "unknown key": (
        "      - {id: title, type: short_text, label: Title, mandatory: true}\n",
        ["'title'", "mandatory", "not part of the form language"],
    ),
}


def _message_for(path: Path) -> str:
    with pytest.raises(FormError) as caught:
        load_form(path)
    message = str(caught.value)
    assert str(path) in message
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_broken_form_file_is_explained_in_one_message(tmp_path, case):
    questions, expected = MALFORMED[case]
    path = tmp_path / "broken.yaml"
    path.write_text(_HEADER + questions, encoding="utf-8")
    message = _message_for(path)
    for fragment in expected:
        assert fragment in message, f"{fragment!r} missing from: {message}"


def test_a_file_that_is_not_yaml_names_the_line(tmp_path):
    path = tmp_path / "broken.yaml"
    # Line 9: an unclosed flow mapping followed by a second item.
    path.write_text(_HEADER + "      - {id: title, type: short_text, label: Title\n      - id: other\n",
                    encoding="utf-8")
    message = _message_for(path)
    assert "cannot be read" in message
    assert "line 9" in message


def test_a_missing_form_file_is_named(tmp_path):
    assert "was not found" in _message_for(tmp_path / "nowhere.yaml")


def test_a_broken_question_does_not_also_claim_the_form_has_no_sections(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text(_HEADER + MALFORMED["unknown key"][0], encoding="utf-8")
    assert "at least 1 item" not in _message_for(path)


# --------------------------------------------------------------------------- conditional questions


def test_human_rights_advice_is_asked_only_after_a_yes(part_b):
    condition = part_b.question("human_rights_edi_advice").relevant
    assert is_relevant(condition, {"duty_human_rights": "yes"}.get)
    assert not is_relevant(condition, {"duty_human_rights": "no"}.get)
    assert not is_relevant(condition, {}.get)


def test_option_three_asks_for_justification_and_edi_advice(part_b):
    condition = part_b.question("decision_justification").relevant
    assert is_relevant(condition, {"decision_option": "continue"}.get)
    assert not is_relevant(condition, {"decision_option": "adjust"}.get)


def test_multiple_choice_answers_match_by_membership():
    answers = {"engage_with": ["staff", "carers"]}.get
    assert is_relevant("engage_with == 'carers'", answers)
    assert not is_relevant("engage_with == 'public'", answers)
    assert is_relevant("engage_with != 'public'", answers)
    assert is_relevant("engage_with in ['public', 'carers']", answers)
    assert not is_relevant("engage_with not in ['public', 'carers']", answers)
    assert not is_relevant("engage_with == 'carers'", {"engage_with": []}.get)


def test_conditions_combine_and_a_bare_name_means_answered():
    answers = {"duty_human_rights": "yes", "decision_option": "accept", "duty_narrative": ""}.get
    assert is_relevant("duty_human_rights == 'yes' and decision_option != 'continue'", answers)
    assert is_relevant("decision_option == 'continue' or duty_human_rights == 'yes'", answers)
    assert is_relevant("duty_human_rights", answers)
    assert not is_relevant("duty_narrative", answers)
    assert is_relevant("not duty_narrative", answers)
    assert is_relevant(None, answers)


def test_quoted_text_containing_true_is_compared_as_written():
    assert is_relevant("note == 'it is true'", {"note": "it is true"}.get)


# --------------------------------------------------------------------------- mistakes caught at load time


@pytest.mark.parametrize(("body", "expected"), [
    ("      - {id: hr, type: yes_no, label: HR}\n"
     "      - {id: advice, type: long_text, label: Advice, relevant: \"hr == 'Yes'\"}\n",
     "compares 'hr' with 'Yes', which is not one of its choices"),
    ("      - {id: a, type: short_text, label: A}\n"
     "      - {id: b, type: short_text, label: B, relevant: \"b == a\"}\n",
     "compare a question with quoted text"),
    ("      - id: a\n        type: short_text\n        label: First\n        label: Second\n",
     "the key 'label' is given twice"),
])
def test_easy_mistakes_are_caught_with_a_clear_message(tmp_path, body, expected):
    path = tmp_path / "mistake.yaml"
    path.write_text(_HEADER + body, encoding="utf-8")
    message = _message_for(path)
    assert expected in message and str(path) in message

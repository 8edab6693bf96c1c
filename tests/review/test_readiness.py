"""Every readiness rule, with a failing and a passing case, through the core API."""

from __future__ import annotations

import datetime as dt

import pytest

from idmf.review import RULES, Severity, check
from tests.review.cases import FAILING, PASSING, Case
from tests.review.helpers import TODAY, build, ready_answers


def run_case(form, case: Case):
    answers = ready_answers(form)
    case.change(answers)
    return check(build(form, answers, case.status, raw=case.raw, census_for=case.census_for,
                       review_date=case.review_date), form, case.today or TODAY)


def test_every_rule_has_a_failing_and_a_passing_case():
    assert {c.rule for c in FAILING} == set(RULES) == {c.rule for c in PASSING}


def test_a_committee_ready_assessment_has_no_findings(form):
    report = check(build(form, ready_answers(form)), form, TODAY)
    assert report.findings == () and report.ready
    assert set(report.counts()) == {s.id for s in form.sections}


@pytest.mark.parametrize("case", FAILING, ids=lambda c: f"{c.rule}: {c.name}")
def test_rule_finds_the_problem(form, case):
    report = run_case(form, case)
    hits = [f for f in report.findings if f.rule_id == case.rule]
    assert hits, report.findings
    section_ids = {s.id for s in form.sections}
    question_ids = {q.id for q in form.questions()}
    for hit in hits:
        assert hit.severity == RULES[case.rule].severity
        assert hit.step in section_ids and hit.question_id in question_ids  # "take me there"
        assert hit.message.lstrip("“")[0].isupper() and hit.message.endswith(".") and "_" not in hit.message
    assert report.ready == (RULES[case.rule].severity == Severity.WARNING)


@pytest.mark.parametrize("case", PASSING, ids=lambda c: f"{c.rule}: {c.name}")
def test_rule_passes_a_good_answer(form, case):
    report = run_case(form, case)
    assert [f for f in report.findings if f.rule_id == case.rule] == []


def test_findings_point_at_the_row_and_step(form):
    answers = ready_answers(form)
    row = answers["action_plan"][0]
    answers["action_plan"] = [row, {**row, "lead": "", "action": "Translate the leaflet"}]
    report = check(build(form, answers), form, TODAY)
    (finding,) = report.findings
    assert (finding.rule_id, finding.question_id, finding.row) == ("action-no-lead", "action_plan", 2)
    assert "Action 2 (“Translate the leaflet”)" in finding.message
    assert finding.step == form.section_of("action_plan").id
    assert report.counts()[finding.step].blocking == 1 and report.for_question("action_plan") == [finding]


def test_summary_counts_and_lists_the_first_items(form):
    answers = ready_answers(form)
    for qid in ("duty_narrative", "decision_rationale", "duty_relations", "decision_option"):
        answers.pop(qid)
    report = check(build(form, answers), form, TODAY)
    assert len(report.blocking) == 4
    assert report.summary().startswith("4 items need fixing first: ") and "(and 1 more)" in report.summary()
    data = report.to_json()
    assert data["ready"] is False and data["blocking"] == 4
    assert {f["rule"] for f in data["findings"]} == {"required-missing", "option-no-rationale", "duty-unanswered",
                                                     "option-missing"}


def test_placeholder_and_text_dates_are_named(form):
    answers = ready_answers(form)
    item = build(form, answers, raw={"action_plan": [
        {"action": "A", "lead": "Jo", "target_date": "TBC"}, {"action": "B", "lead": "Jo", "target_date": "soon"},
        {"action": "C", "lead": "Jo", "target_date": "31/12/2026"}]})
    messages = [f.message for f in check(item, form, TODAY).findings if f.rule_id == "action-no-date"]
    assert any("placeholder (“TBC”)" in m for m in messages)
    assert any("text that is not a date (“soon”)" in m for m in messages)
    assert len(messages) == 2  # 31/12/2026 is a real date


def test_only_relevant_questions_are_required(form):
    answers = ready_answers(form)
    answers["decision_option"] = "stop"
    report = check(build(form, answers), form, TODAY)
    assert not [f for f in report.findings if f.question_id in {"decision_justification", "decision_edi_advice"}]


def test_check_defaults_today_to_the_real_date(form):
    answers = ready_answers(form)
    answers["action_plan"][0]["target_date"] = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    assert check(build(form, answers), form).ready


def test_messages_quote_answers_in_the_documents_words(form):
    answers = ready_answers(form)
    answers["ih_groups"].append({"name": " ", "impact": {}})
    answers.update(duty_human_rights="yes", completed_date="2025-12-31")
    messages = [f.message for f in check(build(form, answers), form, TODAY).findings]
    assert "“Group 2 (name not given)” has no rating: tick positive, negative or neutral impact." in messages
    assert any(m.startswith("You answered YES to human rights concerns") for m in messages)
    assert "The completed date (31/12/2025) is before the start date (05/01/2026)." in messages

"""The portfolio over local assessments (SQLite): what an EDI lead would check by hand, and its exports read back."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import load_workbook

from idmf.domain.questions import ACTION_PLAN, DIRECTOR, ORGANISATION, TITLE
from idmf.review import portfolio
from idmf.review.portfolio import PortfolioFilter, tables
from tests.review.helpers import TODAY, ready_answers, store


def _impact(narrative: str, negative: bool) -> dict:
    return {"positive": not negative, "negative": negative, "neutral": False, "narrative": narrative,
            "evidence": ["census:TS007"]}


@pytest.fixture
def three(context, form):
    """Two Leicester assessments and one Norfolk one, with age rated negative twice (mitigated once)."""
    base = ready_answers(form)  # age negative, mitigated by a volunteer driver scheme
    first = store(context, form, base | {ORGANISATION: "Leicester ICB"})
    second = store(context, form, base | {
        ORGANISATION: "Leicester ICB",
        "pc_age": _impact("Older people lose the evening clinic.", negative=True),
        ACTION_PLAN: [{"action": "Review evening clinic demand", "lead": "Sam Okafor", "target_date": "2026-02-01",
                       "outcome": ""},
                      {"action": "Publish the new times", "lead": "Amira Patel", "target_date": "2026-03-20",
                       "outcome": ""}]})
    third = store(context, form, base | {ORGANISATION: "Norfolk Community Trust",
                                         "pc_age": _impact("No change for any age.", negative=False)})
    return first, second, third


def test_groups_rated_negative_and_unmitigated(context, three):
    built = context.portfolio.build(today=TODAY)
    [age] = [g for g in built.groups if g.group == "Age"]
    assert (age.negative, age.unmitigated) == (2, 1)
    unmitigated = [n for n in built.negatives if not n.mitigated]
    assert [(n.assessment_id, n.section_id) for n in unmitigated] == [(three[1].id, "impact")]


def test_overdue_and_upcoming_actions_by_lead(context, three):
    built = context.portfolio.build(today=TODAY)
    mine = [(a.lead, a.target_date, a.overdue) for a in built.actions if a.assessment_id == three[1].id]
    assert mine == [("Sam Okafor", dt.date(2026, 2, 1), True), ("Amira Patel", dt.date(2026, 3, 20), False)]


def test_filters_by_organisation(context, three):
    built = context.portfolio.build(PortfolioFilter(organisation="Norfolk Community Trust"), today=TODAY)
    assert built.assessments == 1 and [g.group for g in built.groups if g.group == "Age"] == []
    assert context.portfolio.organisations() == ["Leicester ICB", "Norfolk Community Trust"]


def test_csv_and_excel_exports_read_back(context, three, tmp_path):
    built = context.portfolio.build(today=TODAY)
    path = context.portfolio.export_csv(tmp_path / "groups.csv", built, "Groups")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0] == ["Group", "Rated negative", "Without mitigation"]
    assert ["Age", "2", "1"] in rows
    book = load_workbook(context.portfolio.export_xlsx(tmp_path / "portfolio.xlsx", built))
    assert book.sheetnames == list(tables(built))
    actions = [tuple(r) for r in book["Actions"].iter_rows(values_only=True)]
    assert actions[0] == ("Assessment", "Title", "Action", "Lead", "Target date", "When")
    assert (three[1].id, three[1].title, "Review evening clinic demand", "Sam Okafor") in [a[:4] for a in actions]
    by_status = {(r[0], r[1]): r[2] for r in book["By status"].iter_rows(min_row=2, values_only=True)}
    assert by_status == {("Leicester ICB", "Draft"): 2, ("Norfolk Community Trust", "Draft"): 1}


def test_a_typed_formula_stays_text_in_both_exports(context, form, tmp_path):
    store(context, form, ready_answers(form) | {ACTION_PLAN: [
        {"action": "=HYPERLINK(\"http://evil.example\",\"click\")", "lead": "@SUM(A1)", "target_date": "2026-03-10",
         "outcome": ""}]})
    built = context.portfolio.build(today=TODAY)
    context.portfolio.export_csv(tmp_path / "a.csv", built, "Actions")
    text = (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    sheet = load_workbook(context.portfolio.export_xlsx(tmp_path / "a.xlsx", built))["Actions"]
    cell = sheet.cell(row=2, column=3)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")


def test_the_cycle_collector_runs_again_after_a_build_even_one_that_failed(context, form, monkeypatch):
    import gc

    store(context, form, ready_answers(form))
    assert context.portfolio.build(today=TODAY).assessments == 1 and gc.isenabled()

    def lost(*args, **kwargs):
        raise ConnectionError("server gone")

    monkeypatch.setattr(context.store.portfolio_facts, "entries", lost)
    with pytest.raises(ConnectionError):
        context.portfolio.build(today=TODAY)
    assert gc.isenabled()  # paused only for the build: memory is not left uncollected


def test_filters_by_responsible_director_however_the_name_was_typed(context, form):
    """The form has no directorate: an EDI lead asks for one director's assessments (each answers for their
    directorate), typed as leads type names, and for those naming no director at all (a governance gap)."""
    base = ready_answers(form)
    named = {"Dr Aisha Shah, Chief Nurse": "Ward 7", "dr aisha  shah, chief nurse": "Ward 9",
             "Mark Green, Director of Strategy": "Estates", "": "No director yet"}
    ids = {title: store(context, form, base | {DIRECTOR: director, TITLE: title}).id
           for director, title in named.items()}
    everything = context.portfolio.build(today=TODAY)
    assert everything.directors == ("", "Dr Aisha Shah, Chief Nurse", "Mark Green, Director of Strategy")
    shah = context.portfolio.build(PortfolioFilter(director="DR AISHA SHAH, CHIEF NURSE"), today=TODAY)
    assert shah.assessments == 2
    assert {n.assessment_id for n in shah.negatives} == {ids["Ward 7"], ids["Ward 9"]}
    nobody = context.portfolio.build(PortfolioFilter(director=""), today=TODAY)
    assert nobody.assessments == 1 and {n.assessment_id for n in nobody.negatives} == {ids["No director yet"]}
    both = PortfolioFilter(organisation="Elsewhere", director="Mark Green, Director of Strategy")
    assert context.portfolio.build(both, today=TODAY).assessments == 0


def test_a_director_changed_since_the_figures_were_kept_is_filtered_by_the_new_name(context, form):
    """The director comes from the kept figures, so a changed answer must move the assessment at once."""
    item = store(context, form, ready_answers(form) | {DIRECTOR: "Mark Green, Director of Strategy"})
    green = PortfolioFilter(director="Mark Green, Director of Strategy")
    assert context.portfolio.build(green, today=TODAY).assessments == 1  # the figures are kept now
    context.assessments.set_answer(context.assessments.get(item.id), DIRECTOR, "Dr Aisha Shah, Chief Nurse")
    assert context.portfolio.build(green, today=TODAY).assessments == 0
    shah = context.portfolio.build(PortfolioFilter(director="Dr Aisha Shah, Chief Nurse"), today=TODAY)
    assert shah.assessments == 1


def test_each_director_is_offered_once_as_most_often_typed_whatever_the_order():
    typed = ["dr aisha shah, chief nurse", "Dr Aisha Shah, Chief Nurse", "", "Dr Aisha Shah,  Chief Nurse",
             "Dr Aisha Shah, Chief Nurse", "Mark Green"]
    offered = ("", "Dr Aisha Shah, Chief Nurse", "Mark Green")
    assert portfolio.directors(typed) == portfolio.directors(reversed(typed)) == offered

"""Kept portfolio facts on a team database: only EDI roles keep them, through the database's function, stamped
with their login; a lead's portfolio reads them; nobody writes the table or the answer counter directly; an
answer changed with psql makes them stale; the other organisation sees none of them."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from idmf.domain.questions import ACTION_PLAN, ORGANISATION
from idmf.errors import NOT_ALLOWED, friendly
from idmf.services.context import open_app
from tests.postgres.team import ORG_A, ORG_B
from tests.review.helpers import TODAY, ready_answers
from tests.review.portfolio_cases import _actions, _impact, assert_same

KEEP = "SELECT idmf_store_portfolio_facts(:basis, CAST(:facts AS json))"


@pytest.fixture
def people(team):
    """Each login's app (closed afterwards)."""
    opened: dict = {}

    def open_as(who: str):
        if who not in opened:
            opened[who] = open_app(team.urls[who])
        return opened[who]

    yield open_as
    for ctx in opened.values():
        ctx.close()


@pytest.fixture
def seeded(team, people, form) -> list[int]:
    """Five drafts of organisation A by lead A (age negative: mitigated by a link, unmitigated, by a reason…),
    one of organisation B by lead B."""
    lead, ids = people("lead_a"), []
    for n in range(5):
        item = lead.assessments.create(f"Change {n}")
        answers = ready_answers(form) | {ORGANISATION: ORG_A, ACTION_PLAN: _actions(n)}
        answers["pc_age"] = _impact(True, [f"a{n}"] if n == 0 else [], "No other site exists." if n == 2 else "")
        for qid, value in answers.items():
            if not qid.startswith("approval_edi"):
                lead.assessments.set_answer(item, qid, value)
        ids.append(item.id)
    people("lead_b").assessments.create("Norfolk's own")
    return ids


def _kept(team, who: str = "owner") -> list[tuple]:
    engine = team.engine(who) if who != "owner" else create_engine(team.owner_url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT assessment_id, computed_by FROM portfolio_facts ORDER BY 1")).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def _refused(engine, statement: str, **params) -> DBAPIError:
    with pytest.raises(DBAPIError) as caught:
        with engine.begin() as conn:
            conn.execute(text(statement), params)
    engine.dispose()
    return caught.value


def _no_answer_reads(ctx, monkeypatch):
    def read(*args, **kwargs):
        raise AssertionError("the portfolio read answers although every kept fact was current")

    monkeypatch.setattr(ctx.store.portfolio_facts, "sources", read)


def test_a_reviewers_portfolio_keeps_facts_that_a_leads_portfolio_then_reads(team, people, seeded, monkeypatch):
    lead, reviewer = people("lead_a"), people("reviewer_a")
    by_lead = lead.portfolio.build(today=TODAY)
    assert _kept(team) == []  # a lead's portfolio is right but keeps nothing
    by_reviewer = reviewer.portfolio.build(today=TODAY)
    assert_same(by_reviewer, by_lead)
    assert _kept(team) == [(i, team.logins["reviewer_a"]) for i in seeded]  # stamped with the login
    _no_answer_reads(lead, monkeypatch)
    assert_same(lead.portfolio.build(today=TODAY), by_lead)  # read from the kept facts alone
    assert {(n.group, n.mitigated) for n in by_lead.negatives if n.assessment_id == seeded[1]} == {("Age", False)}
    assert _kept(team, "lead_b") == []  # organisation B sees none of A's kept facts
    assert people("lead_b").portfolio.build(today=TODAY).organisations == [ORG_B]


def test_nobody_writes_kept_facts_directly_and_a_lead_cannot_keep_them(team, people, seeded):
    reviewer = people("reviewer_a")
    reviewer.portfolio.build(today=TODAY)
    forged = json.dumps([{"id": seeded[1], "changed": 0, "facts": '{"t":"Change 1","n":[["Age",true,"s"]],"a":[]}'}])
    for who in ("lead_a", "reviewer_a", "committee_a", "admin_a"):
        for statement in ("UPDATE portfolio_facts SET facts = '{}'", "DELETE FROM portfolio_facts",
                          "INSERT INTO portfolio_facts VALUES (1, 0, 'b', '{}', 'me', now())"):
            assert "permission denied" in str(_refused(team.engine(who), statement).orig)
    # The counter that makes kept facts stale moves only by the database's triggers.
    error = _refused(team.engine("lead_a"), "UPDATE assessment SET facts_changed = 0 WHERE id = :i", i=seeded[1])
    assert "permission denied" in str(error.orig) and friendly(error) == NOT_ALLOWED
    error = _refused(team.engine("lead_a"), KEEP, basis=reviewer.portfolio.basis(), facts=forged)
    assert friendly(error).startswith(f"Your login {team.logins['lead_a']} (lead) cannot keep portfolio figures")
    assert ("Age", False) in [(n.group, n.mitigated) for n in reviewer.portfolio.build(today=TODAY).negatives
                              if n.assessment_id == seeded[1]]


def test_a_reviewer_keeps_nothing_for_changed_answers_or_another_organisation(team, people, seeded):
    reviewer = people("reviewer_a")
    with team.engine("reviewer_a").connect() as conn:
        changed = conn.execute(text("SELECT facts_changed FROM assessment WHERE id = :i"), {"i": seeded[3]}).scalar()
    owner = create_engine(team.owner_url)
    with owner.connect() as conn:
        other = conn.execute(text("SELECT id, facts_changed FROM assessment WHERE organisation = :o"),
                             {"o": ORG_B}).one()
    owner.dispose()
    facts = [{"id": seeded[3], "changed": changed - 1, "facts": "{}"},
             {"id": other.id, "changed": other[1], "facts": "{}"},
             {"id": seeded[4], "changed": changed, "facts": '{"t":"' + "x" * 1_000_001 + '"}'}]  # a bomb
    with team.engine("reviewer_a").connect() as conn:
        facts[2]["changed"] = conn.execute(text("SELECT facts_changed FROM assessment WHERE id = :i"),
                                           {"i": seeded[4]}).scalar()
    with team.engine("reviewer_a").begin() as conn:
        kept = conn.execute(text(KEEP), {"basis": reviewer.portfolio.basis(), "facts": json.dumps(facts)}).scalar()
    assert kept == 0 and _kept(team) == []


def test_an_answer_changed_with_psql_makes_the_kept_facts_stale(team, people, seeded):
    reviewer = people("reviewer_a")
    reviewer.portfolio.build(today=TODAY)
    with team.engine("lead_a").begin() as conn:  # the lead gives a reason in the draft, not through the app
        age = json.loads(conn.execute(text("SELECT value::text FROM answer WHERE assessment_id = :i AND "
                                           "question_id = 'pc_age'"), {"i": seeded[1]}).scalar())
        conn.execute(text("UPDATE answer SET value = CAST(:v AS json) WHERE assessment_id = :i AND "
                          "question_id = 'pc_age'"), {"v": json.dumps(age | {"no_mitigation": "No site."}),
                                                       "i": seeded[1]})
    negatives = reviewer.portfolio.build(today=TODAY).negatives
    assert ("Age", True) in [(n.group, n.mitigated) for n in negatives if n.assessment_id == seeded[1]]
    lead_view = people("lead_a").portfolio.build(today=TODAY)
    assert ("Age", True) in [(n.group, n.mitigated) for n in lead_view.negatives if n.assessment_id == seeded[1]]


def test_a_status_change_makes_the_kept_facts_stale_on_a_server_too(team, people, seeded):
    reviewer, lead = people("reviewer_a"), people("lead_a")
    before = {t.status.value: t.assessments for t in reviewer.portfolio.build(today=TODAY).time_in_status}
    lead.review.transition(seeded[0], "submit_for_review", today=TODAY)  # through idmf_transition
    for who in (lead, reviewer):
        after = {t.status.value: t.assessments for t in who.portfolio.build(today=TODAY).time_in_status}
        assert after.get("in_review", 0) == before.get("in_review", 0) + 1


def test_figures_a_reviewer_forged_are_found_and_replaced_by_check_portfolio(team, people, seeded, capsys):
    """A reviewer may keep facts, so a reviewer could keep false ones: every reader would trust them until an
    administrator's check works them out again from the answers and names who kept them."""
    reviewer, lead = people("reviewer_a"), people("lead_a")
    reviewer.portfolio.build(today=TODAY)
    with team.engine("reviewer_a").connect() as conn:
        changed = conn.execute(text("SELECT facts_changed FROM assessment WHERE id = :i"), {"i": seeded[1]}).scalar()
    forged = json.dumps([{"id": seeded[1], "changed": changed,
                          "facts": '{"t":"Change 1","n":[["Age",true,"impact"]],"a":[],"s":[],"d":""}'}])
    with team.engine("reviewer_a").begin() as conn:
        assert conn.execute(text(KEEP), {"basis": reviewer.portfolio.basis(), "facts": forged}).scalar() == 1
    fooled = [(n.group, n.mitigated) for n in lead.portfolio.build(today=TODAY).negatives
              if n.assessment_id == seeded[1]]
    assert fooled == [("Age", True)]  # what the check is for
    capsys.readouterr()
    assert team.cli("lead_a", "team", "check-portfolio") == 1  # a lead is told, but cannot replace them
    said = capsys.readouterr().out
    assert f"Assessment {seeded[1]} “" in said and f"kept by {team.logins['reviewer_a']} on" in said
    assert "Only an EDI reviewer, committee member or administrator can replace them" in said
    assert team.cli("admin_a", "team", "check-portfolio") == 1
    assert "They have been replaced by figures worked out from the answers." in capsys.readouterr().out
    assert [(n.group, n.mitigated) for n in lead.portfolio.build(today=TODAY).negatives
            if n.assessment_id == seeded[1]] == [("Age", False)]
    assert team.cli("admin_a", "team", "check-portfolio") == 0
    assert "Every kept portfolio figure you can see matches" in capsys.readouterr().out

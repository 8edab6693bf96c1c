"""Kept portfolio facts (SQLite): a second portfolio reads them instead of every answer, and is still right when
answers change behind the app's back, while a portfolio is being worked out, or when the kept facts are not
what this app would write."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from idmf.review.portfolio import Facts
from tests.review.helpers import TODAY
from tests.review.portfolio_cases import assert_same, full_load, seed


def _kept(context) -> dict[int, str]:
    with context.database.engine.connect() as conn:
        return dict(conn.execute(text("SELECT assessment_id, facts FROM portfolio_facts")).all())


def _no_answer_reads(context, monkeypatch):
    def read(*args, **kwargs):
        raise AssertionError("the portfolio read answers although every kept fact was current")

    monkeypatch.setattr(context.store.portfolio_facts, "sources", read)


def _age_of(context, item_id: int) -> dict:
    """The stored age impact as plain JSON (what someone editing the file directly would see)."""
    with context.database.engine.connect() as conn:
        return json.loads(conn.execute(text("SELECT value FROM answer WHERE assessment_id = :id AND "
                                            "question_id = 'pc_age'"), {"id": item_id}).scalar())


def test_a_second_portfolio_reads_the_kept_facts_and_is_the_same(context, form, monkeypatch):
    ids = seed(context, form)
    first = context.portfolio.build(today=TODAY)
    kept = _kept(context)
    assert sorted(kept) == sorted(set(ids) - {ids[-2]})  # every visible assessment; the archived one left out
    _no_answer_reads(context, monkeypatch)
    second = context.portfolio.build(today=TODAY)
    assert_same(second, first)
    monkeypatch.undo()
    assert_same(second, full_load(context, TODAY))
    # On another day only the day's judgements move (overdue, due soon), from the same kept facts.
    _no_answer_reads(context, monkeypatch)
    later = context.portfolio.build(today=TODAY + dt.timedelta(days=40))
    monkeypatch.undo()
    assert_same(later, full_load(context, TODAY + dt.timedelta(days=40)))
    assert later.actions != second.actions


def test_an_answer_changed_outside_the_app_is_seen_at_once(context, form):
    """An unmitigated negative 'fixed' by editing the file directly still needs the facts worked out again."""
    ids = seed(context, form)
    context.portfolio.build(today=TODAY)
    target = ids[1]  # kind 1: age rated negative with no mitigation
    before = [n for n in context.portfolio.build(today=TODAY).negatives if n.assessment_id == target]
    assert ("Age", False) in [(n.group, n.mitigated) for n in before]
    age = _age_of(context, target) | {"no_mitigation": "No other site is in reach of public transport."}
    with context.database.engine.begin() as conn:
        conn.execute(text("UPDATE answer SET value = :v WHERE assessment_id = :id AND question_id = 'pc_age'"),
                     {"v": json.dumps(age), "id": target})
    after = context.portfolio.build(today=TODAY)
    assert ("Age", True) in [(n.group, n.mitigated) for n in after.negatives if n.assessment_id == target]
    assert_same(after, full_load(context, TODAY))
    with context.database.engine.begin() as conn:  # a deleted answer counts as a change too
        conn.execute(text("DELETE FROM answer WHERE assessment_id = :id AND question_id = 'pc_age'"), {"id": target})
    gone = context.portfolio.build(today=TODAY)
    assert "Age" not in [n.group for n in gone.negatives if n.assessment_id == target]


def test_a_save_while_the_portfolio_is_worked_out_is_not_hidden_by_facts_from_before_it(context, form, monkeypatch):
    ids = seed(context, form)
    target = ids[1]
    repository = context.store.portfolio_facts
    read = repository.sources

    def read_then_colleague_saves(rows, *args, **kwargs):
        found = read(rows, *args, **kwargs)  # the answers as they were…
        item = context.assessments.get(target)  # …then the lead saves a reason before the facts are kept
        context.assessments.set_answer(item, "pc_age", _age_of(context, target) | {"no_mitigation": "No site."})
        monkeypatch.setattr(repository, "sources", read)
        return found

    monkeypatch.setattr(repository, "sources", read_then_colleague_saves)
    first = context.portfolio.build(today=TODAY)
    assert ("Age", False) in [(n.group, n.mitigated) for n in first.negatives if n.assessment_id == target]
    assert target not in _kept(context)  # worked out from answers that changed meanwhile: not kept
    second = context.portfolio.build(today=TODAY)
    assert ("Age", True) in [(n.group, n.mitigated) for n in second.negatives if n.assessment_id == target]
    assert_same(second, full_load(context, TODAY))


def test_facts_kept_by_another_version_of_the_app_are_worked_out_again(context, form, monkeypatch):
    seed(context, form)
    context.portfolio.build(today=TODAY)
    with context.database.engine.begin() as conn:  # what an older app (another rule) might have worked out
        conn.execute(text("""UPDATE portfolio_facts SET basis = 'older app', facts = '{"t":"Old","n":[],"a":[],"s":[]}'"""))
    assert_same(context.portfolio.build(today=TODAY), full_load(context, TODAY))
    assert all(f.startswith('{"t":') for f in _kept(context).values())


def test_unreadable_kept_facts_are_worked_out_again(context, form, caplog):
    ids = seed(context, form)
    context.portfolio.build(today=TODAY)
    with context.database.engine.begin() as conn:
        conn.execute(text("UPDATE portfolio_facts SET facts = 'not json' WHERE assessment_id = :id"), {"id": ids[0]})
    with caplog.at_level(logging.WARNING, logger="idmf.services.portfolio"):
        built = context.portfolio.build(today=TODAY)
    assert_same(built, full_load(context, TODAY))
    assert any("could not be read" in r.getMessage() for r in caplog.records)


def test_a_portfolio_is_shown_even_when_its_facts_cannot_be_kept(context, form, monkeypatch, caplog):
    seed(context, form)

    def locked(*args, **kwargs):
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    monkeypatch.setattr(context.store.portfolio_facts, "store", locked)
    with caplog.at_level(logging.WARNING, logger="idmf.services.portfolio"):
        built = context.portfolio.build(today=TODAY)
    assert_same(built, full_load(context, TODAY))
    assert _kept(context) == {} and any("not kept" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("title", ["Ward 7 — “night” closure", "Gwasanaeth Cymraeg: ŵ ŷ", "Quote ' and \\ slash", ""])
def test_facts_read_back_as_written(title):
    facts = Facts(title, (("Carers", False, "impact"), ("Age", True, "impact")),
                  (("Publish times", "Sam Okafor", dt.date(2026, 2, 1), "monitoring"),),
                  ((1764590400.123456, "in_review"), (1764600000.0, "draft")), f"Dr {title}, Chief Nurse")
    assert Facts.from_json(facts.to_json()) == facts
    for broken in ("", "[]", '{"t": "x"}', '{"t": "x", "n": [["a"]], "a": [], "s": []}',
                   '{"t":"x","n":[],"a":[["a","b","2026-13-01","s"]],"s":[]}', '{"t":"x","n":[],"a":[],"s":[[1,"gone"]]}',
                   '{"t":"x","n":[],"a":[],"s":[["2026-01-01","draft"]]}', '{"t":"x","n":[],"a":[],"s":[]}',
                   '{"t":"x","n":[],"a":[],"s":[],"d":["A Shah"]}'):
        with pytest.raises(ValueError):
            Facts.from_json(broken)


def test_a_status_change_after_the_facts_were_kept_counts_at_once(context, form, monkeypatch):
    ids = seed(context, form)
    before = context.portfolio.build(today=TODAY)
    in_review = {t.status.value: t.assessments for t in before.time_in_status}["in_review"]
    context.review.transition(ids[1], "submit_for_review", today=TODAY)  # no answer changes, only its status
    after = context.portfolio.build(today=TODAY)
    assert {t.status.value: t.assessments for t in after.time_in_status}["in_review"] == in_review + 1
    assert_same(after, full_load(context, TODAY))


def test_recheck_finds_kept_facts_the_answers_do_not_bear_out_and_replaces_them(context, form):
    ids = seed(context, form)
    context.portfolio.build(today=TODAY)
    assert context.portfolio.recheck() == ([], False)
    with context.database.engine.begin() as conn:  # someone edits the kept figures in the file directly
        conn.execute(text("""UPDATE portfolio_facts SET facts = '{"t":"Change 1","n":[],"a":[],"s":[],"d":""}',
                             computed_by = 'someone' WHERE assessment_id = :i"""), {"i": ids[1]})
    forged, replaced = context.portfolio.recheck()
    title = context.assessments.get(ids[1]).title
    assert [(f.assessment_id, f.title, f.kept_by) for f in forged] == [(ids[1], title, "someone")]
    assert replaced and "do not match its answers (kept by someone on" in forged[0].message
    assert context.portfolio.recheck() == ([], False)
    assert_same(context.portfolio.build(today=TODAY), full_load(context, TODAY))


def test_kept_facts_already_read_are_not_parsed_again_and_changed_ones_are(context, form, monkeypatch):
    """The next portfolio parses only kept figures it has not seen; figures someone rewrote are read afresh."""
    ids = seed(context, form)
    context.portfolio.build(today=TODAY)
    first = context.portfolio.build(today=TODAY)  # parses every kept text once
    parsed = []
    real = Facts.from_json.__func__
    monkeypatch.setattr(Facts, "from_json", classmethod(lambda cls, t: parsed.append(t) or real(cls, t)))
    assert_same(context.portfolio.build(today=TODAY), first)
    assert parsed == []
    with context.database.engine.begin() as conn:  # someone rewrites one kept row in the file directly
        conn.execute(text("""UPDATE portfolio_facts SET facts = '{"t":"Renamed","n":[],"a":[],"s":[],"d":""}'
                             WHERE assessment_id = :i"""), {"i": ids[1]})
    rewritten = context.portfolio.build(today=TODAY)
    assert len(parsed) == 1 and "Renamed" in parsed[0]
    assert ids[1] in {n.assessment_id for n in first.negatives}
    assert ids[1] not in {n.assessment_id for n in rewritten.negatives}  # what the rewritten row says now

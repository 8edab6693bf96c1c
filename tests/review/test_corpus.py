"""The reviewer corpus: every finding an EDI reviewer gave each whole assessment is reported, and nothing
blocks that the reviewer would let through. The phrase corpus: "still to come" is told from finished text."""

from __future__ import annotations

import pytest

from idmf.forms import default_form
from idmf.review import RULES, check
from idmf.review.language import not_final
from tests.review.corpus_loader import load_corpus, load_phrases

FORM = default_form()
CASES = load_corpus(FORM)
PHRASES = load_phrases()


def test_the_corpus_is_broad_enough():
    assert len(CASES) >= 12 and len({c.service.split("—")[0] for c in CASES}) >= 8
    assert len(PHRASES["pending"]) >= 80 and len(PHRASES["complete"]) >= 80
    assert {e.rule for c in CASES for e in c.expected} <= set(RULES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_every_expected_finding_and_no_unexpected_blocking_one(case):
    report = check(case.assessment, FORM, case.today)
    found = {(f.rule_id, f.question_id, f.row) for f in report.findings}
    missing = [e for e in case.expected if e.key not in found]
    assert not missing, [f"{e.key}: {e.why}" for e in missing]
    expected = {e.key for e in case.expected}
    unexpected = [f for f in report.blocking if (f.rule_id, f.question_id, f.row) not in expected]
    assert not unexpected, [f"{f.rule_id} {f.question_id} {f.row}: {f.message}" for f in unexpected]


@pytest.mark.parametrize("sentence", PHRASES["pending"])
def test_still_to_come_is_recognised(sentence):
    assert not_final(sentence) is not None


@pytest.mark.parametrize("sentence", PHRASES["complete"])
def test_finished_text_is_not_taken_for_still_to_come(sentence):
    assert not_final(sentence) is None


@pytest.mark.parametrize("sentence", ["We will monitor uptake by ethnicity every quarter.",
                                      "We will provide translated letters in Polish and Gujarati.",
                                      "We will review the scheme after six months and report to the board."])
def test_action_plan_future_tense_is_a_plan(sentence):
    assert not_final(sentence) is None and not_final(sentence, promises=False) is None

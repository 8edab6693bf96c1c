"""One meaning of "blank" for every layer: typed answers and their plain-JSON form agree."""

from __future__ import annotations

import datetime as dt

import pytest

from idmf.domain.answers import GroupImpact, ImpactAnswer, is_blank, parse_answer, to_json

BLANK = [
    None, "", "   ", "\n\t \r\n", "\u00a0\u2003",  # spaces of every kind
    "\x00", "\x01\x0b\x1f", " \ufffe\uffff ", "\ud800", "\x00 \n\x08",  # only what a Word document cannot hold
    [], (), {}, False,
    {"positive": False, "negative": False, "neutral": False, "narrative": "  ", "evidence": []},
    {"action": "", "lead": None, "target_date": None}, {"a": {"b": ""}},
    ImpactAnswer(), ImpactAnswer(narrative=" \x00 "),
]
FILLED = [
    "x", " x ", "\x00x", "🙂", "0", "\u202e", True, 0, 0.0, dt.date(2026, 1, 5),
    ["staff"], [{}], [{"action": ""}],  # a table row the user added, even before typing in it
    {"staff": "yes"}, {"positive": True}, {"narrative": "Because"}, {"evidence": ["TS021"]},
    ImpactAnswer(negative=True), ImpactAnswer(narrative="Fine"), ImpactAnswer(evidence=["TS021"]),
    [GroupImpact(name="")], GroupImpact(name="Carers"),
]


@pytest.mark.parametrize("value", BLANK, ids=repr)
def test_blank(value):
    assert is_blank(value)


@pytest.mark.parametrize("value", FILLED, ids=repr)
def test_not_blank(value):
    assert not is_blank(value)


@pytest.mark.parametrize("qid, raw", [
    ("pc_age", {"narrative": "   "}), ("pc_age", {"neutral": True}), ("pc_age", {}),
    ("summary", " \x01 "), ("summary", "Text"), ("start_date", "2026-01-05"),
    ("engage_with", []), ("engage_with", ["staff"]), ("impacted", {}), ("impacted", {"staff": "no"}),
    ("action_plan", []), ("action_plan", [{"action": "", "lead": ""}]),
    ("ih_groups", []), ("ih_groups", [{"name": "Carers"}]),
])
def test_typed_and_json_forms_agree(form, qid, raw):
    typed = parse_answer(form.question(qid), raw)
    assert is_blank(typed) == is_blank(raw) == is_blank(to_json(typed))

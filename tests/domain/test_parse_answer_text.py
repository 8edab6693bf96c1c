"""Reading an answer from its stored JSON text gives exactly what parsing the decoded JSON gives, surrogates
included (the bulk read skips the walk for surrogates only when the text cannot hold one)."""

from __future__ import annotations

import json

import pytest

from idmf.domain.answers import AnswerError, ImpactAnswer, parse_answer, parse_answer_text
from idmf.forms.loader import FormRegistry

FORM = FormRegistry().latest()
IMPACT = {"negative": True, "narrative": "Travel rises \U0001F68C for older people", "mitigated_by": ["row1"]}
ACTIONS = [{"row_id": "row1", "action": "Volunteer drivers", "lead": "Amira Patel", "target_date": "2026-03-31",
            "outcome": ""}]


@pytest.mark.parametrize("question_id, raw", [
    ("pc_age", IMPACT),
    ("pc_age", IMPACT | {"narrative": "half of a pair \ud83d alone"}),  # a lone surrogate: U+FFFD either way
    ("ih_groups", [{"name": "Carers \udc00", "impact": IMPACT}]),
    ("action_plan", ACTIONS),
    ("title", "Café closure — “evening” clinic"),
    ("title", None),
])
def test_the_text_gives_what_the_decoded_json_gives(question_id, raw):
    question = FORM.question(question_id)
    for text in (json.dumps(raw), json.dumps(raw, ensure_ascii=False).replace("\ud83d", "\\ud83d")):
        assert parse_answer_text(question, text) == parse_answer(question, raw)


def test_a_lone_surrogate_escape_becomes_the_replacement_character():
    value = parse_answer_text(FORM.question("pc_age"), '{"negative": true, "narrative": "a\\uD800b"}')
    assert isinstance(value, ImpactAnswer) and value.narrative == "a\ufffdb"


def test_a_bad_answer_is_refused_in_the_same_words():
    question = FORM.question("pc_age")
    with pytest.raises(AnswerError, match="answer to 'pc_age' is not valid"):
        parse_answer_text(question, '{"negative": "perhaps"}')

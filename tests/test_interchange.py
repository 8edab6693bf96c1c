"""JSON interchange: nothing lost on a round trip, clear messages for bad files."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from idmf.forms import FieldType, FormRegistry
from idmf.interchange import jsonio
from idmf.interchange.jsonio import InterchangeError
from tests.factories import fill_all


def test_every_field_type_round_trips(form):
    from idmf.domain import Assessment

    item = Assessment.new(form)
    answers = fill_all(form)
    for qid, value in answers.items():
        item.set_answer(form, qid, value)
    used = {form.question(qid).type for qid in answers}
    assert used == set(FieldType)
    text = jsonio.dumps(item)
    back = jsonio.loads(text, FormRegistry.of(form))
    assert back.answers == item.answers
    assert jsonio.dumps(back) == text


# Any Unicode text a user can type (surrogates cannot exist in a saved file), empty or very long.
_user_text = st.one_of(st.text(st.characters(blacklist_categories=("Cs",))), st.just(""),
                       st.just("ß漢🙂\u202e" * 25_000))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(summary=_user_text, narrative=_user_text, person=_user_text)
def test_round_trip_keeps_any_text(form, summary, narrative, person):
    from idmf.domain import Assessment

    item = Assessment.new(form)
    item.set_answer(form, "summary", summary)
    item.set_answer(form, "lead", person)
    item.set_answer(form, "pc_race", {"negative": True, "narrative": narrative})
    back = jsonio.loads(jsonio.dumps(item), FormRegistry.of(form))
    assert back.answers == item.answers
    assert back.uid == item.uid and back.created_at == item.created_at


@pytest.mark.parametrize(("text", "message"), [
    ("{not json", "not valid JSON (line 1"),
    ("[]", "not an IDMF assessment export"),
    (json.dumps({"format": "idmf-assessment", "format_version": 99}), "export format version 99"),
    (json.dumps({"format": "idmf-assessment", "format_version": 1, "form": {"id": "idmf-part-b", "version": "9.9"},
                 "assessment": {}, "answers": {}}), "version 9.9, which this version of IDMF Desktop does not have"),
])
def test_bad_files_get_clear_messages(form, text, message):
    with pytest.raises(InterchangeError, match=message.replace("(", r"\(")):
        jsonio.loads(text, FormRegistry.of(form))


def test_answer_of_the_wrong_shape_names_the_question(form):
    from idmf.domain import Assessment

    doc = jsonio.to_document(Assessment.new(form))
    doc["answers"]["decision_option"] = "maybe"
    with pytest.raises(InterchangeError, match="decision_option"):
        jsonio.from_document(doc, FormRegistry.of(form))
    doc["answers"] = {"no_such_question": "x"}
    with pytest.raises(InterchangeError, match="no_such_question"):
        jsonio.from_document(doc, FormRegistry.of(form))

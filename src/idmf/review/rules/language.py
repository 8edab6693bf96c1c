"""Rules about answers that are not finished: "still to come" promises and template placeholders.

Decided by the classifier in idmf.review.language (shapes of sentences, never one word). Blocking in the
answers that must be complete before a decision; advice anywhere else. Plans (the action plan, how the
proposal will be monitored) are future by nature: there only placeholders count.
"""

from __future__ import annotations

from typing import Iterator

from idmf.domain.questions import (ACTION_PLAN, ACTIONS_MAXIMISE, DECISION_EDI_ADVICE, DECISION_JUSTIFICATION,
                                   DECISION_RATIONALE, DUTY_NARRATIVE, ENGAGE_FINDINGS, ENGAGE_KEY_FINDINGS,
                                   ENGAGE_QUESTIONS, HUMAN_RIGHTS_EDI_ADVICE, MONITORING_MEASURES)
from idmf.forms.schema import ColumnType, FieldType
from idmf.review.language import PLACEHOLDER, Verdict, not_final
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.rules.common import short, table_rows

MUST_BE_COMPLETE = (ENGAGE_QUESTIONS, DUTY_NARRATIVE, HUMAN_RIGHTS_EDI_ADVICE, DECISION_JUSTIFICATION,
                    DECISION_EDI_ADVICE, DECISION_RATIONALE)
_PLANS = frozenset({ACTIONS_MAXIMISE, MONITORING_MEASURES, ACTION_PLAN})  # future by nature: placeholders only
_OWN_RULE = frozenset({*MUST_BE_COMPLETE, ENGAGE_FINDINGS, ENGAGE_KEY_FINDINGS})
_TEXT_TYPES = {FieldType.SHORT_TEXT, FieldType.LONG_TEXT, FieldType.PERSON}


def unfinished(where: str, verdict: Verdict) -> str:
    """The message for an answer that is not finished, quoting the words that show it."""
    if verdict.kind == PLACEHOLDER:
        return f"{where} still holds template text (“{short(verdict.words, 60)}”): replace it with the answer."
    return (f"{where} says it is still to come (“{short(verdict.words, 60)}”): write the answer itself before "
            "the proposal goes for decision.")


@rule("answer-still-to-come", step="impact", severity=Severity.BLOCKING,
      title="An answer that must be complete is still to come")
def answer_still_to_come(ctx: RuleContext) -> Iterator[Hit]:
    """Questions, legal-duty narrative, EDI advice, justification, rationale, and each reason why no mitigation
    is possible must be the real answer, not a promise or template text."""
    for qid in MUST_BE_COMPLETE:
        if ctx.has(qid) and (verdict := not_final(ctx.text(qid))):
            yield Hit(qid, unfinished(f"“{short(ctx.label(qid)).rstrip('.:?')}”", verdict))
    for item in ctx.negatives:
        if verdict := not_final(item.impact.no_mitigation):
            yield Hit(item.question_id, unfinished(f"Why no mitigation is possible for {item.where}", verdict),
                      item.row)


@rule("text-still-to-come", step="front", severity=Severity.WARNING,
      title="An answer still holds placeholder or 'to come' text")
def text_still_to_come(ctx: RuleContext) -> Iterator[Hit]:
    """Everywhere else, text that is not finished is advice (plans: only template placeholders)."""
    for question in ctx.form.questions():
        if question.id in _OWN_RULE or not ctx.has(question.id):
            continue
        where = f"“{short(question.label, 60).rstrip('.:?')}”"
        if question.type in _TEXT_TYPES:
            if verdict := not_final(ctx.text(question.id), promises=question.id not in _PLANS):
                yield Hit(question.id, unfinished(where, verdict))
        elif question.type == FieldType.TABLE:
            text_columns = [c.id for c in question.columns if c.type != ColumnType.DATE]  # dates: the date rules
            for n, row in table_rows(ctx, question.id):
                text = "\n".join(v for k, v in row.items() if k in text_columns and isinstance(v, str))
                if verdict := not_final(text, promises=question.id not in _PLANS):
                    yield Hit(question.id, unfinished(f"Row {n} of {where}", verdict), n)
    for item in ctx.impacts:
        if verdict := not_final(item.impact.narrative):
            yield Hit(item.question_id, unfinished(f"The narrative for {item.where}", verdict), item.row)

"""Rules about Step 5 (the option chosen and why) and the legal duties of Step 4."""

from __future__ import annotations

from typing import Any, Iterator

from idmf.domain.answer_text import answer_text
from idmf.domain.questions import (DECISION_EDI_ADVICE, DECISION_JUSTIFICATION, DECISION_OPTION, DECISION_RATIONALE,
                                   DUTY_HUMAN_RIGHTS, HUMAN_RIGHTS_EDI_ADVICE, LEGAL_DUTIES, OPTION_ACCEPT,
                                   OPTION_CONTINUE, YES)
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.rules.common import short


def chosen_options(ctx: RuleContext) -> list[Any]:
    """The option(s) ticked in Step 5 (a list, because imported data can hold more than one)."""
    value = ctx.value(DECISION_OPTION)
    if value in (None, "", [], ()):
        return []
    return list(value) if isinstance(value, (list, tuple, set)) else [value]


def single_option(ctx: RuleContext) -> str | None:
    """The one option ticked, or None when none or several are."""
    options = chosen_options(ctx)
    return options[0] if len(options) == 1 and isinstance(options[0], str) else None


@rule("option-missing", step="options", severity=Severity.BLOCKING, title="No option chosen in Step 5")
def option_missing(ctx: RuleContext) -> Iterator[Hit]:
    """One of the four options must be ticked."""
    if ctx.has(DECISION_OPTION) and not chosen_options(ctx):
        yield Hit(DECISION_OPTION, "No option is chosen in Step 5: tick one of accept, adjust, continue or stop.")


@rule("option-multiple", step="options", severity=Severity.BLOCKING, title="More than one option chosen")
def option_multiple(ctx: RuleContext) -> Iterator[Hit]:
    """Exactly one option may be ticked (imported forms sometimes tick two)."""
    options = chosen_options(ctx)
    if ctx.has(DECISION_OPTION) and len(options) > 1:
        question = ctx.form.question(DECISION_OPTION)
        names = ", ".join(f"“{short(answer_text(question, str(o)), 40)}”" for o in options)
        yield Hit(DECISION_OPTION, f"More than one option is ticked in Step 5 ({names}): keep only one.")


@rule("option-no-rationale", step="options", severity=Severity.BLOCKING, title="No rationale for the decision")
def option_no_rationale(ctx: RuleContext) -> Iterator[Hit]:
    """The option needs a rationale."""
    if ctx.has(DECISION_RATIONALE) and ctx.empty(DECISION_RATIONALE):
        yield Hit(DECISION_RATIONALE, "The rationale for the decision in Step 5 is empty.")


@rule("continue-unjustified", step="options", severity=Severity.BLOCKING,
      title="'Continue despite negative impacts' without justification or EDI advice")
def continue_unjustified(ctx: RuleContext) -> Iterator[Hit]:
    """Option 3 is only allowed with an objective justification and a record of EDI advice."""
    if single_option(ctx) != OPTION_CONTINUE:
        return
    if ctx.has(DECISION_JUSTIFICATION) and ctx.empty(DECISION_JUSTIFICATION):
        yield Hit(DECISION_JUSTIFICATION, "You chose to continue despite negative impacts: give the objective "
                                          "justification for doing so.")
    if ctx.has(DECISION_EDI_ADVICE) and ctx.empty(DECISION_EDI_ADVICE):
        yield Hit(DECISION_EDI_ADVICE, "You chose to continue despite negative impacts: record the advice you "
                                       "received from the EDI team.")


@rule("accept-with-negative", step="options", severity=Severity.BLOCKING,
      title="'No equality impacts' chosen while a negative impact is recorded")
def accept_with_negative(ctx: RuleContext) -> Iterator[Hit]:
    """Option 1 says there are no equality impacts, which contradicts a negative impact in Step 4."""
    negatives = ctx.negatives
    if single_option(ctx) == OPTION_ACCEPT and negatives:
        names = ", ".join(item.display_name for item in negatives[:4]) + (" and others" if len(negatives) > 4 else "")
        yield Hit(DECISION_OPTION, f"Option 1 says no equality impacts were identified, but Step 4 records a negative "
                                   f"impact ({names}). Choose another option or correct Step 4.")


@rule("duty-unanswered", step="impact", severity=Severity.BLOCKING, title="A legal duty is not answered")
def duty_unanswered(ctx: RuleContext) -> Iterator[Hit]:
    """Each legal-duty question needs YES or NO."""
    for qid in LEGAL_DUTIES:
        if ctx.has(qid) and ctx.empty(qid):
            yield Hit(qid, f"Legal duties: choose YES or NO for “{short(ctx.label(qid)).rstrip('.')}”.")


@rule("human-rights-no-advice", step="impact", severity=Severity.BLOCKING,
      title="Human rights concerns without EDI advice")
def human_rights_no_advice(ctx: RuleContext) -> Iterator[Hit]:
    """Human rights concerns (YES) need a record of the advice sought from the EDI team."""
    if ctx.value(DUTY_HUMAN_RIGHTS) == YES and ctx.has(HUMAN_RIGHTS_EDI_ADVICE) \
            and ctx.empty(HUMAN_RIGHTS_EDI_ADVICE):
        answered = answer_text(ctx.form.question(DUTY_HUMAN_RIGHTS), YES)
        yield Hit(HUMAN_RIGHTS_EDI_ADVICE, f"You answered {answered} to human rights concerns: record the advice "
                                           "you received from the EDI team.")

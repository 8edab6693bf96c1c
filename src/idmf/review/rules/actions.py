"""Rules about the Step 6 action plan: every action has a lead and a real, future target date."""

from __future__ import annotations

from typing import Iterator

from idmf.domain.answer_text import date_text
from idmf.domain.questions import ACTION_PLAN, COL_LEAD, COL_TARGET_DATE
from idmf.review.readiness import Hit, RuleContext, Severity, rule
from idmf.review.rules.common import action_name, action_rows, cell_text
from idmf.review.wording import is_placeholder_date, parse_date


@rule("action-no-lead", step="monitoring", severity=Severity.BLOCKING, title="An action has no lead")
def action_no_lead(ctx: RuleContext) -> Iterator[Hit]:
    """Each action needs a lead person."""
    for n, row in action_rows(ctx):
        if not cell_text(row, COL_LEAD):
            yield Hit(ACTION_PLAN, f"{action_name(n, row)} has no lead person.", n)


@rule("action-no-date", step="monitoring", severity=Severity.BLOCKING,
      title="An action has no real target date")
def action_no_date(ctx: RuleContext) -> Iterator[Hit]:
    """The template requires a target completion date for every action; placeholders do not count."""
    for n, row in action_rows(ctx):
        value = row.get(COL_TARGET_DATE)
        if parse_date(value) is not None:
            continue
        if isinstance(value, str) and value.strip():
            shown = "a placeholder" if is_placeholder_date(value) else "text that is not a date"
            yield Hit(ACTION_PLAN, f"{action_name(n, row)}: the target date is {shown} (“{value.strip()}”). "
                                   "Enter a real date.", n)
        else:
            yield Hit(ACTION_PLAN, f"{action_name(n, row)} has no target date.", n)


@rule("action-date-past", step="monitoring", severity=Severity.BLOCKING,
      title="An action's target date has passed")
def action_date_past(ctx: RuleContext) -> Iterator[Hit]:
    """At submission every open action's target date must still be ahead."""
    for n, row in action_rows(ctx):
        when = parse_date(row.get(COL_TARGET_DATE))
        if when is not None and when < ctx.today:
            yield Hit(ACTION_PLAN, f"{action_name(n, row)}: the target date {date_text(when)} has already passed. "
                                   "Update the date or record the outcome.", n)

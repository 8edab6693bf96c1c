"""Small helpers shared by the rule modules."""

from __future__ import annotations

from typing import Any, Iterator

from idmf.domain.answer_text import cell_text as answer_cell_text
from idmf.domain.answers import is_blank
from idmf.domain.questions import ACTION_PLAN, COL_ACTION, COL_OUTCOME, ENGAGEMENT_QUESTIONS
from idmf.review.readiness import RuleContext


def short(label: str, limit: int = 90) -> str:
    """A question label cut to a readable length for a checklist line."""
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def action_rows(ctx: RuleContext) -> Iterator[tuple[int, dict[str, Any]]]:
    """(1-based row number, cells) of every action-plan row that is not completely blank."""
    rows = ctx.value(ACTION_PLAN) if ctx.has(ACTION_PLAN) else None
    for n, row in enumerate(rows if isinstance(rows, list) else [], start=1):
        if isinstance(row, dict) and not is_blank(row):
            yield n, row


def cell_text(row: dict[str, Any], column: str) -> str:
    """A cell of an action-plan row as the document prints it, stripped ('' when blank)."""
    return answer_cell_text(row.get(column)).strip()


def action_name(n: int, row: dict[str, Any]) -> str:
    """How a message names an action row: 'Action 2 ("Translate the leaflet…")'."""
    text = cell_text(row, COL_ACTION)
    return f"Action {n} (“{short(text, 50)}”)" if text else f"Action {n}"


def action_plan_text(ctx: RuleContext) -> str:
    """Everything written in the action plan (actions and outcomes), for keyword searches."""
    return " \n".join(f"{cell_text(row, COL_ACTION)} {cell_text(row, COL_OUTCOME)}" for _, row in action_rows(ctx))


def engagement_text(ctx: RuleContext) -> str:
    """Everything written in the engagement plan and findings."""
    return " \n".join(ctx.text(qid) for qid in ENGAGEMENT_QUESTIONS if ctx.has(qid))

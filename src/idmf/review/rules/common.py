"""Small helpers shared by the rule modules."""

from __future__ import annotations

from typing import Any, Iterator

from idmf.domain.answer_text import cell_text as answer_cell_text
from idmf.domain.answers import is_blank
from idmf.domain.links import CENSUS, DOCUMENT, FINDING, cells, parse_ref, row_id
from idmf.domain.questions import (ACTION_PLAN, COL_ACTION, COL_OUTCOME, ENGAGE_KEY_FINDINGS, ENGAGEMENT_QUESTIONS,
                                   FINDING_TEXT)
from idmf.review.readiness import ImpactItem, RuleContext


def short(label: str, limit: int = 90) -> str:
    """A question label cut to a readable length for a checklist line."""
    label = " ".join(label.split())
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def table_rows(ctx: RuleContext, question_id: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(1-based row number, cells) of every row of a table answer that is not completely blank."""
    rows = ctx.value(question_id) if ctx.has(question_id) else None
    for n, row in enumerate(rows if isinstance(rows, list) else [], start=1):
        if isinstance(row, dict) and not is_blank(cells(row)):
            yield n, row


def action_rows(ctx: RuleContext) -> Iterator[tuple[int, dict[str, Any]]]:
    """(1-based row number, cells) of every action-plan row that is not completely blank."""
    return table_rows(ctx, ACTION_PLAN)


def linked_actions(ctx: RuleContext, item: ImpactItem) -> list[tuple[int, dict[str, Any]]]:
    """The action-plan rows an impact is mitigated by that are still in the plan."""
    wanted = set(item.impact.mitigated_by)
    return [(n, row) for n, row in action_rows(ctx) if row_id(row) in wanted]


def finding_rows(ctx: RuleContext) -> list[tuple[int, dict[str, Any]]]:
    """The key engagement findings (Step 3) that say something."""
    return [(n, row) for n, row in table_rows(ctx, ENGAGE_KEY_FINDINGS) if cell_text(row, FINDING_TEXT)]


def live_evidence(ctx: RuleContext, item: ImpactItem) -> list[str]:
    """The impact's evidence references that still point at something (free text from older files counts)."""
    tables = {t.table_code.upper() for t in ctx.assessment.census_tables}
    findings = {row_id(row) for _, row in finding_rows(ctx)}
    documents = {d.id for d in ctx.assessment.documents}
    known = {CENSUS: lambda t: t.upper() in tables, FINDING: findings.__contains__, DOCUMENT: documents.__contains__}
    return [text for text in item.impact.evidence
            if (ref := parse_ref(text)).kind == "" and text.strip() or ref.kind and known[ref.kind](ref.target)]


def linked_findings(ctx: RuleContext, item: ImpactItem) -> list[dict[str, Any]]:
    """The engagement findings an impact is linked to."""
    wanted = {parse_ref(t).target for t in item.impact.evidence if parse_ref(t).kind == FINDING}
    return [row for _, row in finding_rows(ctx) if row_id(row) in wanted]


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

"""Links in words: what an impact is mitigated by and what evidence backs it, as the checklist, the editor and
the Word export name them ("Action 2: Extend patient transport…", "Engagement finding 1: …", a document's name).

Shared by the editor, the checklist and the Word export; no Qt, no Word.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from idmf.domain.answer_text import cell_text, group_name
from idmf.domain.answers import GroupImpact, ImpactAnswer
from idmf.domain.assessment import Assessment
from idmf.domain.links import CENSUS, DOCUMENT, FINDING, parse_ref, row_id
from idmf.domain.links import ref as evidence_ref
from idmf.domain.questions import ACTION_PLAN, COL_ACTION, ENGAGE_KEY_FINDINGS, FINDING_TEXT, IH_GROUPS
from idmf.forms.schema import FieldType, FormDefinition


def clip(text: str, limit: int = 70) -> str:
    """Text on one line, cut at a word near `limit` characters."""
    plain = " ".join(text.split())
    return plain if len(plain) <= limit else plain[: limit - 1].rsplit(" ", 1)[0] + "…"


def action_label(number: int, row: dict[str, Any]) -> str:
    """'Action 2: Extend patient transport eligibility…'."""
    text = cell_text(row.get(COL_ACTION))
    return f"Action {number}: {clip(text)}" if text else f"Action {number}"


def finding_label(number: int, row: dict[str, Any]) -> str:
    """'Engagement finding 1: Transport was the main concern…'."""
    text = cell_text(row.get(FINDING_TEXT))
    return f"Engagement finding {number}: {clip(text)}" if text else f"Engagement finding {number}"


def _rows(item: Assessment, question_id: str) -> list[dict[str, Any]]:
    value = item.answers.get(question_id)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def mitigation_labels(item: Assessment, impact: ImpactAnswer) -> list[str]:
    """The linked actions still in the plan, in plan order, then a note for any that were deleted."""
    rows = _rows(item, ACTION_PLAN)
    wanted = set(impact.mitigated_by)
    labels = [action_label(n, r) for n, r in enumerate(rows, start=1) if row_id(r) in wanted]
    gone = len(wanted - {row_id(r) for r in rows})
    return labels + ([f"{gone} action(s) since deleted from the plan"] if gone else [])


def evidence_label(item: Assessment, text: str) -> str:
    """One evidence reference in words (a deleted finding or removed document says so)."""
    ref = parse_ref(text)
    if ref.kind == CENSUS:
        table = next((t for t in item.census_tables if t.table_code.upper() == ref.target.upper()), None)
        return (f"Census 2021 {table.title} ({table.table_code}), {table.area_name}" if table
                else f"Census table {ref.target} (no longer attached)")
    if ref.kind == FINDING:
        rows = _rows(item, ENGAGE_KEY_FINDINGS)
        found = next(((n, r) for n, r in enumerate(rows, start=1) if row_id(r) == ref.target), None)
        return finding_label(*found) if found else "An engagement finding (since deleted)"
    if ref.kind == DOCUMENT:
        number = next((n for n, d in enumerate(item.documents, start=1) if d.id == ref.target), None)
        return f"Document A{number}: {item.documents[number - 1].name}" if number else "A document (since removed)"
    return ref.text


class LinkedItem(NamedTuple):
    """An impact that links to something: where it is, how it is named, its answer."""

    question_id: str
    row: int | None
    name: str
    impact: ImpactAnswer


def impacts(item: Assessment, form: FormDefinition) -> list[LinkedItem]:
    """Every impact answer of the assessment (characteristics, deprivation, added groups), in form order."""
    found: list[LinkedItem] = []
    for question in form.questions():
        if question.type == FieldType.IMPACT:
            found.append(LinkedItem(question.id, None, question.label, item.impact(question.id)))
        elif question.type == FieldType.GROUP_CATALOGUE and question.id == IH_GROUPS:
            found.extend(LinkedItem(question.id, n, group_name(n, g.name), g.impact)
                         for n, g in enumerate(item.groups(), start=1) if isinstance(g, GroupImpact))
    return found


def _groups_by(item: Assessment, form: FormDefinition, links_of: Callable[[ImpactAnswer], list[str]]
               ) -> dict[str, list[str]]:
    """For each link (an action row id, an evidence reference), the names of the groups whose impact has it."""
    found: dict[str, list[str]] = {}
    for linked in impacts(item, form):
        for key in links_of(linked.impact):
            found.setdefault(key, []).append(linked.name)
    return found


def groups_addressed(item: Assessment, form: FormDefinition) -> dict[str, list[str]]:
    """For each action row id, the names of the groups whose impact it mitigates (the action plan shows them)."""
    return _groups_by(item, form, lambda impact: impact.mitigated_by)


def evidence_used_by(item: Assessment, form: FormDefinition) -> dict[str, list[str]]:
    """For each evidence reference ('document:<id>', …), the names of the groups whose rating it backs."""
    return _groups_by(item, form, lambda impact: impact.evidence)


class LinkChoice(NamedTuple):
    """One thing an impact can be linked to, as the editor offers it: what to link (an action's row id, or an
    evidence reference), its name, whether it is linked now, and whether the user can change that."""

    target: str
    text: str
    linked: bool
    changeable: bool = True


def mitigation_choices(item: Assessment, impact: ImpactAnswer) -> list[LinkChoice]:
    """Every action of the plan (a row made before rows had ids by its number), then links to deleted actions."""
    linked = set(impact.mitigated_by)
    choices = [LinkChoice(row_id(r) or str(n), action_label(n, r), row_id(r) in linked)
               for n, r in enumerate(_rows(item, ACTION_PLAN), start=1)]
    known = {c.target for c in choices}
    return choices + [LinkChoice(t, "An action since deleted from the plan", True)
                      for t in impact.mitigated_by if t not in known]


def evidence_choices(item: Assessment, impact: ImpactAnswer) -> list[LinkChoice]:
    """Attached census tables, engagement findings and documents; then links to ones since removed, and evidence
    written as text in an older version (kept as it is)."""
    census = dict.fromkeys(evidence_ref(CENSUS, t.table_code) for t in item.census_tables)
    offered = [(ref, evidence_label(item, ref)) for ref in census]
    # Each finding is named from its own row: a row made before rows had ids is offered by its number.
    offered += [(evidence_ref(FINDING, row_id(r) or str(n)), finding_label(n, r))
                for n, r in enumerate(_rows(item, ENGAGE_KEY_FINDINGS), start=1)]
    offered += [(ref, evidence_label(item, ref)) for ref in (evidence_ref(DOCUMENT, d.id) for d in item.documents)]
    linked = set(impact.evidence)
    choices = [LinkChoice(ref, text, ref in linked) for ref, text in offered]
    known = {ref for ref, _ in offered}
    return choices + [LinkChoice(e, evidence_label(item, e), True, changeable=bool(parse_ref(e).kind))
                      for e in impact.evidence if e not in known]

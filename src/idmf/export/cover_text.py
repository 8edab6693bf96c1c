"""The board paper's cover sheet as text: every field, filled from the assessment and the stored details.

The Word layout (cover_sheet.py) and the tests both read this, so what the committee sees and what the tests
check are the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from idmf.domain.answer_text import date_text
from idmf.domain.assessment import Assessment
from idmf.domain.publishing import IMPLICATIONS, CoverDetails, Purpose
from idmf.domain.questions import (AIMS, APPROVAL_COMMITTEE, APPROVAL_COMPLETED_BY, APPROVAL_EDI_DATE,
                                   APPROVAL_EDI_PARTNER, APPROVAL_MEETING_DATE, CHANGES, DECISION_RATIONALE,
                                   DIRECTOR, ENGAGE_FINDINGS, ENGAGE_HOW, ENGAGE_WITH, LEAD, ORGANISATION)
from idmf.domain.readability import sentences
from idmf.export import findings as facts
from idmf.export.furniture import is_draft, status_line
from idmf.forms.schema import FormDefinition

APPENDIX_1 = "Appendix 1 – Equality and Health Inequalities Impact and Risk Assessment (EIA)"
_VERBS = {Purpose.APPROVAL: "approve", Purpose.ASSURANCE: "take assurance from", Purpose.ADVISORY: "note"}


@dataclass(frozen=True)
class CoverSheet:
    """Every field of the cover sheet, as printed ('' where neither the assessment nor the author gave it)."""

    organisation: str
    meeting: str
    meeting_date: str
    report_title: str
    paper_reference: str
    agenda_item: str
    presenter: str
    authors: str
    sponsor: str
    purpose: Purpose | None
    recommendations: str
    executive_summary: str
    strategic_objectives: str
    conflicts: str
    baf_risk: str
    appendices: list[str]
    engaged: str
    implications: list[tuple[str, bool]]  # (label, ticked) in the cover sheet's order
    equality_summary: str
    status: str
    missing: list[str] = field(default_factory=list)  # asked fields the author has not given yet


def _impacts_sentence(form: FormDefinition, item: Assessment) -> str:
    found = facts.findings(form, item)
    parts = [f"{word} impacts for {facts.joined(labels)}" for word, labels in (
        ("negative", facts.labels_rated(found, "negative")), ("positive", facts.labels_rated(found, "positive")))
        if labels]
    neutral = facts.labels_rated(found, "neutral")
    if neutral:
        parts.append(f"no differential impact for {facts.joined(neutral)}")
    return f"The equality analysis found {'; '.join(parts)}." if parts else \
        "The equality analysis has not rated any impact yet."


def _actions_sentence(item: Assessment) -> str:
    rows = [row for row in item.action_plan() if row.action.strip()]
    if not rows:
        return "The action plan has no actions yet."
    dates = [row.target_date for row in rows if row.target_date]
    due = f", the last due by {date_text(max(dates))}" if dates else ""
    return f"The action plan has {len(rows)} action{'s' if len(rows) != 1 else ''}{due}."


def draft_executive_summary(form: FormDefinition, item: Assessment) -> str:
    """Aims, main changes, key impacts, the decision and the actions, one paragraph each."""
    full, _short = facts.decision(form, item)
    paragraphs = [facts.first_paragraph(facts.text_of(form, item, AIMS)),
                  facts.first_paragraph(facts.text_of(form, item, CHANGES)),
                  _impacts_sentence(form, item),
                  f"Decision: {full}" if full else "No decision has been recorded in the assessment yet.",
                  _actions_sentence(item)]
    return "\n".join(p for p in paragraphs if p)


def draft_recommendations(form: FormDefinition, item: Assessment, details: CoverDetails) -> str:
    """What the meeting is asked to do, with the assessment's decision and rationale."""
    verb = _VERBS.get(details.purpose, "consider") if details.purpose else "consider"
    full, _short = facts.decision(form, item)
    lines = [f"The {details.meeting or 'meeting'} is asked to {verb} the equality analysis at Appendix 1"
             + (f" and its decision: {full}" if full else ".")]
    rationale = facts.text_of(form, item, DECISION_RATIONALE)
    if rationale:
        lines.append(f"Rationale: {rationale}")
    return "\n".join(lines)


def equality_summary(form: FormDefinition, item: Assessment) -> str:
    """The one paragraph beside the ticked Equality, Diversity & Inclusion box."""
    _full, short = facts.decision(form, item)
    parts = [f"An Equality and Health Inequalities Impact and Risk Assessment is attached as Appendix 1 "
             f"({status_line(item)}).", _impacts_sentence(form, item)]
    if short:
        parts.append(f"Decision: {short}.")
    parts.append(_actions_sentence(item))
    partner, partner_date = (facts.text_of(form, item, q) for q in (APPROVAL_EDI_PARTNER, APPROVAL_EDI_DATE))
    if partner:
        parts.append(f"EDI assurance: {partner}{f' on {partner_date}' if partner_date else ''}.")
    committee, met = (facts.text_of(form, item, q) for q in (APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE))
    if committee and not is_draft(item):
        parts.append(f"Approved by {committee}{f' on {met}' if met else ''}.")
    return " ".join(parts)


def engaged(form: FormDefinition, item: Assessment) -> str:
    """Who has been engaged: the engagement plan's groups, its findings' first sentence, EDI and the committee."""
    lines = []
    groups = facts.text_of(form, item, ENGAGE_WITH).splitlines()
    how = sentences(facts.text_of(form, item, ENGAGE_HOW))
    if groups:
        lines.append(f"Engagement (Step 3): {facts.joined(groups)}.")
    elif how:  # the template asks how, in words; the app-only tick list may be left empty
        lines.append(f"Engagement (Step 3): {how[0]}")
    found = sentences(facts.text_of(form, item, ENGAGE_FINDINGS))
    if found:
        lines.append(f"Findings: {found[0]}")
    partner = facts.text_of(form, item, APPROVAL_EDI_PARTNER)
    if partner:
        lines.append(f"EDI business partner (assurance): {partner}")
    committee = facts.text_of(form, item, APPROVAL_COMMITTEE)
    if committee:
        lines.append(f"Formal committee: {committee}")
    return "\n".join(lines)


def _authors(form: FormDefinition, item: Assessment) -> str:
    people: list[str] = []
    for question_id in (LEAD, APPROVAL_COMPLETED_BY):
        text = facts.text_of(form, item, question_id)
        if text and facts.person_name(text) not in {facts.person_name(p) for p in people}:
            people.append(text)
    return "\n".join(people)


def cover_sheet(form: FormDefinition, item: Assessment, details: CoverDetails) -> CoverSheet:
    """Every field of the cover sheet for one assessment version."""
    appendices = [APPENDIX_1] + [line.strip() for line in details.other_appendices.splitlines() if line.strip()]
    return CoverSheet(
        organisation=facts.text_of(form, item, ORGANISATION),
        meeting=details.meeting, meeting_date=date_text(details.meeting_date) if details.meeting_date else "",
        report_title=item.title, paper_reference=details.paper_reference, agenda_item=details.agenda_item,
        presenter=details.presenter, authors=_authors(form, item), sponsor=facts.text_of(form, item, DIRECTOR),
        purpose=details.purpose,
        recommendations=details.recommendations or draft_recommendations(form, item, details),
        executive_summary=details.executive_summary or draft_executive_summary(form, item),
        strategic_objectives=details.strategic_objectives, conflicts=details.conflicts, baf_risk=details.baf_risk,
        appendices=appendices, engaged=engaged(form, item),
        implications=[(label, details.ticked(key)) for key, label in IMPLICATIONS],
        equality_summary=equality_summary(form, item), status=status_line(item), missing=details.missing())

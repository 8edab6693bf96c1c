"""Every fixed line the Word document prints, worked out from the form definition.

The Word export prints the template's words from the form (headings, intros, question wording,
descriptions, help, options, table headings) and the few fixed words below, which the form language does
not spell out per question (tick-column headings, the census heading and note). `printed_text(form)` lists
them all with where each comes from; `python -m idmf.forms.template_diff` compares that list with the
template, and the export tests check the document prints exactly these lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from idmf.forms.schema import Column, ColumnType, FieldType, FormDefinition, Question, Section
from idmf.forms.text import phrases

# The three boxes of an impact block, in the template's order (the answer's field names with their words).
IMPACT_RATINGS = (("positive", "Positive impact"), ("negative", "Negative impact"), ("neutral", "Neutral impact"))
YES_NO_HEADINGS = {"yes": "YES", "no": "NO"}  # the legal duties' columns, in the template's capitals
DATE_FORMAT = "(DD/MM/YYYY)"  # after a date column's heading ("Target Date (DD/MM/YYYY)")
CENSUS_PROFILE = "Census profile of the area"  # the heading over the attached census tables in Step 2
CENSUS_NOTE = (
    "In order to protect against disclosure of personal information, records have been swapped between "
    "different geographic areas and counts perturbed by small amounts. Small counts at the lowest geographies "
    "will be most affected."
)  # the template's disclosure-control note under a census table
CENSUS_SOURCE = "Source: ONS - 2021 Census ({code})"  # the template's source line under a census table


@dataclass(frozen=True)
class Printed:
    """One fixed line of the document: its words, where the form keeps them, and whether the template has it."""

    text: str
    where: str
    app_only: bool = False  # printed only when an app-only question is answered


def overview_line(section: Section) -> str:
    """A line of the template's Step 1–6 overview: 'Step 1: Aims of the Proposal'."""
    return f"Step {section.step}: {section.title}"


def section_heading(section: Section) -> str:
    """The document heading of a section ('1. Aims'); '' for the front matter, which has none."""
    return section.heading or (section.display_title if section.step is not None else "")


def column_heading(column: Column) -> str:
    """A table column's heading as printed: date columns say the format ('Target Date (DD/MM/YYYY)')."""
    return f"{column.label} {DATE_FORMAT}" if column.type == ColumnType.DATE else column.label


def _question(question: Question) -> list[str]:
    texts = [question.label] if question.print_label else []
    texts += [t for t in (question.description, question.help) if t]
    kind = question.type
    if kind == FieldType.GRID:
        texts += [row.label for row in question.rows] + [heading for heading, _ in question.printed_columns()]
    elif kind in (FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE):
        texts += [question.tick_heading] if question.tick_heading else []
        texts += [t for c in question.choices for t in (c.label, c.help) if t]
    elif kind == FieldType.YES_NO:
        texts += list(YES_NO_HEADINGS.values())
    elif kind in (FieldType.IMPACT, FieldType.GROUP_CATALOGUE):
        texts += [label for _, label in IMPACT_RATINGS]
        texts += [t for c in question.catalogue for t in (c.label, c.help) if t]
    elif kind == FieldType.TABLE:
        texts += [column_heading(c) for c in question.columns]
    return texts


def _front_matter(section: Section) -> bool:
    return section.step is None and not section.heading


def printed_text(form: FormDefinition) -> list[Printed]:
    """Every fixed line the document can print, in document order, each with where it comes from."""
    found = [Printed(form.title, "title"), Printed(form.subtitle, "subtitle")]
    found += [Printed(t, "intro") for t in phrases(form.intro)]
    if form.overview_title:
        found.append(Printed(form.overview_title, "overview"))
        found += [Printed(overview_line(s), "overview") for s in form.sections if s.step is not None]
    for section in form.sections:
        where = f"section '{section.id}'"
        found += [Printed(section_heading(section), where)] if section_heading(section) else []
        found += [Printed(t, f"{where} intro") for t in phrases(section.intro)]
        for group in section.groups:
            found.append(Printed(group.title, f"group '{group.id}'"))
            found += [Printed(t, f"group '{group.id}' intro") for t in phrases(group.intro)]
        for question in section.all_questions():
            texts = _question(question)
            if _front_matter(section):  # front-matter answers are printed as words, never as tables
                texts = [question.label]
            found += [Printed(t, f"question '{question.id}'", question.app_only) for t in texts]
        if _front_matter(section) and form.heat_note:
            found.append(Printed(form.heat_note, "HEAT note"))
        if section.step == 2:
            found += [Printed(CENSUS_PROFILE, "census"), Printed(CENSUS_NOTE, "census"),
                      Printed(CENSUS_SOURCE.format(code="TSxxx"), "census")]
    if form.closing:
        found.append(Printed(form.closing_title or "What Next?", "closing"))
        found += [Printed(text, "closing") for text in form.closing]
    return [item for item in found if item.text]

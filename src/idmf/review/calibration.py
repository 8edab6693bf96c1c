"""What the editor's checklist shows while the lead works: steps not yet started say "not started" instead of
listing every gap in them; steps the lead has worked on show everything. Once the assessment is submitted
(any status after Draft) every finding shows. `idmf-cli check` and the submit step always use the full report.
"""

from __future__ import annotations

import dataclasses

from idmf.domain.answers import is_blank
from idmf.domain.assessment import Assessment, Status
from idmf.domain.questions import DATA_SOURCES
from idmf.forms.schema import FormDefinition
from idmf.review.readiness import ReadinessReport


def started_steps(assessment: Assessment, form: FormDefinition) -> set[str]:
    """Sections with at least one answer (census tables and documents count for the evidence step)."""
    started = {section.id for section in form.sections
               if any(not is_blank(assessment.answers.get(q.id)) for q in section.all_questions())}
    if assessment.census_tables:
        started.add(form.section_of(DATA_SOURCES).id)
    return started


def for_display(report: ReadinessReport, assessment: Assessment, form: FormDefinition) -> ReadinessReport:
    """The report as the editor shows it: findings of untouched steps held back while the assessment is a draft."""
    if assessment.status != Status.DRAFT:
        return report
    started = started_steps(assessment, form)
    waiting = frozenset(step for step in report.steps if step not in started)
    shown = tuple(f for f in report.findings if f.step not in waiting)
    return dataclasses.replace(report, findings=shown, not_started=waiting)

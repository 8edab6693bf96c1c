"""The feature panels every assessment editor gets: the review checklist and comments, the census profile,
the links and attached documents.

The main window hands this list to the editor (`AssessmentEditor(..., panels=DEFAULT_PANELS)`), so the
editor never imports a feature folder. Each factory imports its feature when an editor first opens: the
census panel brings in QtCharts, which the dashboard does not need at start-up.
"""

from __future__ import annotations

from idmf.ui.editor.host import EditorHost, PanelFactory


def review_panels(host: EditorHost) -> None:
    """The Checklist and Comments side tabs."""
    from idmf.ui.review.panel import attach

    attach(host)


def census_panels(host: EditorHost) -> None:
    """The census profile in Step 2 and its notes beside Step 4's characteristics."""
    from idmf.ui.census.panel import attach

    attach(host)


def evidence_panels(host: EditorHost) -> None:
    """Step 4's links beside each rating, Step 2's attached documents, and the groups each action addresses."""
    from idmf.ui.evidence.panel import attach

    attach(host)


# Links before the census: both go after Step 4's questions, and the census note stays right beside its rating.
DEFAULT_PANELS: tuple[PanelFactory, ...] = (review_panels, evidence_panels, census_panels)

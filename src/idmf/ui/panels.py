"""The feature panels every assessment editor gets: the review checklist and comments, the census profile,
the links and attached documents.

The main window hands this list to the editor (`AssessmentEditor(..., panels=DEFAULT_PANELS)`), so the
editor never imports a feature folder. Each factory imports its feature when an editor first opens: the
census panel brings in QtCharts, which the dashboard does not need at start-up.
"""

from __future__ import annotations

import functools
import gc
import importlib
from typing import Iterator

from idmf.ui.editor.host import EditorHost, LatePanel, PanelFactory


def review_panels(host: EditorHost) -> None:
    """The Checklist and Comments side tabs."""
    from idmf.ui.review.panel import attach

    attach(host)


def census_panels(host: EditorHost) -> None:
    """The census profile in Step 2 and its notes beside Step 4's characteristics."""
    from idmf.ui.census.panel import attach

    attach(host)


def evidence_panels(host: EditorHost) -> Iterator[None]:
    """Step 4's links beside each rating, Step 2's attached documents, and the groups each action addresses
    (made in parts)."""
    from idmf.ui.evidence.panel import attach

    return attach(host)


# Links before the census: both go after Step 4's questions, and the census note stays right beside its rating.
# The side tabs are built with the first step (their width sets the page's); links, documents and census go into
# later steps and are built after the first step is on screen (idmf.ui.editor.late).
DEFAULT_PANELS: tuple[PanelFactory, ...] = (review_panels, LatePanel(evidence_panels), LatePanel(census_panels))


# The feature modules the panels import, heaviest (needed with the first step) first.
PANEL_MODULES = ("idmf.ui.review.panel", "idmf.ui.evidence.panel", "idmf.ui.census.panel")


def import_panels_while_idle(modules: tuple[str, ...] = PANEL_MODULES) -> None:
    """While the user looks at the dashboard (idle.py: never between their keys), one step per loop turn: import
    the panels' modules (the review panel's ~60 ms is then not part of the first open of an assessment), load the
    spelling dictionary, settle the heap. An import that fails is left to the editor, which reports it."""
    from idmf.ui.idle import IdleWork

    steps = [functools.partial(importlib.import_module, name) for name in modules]
    IdleWork([*steps, _load_spelling, _settle_the_heap])


def _load_spelling() -> None:
    """Load the spelling dictionary (one ~100 ms call into Hunspell that cannot be split or run beside the UI:
    it holds the interpreter) on the dashboard, not in the first seconds of an editor while its pages are built."""
    from idmf.ui.editor.spelling.checker import shared_checker

    shared_checker()  # logs and returns None when it cannot load; an editor opened a minute later tries again


_heap_settled = False


def _settle_the_heap() -> None:
    """Collect what start-up left behind, then leave the objects still alive out of later full collections.

    The app holds about 100,000 objects by then (SQLAlchemy, the form, Qt wrappers): a full collection of them
    took 60-75 ms, and one fell inside the first open of an assessment (before its first paint, or in the first
    slice after it). Frozen (gc.freeze), they are never scanned again; objects made later are collected as usual.
    """
    global _heap_settled
    if _heap_settled:  # once a process (tests make many windows)
        return
    _heap_settled = True
    gc.collect()
    gc.freeze()

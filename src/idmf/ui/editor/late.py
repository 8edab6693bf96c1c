"""The first step on screen at once, the rest built while the user reads it.

Building every page and panel of the Part B form took about 0.6 s on the first open of a session. The editor
builds the first step's page and the side panel (its width sets the page's), shows them, and once the first
step has painted builds the rest in slices, one per turn of the event loop (so keys and paints are answered
between them): the panels that insert into later steps (links, documents, census; a panel factory that returns an
iterator is made one part per turn), then each page (a few questions per turn, then laid out and painted off
screen in the next turn). Going to a step not built yet builds it at once, with every panel that goes into it.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from typing import TYPE_CHECKING, Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QTimer
from shiboken6 import isValid

from idmf.ui.editor.fields.text import GrowingTextEdit
from idmf.ui.editor.spelling.checker import spelling_loaded
from idmf.ui.editor.spelling.underline import check_spelling

if TYPE_CHECKING:
    from idmf.ui.editor.host import LatePanel
    from idmf.ui.editor.page import SectionPage

log = logging.getLogger(__name__)


def next_part(parts: Iterator[None]) -> bool:
    """Make a panel's next part; False once all are made (or one failed: logged, the rest left out)."""
    try:
        next(parts)
        return True
    except StopIteration:
        return False
    except Exception:  # noqa: BLE001 - a broken panel must not stop the user reaching their answers
        log.exception("Could not add part of an editor panel")
        return False


class _FirstPaint(QObject):
    """Calls back once the editor has painted (the first step on show; then the slices start)."""

    def __init__(self, editor, then: Callable[[], None]) -> None:
        super().__init__(editor)
        self._then = then
        # The step list, painted in the same pass as the page (whose own viewport is covered by its widgets, and
        # which may never paint when the user goes to another step at once).
        editor.step_list.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after the paint, when the loop is idle again
        return False


class PagesBuiltLate:
    """Mixed into AssessmentEditor: pages other than the first, and late panels, built in slices."""

    first_painted_at = 0.0  # time.perf_counter() when the first step had painted (benchmarks read it)
    build_late = True  # False: everything built with the first step (tests of panels and pages, not of timing)

    def _plan_slices(self, late_panels: list[LatePanel]) -> None:
        self._slices: deque = deque(("panel", f) for f in late_panels)
        self._slices.extend(("page", page) for page in self.pages if not page.built)
        self._slicing = False

    @property
    def all_built(self) -> bool:
        """Whether every page and panel has been built (the slices are done)."""
        return not self._slices

    def finish_building(self) -> None:
        """Build every page and panel still waiting, now."""
        while self._slices:
            kind, what = self._slices.popleft()
            if kind in ("panel", "parts"):
                self._run_panel(kind, what, all_parts=True)
            elif kind == "page":
                self.ensure_built(what)

    def _run_panel(self, kind: str, what, all_parts: bool) -> None:
        """Make a late panel (or its next part): one made in parts puts the rest back at the front of the queue."""
        parts = self._make_panel(what) if kind == "panel" else what
        if parts is None:
            return
        if all_parts:
            while next_part(parts):
                pass
        elif next_part(parts):
            self._slices.appendleft(("parts", parts))

    def _start_slices_after_paint(self) -> None:
        _FirstPaint(self, self._first_painted)

    def _first_painted(self) -> None:
        self.first_painted_at = time.perf_counter()
        QTimer.singleShot(0, self._next_slice)  # a turn of its own: keys pressed by now are answered first

    def _next_slice(self) -> None:
        """Build one page or panel (or lay out and paint one built page off screen), then yield to the loop."""
        if not isValid(self) or not self._slices:
            return
        kind, what = self._slices.popleft()
        if kind in ("panel", "parts"):
            self._run_panel(kind, what, all_parts=False)
        elif kind == "page" and not what.built:
            if what.build_part():  # a few questions at a time: Step 4 in one turn was 100-300 ms
                self._page_built(what)
                self._slices.appendleft(("warm", what))
            else:
                self._slices.appendleft(("page", what))
        elif kind == "warm" and what is not self.stack.currentWidget():
            what.resize(self.stack.size())
            what.grab()  # polish, layout and paint now, so the first visit does not
        QTimer.singleShot(0, self._next_slice)

    def ensure_built(self, page: SectionPage) -> None:
        """Build a page now (the user went to it): first every late panel, as some insert into it."""
        if page.built:
            return
        while self._slices and self._slices[0][0] in ("panel", "parts"):
            self._run_panel(*self._slices.popleft(), all_parts=True)
        self._build_page(page)

    def _build_page(self, page: SectionPage) -> None:
        page.build()  # what is left of it, when its slices had started
        self._page_built(page)

    def _page_built(self, page: SectionPage) -> None:
        """Wire a page just built into the editor and show the stored answers in it."""
        fields = page.fields()
        self._fields.update((f.question.id, f) for f in fields)
        for field in fields:
            self._wire_field(field)
            if self._made_read_only:
                field.make_read_only()
        page.initialize_page()
        page.update_relevance(self.live_answer)
        if spelling_loaded():
            for box in page.findChildren(GrowingTextEdit):
                check_spelling(box)
        self.side_placement.page_built()
        self.fix_tab_order()

"""One page of the editor per form section, built from the form through the builder (Picard setup-wizard
style: initialize_page() loads the answers, validate_page() warns about doubtful answers and never blocks)."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from idmf.domain.questions import COMPLETED_DATE, START_DATE
from idmf.forms.relevance import is_relevant
from idmf.forms.schema import FormDefinition, Section
from idmf.ui.editor.builder import QuestionFrame, build_question
from idmf.ui.editor.controller import EditorController
from idmf.ui.editor.fields.base import QuestionWidget
from idmf.ui.announce import set_status
from idmf.ui.editor.fields.date import to_date
from idmf.ui.editor.fields.date_text import shown

# (earlier, later): the later date must not be before the earlier one.
DATE_ORDER = ((START_DATE, COMPLETED_DATE),)
QUESTIONS_PER_PART = 3  # a part of a page built in one turn of the event loop (Step 4: 3 ratings and their panels)
READABLE_CHARS = 110  # the text column is at most about this many characters wide: long lines are hard to read


def _paragraph(text: str, object_name: str = "intro") -> QLabel:
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


def _heading(text: str, scale: float, object_name: str) -> QLabel:
    label = _paragraph(text, object_name)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


class SectionPage(QScrollArea):
    """A scrollable page holding every question of one section, in the form's reading order."""

    def __init__(self, section: Section, controller: EditorController, parent: QWidget | None = None,
                 build: bool = True) -> None:
        super().__init__(parent)
        self.section = section
        self.controller = controller
        self.frames: dict[str, QuestionFrame] = {}
        self.panels: list[QWidget] = []
        self.built = False  # built late (see late.py): until then no frames, and panels wait in _waiting
        self._waiting: list[tuple[QWidget, str | None]] = []
        self._parts: Iterator[None] | None = None  # building in parts (build_part), once started
        self.setObjectName(f"page_{section.id}")
        self.setAccessibleName(section.display_title)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a Tab stop of its own: Tab goes to its inputs
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps to the width there is; only a window narrower than the form's minimum scrolls sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if build:
            self.build()

    def build(self) -> None:
        """Build the page now (what is left of it), then put in the panels added while it was not built."""
        while not self.build_part():
            pass

    def build_part(self) -> bool:
        """Build the next few questions (late.py yields to the event loop between parts); True once built."""
        if not self.built:
            if self._parts is None:
                self._parts = self._build_parts()
            next(self._parts, None)
        return self.built

    def _build_parts(self) -> Iterator[None]:
        # Each part's widgets go straight into the page: taking the style sheet (polish) is paid part by part, not
        # for the whole page at once (setWidget of Step 4's content with its panels was ~80 ms of one slice).
        self.setWidget(self._build_top())
        yield
        part: set[str] = set()
        for group, question in self._reading_order():
            if question is None:
                self._add_group_heading(group)
                continue
            self._add_question(question)
            part.add(question.id)
            if len(part) == QUESTIONS_PER_PART:
                self._put_in_waiting(part)
                part = set()
                yield
        self._put_in_waiting(part)
        self._add_closing()
        self._place_warning()
        self._layout.addStretch(1)
        self.built = True
        self._put_in_waiting(None)
        # The wrapper took the text column's sizes when it had only the heading: have them read again now (the
        # page's minimum width decides where the side panel goes).
        self._layout.parentWidget().updateGeometry()

    def _reading_order(self) -> Iterator[tuple[Any, Any]]:
        """(None, question) for the section's own questions, then (group, None) for a group heading and
        (group, question) for each of its questions."""
        yield from ((None, q) for q in self.section.questions)
        for group in self.section.groups:
            yield group, None
            yield from ((group, q) for q in group.questions)

    def _put_in_waiting(self, question_ids: set[str] | None) -> None:
        """Put in the waiting panels that go after these questions (None: every one left), in the order added."""
        for widget, after in [w for w in self._waiting if question_ids is None or w[1] in question_ids]:
            self._waiting.remove((widget, after))
            self._insert_panel(widget, after)

    @property
    def form(self) -> FormDefinition:
        return self.controller.form

    def _build_top(self) -> QWidget:
        outer = QWidget()
        content = QWidget(outer)
        content.setObjectName("page_content")
        content.setMaximumWidth(self.fontMetrics().averageCharWidth() * READABLE_CHARS)
        self._layout = QVBoxLayout(content)
        self._layout.setSpacing(self.fontMetrics().height())
        self._add_top()
        wrapper = QHBoxLayout(outer)
        wrapper.addWidget(content, 1)
        wrapper.addStretch(0)  # wide windows: the text column keeps a readable width, flush left by the steps
        return outer

    def _add_group_heading(self, group) -> None:
        self._layout.addWidget(_heading(group.title, 1.2, "group_title"))
        if group.intro_text:
            self._layout.addWidget(_paragraph(group.intro_text))
        if group.guidance:  # the app's advice (not in the template or the Word document)
            self._layout.addWidget(_paragraph(group.guidance, "help"))

    def _add_top(self) -> None:
        self._layout.addWidget(_heading(self.section.display_title, 1.5, "page_title"))
        texts = [self.section.intro_text]
        if self.section.id == self.form.sections[0].id:
            texts += [self.form.intro_text, self.form.heat_note]  # the template's header text, once, on the first page
        for text in filter(None, texts):
            self._layout.addWidget(_paragraph(text))
        if self.section.guidance:  # the app's advice (not in the template or the Word document)
            self._layout.addWidget(_paragraph(self.section.guidance, "help"))
        self.warning = _paragraph("", "warning")
        self.warning.hide()
        self._layout.addWidget(self.warning)
        self._top_anchor = self.warning  # panels added "under the heading" go after it, or where it stood

    def _place_warning(self) -> None:
        """A date-order warning sits under the later date, where the user is looking, not at the page top."""
        later = next((self.frames[b] for a, b in DATE_ORDER if a in self.frames and b in self.frames), None)
        if later is not None:
            self._top_anchor = self._layout.itemAt(self._layout.indexOf(self.warning) - 1).widget()
            self._layout.removeWidget(self.warning)
            self._layout.insertWidget(self._layout.indexOf(later) + 1, self.warning)

    def _add_closing(self) -> None:
        if self.section.step == 6 and self.form.closing:
            self._layout.addWidget(_heading(self.form.closing_title or "What next?", 1.2, "group_title"))
            for text in self.form.closing:
                self._layout.addWidget(_paragraph(text))

    def _add_question(self, question) -> None:
        frame = build_question(question)
        self.frames[question.id] = frame
        self._layout.addWidget(frame)

    def add_panel(self, widget: QWidget, after_question_id: str | None = None) -> None:
        """Add a helper panel (census profile, review notes) under the page heading, or after a question."""
        if not self.built:  # parented now, so showing or hiding it never makes a window of its own
            widget.setParent(self)
            self._waiting.append((widget, after_question_id))
            return
        self._insert_panel(widget, after_question_id)

    def _insert_panel(self, widget: QWidget, after_question_id: str | None) -> None:
        if after_question_id is None:
            index = self._layout.indexOf(self._top_anchor) + 1
        else:
            index = self._layout.indexOf(self.frames[after_question_id]) + 1
        self._layout.insertWidget(index, widget)
        self.panels.append(widget)

    def fields(self) -> list[QuestionWidget]:
        """The page's question widgets in reading order."""
        return [frame.field for frame in self.frames.values()]

    def inputs(self) -> list[QWidget]:
        """Every input of the page, panels' included, in reading order (for the tab order)."""
        found: list[QWidget] = []
        for index in range(self._layout.count() if self.built else 0):
            widget = self._layout.itemAt(index).widget()
            if isinstance(widget, QuestionFrame):
                found += widget.field.inputs()
            elif widget in self.panels:
                found += [w for w in widget.findChildren(QWidget)
                          if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabledTo(widget)]
        return found

    def initialize_page(self) -> None:
        """Load the stored answers into the widgets."""
        for qid, frame in self.frames.items():
            frame.field.set_value(self.controller.saved_json(qid))
        self.validate_page()

    def update_relevance(self, lookup: Callable[[str], Any]) -> None:
        """Show conditional questions whose condition holds, hide the others (answers are never dropped)."""
        for frame in self.frames.values():
            if frame.question.relevant:
                frame.update_relevance(is_relevant(frame.question.relevant, lookup))

    def warnings(self) -> list[str]:
        """Doubtful answers on this page, in plain English (e.g. a completed date before the start date)."""
        found = []
        for earlier_id, later_id in DATE_ORDER:
            if earlier_id in self.frames and later_id in self.frames:
                earlier = to_date(self.frames[earlier_id].field.value())
                later = to_date(self.frames[later_id].field.value())
                if earlier and later and later < earlier:
                    found.append(self._order_warning(earlier_id, later_id, earlier, later))
        return found

    def _order_warning(self, earlier_id: str, later_id: str, earlier: dt.date, later: dt.date) -> str:
        first, second = self.form.question(earlier_id).label, self.form.question(later_id).label
        return (f"⚠ {second} ({shown(later)}) is before {first} ({shown(earlier)}). "
                "Please check the dates; both are saved as entered.")

    def validate_page(self) -> bool:
        """Show any warnings at the top of the page; True when there are none. Never blocks and never drops data."""
        if not self.built:  # nothing on show yet: it checks when it is built (initialize_page)
            return True
        found = self.warnings()
        set_status(self.warning, "\n".join(found))
        return not found

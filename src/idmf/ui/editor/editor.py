"""The assessment editor: step list, one page per section, Back/Next, autosave and undo.

Embedded by the main window (see idmf.ui.main_window), which shows its save messages in the status bar.
"""

from __future__ import annotations

import logging
from typing import Any, Iterator, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QLineEdit, QPushButton, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)
from shiboken6 import isValid

from idmf.domain.assessment import Assessment
from idmf.domain.questions import TITLE
from idmf.services.changes import Changes
from idmf.services.context import AppContext
from idmf.ui.changes import ChangeRelay
from idmf.ui.editor.autosave import Autosave
from idmf.ui.editor.conflict import ConflictResolver
from idmf.ui.editor.controller import EditorController, same_answer
from idmf.ui.editor.drawer import SidePanelPlacement
from idmf.ui.editor.fields.base import QuestionWidget, UndoKeyFilter
from idmf.ui.editor.fields.text import GrowingTextEdit
from idmf.ui.editor.host import LatePanel, PanelFactory
from idmf.ui.editor.keyboard import KeyboardNavigation
from idmf.ui.editor.late import PagesBuiltLate, next_part
from idmf.ui.editor.page import SectionPage
from idmf.ui.editor.reuse import ReusedWidgets
from idmf.ui.editor.spelling.checker import spelling_loaded
from idmf.ui.editor.spelling.underline import check_spelling
from idmf.ui.editor.steplist import StepList
from idmf.ui.editor.style import STYLE_SHEET

log = logging.getLogger(__name__)

WARM_AFTER_MS = 300  # after the first page has painted and the window answers keys
SPELLING_RETRY_MS = 250  # while typed text waits to be saved, the dictionary load waits too

READ_ONLY_TEXT = ("This version is signed off, or is a copy received for review, so its answers are shown "
                  "read-only. To change them, start a new version from the dashboard.")


class AssessmentEditor(PagesBuiltLate, ReusedWidgets, QWidget):
    """Edits one assessment; every change is saved through AssessmentService as the user works.

    Implements EditorProtocol (for the main window) and EditorHost (for the feature panels it is given); its
    widgets show one assessment after another (ReusedWidgets).
    """

    sig_saved = Signal(str)  # "Saved hh:mm:ss"
    sig_save_failed = Signal(str)  # "Not saved — <reason>"
    sig_section_changed = Signal(str)  # section id
    sig_title_changed = Signal(str)
    sig_assessment_changed = Signal()  # after every stored change (and undo/redo): panels refresh on it
    sig_changes = Signal(object)  # a change notice about this assessment, after the editor has followed it
    sig_assessment_replaced = Signal()  # another assessment is on show in these widgets: panels start over

    def __init__(self, context: AppContext, assessment_id: int, parent: QWidget | None = None,
                 panels: Sequence[PanelFactory] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("assessment_editor")
        self.setStyleSheet(STYLE_SHEET)
        self.controller = EditorController(context, assessment_id, self)
        self.undo_stack = QUndoStack(self)
        self.autosave = Autosave(self.controller, self.undo_stack, self.question_widget, self)
        # The first step only: the others are built once it is on screen (late.py).
        self.pages = [SectionPage(s, self.controller, build=n == 0) for n, s in enumerate(self.form.sections)]
        self._fields = {f.question.id: f for page in self.pages for f in page.fields()}
        self._page_of = {q.id: page for page in self.pages for q in page.section.all_questions()}
        self._build()
        self._connect()
        self.pages[0].initialize_page()
        self.conflicts = ConflictResolver(self)
        # Planned first: a panel added now may build a later page (a comment marker), late panels first then.
        self._plan_slices([f for f in panels if isinstance(f, LatePanel)])
        self._attach_panels([f for f in panels if not isinstance(f, LatePanel)])
        if not self.build_late:
            self.finish_building()
        self._relay = ChangeRelay(context.changes, self)
        self._relay.sig_changed.connect(self.apply_changes)
        # Not _refresh_after_change(): every panel showed this assessment as it was added (a second refresh of
        # the checklist and links cost about 0.1 s of opening).
        self.step_list.refresh(self.assessment)
        self._live_update()
        self.fix_tab_order()
        self._show_page(0)

    # --- the contract the main window uses -----------------------------------------------------------------
    @property
    def assessment(self) -> Assessment:
        """The assessment being edited (kept in step with the database by every save)."""
        return self.controller.assessment

    @property
    def form(self):
        return self.controller.form

    def current_section_id(self) -> str:
        """The id of the section on show."""
        return self.pages[self.stack.currentIndex()].section.id

    def go_to(self, section_id: str, question_id: str | None = None) -> None:
        """Show a section (KeyError for an unknown one); with a question id, scroll to it and focus it."""
        index = next((n for n, p in enumerate(self.pages) if p.section.id == section_id), None)
        if index is None:
            raise KeyError(section_id)
        self._show_page(index)
        if question_id is not None:
            page = self.pages[index]
            QApplication.sendPostedEvents()  # a page built just now: its layout, before scrolling to the question
            frame = page.frames[question_id]
            page.ensureWidgetVisible(frame)
            frame.field.focus_first()

    def flush(self) -> bool:
        """Save every pending edit now (a date still being typed is read first); True when everything is saved."""
        for field in self._fields.values():
            field.finish_typing()
        return self.autosave.flush()

    def question_widget(self, question_id: str) -> QuestionWidget | None:
        """The input widget of a question (None when the form has no such question); its page is built now."""
        if question_id not in self._fields and question_id in self._page_of:
            self.ensure_built(self._page_of[question_id])
        return self._fields.get(question_id)

    def page(self, section_id: str) -> SectionPage:
        """The page of a section, built (now, if it was still waiting to be)."""
        page = self._unbuilt_or_built(section_id)
        self.ensure_built(page)
        return page

    def _unbuilt_or_built(self, section_id: str) -> SectionPage:
        return next(p for p in self.pages if p.section.id == section_id)

    @property
    def read_only(self) -> bool:
        """Whether every answer is shown read-only (signed off, or a copy received for review)."""
        return self.controller.read_only

    @property
    def review_copy(self) -> bool:
        """Whether this is a copy received from a lead for review."""
        return self.controller.review_copy

    @property
    def services(self) -> AppContext:
        """The app's services, for panels (they never reach storage)."""
        return self.controller.context

    def add_panel(self, section_id: str, widget: QWidget, after_question_id: str | None = None) -> None:
        """Add a feature's panel to a section's page (under its heading, or after a question)."""
        self._unbuilt_or_built(section_id).add_panel(widget, after_question_id)  # waits there until it is built

    def add_side_tab(self, widget: QWidget, title: str, width_chars: int | None = None) -> None:
        """Add a tab to the panel on the right of the page (readiness checklist, comments); shown once used."""
        self.side_tabs.addTab(widget, title)
        if width_chars is not None:  # from the font, so it scales with the user's text size
            self.side_tabs.setFixedWidth(self.fontMetrics().averageCharWidth() * width_chars)
        self.side_tabs.show()

    def set_side_panel_visible(self, shown: bool) -> None:
        """Show or put away the side panel (only an editor that has panels shows it); a drawer opens or closes."""
        if self.side_tabs.count():
            self.side_placement.set_wanted(shown)

    def show_side_tab(self, widget: QWidget) -> None:
        """Bring one of the side panel's tabs forward (opening the drawer on a narrow window)."""
        self.side_tabs.setCurrentWidget(widget)
        self.side_placement.set_drawer_open(True)

    def question_ids(self, section_id: str) -> list[str]:
        """The questions a section's page shows, in reading order (from the form: the page may not be built)."""
        return [q.id for q in self._unbuilt_or_built(section_id).section.all_questions()]

    def question_at(self, widget: QWidget) -> str | None:
        """The question on the page on show that holds `widget` (None when it is not inside one)."""
        page = self.pages[self.stack.currentIndex()]
        return next((qid for qid, frame in page.frames.items() if frame.isAncestorOf(widget)), None)

    def set_question_marker(self, question_id: str, html: str, description: str) -> QLabel:
        """Show a small linked marker beside a question (e.g. its open comments); '' hides it."""
        page = self._page_of[question_id]
        self.ensure_built(page)
        return page.frames[question_id].set_marker(html, description)

    def has_marker(self, question_id: str) -> bool:
        """Whether a question has ever been given a marker."""
        frame = self._page_of[question_id].frames.get(question_id) if question_id in self._page_of else None
        return frame is not None and frame.findChild(QLabel, "question_marker") is not None

    @property
    def last_failure(self) -> str:
        """Why the last save failed, in words ('' after a successful save)."""
        return self.controller.last_failure

    def set_step_badges(self, counts: dict[str, int]) -> None:
        """Show a count beside each step in the step list (items to fix), by section id."""
        self.step_list.set_finding_counts(counts)

    def attach_census(self, tables: list, reveal_section: str | None = None) -> bool:
        """Keep these census tables with the assessment, through the controller; True when saved.

        With `reveal_section` (undo/redo), that section is shown once the undo step is over.
        """
        saved = self.controller.attach_census(tables)
        if saved and reveal_section:  # after the undo step: changing page saves pending edits
            QTimer.singleShot(0, lambda: isValid(self) and self.go_to(reveal_section))
        return saved

    def _attach_panels(self, panels: Sequence[PanelFactory]) -> None:
        """Add every feature panel (every part of one made in parts) now."""
        for factory in panels:
            parts = self._make_panel(factory)
            while parts is not None and next_part(parts):
                pass

    def _make_panel(self, factory: PanelFactory) -> Iterator[None] | None:
        """Run a panel factory: its parts still to make (None when none, or when it failed: logged, left out)."""
        try:
            return factory(self)
        except Exception:  # noqa: BLE001 - a broken panel must not stop the user reaching their answers
            log.exception("Could not add the editor panel %s", getattr(factory, "__name__", factory))
            return None

    # --- building ------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.step_list = StepList(self.form)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.back_button = QPushButton("← Back")
        self.next_button = QPushButton("Next →")
        self.back_button.setAccessibleName("Back: previous step")
        self.next_button.setAccessibleName("Next step")
        self.back_button.setToolTip("Previous step (Ctrl+Page Up)")
        self.next_button.setToolTip("Next step (Ctrl+Page Down)")
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        right = QVBoxLayout()
        self.read_only_banner = self._read_only_banner()
        right.addWidget(self.read_only_banner)
        right.addWidget(self.stack, 1)
        right.addLayout(nav)
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("side_tabs")
        self.side_tabs.setAccessibleName("Review panel")
        self.side_tabs.tabBar().setAccessibleName("Review panel tabs")
        self.side_tabs.hide()
        layout = QHBoxLayout(self)
        layout.addWidget(self.step_list)
        layout.addLayout(right, 1)
        layout.addWidget(self.side_tabs)
        self._make_actions()
        self.side_placement = SidePanelPlacement(self, layout)
        nav.insertWidget(2, self.side_placement.handle)

    def _read_only_banner(self) -> QLabel:
        """The banner that says why nothing can be changed (shown, with every input read-only, when so)."""
        banner = QLabel(READ_ONLY_TEXT)
        banner.setObjectName("warning")
        banner.setWordWrap(True)
        banner.setAccessibleName(READ_ONLY_TEXT)
        banner.setVisible(self.controller.read_only)
        if self.controller.read_only:
            self._make_read_only()
        return banner

    def _make_read_only(self) -> None:
        self._made_read_only = True
        for field in self._fields.values():
            field.make_read_only()

    def _make_actions(self) -> None:
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.next_shortcut = QShortcut(QKeySequence("Ctrl+PgDown"), self, self.next_page)
        self.back_shortcut = QShortcut(QKeySequence("Ctrl+PgUp"), self, self.previous_page)
        for shortcut in (self.next_shortcut, self.back_shortcut):
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.keys = KeyboardNavigation(self)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt override
        """Tab and Shift+Tab go round the page (or the side panel) and wrap, never into a dead end."""
        return self.keys.tab(next) or super().focusNextPrevChild(next)

    def _connect(self) -> None:
        self.controller.sig_saved.connect(self.sig_saved)
        self.controller.sig_save_failed.connect(self.sig_save_failed)
        self.controller.sig_answer_changed.connect(self._answer_changed)
        self.controller.sig_census_changed.connect(self._refresh_after_change)
        self.controller.sig_apply_failed.connect(self._apply_failed)
        # Queued: the page change (which saves pending edits) must run after the undo step, not inside it.
        self.controller.sig_reveal.connect(self._reveal, Qt.ConnectionType.QueuedConnection)
        self.step_list.currentRowChanged.connect(self._step_chosen)
        self.back_button.clicked.connect(self.previous_page)
        self.next_button.clicked.connect(self.next_page)
        self._undo_keys = UndoKeyFilter(self.autosave.flush, self)
        for field in self._fields.values():
            self._wire_field(field)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _wire_field(self, field: QuestionWidget) -> None:
        self.autosave.watch(field)
        field.sig_edited.connect(self._live_update)
        field.sig_structure_changed.connect(self.fix_tab_order)
        self._filter_undo_keys(field)

    def _filter_undo_keys(self, field: QuestionWidget) -> None:
        for widget in field.inputs():
            for target in (widget, *widget.findChildren(QLineEdit)):  # a combo box's or date editor's own line
                target.installEventFilter(self._undo_keys)

    def fix_tab_order(self) -> None:
        """Tab follows reading order: steps, the page's inputs top to bottom, then Back and Next."""
        if not isValid(self):
            return
        chain = [self.step_list] + [w for page in self.pages for w in page.inputs()]
        chain += [self.back_button, self.next_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        for field in self._fields.values():
            self._filter_undo_keys(field)  # new inputs (an added group) need the filter too

    # --- moving between pages ------------------------------------------------------------------------------
    def next_page(self) -> None:
        """Go to the next step (Ctrl+Page Down), focus on its first question."""
        self._show_page(min(self.stack.currentIndex() + 1, len(self.pages) - 1))
        self.keys.first_question()

    def previous_page(self) -> None:
        """Go to the previous step (Ctrl+Page Up), focus on its first question."""
        self._show_page(max(self.stack.currentIndex() - 1, 0))
        self.keys.first_question()

    def _step_chosen(self, row: int) -> None:
        if 0 <= row < len(self.pages) and row != self.stack.currentIndex():
            self._show_page(row)

    def _show_page(self, index: int) -> None:
        self.ensure_built(self.pages[index])
        changed = index != self.stack.currentIndex()
        if changed:
            self.flush()  # changing page saves at once
            self.pages[self.stack.currentIndex()].validate_page()
        self.stack.setCurrentIndex(index)
        self.step_list.setCurrentRow(index)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(self.pages) - 1)
        self.pages[index].validate_page()
        if changed:
            self.pages[index].verticalScrollBar().setValue(0)
            self.sig_section_changed.emit(self.current_section_id())

    # --- reacting to saves ---------------------------------------------------------------------------------
    def live_answer(self, question_id: str) -> Any:
        """An answer as the widgets show it now (saved or not): conditions follow what the user sees."""
        field = self._fields.get(question_id)
        return field.value() if field is not None else self.controller.saved_json(question_id)

    def _live_update(self) -> None:
        for page in self.pages:
            page.update_relevance(self.live_answer)
        self.pages[self.stack.currentIndex()].validate_page()

    def _answer_changed(self, question_id: str) -> None:
        field = self._fields.get(question_id)
        saved = self.controller.saved_json(question_id)
        if field is not None and not same_answer(field.value(), saved):
            field.set_value(saved)  # undo/redo: the widget follows the assessment
        if question_id == TITLE:
            self.sig_title_changed.emit(self.assessment.title)
        self._refresh_after_change()

    def _reveal(self, question_id: str) -> None:
        if isValid(self) and self.question_widget(question_id) is not None:
            self.go_to(self.form.section_of(question_id).id, question_id)

    def _apply_failed(self, question_id: str, value: Any) -> None:
        """An undo or redo could not be stored: show what the user asked for and keep trying to save it."""
        field = self._fields.get(question_id)
        if field is not None and field.value() != value:
            field.set_value(value)
            self.autosave.mark_dirty(question_id)

    def apply_changes(self, changes: Changes) -> None:
        """Follow a change made elsewhere in the app (a workflow step, a sign-off, comments) without reopening.

        Answer changes made by this editor come back here too; its widgets already show them.
        """
        if not isValid(self) or self._parked or not changes.touches(self.assessment.id):
            return
        if changes.status or changes.census or changes.everything:
            self._reload()
        elif changes.answers or changes.documents:
            self._follow(changes)
        self.sig_changes.emit(changes)

    def _follow(self, changes: Changes) -> None:
        """Show answers a service changed without going through the widgets (links), and documents attached."""
        followed = False
        for qid in changes.answers - set(self.autosave.dirty):
            field, saved = self._fields.get(qid), self.controller.saved_json(qid)
            if field is not None and not same_answer(field.value(), saved):
                field.set_value(saved)
                followed = True
        if followed or changes.documents:
            self._refresh_after_change()

    def _reload(self) -> None:
        """Read the assessment again and show it, read-only if it has just been signed off."""
        try:
            self.controller.reload()
        except Exception:  # noqa: BLE001 - gone (a restore): the main window goes back to the dashboard
            log.info("The open assessment could not be reloaded")
            return
        if self.controller.read_only and self.read_only_banner.isHidden():
            self._make_read_only()
            self.read_only_banner.show()
        self.refresh_all()

    def refresh_all(self) -> None:
        """Show every stored answer again (after the assessment was reloaded) and refresh marks and panels."""
        dirty = set(self.autosave.dirty)
        for qid, field in self._fields.items():
            if qid not in dirty and not same_answer(field.value(), self.controller.saved_json(qid)):
                field.set_value(self.controller.saved_json(qid))
        if self.assessment.title:
            self.sig_title_changed.emit(self.assessment.title)
        self._refresh_after_change()

    def _refresh_after_change(self) -> None:
        self.step_list.refresh(self.assessment)
        self._live_update()
        self.sig_assessment_changed.emit()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if isValid(self):
            self.autosave.on_focus_changed(old, new)

    # --- closing -------------------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Closing saves what is pending."""
        self.flush()
        super().closeEvent(event)

    def check_spelling(self) -> None:
        """Underline misspelt words in every text answer (loading the dictionary, ~0.1 s, after the first paint).

        Loading blocks the window for that moment, so it waits until nothing typed is waiting to be saved:
        a crash during the load then loses nothing.
        """
        if not isValid(self):
            return
        if not spelling_loaded() and self.autosave.is_dirty():
            QTimer.singleShot(SPELLING_RETRY_MS, self.check_spelling)
            return
        for box in self.findChildren(GrowingTextEdit):
            check_spelling(box)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        """A narrow window turns the side panel into a drawer, so the form keeps room for its text."""
        super().resizeEvent(event)
        self.side_placement.fit()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Inside a window that has its own Undo/Redo shortcuts (the main window's), leave those to it."""
        super().showEvent(event)
        if self._focus_steps_on_show:
            # Shown again, Qt would give focus back to the input that last had it, on a page no longer on show
            # (a key pressed would change an answer out of sight): the step list, as in a new editor.
            self._focus_steps_on_show = False
            self.step_list.setFocus()
        if not hasattr(self, "_spelling_planned"):
            self._spelling_planned = True
            self._start_slices_after_paint()  # then every other page is built, laid out and painted off screen
            QTimer.singleShot(WARM_AFTER_MS, self.check_spelling)
        host_keys = {a.shortcut().toString() for a in self.window().findChildren(QAction)
                     if a not in (self.undo_action, self.redo_action) and not a.shortcut().isEmpty()}
        if QKeySequence(QKeySequence.StandardKey.Undo).toString() in host_keys:
            self.undo_action.setShortcuts([])
            self.redo_action.setShortcuts([])

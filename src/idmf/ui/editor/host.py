"""The typed seams of the assessment editor.

`EditorProtocol` is what the main window uses of an editor (the real `AssessmentEditor` and the tests'
fake both implement it). `EditorHost` is what a feature panel (census, review) may use: add widgets to
pages and to the side panel, show counts in the step list, save through the controller, follow changes.
`PanelFactory` is one feature's entry point; the main window hands the editor its list of them, so the
editor never imports a feature folder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from idmf.services.changes import Changes

if TYPE_CHECKING:
    from idmf.domain.assessment import Assessment
    from idmf.forms.schema import FormDefinition


class _Editing(Protocol):
    """What every user of an editor may read: the assessment on show, where it is, and its undo stack."""

    sig_section_changed: SignalInstance  # the section id on show
    undo_stack: QUndoStack

    @property
    def assessment(self) -> Assessment: ...

    @property
    def form(self) -> FormDefinition: ...

    def go_to(self, section_id: str, question_id: str | None = None) -> None: ...

    def current_section_id(self) -> str: ...

    def flush(self) -> bool: ...  # save every pending edit now


class EditorProtocol(_Editing, Protocol):
    """What the main window needs from an editor of one assessment."""

    sig_saved: SignalInstance  # "Saved hh:mm:ss"
    sig_save_failed: SignalInstance  # "Not saved — <reason>"
    sig_title_changed: SignalInstance  # the new title

    def set_side_panel_visible(self, shown: bool) -> None: ...

    def apply_changes(self, changes: Changes) -> None: ...


class EditorHost(_Editing, Protocol):
    """What a feature panel may use of the editor it is added to."""

    sig_assessment_changed: SignalInstance  # after every stored change (and undo/redo)
    sig_changes: SignalInstance  # a change notice about this assessment (idmf.services.changes.Changes)
    sig_assessment_replaced: SignalInstance  # another assessment is on show (the editor reuses its widgets)

    @property
    def read_only(self) -> bool: ...

    @property
    def review_copy(self) -> bool: ...  # a copy received from a lead for review

    @property
    def services(self): ...  # the AppContext: panels call services, never storage

    @property
    def last_failure(self) -> str: ...

    def question_ids(self, section_id: str) -> list[str]: ...

    def question_at(self, widget: QWidget) -> str | None: ...

    def set_question_marker(self, question_id: str, html: str, description: str) -> QWidget: ...

    def has_marker(self, question_id: str) -> bool: ...

    def add_panel(self, section_id: str, widget: QWidget, after_question_id: str | None = None) -> None: ...

    def add_side_tab(self, widget: QWidget, title: str, width_chars: int | None = None) -> None: ...

    def show_side_tab(self, widget: QWidget) -> None: ...

    def set_step_badges(self, counts: dict[str, int]) -> None: ...

    def attach_census(self, tables: list, reveal_section: str | None = None) -> bool: ...

    def flush(self) -> bool: ...  # save pending typing first (a change through another service follows it)

    def fix_tab_order(self) -> None: ...  # after a panel added inputs


# A factory may return an iterator: its panels are then made in parts, the editor running one part per turn of the
# event loop while it builds late (late.py), or all of them at once.
PanelFactory = Callable[[EditorHost], "Iterator[None] | None"]


class LatePanel:
    """A panel factory that may run after the first step is on screen (it adds nothing to the first step; late.py)."""

    def __init__(self, factory: Callable) -> None:
        self.factory = factory
        self.__name__ = getattr(factory, "__name__", "panel")

    def __call__(self, host) -> Iterator[None] | None:
        return self.factory(host)

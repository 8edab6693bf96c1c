"""The editor panel factory for links and documents (listed in idmf.ui.panels).

Step 4: a LinksBox after each characteristic and deprivation, and one per added group after the groups list.
Step 2: the attached documents after the data sources. Step 6: which groups each action addresses, after the
action plan. Everything follows the stored assessment on every change (the editor follows the services'
change notices and then emits sig_assessment_changed).
"""

from __future__ import annotations

from typing import Iterator

from idmf.domain.questions import ACTION_PLAN, DATA_SOURCES, IH_GROUPS
from idmf.forms.schema import FieldType, Question
from idmf.ui.editor.host import EditorHost
from idmf.ui.evidence.actions import ActionGroupsNote
from idmf.ui.evidence.controller import EvidenceController, ImpactRef
from idmf.ui.evidence.documents import DocumentsPanel
from idmf.ui.evidence.groups import GroupLinksPanel
from idmf.ui.evidence.links import LinksBox


BOXES_PER_PART = 4  # links boxes made (and filled) in one turn of the event loop, when built in parts


class EvidencePanels:
    """Every links and documents widget of one editor (kept on it as `evidence_panels` for tests and screenshots)."""

    def __init__(self, host: EditorHost) -> None:
        self.host = host
        self.controller = EvidenceController(host)
        self.boxes: dict[str, LinksBox] = {}
        self.groups: GroupLinksPanel | None = None
        self.documents: DocumentsPanel | None = None
        self.actions: ActionGroupsNote | None = None
        host.sig_assessment_changed.connect(self.refresh)  # refreshes the widgets made so far

    def place_in_parts(self) -> Iterator[None]:
        """Make and fill every widget, a few per part (one part per turn of the event loop after the first paint:
        all of them at once were about 70 ms)."""
        made = 0
        for section_id, question in self._where():
            widget = self._make(question)
            self.host.add_panel(section_id, widget, after_question_id=question.id)
            widget.refresh()
            made += 1
            if made % BOXES_PER_PART == 0:
                yield

    def _where(self) -> Iterator[tuple[str, Question]]:
        """(section id, question) of each question a widget goes after, in reading order."""
        for section in self.host.form.sections:
            shown = self.host.question_ids(section.id)
            for question in section.all_questions():
                wanted = question.type == FieldType.IMPACT or question.id in (IH_GROUPS, DATA_SOURCES, ACTION_PLAN)
                if question.id in shown and wanted:
                    yield section.id, question

    def _make(self, question: Question):
        if question.type == FieldType.IMPACT:
            box = LinksBox(self.host, self.controller, ImpactRef(question.id, None, question.label))
            self.boxes[question.id] = box
            return box
        if question.id == IH_GROUPS:
            self.groups = GroupLinksPanel(self.host, self.controller)
            return self.groups
        if question.id == DATA_SOURCES:
            self.documents = DocumentsPanel(self.host, self.controller)
            return self.documents
        self.actions = ActionGroupsNote(self.host)
        return self.actions

    def refresh(self) -> None:
        """Show the stored links, documents and action-to-group lines."""
        for widget in (*self.boxes.values(), self.groups, self.documents, self.actions):
            if widget is not None:
                widget.refresh()


def attach(host: EditorHost) -> Iterator[None]:
    """Editor panel: links beside each rating, attached documents, and the groups each action addresses.

    Made in parts: the editor runs one part per turn of the event loop (or all at once, when it needs them)."""
    host.evidence_panels = EvidencePanels(host)
    return host.evidence_panels.place_in_parts()

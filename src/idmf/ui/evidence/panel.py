"""The editor panel factory for links and documents (listed in idmf.ui.panels).

Step 4: a LinksBox after each characteristic and deprivation, and one per added group after the groups list.
Step 2: the attached documents after the data sources. Step 6: which groups each action addresses, after the
action plan. Everything follows the stored assessment on every change (the editor follows the services'
change notices and then emits sig_assessment_changed).
"""

from __future__ import annotations

from idmf.domain.questions import ACTION_PLAN, DATA_SOURCES, IH_GROUPS
from idmf.forms.schema import FieldType
from idmf.ui.editor.host import EditorHost
from idmf.ui.evidence.actions import ActionGroupsNote
from idmf.ui.evidence.controller import EvidenceController, ImpactRef
from idmf.ui.evidence.documents import DocumentsPanel
from idmf.ui.evidence.groups import GroupLinksPanel
from idmf.ui.evidence.links import LinksBox


class EvidencePanels:
    """Every links and documents widget of one editor (kept on it as `evidence_panels` for tests and screenshots)."""

    def __init__(self, host: EditorHost) -> None:
        self.host = host
        self.controller = EvidenceController(host)
        self.boxes: dict[str, LinksBox] = {}
        self.groups: GroupLinksPanel | None = None
        self.documents: DocumentsPanel | None = None
        self.actions: ActionGroupsNote | None = None
        self._place()
        host.sig_assessment_changed.connect(self.refresh)
        self.refresh()

    def _place(self) -> None:
        host, form = self.host, self.host.form
        for section in form.sections:
            shown = host.question_ids(section.id)
            for question in section.all_questions():
                if question.id not in shown:
                    continue
                if question.type == FieldType.IMPACT:
                    box = LinksBox(host, self.controller, ImpactRef(question.id, None, question.label))
                    host.add_panel(section.id, box, after_question_id=question.id)
                    self.boxes[question.id] = box
                elif question.id == IH_GROUPS:
                    self.groups = GroupLinksPanel(host, self.controller)
                    host.add_panel(section.id, self.groups, after_question_id=question.id)
                elif question.id == DATA_SOURCES:
                    self.documents = DocumentsPanel(host, self.controller)
                    host.add_panel(section.id, self.documents, after_question_id=question.id)
                elif question.id == ACTION_PLAN:
                    self.actions = ActionGroupsNote(host)
                    host.add_panel(section.id, self.actions, after_question_id=question.id)

    def refresh(self) -> None:
        """Show the stored links, documents and action-to-group lines."""
        for widget in (*self.boxes.values(), self.groups, self.documents, self.actions):
            if widget is not None:
                widget.refresh()


def attach(host: EditorHost) -> None:
    """Editor panel: links beside each rating, attached documents, and the groups each action addresses."""
    host.evidence_panels = EvidencePanels(host)

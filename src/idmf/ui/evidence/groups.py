"""Step 4's inclusion-health groups have their links in one panel after the list: a LinksBox per added group,
headed by its name (the groups are added and removed by the user, so the boxes follow the stored list)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from idmf.domain.answer_text import group_name
from idmf.domain.questions import IH_GROUPS
from idmf.ui.editor.host import EditorHost
from idmf.ui.evidence.controller import EvidenceController, ImpactRef
from idmf.ui.evidence.links import LinksBox

TITLE = "Links for the groups added above"


class GroupLinksPanel(QWidget):
    """One LinksBox per added group, rebuilt when groups are added, removed or renamed."""

    def __init__(self, host: EditorHost, controller: EvidenceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.controller = host, controller
        self.setObjectName("group_links")
        self.boxes: list[LinksBox] = []
        self._names: list[str] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{TITLE}</b>")
        title.setAccessibleName(TITLE)
        self._layout.addWidget(title)  # boxes come with the first refresh(), once the panel is placed

    def refresh(self) -> None:
        """Follow the stored groups and their links."""
        names = [group_name(n, g.name) for n, g in enumerate(self.host.assessment.groups(), start=1)]
        if names != self._names:
            self._rebuild(names)
        else:
            for box in self.boxes:
                box.refresh()
        self.setVisible(any(not box.isHidden() for box in self.boxes))

    def _rebuild(self, names: list[str]) -> None:
        for box in self.boxes:
            box.setParent(None)  # out of the tab order now, not when the event loop deletes it
            box.deleteLater()
        self.boxes = []
        for n, name in enumerate(names, start=1):
            box = LinksBox(self.host, self.controller, ImpactRef(IH_GROUPS, n, name), heading=name, parent=self)
            self._layout.addWidget(box)
            box.refresh()
            self.boxes.append(box)
        self._names = names
        self.host.fix_tab_order()

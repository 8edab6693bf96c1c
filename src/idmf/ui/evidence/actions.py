"""Under the action plan (Step 6): which groups each action addresses, from Step 4's "Mitigated by" links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from idmf.domain.link_text import action_label, groups_addressed
from idmf.domain.links import row_id
from idmf.domain.questions import ACTION_PLAN
from idmf.ui.editor.host import EditorHost

TITLE = "Groups each action addresses (linked under “Mitigated by” in Step 4):"
NOT_LINKED = "not linked to any group yet"
STYLE = "QLabel { border: 0px; border-left: 4px solid palette(mid); padding: 4px 8px; }"


def addressed_lines(host: EditorHost) -> list[str]:
    """'Action 1: Extend patient transport… — Mitigates: Age, Disability', one per action row."""
    item = host.assessment
    addressed = groups_addressed(item, host.form)
    rows = [r for r in item.answers.get(ACTION_PLAN) or [] if isinstance(r, dict)]
    return [f"{action_label(n, r)} — " + (f"Mitigates: {', '.join(addressed[row_id(r)])}"
                                           if row_id(r) in addressed else NOT_LINKED)
            for n, r in enumerate(rows, start=1)]


class ActionGroupsNote(QLabel):
    """A read-only line per action saying which groups it mitigates; follows every stored change."""

    def __init__(self, host: EditorHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("action_groups")
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        # Keyboard-selectable: Tab reaches it, so screen-reader users hear it after the table.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)

    def refresh(self) -> None:
        """Rewrite the lines from the stored plan and links."""
        lines = addressed_lines(self.host)
        text = "\n".join([TITLE, *lines]) if lines else ""
        if text != self.text():
            self.setText(text)
            self.setAccessibleName(text)
        self.setVisible(bool(lines))

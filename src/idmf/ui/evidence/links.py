"""Beside each rating in Step 4: what mitigates it, why no mitigation is possible, the evidence behind it, and
a warning in words when the ticks contradict each other (what was ticked is kept)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from idmf.domain.answer_text import contradiction_text
from idmf.domain.link_text import evidence_choices, mitigation_choices
from idmf.domain.links import parse_ref
from idmf.services.evidence import MITIGATION
from idmf.ui.editor.fields.base import UndoKeyFilter, describe
from idmf.ui.editor.fields.text import GrowingTextEdit
from idmf.ui.editor.host import EditorHost
from idmf.ui.evidence.choices import LinkChoicesTableModel, LinkChoicesView
from idmf.ui.evidence.commands import LinkCommand, NoMitigationCommand
from idmf.ui.evidence.controller import EvidenceController, ImpactRef, impact_of

STYLE = "QFrame#impact_links { border: 0px; border-left: 3px solid palette(mid); padding-left: 6px; }"
SAVE_AFTER_MS = 1500  # the reason is saved after a pause in typing, like every answer
MITIGATED_BY = "Mitigated by: tick the actions in the action plan (Step 6) that reduce this negative impact"
NO_ACTIONS = "The action plan (Step 6) has no actions yet. Add them there, then tick here the ones that reduce this impact."
WHY_NONE = ("Why no mitigation is possible (only when no action can reduce it: Step 5 must then choose option 3, "
            "“continue despite negative impacts”)")
EVIDENCE = "Evidence this rating is based on: tick census tables, engagement findings or documents"
NO_EVIDENCE = ("Nothing to link yet: keep census tables or attach documents in Step 2, or add key findings in "
               "Step 3.")
CLASH_ADVICE = ("Neutral means no impact, so untick one of them. Every tick is kept as you left it; until then the "
                "checklist lists this as a must-fix and the Word document prints the ticks with a “contradictory "
                "ratings” note.")


def _label(text: str, object_name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    return label


class ReasonEdit(GrowingTextEdit):
    """The reason box: says when focus leaves it (the reason is then saved at once)."""

    sig_left = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.sig_left.emit()


class LinksBox(QFrame):
    """The links of one impact (a characteristic, or an added group), changed one undo step at a time."""

    def __init__(self, host: EditorHost, controller: EvidenceController, where: ImpactRef, heading: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.controller, self.where = host, controller, where
        self.setObjectName("impact_links")
        self.setStyleSheet(STYLE)
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_reason)
        self._build(heading)
        self.actions.sig_toggled.connect(self._action_toggled, Qt.ConnectionType.QueuedConnection)
        self.evidence.sig_toggled.connect(self._evidence_toggled, Qt.ConnectionType.QueuedConnection)
        self.reason.textChanged.connect(self._reason_typed)
        self.reason.sig_left.connect(lambda: self.save_reason(seal=True))
        self.reason.installEventFilter(UndoKeyFilter(lambda: self.save_reason(seal=True), self))
        controller.sig_failed.connect(self._failed)  # shown once placed: the creator calls refresh()

    def _build(self, heading: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        name = self.where.name
        if heading:
            layout.addWidget(_label(f"<b>{heading}</b>"))
        self.clash = _label("", "warning")
        self.clash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                           | Qt.TextInteractionFlag.TextSelectableByMouse)  # Tab reaches it
        self.mitigation = QWidget()
        part = QVBoxLayout(self.mitigation)
        part.setContentsMargins(0, 0, 0, 0)
        self.no_actions = _label(NO_ACTIONS)
        self.actions, self.actions_view = self._choices(part, MITIGATED_BY, self.no_actions,
                                                        f"{name} — mitigated by (actions in the plan)")
        caption = _label(WHY_NONE)
        self.reason = ReasonEdit(min_lines=1)
        caption.setBuddy(self.reason)
        describe(self.reason, f"{name} — why no mitigation is possible", WHY_NONE)
        part.addWidget(caption)
        part.addWidget(self.reason)
        layout.addWidget(self.clash)
        layout.addWidget(self.mitigation)
        self.no_evidence = _label(NO_EVIDENCE)
        self.evidence, self.evidence_view = self._choices(layout, EVIDENCE, self.no_evidence, f"{name} — evidence")
        self.message = _label("", "warning")
        self.message.setAccessibleName("Link message")
        layout.addWidget(self.message)
        self.message.hide()

    def _choices(self, layout: QVBoxLayout, caption_text: str, empty: QLabel, name: str):
        caption = _label(caption_text)
        model = LinkChoicesTableModel(self)
        view = LinkChoicesView()
        view.setModel(model)
        caption.setBuddy(view)
        describe(view, name, f"{caption_text}. Arrow keys move; Space ticks or unticks.")
        for widget in (caption, empty, view):
            layout.addWidget(widget)
        return model, view

    # --- showing what is stored ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the stored links (after every stored change, undo and redo)."""
        item = self.host.assessment
        impact = impact_of(item, self.where)
        self.actions.set_choices(mitigation_choices(item, impact))
        self.evidence.set_choices(evidence_choices(item, impact))
        read_only = self.host.read_only
        self.actions.set_read_only(read_only)
        self.evidence.set_read_only(read_only)
        self.reason.setReadOnly(read_only)
        if not self._timer.isActive() and self.reason.toPlainText() != impact.no_mitigation:
            self._loading = True
            self.reason.setPlainText(impact.no_mitigation)
            self._loading = False
        clash = contradiction_text(impact)
        self.clash.setText(f"⚠ {clash}. {CLASH_ADVICE}" if clash else "")
        self.clash.setAccessibleName(self.clash.text())
        self.clash.setVisible(bool(clash))
        linked = bool(impact.mitigated_by or impact.evidence or impact.no_mitigation)
        self.mitigation.setVisible(impact.negative or bool(impact.mitigated_by or impact.no_mitigation))
        self.setVisible(bool(impact.ratings()) or linked)
        for model, view, empty in ((self.actions, self.actions_view, self.no_actions),
                                   (self.evidence, self.evidence_view, self.no_evidence)):
            view.setVisible(bool(model.choices))
            empty.setVisible(not model.choices)

    def _failed(self, text: str, where: ImpactRef | None) -> None:
        if where is not None and where[:2] == self.where[:2]:
            self._say(text)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- the user's changes --------------------------------------------------------------------------------
    def _action_toggled(self, target: str, wanted: bool) -> None:
        label = next((c.text for c in self.actions.choices if c.target == target), target)
        self._push_link(MITIGATION, target, wanted, label)

    def _evidence_toggled(self, target: str, wanted: bool) -> None:
        found = parse_ref(target)
        label = next((c.text for c in self.evidence.choices if c.target == target), target)
        self._push_link(found.kind, found.target, wanted, label)

    def _push_link(self, kind: str, target: str, wanted: bool, label: str) -> None:
        self._say("")
        if self.host.read_only or not self.controller.prepare(self.where):
            return
        self.host.undo_stack.push(LinkCommand(self.controller, self.where, kind, target, wanted, label))

    def _reason_typed(self) -> None:
        if not self._loading:
            self._timer.start(SAVE_AFTER_MS)

    def save_reason(self, seal: bool = False) -> None:
        """Save the reason as typed (after a pause, or at once when focus leaves the box)."""
        pending = self._timer.isActive()
        self._timer.stop()
        old = impact_of(self.host.assessment, self.where).no_mitigation
        new = self.reason.toPlainText()
        if pending and new != old and not self.host.read_only and self.controller.prepare(self.where):
            self.host.undo_stack.push(NoMitigationCommand(self.controller, self.where, old, new))
        top = self.host.undo_stack.command(self.host.undo_stack.index() - 1)
        if seal and isinstance(top, NoMitigationCommand) and top.where[:2] == self.where[:2]:
            top.sealed = True

"""Impact blocks (Step 4): Positive / Negative / Neutral tick boxes and a narrative, per group."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from idmf.forms.schema import Question
from idmf.ui.editor.fields.base import QuestionWidget, describe
from idmf.ui.editor.fields.text import GrowingTextEdit

RATINGS = (("positive", "Positive impact"), ("negative", "Negative impact"), ("neutral", "Neutral impact"))
NARRATIVE_LABEL = "Explain the impact and what you will do about it"


class ImpactBlock(QWidget):
    """The inputs of one impact answer; used by impact questions and by each added inclusion-health group."""

    sig_edited = Signal()  # narrative typing
    sig_finished = Signal()  # a tick box clicked

    def __init__(self, group_name: str, description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._extra: dict[str, Any] = {"evidence": []}  # links, kept as loaded: LinkCommands change them
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        ticks = QHBoxLayout()
        for key, text in RATINGS:
            box = QCheckBox(text)
            describe(box, f"{group_name} — {text}", description)
            box.clicked.connect(self.sig_finished)
            self.boxes[key] = box
            ticks.addWidget(box)
        ticks.addStretch(1)
        layout.addLayout(ticks)
        caption = QLabel(NARRATIVE_LABEL)
        layout.addWidget(caption)
        self.narrative = GrowingTextEdit(min_lines=2)
        caption.setBuddy(self.narrative)
        describe(self.narrative, f"{group_name} — narrative", f"{NARRATIVE_LABEL}. {description}".strip())
        self.narrative.textChanged.connect(self.sig_edited)
        layout.addWidget(self.narrative)

    def value(self) -> dict[str, Any]:
        """The impact as JSON (ImpactAnswer's shape)."""
        answer: dict[str, Any] = {key: box.isChecked() for key, box in self.boxes.items()}
        answer["narrative"] = self.narrative.toPlainText()
        answer.update(self._extra)
        return answer

    def set_value(self, value: dict[str, Any] | None) -> None:
        """Show an impact answer (the owning QuestionWidget is loading, so this is not reported as an edit)."""
        value = value or {}
        for key, box in self.boxes.items():
            box.setChecked(bool(value.get(key)))
        if self.narrative.toPlainText() != (value.get("narrative") or ""):
            self.narrative.setPlainText(value.get("narrative") or "")
        # Links (evidence, mitigated by, why no mitigation) ride along with every tick and narrative edit.
        self._extra = {k: v for k, v in value.items() if k not in (*self.boxes, "narrative")}
        self._extra.setdefault("evidence", [])
        self.narrative.updateGeometry()

    def inputs(self) -> list[QWidget]:
        """Tick boxes, then the narrative."""
        return [*self.boxes.values(), self.narrative]


class ImpactField(QuestionWidget):
    """A protected characteristic (or deprivation): one ImpactBlock named after the group."""

    merge_edits = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        extra = question.description if question.help else ""  # help_text gives the help, else the description
        self.block = ImpactBlock(question.label, " ".join(filter(None, (self.help_text, extra))))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.block)
        self.block.sig_edited.connect(self._edited)
        self.block.sig_finished.connect(self._finished)

    def value(self) -> Any:
        return self.block.value()

    def _show(self, value: Any) -> None:
        self.block.set_value(value)

    def inputs(self) -> list[QWidget]:
        return self.block.inputs()

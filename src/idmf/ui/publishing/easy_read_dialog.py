"""Easy-read summary…: the draft made from the answers, its readability score as the lead types, the long
sentences to shorten, then save and export as Word or a web page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from idmf.domain.publishing import BULLET, EASY_READ_PARTS, EasyRead
from idmf.services.context import AppContext
from idmf.ui import messages

HEADING = "Easy-read summary"
SCORE_DELAY_MS = 300  # re-score once typing pauses, not on every key


class EasyReadDialog(QDialog):
    """Four short parts to edit, with the score and the sentences longer than 15 words beneath."""

    def __init__(self, context: AppContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("easy_read_dialog")
        self.setWindowTitle(HEADING)
        self.context, self.assessment_id = context, assessment_id
        self.export_requested = False
        intro = QLabel(f"A first draft made from the answers. Keep sentences short (under 15 words), one idea a "
                       f"line; start a line with “{BULLET.strip()}” for a bullet point. Nothing is published until "
                       "you export it.")
        intro.setWordWrap(True)
        form = QFormLayout()
        self.boxes: dict[str, QPlainTextEdit] = {}
        for name, heading in EASY_READ_PARTS:
            box = QPlainTextEdit()
            box.setObjectName(name)
            box.setAccessibleName(heading)
            box.setTabChangesFocus(True)
            box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            box.textChanged.connect(self._score_later)
            self.boxes[name] = box
            form.addRow(heading, box)
        self.score = QLabel()
        self.score.setObjectName("readability")
        self.score.setWordWrap(True)
        self.long = QListWidget()
        self.long.setObjectName("long_sentences")
        self.long.setAccessibleName("Sentences longer than 15 words")
        self.long.setMaximumHeight(110)
        self.long.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=SCORE_DELAY_MS)
        self._timer.timeout.connect(self.rescore)
        self._layout(intro, form)
        self.show_text(context.publishing.easy_read(assessment_id))

    def _layout(self, intro: QLabel, form: QFormLayout) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.redraft = QPushButton("Start again from the answers")
        self.export_button = QPushButton("Save and export…")
        buttons.addButton(self.redraft, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.redraft.clicked.connect(self._start_again)
        self.export_button.clicked.connect(self._save_and_export)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout()
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        for widget in (QLabel("Readability:"), self.score, QLabel("Sentences to shorten:"), self.long, buttons):
            layout.addWidget(widget)
        self.setLayout(layout)
        self.resize(820, 720)

    def show_text(self, text: EasyRead) -> None:
        """Put a summary in the boxes and score it."""
        for name, box in self.boxes.items():
            box.setPlainText(getattr(text, name))
        self.rescore()

    def text(self) -> EasyRead:
        """The summary as edited."""
        return EasyRead(**{name: box.toPlainText() for name, box in self.boxes.items()})

    def _score_later(self) -> None:
        self._timer.start()

    def rescore(self) -> None:
        """Score the text as it is now and list its long sentences."""
        self._timer.stop()
        result = self.context.publishing.readability(self.text().text())
        self.score.setText(result.summary())
        self.long.clear()
        self.long.addItems(list(result.long_sentences) or ["None: every sentence has 15 words or fewer."])

    def _start_again(self) -> None:
        answer = messages.question(self, HEADING, "Replace what is in the boxes with a new draft from the answers?",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.show_text(self.context.publishing.draft_easy_read(self.assessment_id))

    def _save_and_export(self) -> None:
        self.export_requested = True
        self.accept()

    def accept(self) -> None:
        """Keep the edited summary with the assessment version, then close."""
        self.context.publishing.save_easy_read(self.assessment_id, self.text())
        super().accept()

"""Review → Verify a signed-off Word file…: one of three outcomes, in words and with a symbol (never colour
alone): Verified; Signed by someone you do not trust yet (with the way to compare fingerprints); Not verified."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFrame, QLabel, QPushButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from idmf.errors import IdmfError
from idmf.services.context import AppContext
from idmf.signing.verification import Outcome, Verification
from idmf.ui import messages
from idmf.ui.signing import dialogs
from idmf.ui.signing.fingerprints import CardPanel

HEADING = "Verify a signed-off document"
SYMBOLS = {Outcome.VERIFIED: "✔", Outcome.UNTRUSTED: "?", Outcome.NOT_VERIFIED: "✘"}
COLOURS = {Outcome.VERIFIED: "#e3f1e3", Outcome.UNTRUSTED: "#fff4d6", Outcome.NOT_VERIFIED: "#f8dede"}


def outcome_banner(result: Verification) -> QFrame:
    """The outcome as a boxed line: symbol and words, on a tint that only repeats them (`frame.label`)."""
    frame = QFrame()
    frame.setObjectName("verify_outcome")
    frame.setStyleSheet(f"#verify_outcome {{ background: {COLOURS[result.outcome]}; border: 1px solid #888; }}")
    label = QLabel(f"{SYMBOLS[result.outcome]}  {result.outcome.title}")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    label.setStyleSheet("color: black;")
    label.setAccessibleName(f"Outcome: {result.outcome.title}")
    QVBoxLayout(frame).addWidget(label)
    frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    frame.label = label
    return frame


class VerifyResultDialog(QDialog):
    """What checking one document found."""

    def __init__(self, context: AppContext, path: Path, result: Verification, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{HEADING} — {path.name}")
        self.context, self.path = context, path
        self.layout_ = QVBoxLayout(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.trust_button: QPushButton | None = None
        self.show_result(result)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())

    def show_result(self, result: Verification) -> None:
        """Lay out one outcome (again, after trusting the signer)."""
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget() is not None and item.widget() is not self.buttons:
                item.widget().hide()
                item.widget().deleteLater()
        self.result = result
        self.banner = outcome_banner(result)
        self.layout_.addWidget(self.banner)
        self.message = QLabel(result.message)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.layout_.addWidget(self.message)
        if result.signer is not None:
            self.layout_.addWidget(CardPanel("Signed by (as their card says)", result.signer))
        self.trust_button = None
        if result.outcome == Outcome.UNTRUSTED:
            self.trust_button = QPushButton("&Compare fingerprints and trust…")
            self.trust_button.clicked.connect(self.trust_signer)
            self.layout_.addWidget(self.trust_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.buttons)

    def trust_signer(self) -> None:
        """Trust the signer one by one after comparing fingerprints, then check the document again."""
        mine = self.context.signing.my_cards()
        role = dialogs.ask_compare(self, mine[0] if mine else None, self.result.signer)
        if role is None:
            return
        try:
            self.context.signing.trust(self.result.signer, role, self.result.signer.fingerprint)
        except IdmfError as exc:
            messages.warning(self, HEADING, str(exc))
            return
        self.show_result(self.context.review.verify_docx(self.path))


def verify_word_file(window, path: Path | None = None) -> VerifyResultDialog | None:
    """Ask for a Word file (unless given), check it, and show the outcome."""
    if path is None:
        chosen, _ = QFileDialog.getOpenFileName(window, HEADING, str(Path.home()), "Word documents (*.docx)")
        if not chosen:
            return None
        path = Path(chosen)
    try:
        result = window.context.review.verify_docx(path)
    except IdmfError as exc:
        messages.warning(window, HEADING, str(exc))
        return None
    dialog = VerifyResultDialog(window.context, path, result, window)
    window.verify_dialog = dialog
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog

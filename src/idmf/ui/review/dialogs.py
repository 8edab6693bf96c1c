"""Dialogs of the Review menu: who signs and why (every transition), the committee's approval, history.

`ask_transition` and `ask_approval` are the functions the menu calls (tests replace them, as they replace
QMessageBox's statics); the dialog classes behind them are tested directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from idmf.domain.assessment import Assessment, Status
from idmf.domain.questions import APPROVAL_COMMITTEE, APPROVAL_MEETING_DATE
from idmf.services.context import AppContext
from idmf.signing.cards import Card
from idmf.ui import messages


def _intro(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _comment_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 4 + 12)
    return box


def _signer_box(signers: list[Card]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName("Signed by")
    for card in signers:
        box.addItem(f"{card.name} — key {card.fingerprint}", card.name)
    return box


class TransitionDialog(QDialog):
    """Asks which of your signing identities signs (your default one first) and a comment, which may be
    required."""

    def __init__(self, title: str, intro: str, comment_required: bool, signers: list[Card],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.comment_required = comment_required
        self.signer_box = _signer_box(signers)
        self.comment_edit = _comment_box("Comment (required)" if comment_required else "Comment")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(title)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Signed by:", self.signer_box)
        form.addRow("&Comment (required):" if comment_required else "&Comment:", self.comment_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(_intro(intro))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def problem_text(self) -> str:
        """What is missing, in words ('' when the answers can be used)."""
        if self.signer_box.currentData() is None:
            return "You need a signing identity to take this step: make one in File → Trusted signers…."
        if self.comment_required and not self.comment_edit.toPlainText().strip():
            return "Please say what should change: the comment is required for this step."
        return ""

    def accept(self) -> None:
        """Close only when the name (and a required comment) is given; otherwise say what is missing."""
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        if not problem:
            super().accept()

    def values(self) -> tuple[str, str]:
        """(the signing identity's name, comment as typed, trimmed)."""
        return self.signer_box.currentData() or "", self.comment_edit.toPlainText().strip()


def ask_transition(parent: QWidget, title: str, intro: str, comment_required: bool,
                   signers: list[Card]) -> tuple[str, str] | None:
    """Show a TransitionDialog; (person, comment), or None when cancelled."""
    dialog = TransitionDialog(title, intro, comment_required, signers, parent)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class Approval:
    """What the committee secretary records when approving."""

    committee: str
    meeting_date: dt.date
    approver: str
    person: str
    comment: str


class ApproveDialog(TransitionDialog):
    """Committee, meeting date and approver, then the person's name and a comment."""

    def __init__(self, assessment: Assessment, signers: list[Card], parent: QWidget | None = None) -> None:
        super().__init__("Approve", "Record the committee's approval, signed with your key: the signature covers "
                         "the answers and the text of the Word document. This version is then locked: nobody can "
                         "change its answers, and later changes go into a new version (Review → Revise).",
                         False, signers, parent)
        self.setWindowTitle("Approve (committee sign-off)")
        self.committee_edit = QLineEdit(str(assessment.answers.get(APPROVAL_COMMITTEE) or ""))
        self.committee_edit.setAccessibleName("Committee")
        self.date_edit = QDateEdit(calendarPopup=True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setAccessibleName("Meeting date")
        self.date_edit.findChild(QLineEdit).setAccessibleName("Meeting date")  # the editor inside the box
        meeting = assessment.answers.get(APPROVAL_MEETING_DATE)
        self.date_edit.setDate(QDate(meeting) if isinstance(meeting, dt.date) else QDate.currentDate())
        self.approver_edit = QLineEdit()
        self.approver_edit.setAccessibleName("Approved by")
        form: QFormLayout = self.layout().itemAt(1).layout()
        form.insertRow(0, "C&ommittee:", self.committee_edit)
        form.insertRow(1, "&Meeting date:", self.date_edit)
        form.insertRow(2, "&Approved by:", self.approver_edit)

    def problem_text(self) -> str:
        if not self.committee_edit.text().strip() or not self.approver_edit.text().strip():
            return "Please give the committee's name and the name of the person approving."
        return super().problem_text()

    def approval(self) -> Approval:
        """The details as entered."""
        person, comment = self.values()
        return Approval(self.committee_edit.text().strip(), self.date_edit.date().toPython(),
                        self.approver_edit.text().strip(), person, comment)


def ask_approval(parent: QWidget, assessment: Assessment, signers: list[Card]) -> Approval | None:
    """Show an ApproveDialog; the details, or None when cancelled."""
    dialog = ApproveDialog(assessment, signers, parent)
    return dialog.approval() if dialog.exec() == QDialog.DialogCode.Accepted else None


HISTORY_HEADERS = ("When", "What", "Status", "Who", "Comment")


class HistoryDialog(QDialog):
    """The audit log of one version: every status change, whether the chain is intact, and the sign-off."""

    def __init__(self, context: AppContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        item = context.assessments.get(assessment_id)
        self.setWindowTitle(f"History — {item.title or '(untitled)'}, version {item.version_number}")
        self.check_label = _intro(context.review.verify_audit(assessment_id).message)
        self.table = QTableWidget(0, len(HISTORY_HEADERS))
        self.table.setAccessibleName("Status changes, oldest first")
        self.table.setHorizontalHeaderLabels(HISTORY_HEADERS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        for entry in context.review.history(assessment_id):
            self._add_row([f"{entry.at.astimezone():%d/%m/%Y %H:%M}", entry.action.replace("_", " ").capitalize(),
                           f"{Status(entry.from_status).label} → {Status(entry.to_status).label}",
                           self._who(context, entry), entry.comment])
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.check_label)
        layout.addWidget(_intro(self._signoff_text(context, assessment_id)))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().height() * 24)

    def _add_row(self, cells: list[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(cells):
            self.table.setItem(row, column, QTableWidgetItem(text))

    @staticmethod
    def _who(context: AppContext, entry) -> str:
        """The person and role, and who signed the entry when that is someone else (a reviewer's signed reply
        recorded by the lead) or nobody (entries from before signatures)."""
        signer = context.signing.card(entry.signer_key) if entry.signer_key else None
        who = f"{entry.person} ({entry.role})"
        if signer is None:
            return f"{who}, not signed"
        return who if signer.name == entry.person else f"{who}, from a signed reply recorded by {signer.name}"

    @staticmethod
    def _signoff_text(context: AppContext, assessment_id: int) -> str:
        signed = context.review.signoff_for(assessment_id)
        if signed is None:
            return "This version has not been signed off."
        result = context.review.verify_stored(assessment_id)
        return (f"Signed off by {signed.approver} at {signed.committee} on {signed.meeting_date:%d/%m/%Y}. "
                f"{result.outcome.title}. {result.message.split(': ', 1)[-1]}")


def tell(parent: QWidget, title: str, text: str, problem: bool = False) -> None:
    """A plain message box: a warning when something was refused or failed."""
    (messages.warning if problem else messages.information)(parent, title, text)

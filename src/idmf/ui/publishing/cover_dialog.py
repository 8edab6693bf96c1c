"""Board paper details…: the cover-sheet fields the assessment does not hold, asked once and kept with it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from idmf.domain.publishing import EDI_IMPLICATION, IMPLICATIONS, CoverDetails, Purpose
from idmf.services.context import AppContext
from idmf.ui import messages

HEADING = "Board paper details"
DATE_FORMAT = "%d/%m/%Y"


def _text_box(text: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field of the form
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class CoverDetailsDialog(QDialog):
    """Meeting, date, paper reference, agenda item, presenter, purpose, BAF risk, conflicts and the rest."""

    def __init__(self, context: AppContext, assessment_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cover_details_dialog")
        self.setWindowTitle(HEADING)
        self.context, self.assessment_id = context, assessment_id
        details = context.publishing.cover_details(assessment_id)
        self.drafts = context.publishing.cover_sheet(assessment_id, details.model_copy(
            update={"executive_summary": "", "recommendations": ""}))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, label, hint in (("meeting", "Meeting", "e.g. ICB Public Board"),
                                 ("meeting_date", "Date of meeting", "DD/MM/YYYY"),
                                 ("paper_reference", "Paper reference", "e.g. PB/26/031"),
                                 ("agenda_item", "Agenda item", "e.g. 7.2"),
                                 ("presenter", "Presented by", "Name and role"),
                                 ("conflicts", "Conflicts of interest", "e.g. None declared"),
                                 ("baf_risk", "Board Assurance Framework (BAF) risk", "e.g. BAF 4, or None")):
            value = getattr(details, key)
            self.fields[key] = QLineEdit(value.strftime(DATE_FORMAT) if isinstance(value, dt.date) else value or "")
            self.fields[key].setPlaceholderText(hint)
            self.fields[key].setAccessibleName(label)
            form.addRow(f"{label}:", self.fields[key])
        form.insertRow(5, "Primary purpose:", self._purpose_row(details.purpose))
        self.objectives = _text_box(details.strategic_objectives, 2)
        self.appendices = _text_box(details.other_appendices, 2)
        self.summary = _text_box(details.executive_summary or self.drafts.executive_summary, 6)
        self.recommendations = _text_box(details.recommendations or self.drafts.recommendations, 4)
        for label, box in (("Strategic objectives", self.objectives), ("Other appendices (one a line)", self.appendices),
                           ("Executive summary (drafted from the answers)", self.summary),
                           ("Recommendations (drafted from the decision)", self.recommendations)):
            box.setAccessibleName(label.split(" (")[0])
            form.addRow(f"{label}:", box)
        form.addRow("Implications:", self._implications(details))
        self._layout(form)

    def _purpose_row(self, chosen: Purpose | None) -> QWidget:
        row, layout = QWidget(), QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        self.purpose = QButtonGroup(self)
        for purpose in Purpose:
            button = QRadioButton(purpose.label)
            button.setObjectName(f"purpose_{purpose.value}")
            button.setChecked(purpose == chosen)
            self.purpose.addButton(button)
            button.setProperty("purpose", purpose.value)
            layout.addWidget(button)
        layout.addStretch()
        row.setLayout(layout)
        return row

    def _implications(self, details: CoverDetails) -> QGroupBox:
        group, layout = QGroupBox(), QVBoxLayout()
        group.setFlat(True)
        self.implications: dict[str, QCheckBox] = {}
        for key, label in IMPLICATIONS:
            box = QCheckBox(label)
            box.setChecked(details.ticked(key))
            if key == EDI_IMPLICATION:
                box.setEnabled(False)
                box.setToolTip("Always ticked: the equality analysis is Appendix 1.")
            self.implications[key] = box
            layout.addWidget(box)
        group.setLayout(layout)
        return group

    def _layout(self, form: QFormLayout) -> None:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above the boxes when space is short
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the boxes wrap instead
        scroll.setWidget(inner)
        note = QLabel("These details go on the board paper's cover sheet with the assessment. They are kept with this "
                      "version, and a new version starts with them. Leave a box empty if you do not know yet.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout()
        for widget in (note, scroll, buttons):
            layout.addWidget(widget)
        self.setLayout(layout)
        self.resize(760, 640)

    def details(self) -> CoverDetails:
        """What the dialog holds now (raises ValueError, in words, for a date that is not a date)."""
        text = self.fields["meeting_date"].text().strip()
        try:
            meeting_date = dt.datetime.strptime(text, DATE_FORMAT).date() if text else None
        except ValueError:
            raise ValueError(f"“{text}” is not a date: write the date of the meeting as DD/MM/YYYY, for example "
                             "12/03/2026, or leave it empty.") from None
        checked = self.purpose.checkedButton()
        summary, recommendations = self.summary.toPlainText().strip(), self.recommendations.toPlainText().strip()
        return CoverDetails(
            **{key: box.text() for key, box in self.fields.items() if key != "meeting_date"},
            meeting_date=meeting_date, purpose=checked.property("purpose") if checked else None,
            strategic_objectives=self.objectives.toPlainText(), other_appendices=self.appendices.toPlainText(),
            implications=[k for k, box in self.implications.items() if box.isChecked() and k != EDI_IMPLICATION],
            # The drafts keep following the answers until someone rewrites them.
            executive_summary="" if summary == self.drafts.executive_summary.strip() else summary,
            recommendations="" if recommendations == self.drafts.recommendations.strip() else recommendations)

    def accept(self) -> None:
        """Save and close; a wrong date is explained and nothing is lost."""
        try:
            self.context.publishing.save_cover_details(self.assessment_id, self.details())
        except ValueError as exc:
            messages.warning(self, HEADING, str(exc))
            self.fields["meeting_date"].setFocus()
            return
        super().accept()


def edit_cover_details(parent: QWidget | None, context: AppContext, assessment_id: int) -> bool:
    """Show the dialog; True when the details were saved."""
    dialog = CoverDetailsDialog(context, assessment_id, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted

"""The readiness checklist beside the editor: what stands between the draft and a committee, step by step.

Each finding says in words whether it must be fixed or is advice (with an icon as well, never colour
alone); double-click, Enter or "Take me there" moves to the question it is about.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QLabel, QPushButton, QStyle, QStyledItemDelegate, QStyleOptionViewItem,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from idmf.domain.answer_text import date_text
from idmf.domain.assessment import Status
from idmf.domain.questions import APPROVAL_MEETING_DATE
from idmf.review.calibration import for_display
from idmf.review.readiness import Finding, ReadinessReport, check
from idmf.ui.announce import set_status

FINDING_ROLE = Qt.ItemDataRole.UserRole + 1  # the Finding of a row (None for a step heading)
BLOCKING_WORD, WARNING_WORD, NOT_STARTED_WORD = "Must fix", "Advice", "not started"


def step_heading(title: str, blocking: int, warnings: int) -> str:
    """'Step title — 2 to fix, 1 advice'."""
    parts = [f"{blocking} to fix" if blocking else "", f"{warnings} advice" if warnings else ""]
    return f"{title} — {', '.join(p for p in parts if p)}"


class _WrapDelegate(QStyledItemDelegate):
    """Measures a row at the width it is drawn at, so long text wraps instead of being cut off."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt override
        view, depth, parent = self.parent(), 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        measured = QStyleOptionViewItem(option)
        # Qt wraps only within a valid rectangle: the width it will be drawn at, any generous height.
        measured.rect = QRect(0, 0, max(50, view.viewport().width() - view.indentation() * depth), 10_000)
        return super().sizeHint(measured, index)


class WrappingTree(QTreeWidget):
    """A one-column tree whose rows wrap their text, re-wrapping when the panel changes width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.header().setAccessibleName("Column header")
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(_WrapDelegate(self))
        self.setStyleSheet("QTreeView::item { padding-top: 3px; padding-bottom: 3px; }")  # rows read apart

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # row heights depend on the width once text wraps


class FindingTree(WrappingTree):
    """Enter or Return on a finding asks to go to it, like a double-click (on every platform)."""

    sig_go = Signal(object)  # Finding

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            if item.data(0, FINDING_ROLE) is not None:
                self.sig_go.emit(item.data(0, FINDING_ROLE))
                return
        super().keyPressEvent(event)


class ChecklistPanel(QWidget):
    """Lists the readiness check's findings for one assessment, grouped by step."""

    def __init__(self, go_to: Callable[[str, str | None], None], titles: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_checklist")
        self._go_to = go_to
        self._titles = titles  # section id -> "1. Aims of the Proposal"
        self.report: ReadinessReport | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("checklist_summary")
        self.tree = FindingTree()
        self.tree.setObjectName("checklist")
        self.tree.setAccessibleName("Committee-readiness checklist")
        self.tree.setAccessibleDescription("Items to fix before committee, by step. Press Enter to go to one.")
        self.tree.doubleClicked.connect(lambda index: self._go(index.data(FINDING_ROLE)))
        self.tree.sig_go.connect(self._go)
        self.go_button = QPushButton("&Take me there")
        self.go_button.setAccessibleName("Take me there: go to the selected item's question")
        self.go_button.clicked.connect(lambda: self._go(self.current_finding()))
        self.tree.currentItemChanged.connect(lambda *_: self.go_button.setEnabled(self.current_finding() is not None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.go_button)
        self.go_button.setEnabled(False)

    def show_report(self, report: ReadinessReport, signed_off: dt.date | None = None) -> None:
        """Replace the list with a new check's findings (the selected finding stays selected if still there)."""
        keep = self.current_finding()
        self.report = report
        self.tree.clear()
        icons = {True: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 False: self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        for step, count in report.counts().items():
            if step in report.not_started:
                self._add_not_started(step)
            elif count.total:
                self._add_step(report, step, count.blocking, count.warnings, icons, keep)
        self.tree.expandAll()
        if self.tree.currentItem() is not None:
            self.tree.scrollToItem(self.tree.currentItem())
        prefix = f"Signed off on {date_text(signed_off)}; as checked on that day: " if signed_off else ""
        set_status(self.summary, prefix + self._summary_text(report))  # a new count is read out
        self.go_button.setEnabled(self.current_finding() is not None)

    def _add_step(self, report, step, blocking, warnings, icons, keep) -> None:
        heading = QTreeWidgetItem([step_heading(self._titles.get(step, step), blocking, warnings)])
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        self.tree.addTopLevelItem(heading)
        for finding in sorted(report.for_step(step), key=lambda f: not f.blocking):  # what must be fixed first
            word = BLOCKING_WORD if finding.blocking else WARNING_WORD
            item = QTreeWidgetItem([f"{word}: {finding.message}"])
            item.setIcon(0, icons[finding.blocking])
            item.setData(0, FINDING_ROLE, finding)
            item.setToolTip(0, f"{word}: {finding.message}\nDouble-click or press Enter to go there.")
            heading.addChild(item)
            if finding == keep:
                self.tree.setCurrentItem(item)

    def _add_not_started(self, step: str) -> None:
        heading = QTreeWidgetItem([f"{self._titles.get(step, step)} — {NOT_STARTED_WORD}"])
        heading.setToolTip(0, "Nothing is filled in here yet, so its checks wait until you start this step.")
        self.tree.addTopLevelItem(heading)

    @staticmethod
    def _summary_text(report: ReadinessReport) -> str:
        blocking, warnings = len(report.blocking), len(report.warnings)
        waiting = len(report.not_started)
        if waiting and not report.findings:
            return (f"{waiting} step{'s' if waiting != 1 else ''} not started yet. Nothing to fix in the steps you "
                    "have worked on.")
        if not report.findings:
            return "Ready for committee: the check found nothing to fix."
        start = ("Nothing blocks this assessment from going to committee." if not blocking else
                 f"{blocking} item{'s' if blocking != 1 else ''} must be fixed before committee.")
        return f"{start} {warnings} piece{'s' if warnings != 1 else ''} of advice." if warnings else start

    def current_finding(self) -> Finding | None:
        """The finding selected in the list (None for a step heading or nothing)."""
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def _go(self, finding: Finding | None) -> None:
        if finding is not None:
            self._go_to(finding.step, finding.question_id)


def signed_off_on(assessment) -> dt.date | None:
    """The committee's meeting date of an approved assessment (None while it is not approved)."""
    meeting = assessment.answers.get(APPROVAL_MEETING_DATE)
    return meeting if assessment.status == Status.APPROVED and isinstance(meeting, dt.date) else None


def run_check(editor) -> ReadinessReport:
    """The readiness check of the editor's assessment as it is saved now (a few milliseconds: no debounce),
    calibrated for display: steps not started yet say so instead of listing their gaps.

    A signed-off version is checked as on its committee date: by now its action dates have passed, which
    says nothing about whether it was ready then.
    """
    full = check(editor.assessment, editor.form, signed_off_on(editor.assessment) or dt.date.today())
    return for_display(full, editor.assessment, editor.form)

"""The step list on the left: every section with a completion mark in words (not colour alone), and the
number of readiness-check items to fix (drawn under the mark, so the item's own text stays the completion)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (QAbstractItemView, QListWidget, QListWidgetItem, QSizePolicy, QStyledItemDelegate,
                               QStyleOptionViewItem)

from idmf.domain.answers import is_blank
from idmf.domain.assessment import Assessment
from idmf.forms.schema import FormDefinition, Section

DONE_MARK = "✓"
LIST_CHARS = 30  # wide enough for most step titles at any scaling; longer ones wrap
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 1  # "· 2 to fix" for a step, or ""


def findings_text(count: int) -> str:
    """'· 2 to fix' (empty when nothing needs fixing)."""
    return f"· {count} to fix" if count else ""


class _StepDelegate(QStyledItemDelegate):
    """Draws an item's findings line under its text; measures items at the width they are drawn at, so a long
    title wraps onto another line and the completion line under it is never dropped."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt override
        view = self.parent()
        measured = QStyleOptionViewItem(option)
        # Qt wraps only within a valid rectangle: the width the item is drawn at, any generous height.
        measured.rect = QRect(0, 0, view.viewport().width() - 2 * view.spacing(), 10_000)
        return super().sizeHint(measured, index)

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt override
        super().initStyleOption(option, index)
        extra = index.data(FINDINGS_ROLE)
        if extra:
            option.text = f"{option.text}\u2028{extra}"  # Qt's line separator: a plain newline is not drawn


def completion_text(assessment: Assessment, form: FormDefinition, section: Section) -> str:
    """'✓ Complete', '3 of 5 answered' or, for a section without required questions, 'Optional: 2 of 5 answered'."""
    answered, required = assessment.section_progress(form, section)
    if required == 0:
        filled = sum(not is_blank(assessment.answers.get(q.id)) for q in section.all_questions())
        return f"Optional: {filled} of {len(section.all_questions())} answered"
    if answered == required:
        return f"{DONE_MARK} Complete"
    return f"{answered} of {required} answered"


class StepList(QListWidget):
    """Keyboard usable: arrow keys move between steps, and the editor shows the current one."""

    def __init__(self, form: FormDefinition, parent=None) -> None:
        super().__init__(parent)
        self.form = form
        self.setObjectName("step_list")
        self.setAccessibleName("Steps")
        self.setAccessibleDescription("The sections of the assessment; the arrow keys move between them.")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(max(2, self.fontMetrics().height() // 4))
        self.setFixedWidth(self.fontMetrics().averageCharWidth() * LIST_CHARS)  # from the font: scales with it
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setItemDelegate(_StepDelegate(self))
        self._finding_counts: dict[str, int] = {}
        for section in form.sections:
            item = QListWidgetItem(section.display_title)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.addItem(item)

    def refresh(self, assessment: Assessment) -> None:
        """Update every step's completion mark."""
        for row, section in enumerate(self.form.sections):
            text = f"{section.display_title}\n{completion_text(assessment, self.form, section)}"
            item = self.item(row)
            item.setText(text)
            self._show_count(item)

    def set_finding_counts(self, counts: dict[str, int]) -> None:
        """Show how many readiness-check items each step has to fix (section id -> count)."""
        self._finding_counts = dict(counts)
        for row in range(self.count()):
            self._show_count(self.item(row))
        self.doItemsLayout()  # the extra line changes item heights

    def _show_count(self, item: QListWidgetItem) -> None:
        extra = findings_text(self._finding_counts.get(item.data(Qt.ItemDataRole.UserRole), 0))
        item.setData(FINDINGS_ROLE, extra)
        spoken = item.text().replace("\n", ", ") + (f", {extra.lstrip('· ')}" if extra else "")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
